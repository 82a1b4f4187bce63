/**
 * §3 Time finds its line item, steps 1 and 2 (docs/billing-rules.md section 3): which lines
 * are candidates for an entry, and which candidate takes it.
 */
import type { BillingWorkbook } from '../../../src/schema/model';
import { runBilling } from '../../../src/engine/runBilling';
import { workbook } from '../../builders/workbook';
import { exceptionsOf, onlyInvoice, rowsOf } from '../../builders/results';
import { JANUARY, project } from '../../builders/scenarios';

/** The LineItem of each invoice row, as `Source: OrderId/Line`. */
function billedLines(book: BillingWorkbook): string[] {
  return runBilling(book, JANUARY).invoices.flatMap((invoice) => invoice.rows.map((row) => `${invoice.source}: ${row.lineItem ?? '?'}`));
}

/** The book with its LineItems rows in the order given, as if the table had been sorted so. */
function withLinesInOrder(book: BillingWorkbook, refs: string[]): BillingWorkbook {
  const lineItems = refs.map((ref, i) => {
    const line = book.lineItems.find((l) => l.ref === ref)!;
    return { ...line, position: i, source: { index: i, sheetRow: i + 2 } };
  });
  return { ...book, lineItems };
}

describe('§3 Matching, step 1: a line is a candidate only when each filter it sets passes', () => {
  it('a line with a Category takes only time of that category, compared like an id (trimmed, ignoring case)', () => {
    const book = project()
      .line('O1/1', { item: 'Design', price: '100', link: 'MainProject', category: 'Design' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'design' })
      .time('E2', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'Travel' })
      .time('E3', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result)).map((r) => r[4])).toEqual(['E1']);
    expect(exceptionsOf(result)).toEqual([
      ['E2', 'NoLineItem', 3600],
      ['E3', 'NoLineItem', 3600],
    ]);
    // Compared like an id: a Category typed with spaces around it still matches.
    const spaced = project()
      .line('O1/1', { item: 'Dev', price: '100', link: 'MainProject', category: ' Dev ' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'DEV' })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(spaced, JANUARY)))).toEqual([['Dev', '1.00', '100.00', '100.00', 'E1']]);
  });

  it('a line takes only time dated ValidFrom..ValidTo, both days included', () => {
    const book = project()
      .line('O1/1', { item: 'Support', price: '100', link: 'MainProject', validFrom: '2025-01-10', validTo: '2025-01-20' })
      .time('E1', { date: '2025-01-09', person: 'Anna', node: 'WP1', hours: 1 })
      .time('E2', { date: '2025-01-10', person: 'Anna', node: 'WP1', hours: 1 })
      .time('E3', { date: '2025-01-20', person: 'Anna', node: 'WP1', hours: 1 })
      .time('E4', { date: '2025-01-21', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result)).map((r) => r[4])).toEqual(['E2', 'E3']);
    expect(exceptionsOf(result).map((e) => e[0])).toEqual(['E1', 'E4']);
  });

  /** O1/1 is Volker's collector, the only line: Volker and Anna each book 1 h. */
  const withVolkerCollectorOnly = () =>
    project()
      .line('O1/1', { item: 'Hourly rate Volker', price: '120', link: 'MainProject', assignee: 'Volker' })
      .time('E1', { date: '2025-01-06', person: 'Volker', node: 'WP1', hours: 1 })
      .time('E2', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 });

  it("a line with an Assignee takes that person's time", () => {
    const result = runBilling(withVolkerCollectorOnly().build(), JANUARY);
    expect(rowsOf(onlyInvoice(result))).toEqual([['Hourly rate Volker', '1.00', '120.00', '120.00', 'E1']]);
  });

  it("a line with an Assignee never takes anyone else's time: it is NoLineItem, not billed at the assignee's rate", () => {
    const result = runBilling(withVolkerCollectorOnly().build(), JANUARY);
    expect(exceptionsOf(result)).toEqual([['E2', 'NoLineItem', 3600]]);
  });
});

