import { sortByDateAndEntryId } from '../../src/engine/entryOrder';
import { workbook } from '../builders/workbook';

/** Ids of the entries (all on one node) in (Date, EntryId) order. */
const orderOf = (...entries: [string, string][]) => {
  const b = workbook();
  for (const [id, date] of entries) b.time(id, { date, person: 'Anna', node: 'P1', hours: 1 });
  const book = b.build();
  return Array.from(sortByDateAndEntryId(book.timeEntries, book.timeEntries.map((_, i) => i)), (i) => book.timeEntries[i].id);
};

describe('(Date, EntryId) order', () => {
  it('puts earlier dates first, whatever the ids', () => {
    expect(orderOf(['E1', '2025-01-07'], ['E2', '2025-01-06'])).toEqual(['E2', 'E1']);
  });

  it('orders ids of one day naturally: E9 before E10', () => {
    expect(orderOf(['E10', '2025-01-06'], ['E9', '2025-01-06'], ['e11', '2025-01-06'])).toEqual(['E9', 'E10', 'e11']);
  });

  it('orders ids of different shapes naturally too', () => {
    expect(orderOf(['B-2', '2025-01-06'], ['A10', '2025-01-06'], ['A9x', '2025-01-06'], ['A9', '2025-01-06'])).toEqual(['A9', 'A9x', 'A10', 'B-2']);
  });

  it('keeps table order for ids that compare equal (E01 and E1)', () => {
    expect(orderOf(['E1', '2025-01-06'], ['E01', '2025-01-06'])).toEqual(['E1', 'E01']);
  });
});
