/**
 * §8 Numbers (docs/billing-rules.md section 8): the prefix and sequence, the order within a
 * run, the numbers written back, and a preview that numbers nothing.
 */
import { runBilling } from '../../../src/engine/runBilling';
import { billOn, workbook } from '../../builders/workbook';
import { afterRun } from '../../builders/runs';
import { onlyInvoice } from '../../builders/results';
import { JANUARY } from '../../builders/scenarios';

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

/**
 * Agreement AG-2 of customer Zeta (block 1 h at 50, 1 h added on Jan 3, overage at 70;
 * 3 h of time, so 1 h overage); order O1 of customer Alpha; agreement AG-10 of customer
 * alpha (block only): AG-2 before AG-10 in natural order, but alpha before Zeta.
 */
const mixed = () =>
  workbook()
    .order('O1', { customer: 'Alpha', invoiceTimes: 'ByItems' })
    .node('P1', { order: 'O1' })
    .line('O1/1', { item: 'Support', price: '100', link: 'MainProject' })
    .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1 })
    .agreement('AG-2', { customer: 'Zeta', start: '2025-01-01', hours: 1, rate: '50', overageRate: '70' })
    .addition('AG-2', { date: '2025-01-03', hours: 1 })
    .agreement('AG-10', { customer: 'alpha', start: '2025-01-01', hours: 1, rate: '50' })
    .time('T1', { date: '2025-01-07', person: 'Anna', agreement: 'AG-2', hours: 3 })
    .build();

describe('§8 Numbers: InvoicePrefix and a sequence padded to InvoiceNumberWidth, continuing after the highest', () => {
  it('the first number is the Settings InvoicePrefix and 1, zero-padded to InvoiceNumberWidth', () => {
    const book = ordersOf(['O1', 'Acme']).settings({ invoicePrefix: 'R', invoiceNumberWidth: 3 }).build();
    expect(onlyInvoice(runBilling(book, JANUARY)).invoiceNo).toBe('R001');
  });

  it('numbers continue after the highest sequence of the current prefix (compared ignoring case); other prefixes do not count', () => {
    const book = ordersOf(['O1', 'Acme'])
      .issuedInvoice('INV-00007')
      .issuedInvoice('INV-00012')
      .issuedInvoice('OLD-00099')
      .issuedInvoice('INV-12A')
      .build();
    expect(onlyInvoice(runBilling(book, JANUARY)).invoiceNo).toBe('INV-00013');
    const other = mixed();
    other.issuedInvoices = [
      { invoiceNo: 'inv-00040' },
      { invoiceNo: 'INV-2024-00090' },
      { invoiceNo: 'INVOICE-00070' },
      { invoiceNo: 'R-00080' },
    ];
    expect(runBilling(other, JANUARY).invoices.map((i) => i.invoiceNo)[0]).toBe('INV-00041');
  });
});

describe('§8 Numbers: within a run, Prepaid, then Order, then Overage, each by customer, then source', () => {
  it('order invoices are numbered by customer (ignoring case), then OrderId in natural order', () => {
    const book = ordersOf(['ORD-10', 'beta'], ['ORD-10b', 'Alpha'], ['ORD-9', 'beta']).build();
    expect(runBilling(book, JANUARY).invoices.map((i) => [i.invoiceNo, i.source])).toEqual([
      ['INV-00001', 'ORD-10b'],
      ['INV-00002', 'ORD-9'],
      ['INV-00003', 'ORD-10'],
    ]);
  });

  it('Prepaid invoices come first, then Order, then Overage, each by customer then source, prepaid ones by date', () => {
    const result = runBilling(mixed(), JANUARY);
    expect(result.invoices.map((i) => [i.invoiceNo, i.kind, i.customer, i.source, i.rows[0].description])).toEqual([
      ['INV-00001', 'Prepaid', 'alpha', 'AG-10', 'Prepaid hours AG-10'],
      ['INV-00002', 'Prepaid', 'Zeta', 'AG-2', 'Prepaid hours AG-2'],
      ['INV-00003', 'Prepaid', 'Zeta', 'AG-2', 'Additional hours AG-2'],
      ['INV-00004', 'Order', 'Alpha', 'O1', 'Support'],
      ['INV-00005', 'Overage', 'Zeta', 'AG-2', 'Hours beyond the block AG-2'],
    ]);
    expect(result.invoices.every((i) => i.date === JANUARY.billingDate)).toBe(true);
  });
});

describe('§8 Numbers: every billed entry gets its number written back; a preview numbers nothing', () => {
  it('every billed entry gets its invoice number written back', () => {
    const result = runBilling(ordersOf(['O1', 'Acme'], ['O2', 'Bravo']).build(), JANUARY);
    expect(result.invoiceNoUpdates).toEqual([
      { table: 'TimeEntries', index: 0, invoiceNo: 'INV-00001' },
      { table: 'TimeEntries', index: 1, invoiceNo: 'INV-00002' },
    ]);
  });

  it('a rerun after the InvoiceNo cells are written back bills nothing', () => {
    const book = ordersOf(['O1', 'Acme'], ['O2', 'Bravo']).build();
    const first = runBilling(book, JANUARY);
    const second = runBilling(afterRun(book, first), JANUARY);
    expect([second.invoices, second.invoiceNoUpdates, second.exceptions]).toEqual([[], [], []]);
  });

  it('a preview numbers nothing and writes nothing back, agreements included; the next real run takes the first number', () => {
    const result = runBilling(mixed(), billOn('2025-01-31', true));
    expect(result.invoices.map((i) => i.invoiceNo)).toEqual(['', '', '', '', '']);
    expect(result.invoiceNoUpdates).toEqual([]);
    const book = ordersOf(['O1', 'Acme']).build();
    const preview = runBilling(book, billOn('2025-01-31', true));
    expect([preview.invoices[0].invoiceNo, preview.invoiceNoUpdates]).toEqual(['', []]);
    expect(onlyInvoice(runBilling(book, JANUARY)).invoiceNo).toBe('INV-00001');
  });
});
