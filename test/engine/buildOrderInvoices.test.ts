import type { InvoiceTimes } from '../../src/schema/model';
import { buildOrderInvoices } from '../../src/engine/buildOrderInvoices';
import { matchTimeEntries } from '../../src/engine/matchTimeEntries';
import { runBilling } from '../../src/engine/runBilling';
import { billOn, workbook } from '../builders/workbook';
import { onlyInvoice, rowsOf } from '../builders/results';

const JANUARY = billOn('2025-01-31');

/**
 * Three items on collectors of P1, chosen by category:
 *   E1 Mon 6th  Anna dev    1:00 "API"      Dev    100 -> 100.00
 *   E2 Mon 6th  Bob  test   0:30            Test    80 ->  40.00
 *   E3 Tue 7th  Anna design 2:00 "Mockups"  Design 120 -> 240.00
 *   E4 Wed 8th  Bob  dev    1:30 "Fixes"    Dev    100 -> 150.00      net 530.00
 * Dev and Test are in group Engineering, Design in Creative.
 */
const fourEntries = (invoiceTimes: InvoiceTimes, separateE4 = false) =>
  workbook()
    .item('Dev', { group: 'Engineering' })
    .item('Test', { group: 'Engineering' })
    .item('Design', { group: 'Creative' })
    .order('O1', { invoiceTimes })
    .node('P1', { order: 'O1' })
    .line('O1/1', { item: 'Dev', price: '100', link: 'MainProject', category: 'dev' })
    .line('O1/2', { item: 'Test', price: '80', link: 'MainProject', category: 'test' })
    .line('O1/3', { item: 'Design', price: '120', link: 'MainProject', category: 'design' })
    .time('E4', { date: '2025-01-08', person: 'Bob', node: 'P1', hours: '1:30', category: 'dev', comment: 'Fixes', separateRow: separateE4 })
    .time('E3', { date: '2025-01-07', person: 'Anna', node: 'P1', hours: '2:00', category: 'design', comment: 'Mockups' })
    .time('E2', { date: '2025-01-06', person: 'Bob', node: 'P1', hours: '0:30', category: 'test' })
    .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: '1:00', category: 'dev', comment: 'API' })
    .build();

describe('Invoice Times options (Basis Actual)', () => {
  it('One Row Total: one row with the time description and the total hours', () => {
    const invoice = onlyInvoice(runBilling(fourEntries('OneRowTotal'), JANUARY));
    expect(rowsOf(invoice)).toEqual([['Professional services', '5.00', '', '530.00', 'E1,E2,E3,E4']]);
    expect(invoice.rows[0].item).toBeUndefined();
  });

  it("One Row Total uses the order's own TimeDescription when it has one", () => {
    const book = fourEntries('OneRowTotal');
    book.orders[0].timeDescription = 'Consulting January';
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))[0][0]).toBe('Consulting January');
  });

  it('By Groups: a row per item group, named by the group', () => {
    expect(rowsOf(onlyInvoice(runBilling(fourEntries('ByGroups'), JANUARY)))).toEqual([
      ['Engineering', '3.00', '', '290.00', 'E1,E2,E4'],
      ['Creative', '2.00', '120.00', '240.00', 'E3'],
    ]);
  });

  it('By Items: a row per item in order of first appearance', () => {
    expect(rowsOf(onlyInvoice(runBilling(fourEntries('ByItems'), JANUARY)))).toEqual([
      ['Dev', '2.50', '100.00', '250.00', 'E1,E4'],
      ['Test', '0.50', '80.00', '40.00', 'E2'],
      ['Design', '2.00', '120.00', '240.00', 'E3'],
    ]);
  });

  it('By Transactions: a row per transaction, "Item: Comment" or the item alone', () => {
    expect(rowsOf(onlyInvoice(runBilling(fourEntries('ByTransactions'), JANUARY)))).toEqual([
      ['Dev: API', '1.00', '100.00', '100.00', 'E1'],
      ['Test', '0.50', '80.00', '40.00', 'E2'],
      ['Design: Mockups', '2.00', '120.00', '240.00', 'E3'],
      ['Dev: Fixes', '1.50', '100.00', '150.00', 'E4'],
    ]);
  });

  it('By Items/Person: a row per item and person, "Item: Person"', () => {
    expect(rowsOf(onlyInvoice(runBilling(fourEntries('ByItemsPerson'), JANUARY)))).toEqual([
      ['Dev: Anna', '1.00', '100.00', '100.00', 'E1'],
      ['Test: Bob', '0.50', '80.00', '40.00', 'E2'],
      ['Design: Anna', '2.00', '120.00', '240.00', 'E3'],
      ['Dev: Bob', '1.50', '100.00', '150.00', 'E4'],
    ]);
  });

  it('SeparateRow gives an entry its own row under By Items', () => {
    expect(rowsOf(onlyInvoice(runBilling(fourEntries('ByItems', true), JANUARY)))).toEqual([
      ['Dev', '1.00', '100.00', '100.00', 'E1'],
      ['Test', '0.50', '80.00', '40.00', 'E2'],
      ['Design', '2.00', '120.00', '240.00', 'E3'],
      ['Dev: Fixes', '1.50', '100.00', '150.00', 'E4'],
    ]);
  });

  it('takes the option from Settings when the order has none', () => {
    const book = fourEntries('ByItems');
    book.orders[0].invoiceTimes = undefined;
    book.settings.invoiceTimes = 'OneRowTotal';
    expect(onlyInvoice(runBilling(book, JANUARY)).rows).toHaveLength(1);
  });

  it('fills Item, Person and LineItem on a row that is for exactly one of each', () => {
    const row = onlyInvoice(runBilling(fourEntries('ByItemsPerson'), JANUARY)).rows[0];
    expect([row.item, row.person, row.lineItem, row.source]).toEqual(['Dev', 'Anna', 'O1/1', 'O1']);
  });

  it('leaves Person blank on a row for two people', () => {
    const row = onlyInvoice(runBilling(fourEntries('ByItems'), JANUARY)).rows[0];
    expect([row.item, row.person]).toEqual(['Dev', undefined]);
  });
});

