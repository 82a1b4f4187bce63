/**
 * Review of billing-rules sections 2, 3, 4, 6 and 8 against the engine, one rule at a time,
 * through runBilling, with figures small enough to check by hand. Only what the other test
 * files do not already show clearly is here.
 */
import type { InvoiceTimes } from '../../src/schema/model';
import { runBilling } from '../../src/engine/runBilling';
import { billOn, workbook } from '../builders/workbook';
import { afterRun } from '../builders/runs';
import { exceptionsOf, invoiceFor, onlyInvoice, rowsOf } from '../builders/results';

const JANUARY = billOn('2025-01-31');

/** Order O1 (By Transactions) with main project P1 and a work package WP1 without a line. */
const project = (invoiceTimes: InvoiceTimes = 'ByTransactions') =>
  workbook()
    .order('O1', { invoiceTimes })
    .node('P1', { order: 'O1' })
    .node('WP1', { parent: 'P1', kind: 'WorkPackage' });

/** [entry ids, hours] of each row: which time a row took, without the money. */
const hoursByRow = (result: ReturnType<typeof runBilling>) => rowsOf(onlyInvoice(result)).map((r) => [r[4], r[1]]);

describe('section 3, caps: calendar periods at their boundaries', () => {
  /** One capped collector (1 h per `per`) and nothing else. */
  const capped = (per: string, validFrom?: string) =>
    project().line('O1/1', { item: 'Support', price: '100', link: 'MainProject', max: '1h', per, validFrom });

  it('an ISO week runs Monday to Sunday, across the turn of the year', () => {
    // Wed 2025-12-31 and Sun 2026-01-04 are in ISO week 2026-W01; Mon 2026-01-05 starts W02.
    const result = runBilling(
      capped('week')
        .time('E1', { date: '2025-12-31', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E2', { date: '2026-01-04', person: 'Anna', node: 'WP1', hours: '30m' })
        .time('E3', { date: '2026-01-05', person: 'Anna', node: 'WP1', hours: 1 })
        .build(),
      billOn('2026-01-31'),
    );
    expect(hoursByRow(result)).toEqual([
      ['E1', '1.00'],
      ['E3', '1.00'],
    ]);
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 1800]]);
  });

  it('a quarter ends on 31 March and 30 June', () => {
    const result = runBilling(
      capped('quarter')
        .time('E1', { date: '2025-03-31', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E2', { date: '2025-04-01', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E3', { date: '2025-06-30', person: 'Anna', node: 'WP1', hours: '30m' })
        .time('E4', { date: '2025-07-01', person: 'Anna', node: 'WP1', hours: '30m' })
        .build(),
      billOn('2025-07-31'),
    );
    expect(hoursByRow(result)).toEqual([
      ['E1', '1.00'],
      ['E2', '1.00'],
      ['E4', '0.50'],
    ]);
    expect(exceptionsOf(result)).toEqual([['E3', 'OverLimit', 1800]]);
  });

  it('a day cap splits a long day; the next day starts afresh', () => {
    const result = runBilling(
      capped('day')
        .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: '1:30' })
        .time('E2', { date: '2025-01-07', person: 'Anna', node: 'WP1', hours: 1 })
        .build(),
      JANUARY,
    );
    expect(hoursByRow(result)).toEqual([
      ['E1', '1.00'],
      ['E2', '1.00'],
    ]);
    expect(exceptionsOf(result)).toEqual([['E1', 'OverLimit', 1800]]);
  });

  it('a year ends on 31 December', () => {
    const result = runBilling(
      capped('year')
        .time('E1', { date: '2024-12-31', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E2', { date: '2025-01-01', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E3', { date: '2025-12-31', person: 'Anna', node: 'WP1', hours: 1 })
        .build(),
      billOn('2025-12-31'),
    );
    expect(hoursByRow(result)).toEqual([
      ['E1', '1.00'],
      ['E2', '1.00'],
    ]);
    expect(exceptionsOf(result)).toEqual([['E3', 'OverLimit', 3600]]);
  });

  it('"3 days" from a Friday ValidFrom runs Friday to Sunday, then Monday to Wednesday', () => {
    const result = runBilling(
      capped('3 days', '2025-01-03')
        .time('E1', { date: '2025-01-03', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E2', { date: '2025-01-05', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E3', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E4', { date: '2025-01-08', person: 'Anna', node: 'WP1', hours: 1 })
        .build(),
      JANUARY,
    );
    expect(hoursByRow(result)).toEqual([
      ['E1', '1.00'],
      ['E3', '1.00'],
    ]);
    expect(exceptionsOf(result)).toEqual([
      ['E2', 'OverLimit', 3600],
      ['E4', 'OverLimit', 3600],
    ]);
  });

  it('"2 quarters" without ValidFrom are half-years from January 2000: January..June, July..December', () => {
    const result = runBilling(
      capped('2 quarters')
        .time('E1', { date: '2025-01-02', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E2', { date: '2025-06-30', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E3', { date: '2025-07-01', person: 'Anna', node: 'WP1', hours: 1 })
        .build(),
      billOn('2025-07-31'),
    );
    expect(hoursByRow(result)).toEqual([
      ['E1', '1.00'],
      ['E3', '1.00'],
    ]);
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 3600]]);
  });

  it('"2 months" from ValidFrom 2025-01-15 run to 14 March', () => {
    const result = runBilling(
      capped('2 months', '2025-01-15')
        .time('E1', { date: '2025-01-15', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E2', { date: '2025-03-14', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E3', { date: '2025-03-15', person: 'Anna', node: 'WP1', hours: 1 })
        .build(),
      billOn('2025-03-31'),
    );
    expect(hoursByRow(result)).toEqual([
      ['E1', '1.00'],
      ['E3', '1.00'],
    ]);
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 3600]]);
  });
});

