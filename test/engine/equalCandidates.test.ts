/**
 * Equal candidates (billing-rules section 3, step 2; docs/billing-rules.md): on the same
 * priority and specificity, line items are tried by OrderId, then Line, both in natural
 * order, never by where the row stands in LineItems.
 */
import type { BillingWorkbook } from '../../src/schema/model';
import { runBilling } from '../../src/engine/runBilling';
import { billOn, workbook } from '../builders/workbook';

const JANUARY = billOn('2025-01-31');

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

describe('equal candidates are tried by OrderId, then Line, in natural order', () => {
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

  test('line 2 comes before line 10', () => {
    const book = workbook()
      .order('O1', { customer: 'Acme' })
      .node('P1', { order: 'O1' })
      .line('O1/10', { item: 'Ten', price: '90', link: 'MainProject' })
      .line('O1/2', { item: 'Two', price: '80', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1 })
      .build();
    expect(billedLines(book)).toEqual(['O1: O1/2']);
  });

  test('a higher priority or a more specific line still comes first, wherever it stands', () => {
    const book = workbook()
      .order('O1', { customer: 'Acme' })
      .node('P1', { order: 'O1' })
      .line('O1/1', { item: 'Rest', price: '80', link: 'MainProject' })
      .line('O1/9', { item: 'Volker', price: '120', link: 'MainProject', assignee: 'Volker' })
      .time('E1', { date: '2025-01-06', person: 'Volker', node: 'P1', hours: 1 })
      .time('E2', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1 })
      .build();
    expect(runBilling(book, JANUARY).invoices[0].rows.map((r) => [r.lineItem, r.entryIds])).toEqual([
      ['O1/9', ['E1']],
      ['O1/1', ['E2']],
    ]);
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