describe('§3 Matching, step 2: the best candidate takes the time', () => {
  it('a higher Priority wins over a more specific line', () => {
    const book = project()
      .line('O1/1', { item: 'Hourly rate', price: '90', link: 'MainProject', priority: 1 })
      .line('O1/2', { item: 'Hourly rate Volker', price: '120', link: 'MainProject', assignee: 'Volker' })
      .time('E1', { date: '2025-01-06', person: 'Volker', node: 'WP1', hours: 1 })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))[0][0]).toBe('Hourly rate');
  });

  it('on equal priority, a line with an Assignee wins over one with only a Category', () => {
    const book = project()
      .line('O1/1', { item: 'Design', price: '100', link: 'MainProject', category: 'Design' })
      .line('O1/2', { item: 'Volker', price: '120', link: 'MainProject', assignee: 'Volker' })
      .time('E1', { date: '2025-01-06', person: 'Volker', node: 'WP1', hours: 1, category: 'Design' })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))[0][0]).toBe('Volker');
  });

  it('on equal priority, a line with a Category wins over one without', () => {
    const book = project()
      .line('O1/1', { item: 'Hourly rate', price: '90', link: 'MainProject' })
      .line('O1/2', { item: 'Design', price: '100', link: 'MainProject', category: 'Design' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'Design' })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))[0][0]).toBe('Design');
  });

  it('on equal priority, Assignee and Category come first, then Assignee, then Category, then neither, whatever the line order', () => {
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

  it("two collectors, one with Assignee Volker and one without, route Volker's time to the first and everyone else's to the second, without priorities, wherever they stand", () => {
    const book = project()
      .line('O1/1', { item: 'Hourly rate', price: '90', link: 'MainProject' })
      .line('O1/2', { item: 'Hourly rate Volker', price: '120', link: 'MainProject', assignee: 'Volker' })
      .time('E1', { date: '2025-01-06', person: 'Volker', node: 'WP1', hours: 1 })
      .time('E2', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result))).toEqual([
      ['Hourly rate Volker', '1.00', '120.00', '120.00', 'E1'],
      ['Hourly rate', '1.00', '90.00', '90.00', 'E2'],
    ]);
    expect(onlyInvoice(result).rows.map((r) => r.lineItem)).toEqual(['O1/2', 'O1/1']);
    expect(result.exceptions).toEqual([]);
  });
});

describe('§3 Matching, step 2: equal candidates are tried by OrderId, then Line, in natural order, never by table position', () => {
  test('two equal collectors listed Line 3 then Line 2 bill the entry on Line 2', () => {
    const book = workbook()
      .order('O1', { customer: 'Acme' })
      .node('P1', { order: 'O1' })
      .line('O1/3', { item: 'Late', price: '90', link: 'MainProject' })
      .line('O1/2', { item: 'Early', price: '80', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1 })
      .build();
    expect(billedLines(book)).toEqual(['O1: O1/2']);
  });

  test('Line 2 comes before Line 10', () => {
    const book = workbook()
      .order('O1', { customer: 'Acme' })
      .node('P1', { order: 'O1' })
      .line('O1/10', { item: 'Ten', price: '90', link: 'MainProject' })
      .line('O1/2', { item: 'Two', price: '80', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1 })
      .build();
    expect(billedLines(book)).toEqual(['O1: O1/2']);
  });

  test('sorting LineItems does not change what bills', () => {
    const book = workbook()
      .order('O1', { customer: 'Acme', invoiceTimes: 'ByTransactions' })
      .node('P1', { order: 'O1' })
      .line('O1/1', { item: 'A', price: '80', link: 'MainProject', max: '1h', per: 'day' })
      .line('O1/2', { item: 'B', price: '90', link: 'MainProject', max: '1h', per: 'day' })
      .line('O1/10', { item: 'C', price: '100', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1.5 })
      .time('E2', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 2 })
      .build();
    const expected = ['O1: O1/1', 'O1: O1/2', 'O1: O1/2', 'O1: O1/10'];
    for (const order of [['O1/1', 'O1/2', 'O1/10'], ['O1/10', 'O1/2', 'O1/1'], ['O1/2', 'O1/10', 'O1/1']]) {
      expect(billedLines(withLinesInOrder(book, order))).toEqual(expected);
    }
  });
});