describe('section 3, caps count billable (rounded) time, including earlier runs', () => {
  it('an earlier-run entry dated after the billing date still holds its rounded room', () => {
    // E1 (invoiced earlier, 50 min -> 1 h at a 15-minute increment) fills January's 1 h cap,
    // although it is dated after this run's billing date; E2 is back-dated into the month.
    const book = project()
      .settings({ roundUpMinutes: 15 })
      .line('O1/1', { item: 'Support', price: '100', link: 'MainProject', max: '1h', per: 'month' })
      .time('E1', { date: '2025-01-20', person: 'Anna', node: 'WP1', hours: '50m', invoiceNo: 'INV-00001' })
      .time('E2', { date: '2025-01-05', person: 'Anna', node: 'WP1', hours: '10m' })
      .build();
    const result = runBilling(book, billOn('2025-01-15'));
    expect(result.invoices).toEqual([]);
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 900]]);
  });

  it('a second run sees the first run\'s billed time in the cap', () => {
    const first = project()
      .line('O1/1', { item: 'Support', price: '100', link: 'MainProject', max: '1h', per: 'month' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: '45m' })
      .build();
    const run1 = runBilling(first, billOn('2025-01-10'));
    const second = afterRun(first, run1);
    second.timeEntries.push({ ...second.timeEntries[0], id: 'E2', date: first.timeEntries[0].date + 1, invoiceNo: undefined, source: { index: 1, sheetRow: 3 } });
    const run2 = runBilling(second, JANUARY);
    expect(hoursByRow(run2)).toEqual([['E2', '0.25']]);
    expect(exceptionsOf(run2)).toEqual([['E2', 'OverLimit', 1800]]);
  });
});