describe('row amounts', () => {
  const twoQuarterHours = (invoiceTimes: InvoiceTimes) =>
    workbook()
      .order('O1', { invoiceTimes })
      .node('P1', { order: 'O1' })
      .line('O1/1', { item: 'Support', price: '27.50', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: '15m' })
      .time('E2', { date: '2025-01-07', person: 'Anna', node: 'P1', hours: '15m' })
      .build();

  it('rounds once per row: 2 x 15 min at 27.50 is 13.75', () => {
    expect(rowsOf(onlyInvoice(runBilling(twoQuarterHours('ByItems'), JANUARY)))).toEqual([['Support', '0.50', '27.50', '13.75', 'E1,E2']]);
  });

  it('rounds each transaction row half-up: 15 min at 27.50 is 6.88', () => {
    const invoice = onlyInvoice(runBilling(twoQuarterHours('ByTransactions'), JANUARY));
    expect(invoice.rows.map((r) => r.amount.toFixed(2))).toEqual(['6.88', '6.88']);
    expect(invoice.net.toFixed(2)).toBe('13.76');
  });

  it('splits a row by revenue account: two rows with the same text', () => {
    const book = fourEntries('OneRowTotal');
    book.items[0].revenueAccount = 'Development Revenue';
    expect(onlyInvoice(runBilling(book, JANUARY)).rows.map((r) => [r.description, r.revenueAccount, r.amount.toFixed(2)])).toEqual([
      ['Professional services', 'Development Revenue', '250.00'],
      ['Professional services', 'Professional Services', '280.00'],
    ]);
  });

  it("taxes the net at the order's rate, half-up to cents", () => {
    const book = twoQuarterHours('ByItems');
    book.orders[0].taxRate = book.settings.taxRate.plus('0.19');
    const invoice = onlyInvoice(runBilling(book, JANUARY));
    // 13.75 x 0.19 = 2.6125 -> 2.61
    expect([invoice.net, invoice.tax, invoice.gross].map((d) => d.toFixed(2))).toEqual(['13.75', '2.61', '16.36']);
  });

  it('taxes at the Settings rate when the order has none', () => {
    const book = twoQuarterHours('ByItems');
    book.settings.taxRate = book.settings.taxRate.plus('0.2');
    expect(onlyInvoice(runBilling(book, JANUARY)).tax.toFixed(2)).toBe('2.75');
  });
});

describe('cost per order', () => {
  /** Anna (cost 50/h) and Bob (no cost) each work 1 h on item Dev (cost price 30 + extra 5). */
  const costed = () =>
    workbook()
      .person('Anna', { costPerHour: '50' })
      .person('Bob')
      .item('Dev', { costPrice: '30', extraCost: '5' })
      .order('O1')
      .node('P1', { order: 'O1' })
      .line('O1/1', { item: 'Dev', price: '100', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1 })
      .time('E2', { date: '2025-01-06', person: 'Bob', node: 'P1', hours: 1 });
  const costOf = (book: ReturnType<ReturnType<typeof costed>['build']>) =>
    buildOrderInvoices(book, matchTimeEntries(book, JANUARY), JANUARY).costByOrder.get(book.orders[0].key)?.toFixed(2);

  it("costs by the person's rate, else the item's cost price plus extra cost", () => {
    expect(costOf(costed().build())).toBe('85.00');
  });

  it("prefers Settings DefaultCostPerHour over the item's cost", () => {
    expect(costOf(costed().settings({ defaultCostPerHour: '40' }).build())).toBe('90.00');
  });

  it('costs non-billable time and time billed on earlier runs on the order too', () => {
    const book = costed()
      .time('E3', { date: '2025-01-07', person: 'Anna', node: 'P1', hours: '30m', billable: false })
      .time('E4', { date: '2025-01-02', person: 'Anna', node: 'P1', hours: '30m', invoiceNo: 'INV-00001' })
      .build();
    expect(costOf(book)).toBe('135.00');
  });

  it('costs recorded time, not the rounded billable time', () => {
    const book = costed().settings({ roundUpMinutes: 60 }).build();
    book.timeEntries[0].seconds = 1800;
    // Anna 0:30 x 50 + Bob 1:00 x 35 = 25 + 35
    expect(costOf(book)).toBe('60.00');
  });

  it('rounds the exact cost once per order, half-up', () => {
    const book = costed().build();
    book.people[0].costPerHour = book.people[0].costPerHour!.minus('49.99'); // 0.01 per hour
    book.timeEntries[0].seconds = 1800; // 0.005 -> with Bob's 35.00 gives 35.005 -> 35.01
    expect(costOf(book)).toBe('35.01');
  });
});
