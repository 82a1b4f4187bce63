/**
 * "(Date, EntryId) order" for many entries at once: the natural key of each id is built
 * once, then indexes are sorted by date and key (section 3, "in order of (Date, EntryId)").
 */
import type { TimeEntry } from '../schema/model';
import { naturalKey } from './naturalOrder';

/** The given entry indexes, sorted by (Date, EntryId); ties keep the given order. */
export function sortByDateAndEntryId(entries: readonly TimeEntry[], indexes: ArrayLike<number>): Int32Array {
  const n = indexes.length;
  const keys: string[] = new Array(n);
  const dates = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const entry = entries[indexes[i]];
    keys[i] = naturalKey(entry.id);
    dates[i] = entry.date;
    order[i] = i;
  }
  order.sort((a, b) => {
    const byDate = dates[a] - dates[b];
    if (byDate !== 0) return byDate;
    const ka = keys[a];
    const kb = keys[b];
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });
  const sorted = new Int32Array(n);
  for (let i = 0; i < n; i++) sorted[i] = indexes[order[i]];
  return sorted;
}
