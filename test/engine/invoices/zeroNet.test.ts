/**
 * §8 Zero net (docs/billing-rules.md section 8): an invoice of zero net is not issued and
 * uses no number. Time priced at zero is settled as `No charge`, which no later run bills or
 * matches again; OrderStatus and --json report it; the order's other waiting time waits on.
 */
import { jsonSummary } from '../../../src/cli/jsonSummary';
import { runBilling } from '../../../src/engine/runBilling';
import { LedgerBook } from '../../builders/ledgerBook';
import { billOn, workbook } from '../../builders/workbook';
import { afterRun } from '../../builders/runs';
import { exceptionsOf } from '../../builders/results';
import { JANUARY } from '../../builders/scenarios';

/** O1 bills a warranty line at price 0; E1 and E2 are booked on it. */
const warranty = () =>
  workbook()
    .order('O1', { customer: 'Acme' })
    .node('P1', { order: 'O1' })
    .line('O1/1', { item: 'Warranty', price: '0', link: 'MainProject' })
    .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1 })
    .time('E2', { date: '2025-01-07', person: 'Ben', node: 'P1', hours: '0:30' });

describe('§8 Zero net: an invoice of zero net is not issued and uses no number', () => {
  test('an order whose time is all priced at zero issues no invoice and uses no number (the next order takes it); every entry of it gets No charge', () => {
    const result = runBilling(warranty().build(), JANUARY);
    expect(result.invoices).toEqual([]);
    expect(result.invoiceNoUpdates).toEqual([
      { table: 'TimeEntries', index: 0, invoiceNo: 'No charge' },
      { table: 'TimeEntries', index: 1, invoiceNo: 'No charge' },
    ]);
    const twoOrders = workbook()
      .order('O1', { customer: 'Alpha' })
      .node('P1', { order: 'O1' })
      .line('O1/1', { item: 'Free', price: '0', link: 'MainProject' })
      .order('O2', { customer: 'Beta' })
      .node('P2', { order: 'O2' })
      .line('O2/1', { item: 'Support', price: '100', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1 })
      .time('E2', { date: '2025-01-06', person: 'Anna', node: 'P2', hours: 1 })
      .build();
    const both = runBilling(twoOrders, JANUARY);
    expect(both.invoices.map((i) => [i.invoiceNo, i.source, i.net.toFixed(2)])).toEqual([['INV-00001', 'O2', '100.00']]);
    expect(both.invoiceNoUpdates).toEqual([
      { table: 'TimeEntries', index: 0, invoiceNo: 'No charge' },
      { table: 'TimeEntries', index: 1, invoiceNo: 'INV-00001' },
    ]);
  });

  test('time with a price whose invoice rounds to zero issues nothing and is not No charge: it stays unsettled', () => {
    const book = warranty().build();
    // 1 h 30 min at 0.001 is 0.00 to the cent, but the time has a price: it waits.
    book.lineItems[0].unitPrice = book.lineItems[0].unitPrice.plus('0.001');
    const result = runBilling(book, JANUARY);
    expect([result.invoices, result.invoiceNoUpdates]).toEqual([[], []]);
  });
});