describe('section 3, a split entry searches on: next candidate, then up the tree', () => {
  /**
   * P1 (collector O1/3, Hourly) > S1 (section Dev: O1/1 Senior, priority 1, 1 h a month;
   * O1/2 Junior, 30 min a month).
   */
  const sectionAndCollector = (invoiceTimes: InvoiceTimes) =>
    workbook()
      .order('O1', { invoiceTimes })
      .node('P1', { order: 'O1' })
      .node('S1', { parent: 'P1', order: 'O1', section: 'Dev' })
      .line('O1/1', { item: 'Senior', price: '150', link: 'Section', section: 'Dev', priority: 1, max: '1h', per: 'month' })
      .line('O1/2', { item: 'Junior', price: '90', link: 'Section', section: 'Dev', max: '30m', per: 'month' })
      .line('O1/3', { item: 'Hourly', price: '100', link: 'MainProject' });

  it('fills the best line, then the next on the node, then the parent\'s collector, in that row order', () => {
    const book = sectionAndCollector('ByTransactions').time('E1', { date: '2025-01-06', person: 'Anna', node: 'S1', hours: 2, comment: 'Build' }).build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result))).toEqual([
      ['Senior: Build', '1.00', '150.00', '150.00', 'E1'],
      ['Junior: Build', '0.50', '90.00', '45.00', 'E1'],
      ['Hourly: Build', '0.50', '100.00', '50.00', 'E1'],
    ]);
    expect(result.exceptions).toEqual([]);
  });

  it('under By Items, rows first met with one split entry keep its billing order, after rows met earlier', () => {
    // E0 (Jan 5) reaches only the collector, so Hourly is the first row; E1's parts then
    // open Senior and Junior in the order they were billed, and add to Hourly.
    const book = sectionAndCollector('ByItems')
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'S1', hours: 2 })
      .time('E0', { date: '2025-01-05', person: 'Anna', node: 'P1', hours: 1 })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))).toEqual([
      ['Hourly', '1.50', '100.00', '150.00', 'E0,E1'],
      ['Senior', '1.00', '150.00', '150.00', 'E1'],
      ['Junior', '0.50', '90.00', '45.00', 'E1'],
    ]);
  });

  it('a child node\'s lines come before a parent\'s line of higher priority', () => {
    const book = workbook()
      .order('O1', { invoiceTimes: 'ByItems' })
      .node('P1', { order: 'O1' })
      .node('WP1', { parent: 'P1', order: 'O1', lineItem: 'O1/1' })
      .line('O1/1', { item: 'Package', price: '100' })
      .line('O1/2', { item: 'Collector', price: '80', link: 'MainProject', priority: 10 })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))).toEqual([['Package', '1.00', '100.00', '100.00', 'E1']]);
  });
});

describe('section 3.2, specificity under equal priority', () => {
  it('Assignee and Category, then Assignee, then Category, then neither, whatever the line order', () => {
    const book = project('ByItems')
      .line('O1/1', { item: 'Anyone', price: '10', link: 'MainProject' })
      .line('O1/2', { item: 'Dev work', price: '20', link: 'MainProject', category: 'dev' })
      .line('O1/3', { item: 'Volker', price: '30', link: 'MainProject', assignee: 'Volker' })
      .line('O1/4', { item: 'Volker dev', price: '40', link: 'MainProject', assignee: 'Volker', category: 'dev' })
      .time('E1', { date: '2025-01-06', person: 'Volker', node: 'WP1', hours: 1, category: 'dev' })
      .time('E2', { date: '2025-01-06', person: 'Volker', node: 'WP1', hours: 1, category: 'meeting' })
      .time('E3', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'dev' })
      .time('E4', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'meeting' })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY))).map((r) => [r[0], r[4]])).toEqual([
      ['Volker dev', 'E1'],
      ['Volker', 'E2'],
      ['Dev work', 'E3'],
      ['Anyone', 'E4'],
    ]);
  });
});

describe('(Date, EntryId) order: natural and case-insensitive', () => {
  it('gives a day cap to e9 before E10 before F1', () => {
    const book = project()
      .line('O1/1', { item: 'Support', price: '100', link: 'MainProject', max: '2h', per: 'day' })
      .time('F1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .time('E10', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .time('e9', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(hoursByRow(result)).toEqual([
      ['e9', '1.00'],
      ['E10', '1.00'],
    ]);
    expect(exceptionsOf(result)).toEqual([['F1', 'OverLimit', 3600]]);
  });
});

