import { Decimal } from '../../src/core/money';
import { runBilling } from '../../src/engine/runBilling';
import { billOn, workbook } from '../builders/workbook';
import { afterRun } from '../builders/runs';
import { exceptionsOf, onlyInvoice } from '../builders/results';

const JANUARY = billOn('2025-01-31');

/** One order per (id, customer), each with a collector at 100 and one hour of time. */
const ordersOf = (...orders: [string, string][]) => {
  const b = workbook();
  orders.forEach(([id, customer], i) =>
    b
      .order(id, { customer })
      .node(`P-${id}`, { order: id })
      .line(`${id}/1`, { item: 'Support', price: '100', link: 'MainProject' })
      .time(`E${i + 1}`, { date: '2025-01-06', person: 'Anna', node: `P-${id}`, hours: 1 }),
  );
  return b;
};

describe('invoice numbers', () => {
  it('continues after the highest number issued with the current prefix', () => {
    const book = ordersOf(['O1', 'Acme'])
      .issuedInvoice('INV-00007')
      .issuedInvoice('INV-00012')
      .issuedInvoice('OLD-00099')
      .issuedInvoice('INV-12A')
      .build();
    expect(onlyInvoice(runBilling(book, JANUARY)).invoiceNo).toBe('INV-00013');
  });

  it('starts at 1, zero-padded to InvoiceNumberWidth, with the Settings prefix', () => {
    const book = ordersOf(['O1', 'Acme']).settings({ invoicePrefix: 'R', invoiceNumberWidth: 3 }).build();
    expect(onlyInvoice(runBilling(book, JANUARY)).invoiceNo).toBe('R001');
  });

  it('numbers by customer (ignoring case), then order id in natural order', () => {
    const book = ordersOf(['ORD-10', 'beta'], ['ORD-10b', 'Alpha'], ['ORD-9', 'beta']).build();
    expect(runBilling(book, JANUARY).invoices.map((i) => [i.invoiceNo, i.source])).toEqual([
      ['INV-00001', 'ORD-10b'],
      ['INV-00002', 'ORD-9'],
      ['INV-00003', 'ORD-10'],
    ]);
  });

  it('writes the invoice number back to every billed entry', () => {
    const result = runBilling(ordersOf(['O1', 'Acme'], ['O2', 'Bravo']).build(), JANUARY);
    expect(result.invoiceNoUpdates).toEqual([
      { table: 'TimeEntries', index: 0, invoiceNo: 'INV-00001' },
      { table: 'TimeEntries', index: 1, invoiceNo: 'INV-00002' },
    ]);
  });

  it('dates invoices on the billing date', () => {
    expect(onlyInvoice(runBilling(ordersOf(['O1', 'Acme']).build(), JANUARY)).date).toBe(JANUARY.billingDate);
  });
});

describe('what is not issued', () => {
  it('does not issue an invoice whose net rounds to zero, and leaves its time unsettled', () => {
    const book = ordersOf(['O1', 'Acme']).build();
    // 1 h at 0.004 is 0.00 to the cent, but the time has a price: it waits.
    book.lineItems[0].unitPrice = new Decimal('0.004');
    const result = runBilling(book, JANUARY);
    expect(result.invoices).toEqual([]);
    expect(result.invoiceNoUpdates).toEqual([]);
  });

  it('does not issue an invoice for time priced at zero, and settles that time as No charge', () => {
    const book = ordersOf(['O1', 'Acme']).build();
    book.lineItems[0].unitPrice = new Decimal(0);
    const result = runBilling(book, JANUARY);
    expect(result.invoices).toEqual([]);
    expect(result.invoiceNoUpdates).toEqual([{ table: 'TimeEntries', index: 0, invoiceNo: 'No charge' }]);
  });

  it('reports new time on a Billed order as OrderBilled and bills nothing', () => {
    const book = ordersOf(['O1', 'Acme']).build();
    book.orders[0].billingMode = 'Billed';
    const result = runBilling(book, JANUARY);
    expect(result.invoices).toEqual([]);
    expect(exceptionsOf(result)).toEqual([['E1', 'OrderBilled', 3600]]);
  });

  it('consumes no numbers in a preview and writes nothing back', () => {
    const book = ordersOf(['O1', 'Acme']).build();
    const preview = runBilling(book, billOn('2025-01-31', true));
    expect([preview.invoices[0].invoiceNo, preview.invoiceNoUpdates]).toEqual(['', []]);
    expect(onlyInvoice(runBilling(book, JANUARY)).invoiceNo).toBe('INV-00001');
  });

  it('bills nothing on a rerun once the InvoiceNo cells are written back', () => {
    const book = ordersOf(['O1', 'Acme'], ['O2', 'Bravo']).build();
    const first = runBilling(book, JANUARY);
    const second = runBilling(afterRun(book, first), JANUARY);
    expect([second.invoices, second.invoiceNoUpdates, second.exceptions]).toEqual([[], [], []]);
  });

  it('does not report the OverLimit rest of a partly billed entry again on a rerun', () => {
    const book = ordersOf(['O1', 'Acme']).build();
    book.lineItems[0].maxBillable = 1800;
    const first = runBilling(book, JANUARY);
    expect(exceptionsOf(first)).toEqual([['E1', 'OverLimit', 1800]]);
    expect(runBilling(afterRun(book, first), JANUARY).exceptions).toEqual([]);
  });
});