describe('§8 Zero net: time priced at zero is settled as No charge', () => {
  test('a later run neither bills nor reports No charge time again', () => {
    const book = warranty().build();
    const second = runBilling(afterRun(book, runBilling(book, JANUARY)), billOn('2025-02-28'));
    expect([second.invoices, second.invoiceNoUpdates, exceptionsOf(second)]).toEqual([[], [], []]);
  });

  test('OrderStatus reports the entries settled as No charge, and so does --json', () => {
    const result = runBilling(warranty().build(), JANUARY);
    expect(result.orderStatus[0]).toMatchObject({ orderId: 'O1', canBill: true, reason: '2 entries priced at zero settled as No charge', noChargeEntries: 2 });
    const summary = jsonSummary(result, { workbook: 'book.xlsx', output: 'out.xlsx' });
    expect(summary.orderStatus[0]).toMatchObject({ orderId: 'O1', noChargeEntries: 2 });
  });

  test('a preview reports No charge time and marks nothing', () => {
    const result = runBilling(warranty().build(), billOn('2025-01-31', true));
    expect(result.invoiceNoUpdates).toEqual([]);
    expect(result.orderStatus[0].noChargeEntries).toBe(2);
  });

  test("the order's other waiting time keeps waiting", () => {
    // Line 2 bills only once its work package is Completed; line 1 (price 0) bills now.
    const book = workbook()
      .order('O1', { customer: 'Acme', billingMode: 'BillingRules' })
      .node('P1', { order: 'O1' })
      .node('WP2', { parent: 'P1', order: 'O1', lineItem: 'O1/2', status: 'InProgress' })
      .line('O1/1', { item: 'Warranty', price: '0', link: 'MainProject' })
      .line('O1/2', { item: 'Build', price: '100', billAtStatus: 'Completed' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1 })
      .time('E2', { date: '2025-01-06', person: 'Anna', node: 'WP2', hours: 2 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(result.invoices).toEqual([]);
    expect(result.invoiceNoUpdates).toEqual([{ table: 'TimeEntries', index: 0, invoiceNo: 'No charge' }]);
    expect(result.orderStatus[0].unbilled.toFixed(2)).toBe('200.00');
  });

  test('an entry that also bills on a priced invoice gets that invoice number, not No charge', () => {
    // O2's line (price 0) takes 1 h a day; the rest of E1 walks up to O1's collector at 100.
    const book = workbook()
      .order('O1', { customer: 'Acme' })
      .order('O2', { customer: 'Acme' })
      .node('P1', { order: 'O1' })
      .node('P2', { order: 'O2', parent: 'P1', kind: 'Subproject' })
      .line('O1/1', { item: 'Consulting', price: '100', link: 'MainProject' })
      .line('O2/1', { item: 'Warranty', price: '0', link: 'MainProject', max: '1h', per: 'day' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P2', hours: 3 })
      .time('E2', { date: '2025-01-07', person: 'Anna', node: 'P2', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(result.invoices.map((i) => [i.invoiceNo, i.source, i.net.toFixed(2)])).toEqual([['INV-00001', 'O1', '200.00']]);
    expect(result.invoiceNoUpdates).toEqual([
      { table: 'TimeEntries', index: 1, invoiceNo: 'No charge' },
      { table: 'TimeEntries', index: 0, invoiceNo: 'INV-00001' },
    ]);
    expect(result.orderStatus.find((o) => o.orderId === 'O2')?.noChargeEntries).toBe(1);
  });

  test('the ledger check accepts No charge marks: the next run reads clean and bills nothing', () => {
    const book = new LedgerBook({
      Orders: [{ OrderId: 'O1', Customer: 'Acme' }],
      LineItems: [{ OrderId: 'O1', Line: 1, Item: 'Warranty', UnitPrice: 0, Link: 'MainProject' }],
      ProjectTree: [{ NodeId: 'P1', ParentId: null, Name: 'Acme', Kind: 'MainProject', OrderId: 'O1', LineItem: null }],
      TimeEntries: [{ EntryId: 'E1', Date: '2025-01-06', Person: 'Anna', NodeId: 'P1', Hours: 1, InvoiceNo: null }],
    });
    const first = book.bill('2025-01-31');
    expect(first.lines).toEqual([]);
    expect(book.get('TimeEntries', 'EntryId', 'E1', 'InvoiceNo')).toBe('No charge');
    const again = book.bill('2025-02-28');
    expect(again.lines).toEqual([]);
    expect([again.result!.invoices, again.result!.invoiceNoUpdates, again.result!.warnings]).toEqual([[], [], []]);
  });

  test('time whose No charge mark is cleared by hand bills on the next run, at the price set since', () => {
    const book = new LedgerBook({
      Orders: [{ OrderId: 'O1', Customer: 'Acme' }],
      LineItems: [{ OrderId: 'O1', Line: 1, Item: 'Warranty', UnitPrice: 0, Link: 'MainProject' }],
      ProjectTree: [{ NodeId: 'P1', ParentId: null, Name: 'Acme', Kind: 'MainProject', OrderId: 'O1', LineItem: null }],
      TimeEntries: [{ EntryId: 'E1', Date: '2025-01-06', Person: 'Anna', NodeId: 'P1', Hours: 1, InvoiceNo: null }],
    });
    book.bill('2025-01-31');
    book.set('TimeEntries', 'EntryId', 'E1', 'InvoiceNo', null);
    book.set('LineItems', 'Line', '1', 'UnitPrice', 80);
    const run = book.bill('2025-02-28');
    expect(run.lines).toEqual([]);
    expect(run.result!.invoices.map((i) => [i.invoiceNo, i.net.toFixed(2)])).toEqual([['INV-00001', '80.00']]);
  });
});
