/**
 * §4 Time, price and cost (docs/billing-rules.md section 4): billing rounding, a row's amount
 * and unit price, and the cost of an order's time.
 */
import { buildOrderInvoices } from '../../src/engine/buildOrderInvoices';
import { matchTimeEntries } from '../../src/engine/matchTimeEntries';
import { runBilling } from '../../src/engine/runBilling';
import { workbook } from '../builders/workbook';
import { onlyInvoice, rowsOf } from '../builders/results';
import { JANUARY, oneCollector, project, twoQuarterHours } from '../builders/scenarios';

describe("§4 Billing rounding: an entry's billable time is its recorded time rounded up", () => {
  
  it('an entry bills its billable time: 50 minutes at RoundUpMinutes 15 bill one hour', () => {
    const book = oneCollector()
      .settings({ roundUpMinutes: 15 })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: '50m' })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))).toEqual([['Support', '1.00', '100.00', '100.00', 'E1']]);
  });
});

describe("§4 A row's Amount is exact and rounded once; UnitPrice shows when the row has one price", () => {

  it("a row's amount is rounded once, half-up to cents: 2 × 15 min at 27.50 is 13.75", () => {
    expect(rowsOf(onlyInvoice(runBilling(twoQuarterHours('ByItems'), JANUARY)))).toEqual([['Support', '0.50', '27.50', '13.75', 'E1,E2']]);
  });

  it('under By Transactions each row is rounded on its own: 15 min at 27.50 is 6.88', () => {
    const invoice = onlyInvoice(runBilling(twoQuarterHours('ByTransactions'), JANUARY));
    expect(invoice.rows.map((r) => r.amount.toFixed(2))).toEqual(['6.88', '6.88']);
    expect(invoice.net.toFixed(2)).toBe('13.76');
  });

  it('a row of two prices leaves UnitPrice blank and rounds its exact sum once', () => {
    // 15 min at 27.50 (cap) + 15 min at 27.51 = 6.875 + 6.8775 = 13.7525 -> 13.75
    const book = project('ByItems')
      .line('O1/1', { item: 'Support', price: '27.50', link: 'MainProject', priority: 1, max: '15m', per: 'month' })
      .line('O1/2', { item: 'Support', price: '27.51', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: '30m' })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))).toEqual([['Support', '0.50', '', '13.75', 'E1']]);
  });

  it('a One Row Total row shows UnitPrice when all its time has one price', () => {
    const book = project('OneRowTotal')
      .line('O1/1', { item: 'Dev', price: '100', link: 'MainProject', category: 'dev' })
      .line('O1/2', { item: 'Test', price: '100', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'dev' })
      .time('E2', { date: '2025-01-07', person: 'Anna', node: 'WP1', hours: '20m' })
      .build();
    // 20 min = 0.333 h -> 0.33 shown; 33.333 -> amount exact: 133.33
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))).toEqual([['Professional services', '1.33', '100.00', '133.33', 'E1,E2']]);
  });
});

describe('§4 Cost: recorded time times cost per hour, per order, rounded once', () => {
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

  it("time costs the person's CostPerHour, else the item's CostPrice plus ExtraCost", () => {
    expect(costOf(costed().build())).toBe('85.00');
  });

  it("Settings DefaultCostPerHour comes before the item's cost", () => {
    expect(costOf(costed().settings({ defaultCostPerHour: '40' }).build())).toBe('90.00');
  });

  it('non-billable time and time billed on earlier runs are costed on the order too', () => {
    const book = costed()
      .time('E3', { date: '2025-01-07', person: 'Anna', node: 'P1', hours: '30m', billable: false })
      .time('E4', { date: '2025-01-02', person: 'Anna', node: 'P1', hours: '30m', invoiceNo: 'INV-00001' })
      .build();
    expect(costOf(book)).toBe('135.00');
  });

  it('cost uses recorded time, not the rounded billable time', () => {
    const book = costed().settings({ roundUpMinutes: 60 }).build();
    book.timeEntries[0].seconds = 1800;
    // Anna 0:30 x 50 + Bob 1:00 x 35 = 25 + 35
    expect(costOf(book)).toBe('60.00');
  });

  it('the exact cost is rounded once per order, half-up', () => {
    const book = costed().build();
    book.people[0].costPerHour = book.people[0].costPerHour!.minus('49.99'); // 0.01 per hour
    book.timeEntries[0].seconds = 1800; // 0.005 -> with Bob's 35.00 gives 35.005 -> 35.01
    expect(costOf(book)).toBe('35.01');
  });
});
