/**
 * §0 New time and (Date, EntryId) order, §3 References (docs/billing-rules.md sections 0
 * and 3): which entries a run takes in, in which order, and time on an unknown node.
 */
import { sortByDateAndEntryId } from '../../../src/engine/entryOrder';
import { runBilling } from '../../../src/engine/runBilling';
import { workbook } from '../../builders/workbook';
import { exceptionsOf, onlyInvoice, rowsOf } from '../../builders/results';
import { JANUARY, oneCollector } from '../../builders/scenarios';

/** Ids of the entries (all on one node) in (Date, EntryId) order. */
const orderOf = (...entries: [string, string][]) => {
  const b = workbook();
  for (const [id, date] of entries) b.time(id, { date, person: 'Anna', node: 'P1', hours: 1 });
  const book = b.build();
  return Array.from(sortByDateAndEntryId(book.timeEntries, book.timeEntries.map((_, i) => i)), (i) => book.timeEntries[i].id);
};

describe('§0 New time: billable, not settled, dated on or before the billing date', () => {
  it('non-billable time is never invoiced or marked', () => {
    const book = oneCollector().time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, billable: false }).build();
    const result = runBilling(book, JANUARY);
    expect(result.invoices).toEqual([]);
    expect(result.invoiceNoUpdates).toEqual([]);
  });

  it('time dated after the billing date waits for a later run, unreported', () => {
    const book = oneCollector()
      .time('E1', { date: '2025-01-31', person: 'Anna', node: 'WP1', hours: 1 })
      .time('E2', { date: '2025-02-01', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result)).map((r) => r[4])).toEqual(['E1']);
    expect(result.exceptions).toEqual([]);
  });

  it('an entry whose InvoiceNo is filled is settled and never billed again', () => {
    const book = oneCollector().time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, invoiceNo: 'INV-00001' }).build();
    expect(runBilling(book, JANUARY).invoices).toEqual([]);
  });

  it('an entry with an Agreement and no NodeId is agreement time, never order time', () => {
    const book = oneCollector()
      .agreement('A1', { start: '2025-01-01', hours: 10, prepaid: false })
      .time('E1', { date: '2025-01-06', person: 'Anna', agreement: 'A1', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(result.invoices).toEqual([]);
    expect(result.exceptions).toEqual([]);
    expect(result.invoiceNoUpdates).toEqual([{ table: 'TimeEntries', index: 0, invoiceNo: 'A1' }]);
  });
});

describe('§0 (Date, EntryId) order: by date, then EntryId in natural order', () => {
  it('an earlier date comes first, whatever the ids', () => {
    expect(orderOf(['E1', '2025-01-07'], ['E2', '2025-01-06'])).toEqual(['E2', 'E1']);
  });

  it('ids of one day compare in natural order, ignoring case: E9 before E10 before e11', () => {
    expect(orderOf(['E10', '2025-01-06'], ['E9', '2025-01-06'], ['e11', '2025-01-06'])).toEqual(['E9', 'E10', 'e11']);
  });

  it('ids of different shapes compare in natural order too', () => {
    expect(orderOf(['B-2', '2025-01-06'], ['A10', '2025-01-06'], ['A9x', '2025-01-06'], ['A9', '2025-01-06'])).toEqual(['A9', 'A9x', 'A10', 'B-2']);
  });

  it('ids that compare equal (E01 and E1) keep their table order', () => {
    expect(orderOf(['E1', '2025-01-06'], ['E01', '2025-01-06'])).toEqual(['E1', 'E01']);
  });
});

describe('§3 References: new billable time on a NodeId not in ProjectTree is an UnknownNode exception', () => {
  it('billable time on a node that is not in ProjectTree is an UnknownNode exception, not an input error', () => {
    const book = oneCollector().time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP9', hours: 1 }).build();
    expect(exceptionsOf(runBilling(book, JANUARY))).toEqual([['E1', 'UnknownNode', 3600]]);
  });

  it('non-billable time is never reported, even on an unknown node', () => {
    const book = oneCollector().time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP9', hours: 1, billable: false }).build();
    expect(runBilling(book, JANUARY).exceptions).toEqual([]);
  });
});
