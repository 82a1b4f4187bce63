/**
 * §6 What an invoice shows (docs/billing-rules.md section 6, Basis Actual): one row per key of
 * the order's Invoice Times, the revenue account in every key, SeparateRow, row order, tax.
 * AsBudgeted and PaymentPlan rows: test/engine/orders/.
 */
import type { InvoiceTimes } from '../../src/schema/model';
import { runBilling } from '../../src/engine/runBilling';
import { workbook } from '../builders/workbook';
import { onlyInvoice, rowsOf } from '../builders/results';
import { JANUARY, project, sectionAndCollector, twoQuarterHours } from '../builders/scenarios';

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

describe('§6 One invoice per order per run, dated on the billing date', () => {
  it('the invoice is dated on the billing date', () => {
    const book = project()
      .line('O1/1', { item: 'Support', price: '100', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    expect(onlyInvoice(runBilling(book, JANUARY)).date).toBe(JANUARY.billingDate);
  });
});

describe('§6 Invoice Times: one row per key, with its text and Item', () => {
  it('One Row Total: one row with the time description and the total hours', () => {
    const invoice = onlyInvoice(runBilling(fourEntries('OneRowTotal'), JANUARY));
    expect(rowsOf(invoice)).toEqual([['Professional services', '5.00', '', '530.00', 'E1,E2,E3,E4']]);
    expect(invoice.rows[0].item).toBeUndefined();
  });

  it("One Row Total: the order's own TimeDescription when it has one", () => {
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

  it('By Groups: an item without an Items row is its own group, compared like an id: "Dev" and "dev" are one row', () => {
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

  it('By Groups: group names compare like ids; groups differing only in case and surrounding spaces make one row, named as first met', () => {
    const book = workbook()
      .item('Dev', { group: 'Engineering' })
      .item('Test', { group: ' engineering ' })
      .order('O1', { invoiceTimes: 'ByGroups' })
      .node('P1', { order: 'O1' })
      .line('O1/1', { item: 'Dev', price: '100', link: 'MainProject', category: 'dev' })
      .line('O1/2', { item: 'Test', price: '80', link: 'MainProject', category: 'test' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1, category: 'test' })
      .time('E2', { date: '2025-01-07', person: 'Anna', node: 'P1', hours: 1, category: 'dev' })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))).toEqual([[' engineering ', '2.00', '', '180.00', 'E1,E2']]);
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

  it('By Items/Person: one row per item and person (the person compared ignoring case), "Item: Person"', () => {
    expect(rowsOf(onlyInvoice(runBilling(fourEntries('ByItemsPerson'), JANUARY)))).toEqual([
      ['Dev: Anna', '1.00', '100.00', '100.00', 'E1'],
      ['Test: Bob', '0.50', '80.00', '40.00', 'E2'],
      ['Design: Anna', '2.00', '120.00', '240.00', 'E3'],
      ['Dev: Bob', '1.50', '100.00', '150.00', 'E4'],
    ]);
    expect(rowsOf(onlyInvoice(runBilling(engineering('ByItemsPerson'), JANUARY)))).toEqual([
      ['Dev: Anna', '2.00', '100.00', '200.00', 'E1,E3'],
      ['Test: Bob', '1.00', '80.00', '80.00', 'E2'],
    ]);
  });

  it("By Items/Person: the person is written as on the row's first billed entry, not as on earlier-run or non-billable time", () => {
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

  it('an order without Invoice Times takes the Settings option', () => {
    const book = fourEntries('ByItems');
    book.orders[0].invoiceTimes = undefined;
    book.settings.invoiceTimes = 'OneRowTotal';
    expect(onlyInvoice(runBilling(book, JANUARY)).rows).toHaveLength(1);
  });

  it('Item, Person and LineItem are filled on a row that holds exactly one of each', () => {
    const row = onlyInvoice(runBilling(fourEntries('ByItemsPerson'), JANUARY)).rows[0];
    expect([row.item, row.person, row.lineItem, row.source]).toEqual(['Dev', 'Anna', 'O1/1', 'O1']);
  });

  it('Person is blank on a row for two people', () => {
    const row = onlyInvoice(runBilling(fourEntries('ByItems'), JANUARY)).rows[0];
    expect([row.item, row.person]).toEqual(['Dev', undefined]);
  });
});

describe('§6 Invoice Times: the revenue account is part of every key', () => {
  it('One Row Total: time posting to two revenue accounts gives two rows with the same text', () => {
    const book = fourEntries('OneRowTotal');
    book.items[0].revenueAccount = 'Development Revenue';
    expect(onlyInvoice(runBilling(book, JANUARY)).rows.map((r) => [r.description, r.revenueAccount, r.amount.toFixed(2)])).toEqual([
      ['Professional services', 'Development Revenue', '250.00'],
      ['Professional services', 'Professional Services', '280.00'],
    ]);
  });

  it('By Groups: a group whose items post to two accounts gives two rows with the group name', () => {
    const rows = onlyInvoice(runBilling(engineering('ByGroups'), JANUARY)).rows;
    expect(rows.map((r) => [r.description, r.revenueAccount, r.amount.toFixed(2), r.item])).toEqual([
      ['Engineering', 'Professional Services', '200.00', undefined],
      ['Engineering', 'QA Revenue', '80.00', undefined],
    ]);
  });
});

describe("§6 Rows appear in (Date, EntryId) order of their first time, a split entry's parts in billing order", () => {
  it('under By Items, rows a split entry opens follow its billing order, after rows met earlier', () => {
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
});

describe('§6 SeparateRow gives an entry rows of its own, as under By Transactions', () => {
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
  ])('%s: a SeparateRow entry has a row "Item: Comment" of its own, in first-appearance order', (invoiceTimes, text) => {
    const invoice = onlyInvoice(runBilling(withSeparate(invoiceTimes), JANUARY));
    expect(rowsOf(invoice)).toEqual([
      [text, '2.00', '100.00', '200.00', 'E1,E3'],
      ['Dev: Workshop', '2.00', '100.00', '200.00', 'E2'],
    ]);
    expect(invoice.rows[1].item).toBe('Dev');
  });

  it('ByTransactions: SeparateRow changes nothing', () => {
    expect(rowsOf(onlyInvoice(runBilling(withSeparate('ByTransactions'), JANUARY))).map((r) => r[0])).toEqual(['Dev', 'Dev: Workshop', 'Dev']);
  });

  it('each part of a split SeparateRow entry has a row of its own', () => {
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

describe("§6 Tax = Net × TaxRate (the order's, else Settings), half-up to cents", () => {

  it("Tax is the net times the order's TaxRate, half-up to cents: 2.6125 is 2.61, 5.025 is 5.03", () => {
    const book = twoQuarterHours('ByItems');
    book.orders[0].taxRate = book.settings.taxRate.plus('0.19');
    const invoice = onlyInvoice(runBilling(book, JANUARY));
    // 13.75 x 0.19 = 2.6125 -> 2.61
    expect([invoice.net, invoice.tax, invoice.gross].map((d) => d.toFixed(2))).toEqual(['13.75', '2.61', '16.36']);
    const halfCent = project('ByItems')
      .line('O1/1', { item: 'Support', price: '10.05', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    halfCent.orders = [{ ...halfCent.orders[0], taxRate: halfCent.settings.taxRate.plus('0.5') }];
    // 10.05 x 50 % = 5.025 -> 5.03
    const half = onlyInvoice(runBilling(halfCent, JANUARY));
    expect([half.net, half.tax, half.gross].map((d) => d.toFixed(2))).toEqual(['10.05', '5.03', '15.08']);
  });

  it('an order without a TaxRate is taxed at the Settings rate', () => {
    const book = twoQuarterHours('ByItems');
    book.settings.taxRate = book.settings.taxRate.plus('0.2');
    expect(onlyInvoice(runBilling(book, JANUARY)).tax.toFixed(2)).toBe('2.75');
  });
});