describe('section 4, UnitPrice and amount of a row with two prices', () => {
  it('leaves UnitPrice blank and rounds the exact sum once', () => {
    // 15 min at 27.50 (cap) + 15 min at 27.51 = 6.875 + 6.8775 = 13.7525 -> 13.75
    const book = project('ByItems')
      .line('O1/1', { item: 'Support', price: '27.50', link: 'MainProject', priority: 1, max: '15m', per: 'month' })
      .line('O1/2', { item: 'Support', price: '27.51', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: '30m' })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))).toEqual([['Support', '0.50', '', '13.75', 'E1']]);
  });

  it('shows UnitPrice on a One Row Total row when all its time has one price', () => {
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

describe('section 6, grouping keys', () => {
  /** Dev and Test in group Engineering; Test posts to its own revenue account. */
  const engineering = (invoiceTimes: InvoiceTimes) =>
    project(invoiceTimes)
      .item('Dev', { group: 'Engineering' })
      .item('Test', { group: 'Engineering', revenueAccount: 'QA Revenue' })
      .line('O1/1', { item: 'Dev', price: '100', link: 'MainProject', category: 'dev' })
      .line('O1/2', { item: 'Test', price: '80', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'dev' })
      .time('E2', { date: '2025-01-07', person: 'Bob', node: 'WP1', hours: 1 })
      .time('E3', { date: '2025-01-08', person: 'anna', node: 'WP1', hours: 1, category: 'dev' })
      .build();

  it('By Groups: a group whose items post to two accounts gives two rows with the group name', () => {
    const rows = onlyInvoice(runBilling(engineering('ByGroups'), JANUARY)).rows;
    expect(rows.map((r) => [r.description, r.revenueAccount, r.amount.toFixed(2), r.item])).toEqual([
      ['Engineering', 'Professional Services', '200.00', undefined],
      ['Engineering', 'QA Revenue', '80.00', undefined],
    ]);
  });

  it('By Items/Person: one row per item and person (person ignoring case), "Item: Person"', () => {
    expect(rowsOf(onlyInvoice(runBilling(engineering('ByItemsPerson'), JANUARY)))).toEqual([
      ['Dev: Anna', '2.00', '100.00', '200.00', 'E1,E3'],
      ['Test: Bob', '1.00', '80.00', '80.00', 'E2'],
    ]);
  });
});

describe('section 6, SeparateRow under every Invoice Times option', () => {
  /** E1 (Jan 6) and E3 (Jan 8) plain; E2 (Jan 7) SeparateRow with a comment; one item Dev. */
  const withSeparate = (invoiceTimes: InvoiceTimes) =>
    project(invoiceTimes)
      .item('Dev', { group: 'Engineering' })
      .line('O1/1', { item: 'Dev', price: '100', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .time('E2', { date: '2025-01-07', person: 'Anna', node: 'WP1', hours: 2, comment: 'Workshop', separateRow: true })
      .time('E3', { date: '2025-01-08', person: 'Anna', node: 'WP1', hours: 1 })
      .build();

  it.each<[InvoiceTimes, string]>([
    ['OneRowTotal', 'Professional services'],
    ['ByGroups', 'Engineering'],
    ['ByItems', 'Dev'],
    ['ByItemsPerson', 'Dev: Anna'],
  ])('%s: the entry has a row "Item: Comment" of its own, in first-appearance order', (invoiceTimes, text) => {
    const invoice = onlyInvoice(runBilling(withSeparate(invoiceTimes), JANUARY));
    expect(rowsOf(invoice)).toEqual([
      [text, '2.00', '100.00', '200.00', 'E1,E3'],
      ['Dev: Workshop', '2.00', '100.00', '200.00', 'E2'],
    ]);
    expect(invoice.rows[1].item).toBe('Dev');
  });

  it('ByTransactions: no different from the option itself', () => {
    expect(rowsOf(onlyInvoice(runBilling(withSeparate('ByTransactions'), JANUARY))).map((r) => r[0])).toEqual(['Dev', 'Dev: Workshop', 'Dev']);
  });

  it('gives each part of a split SeparateRow entry a row of its own', () => {
    const book = project('OneRowTotal')
      .line('O1/1', { item: 'Senior', price: '150', link: 'MainProject', priority: 1, max: '1h', per: 'month' })
      .line('O1/2', { item: 'Junior', price: '90', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: '1:30', comment: 'Go-live', separateRow: true })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))).toEqual([
      ['Senior: Go-live', '1.00', '150.00', '150.00', 'E1'],
      ['Junior: Go-live', '0.50', '90.00', '45.00', 'E1'],
    ]);
  });
});

describe('section 6, tax', () => {
  it('rounds an exact half cent up: 10.05 x 50 % = 5.025 -> 5.03', () => {
    const book = project('ByItems')
      .line('O1/1', { item: 'Support', price: '10.05', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    book.orders = [{ ...book.orders[0], taxRate: book.settings.taxRate.plus('0.5') }];
    const invoice = onlyInvoice(runBilling(book, JANUARY));
    expect([invoice.net, invoice.tax, invoice.gross].map((d) => d.toFixed(2))).toEqual(['10.05', '5.03', '15.08']);
  });
});

describe('section 8, numbering across kinds', () => {
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

  it('numbers Prepaid, then Order, then Overage invoices, each by customer then source, prepaid by date', () => {
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

  it('a preview numbers nothing and writes nothing back, agreements included', () => {
    const result = runBilling(mixed(), billOn('2025-01-31', true));
    expect(result.invoices.map((i) => i.invoiceNo)).toEqual(['', '', '', '', '']);
    expect(result.invoiceNoUpdates).toEqual([]);
  });

  it('continues only from numbers with the current prefix (ignoring its case)', () => {
    const book = mixed();
    book.issuedInvoices = [
      { invoiceNo: 'inv-00040' },
      { invoiceNo: 'INV-2024-00090' },
      { invoiceNo: 'INVOICE-00070' },
      { invoiceNo: 'R-00080' },
    ];
    expect(runBilling(book, JANUARY).invoices.map((i) => i.invoiceNo)[0]).toBe('INV-00041');
  });
});

describe('section 8, zero net', () => {
  it('an order at price 0 issues no invoice and uses no number; the next order takes it; its time is settled as No charge', () => {
    const book = workbook()
      .order('O1', { customer: 'Alpha' })
      .node('P1', { order: 'O1' })
      .line('O1/1', { item: 'Free', price: '0', link: 'MainProject' })
      .order('O2', { customer: 'Beta' })
      .node('P2', { order: 'O2' })
      .line('O2/1', { item: 'Support', price: '100', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1 })
      .time('E2', { date: '2025-01-06', person: 'Anna', node: 'P2', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(result.invoices.map((i) => [i.invoiceNo, i.source])).toEqual([['INV-00001', 'O2']]);
    expect(result.invoiceNoUpdates).toEqual([
      { table: 'TimeEntries', index: 0, invoiceNo: 'No charge' },
      { table: 'TimeEntries', index: 1, invoiceNo: 'INV-00001' },
    ]);
    expect(invoiceFor(result, 'O2').net.toFixed(2)).toBe('100.00');
  });
});

describe('section 6, the person on a By Items/Person row', () => {
  it('is written as on the first billed entry, not as on earlier-run or non-billable time', () => {
    const book = project('ByItemsPerson')
      .line('O1/1', { item: 'Dev', price: '100', link: 'MainProject' })
      .time('E1', { date: '2025-01-03', person: 'ANNA', node: 'WP1', hours: 1, invoiceNo: 'INV-00001' })
      .time('E2', { date: '2025-01-04', person: 'anna', node: 'WP1', hours: 1, billable: false })
      .time('E3', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    const invoice = onlyInvoice(runBilling(book, JANUARY));
    expect(rowsOf(invoice)).toEqual([['Dev: Anna', '1.00', '100.00', '100.00', 'E3']]);
    expect(invoice.rows[0].person).toBe('Anna');
  });
});

describe('section 6, By Groups when an item has no Items row', () => {
  it('the item is its own group, compared like an id: "Dev" and "dev" are one row', () => {
    // Ids compare trimmed and case-insensitively (workbook contract), so two lines spelling
    // one item differently make one group, as they make one row under By Items.
    const book = project('ByGroups')
      .line('O1/1', { item: 'Dev', price: '100', link: 'MainProject', category: 'dev' })
      .line('O1/2', { item: 'dev', price: '100', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'dev' })
      .time('E2', { date: '2025-01-07', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))).toEqual([['Dev', '2.00', '100.00', '200.00', 'E1,E2']]);
    book.orders[0].invoiceTimes = 'ByItems';
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))).toEqual([['Dev', '2.00', '100.00', '200.00', 'E1,E2']]);
  });
});
