/**
 * "(Date, EntryId) order" for many entries at once (section 3, "in order of (Date,
 * EntryId)"). A million entries are sorted in every run, so this avoids a comparator over
 * the whole set: entries are bucketed by date (counting sort), and each day's bucket is
 * sorted by id. When every id is one prefix plus a number ("E1017", the usual shape), the
 * number alone decides and a day sorts natively as numbers; any other ids sort by their
 * natural key (naturalOrder.ts). Ties (E01 and E1) keep the given order.
 */
import type { TimeEntry } from '../schema/model';
import { naturalKey } from './naturalOrder';

/** A bucket position must fit beside the id's number in a double's 53 bits. */
const POSITION_BITS = 2 ** 20;
const MAX_NUMBER = 2 ** 33;
const MAX_DATE_SPAN = 2_000_000;

/** Numbers of ids shaped prefix + digits with one shared prefix (ignoring case); undefined otherwise. */
function idNumbers(entries: readonly TimeEntry[], indexes: ArrayLike<number>): Float64Array | undefined {
  const n = indexes.length;
  const numbers = new Float64Array(n);
  /** The first id's prefix as written, and lower-cased. */
  let prefix: string | undefined;
  let lowerPrefix = '';
  for (let i = 0; i < n; i++) {
    const id = entries[indexes[i]].id;
    let start = id.length;
    while (start > 0) {
      const c = id.charCodeAt(start - 1);
      if (c < 48 || c > 57) break;
      start--;
    }
    const digits = id.length - start;
    if (digits === 0 || digits > 15) return undefined;
    if (start > 0 && id.charCodeAt(0) <= 32) return undefined;
    if (prefix === undefined) {
      prefix = id.slice(0, start);
      lowerPrefix = prefix.toLowerCase();
      // No digit may hide inside the prefix ("A1B2"): natural order would compare that run too.
      if (/\d/.test(prefix)) return undefined;
    } else if (!startsWithExactly(id, start, prefix) && id.slice(0, start).toLowerCase() !== lowerPrefix) {
      return undefined;
    }
    // Up to 15 digits add up exactly in a double, as Number() of the digits would give.
    let value = 0;
    for (let k = start; k < id.length; k++) value = value * 10 + (id.charCodeAt(k) - 48);
    if (value >= MAX_NUMBER) return undefined;
    numbers[i] = value;
  }
  return numbers;
}

/** True when `id`'s first `length` characters are exactly `prefix`; compared in place, since ids are many. */
function startsWithExactly(id: string, length: number, prefix: string): boolean {
  if (length !== prefix.length) return false;
  for (let k = 0; k < length; k++) if (id.charCodeAt(k) !== prefix.charCodeAt(k)) return false;
  return true;
}

/** The given entry indexes, sorted by (Date, EntryId); ties keep the given order. */
export function sortByDateAndEntryId(entries: readonly TimeEntry[], indexes: ArrayLike<number>): Int32Array {
  const n = indexes.length;
  const sorted = new Int32Array(n);
  if (n === 0) return sorted;
  // Dates read once into an array: the counting sort below passes over them three times,
  // and a million entry objects are far slower to visit than 8 MB of numbers.
  const dates = new Float64Array(n);
  let minDate = Infinity;
  let maxDate = -Infinity;
  for (let i = 0; i < n; i++) {
    const date = entries[indexes[i]].date;
    dates[i] = date;
    if (date < minDate) minDate = date;
    if (date > maxDate) maxDate = date;
  }
  if (maxDate - minDate > MAX_DATE_SPAN) return sortWithComparator(entries, indexes);

  // Counting sort by date: `positions` holds positions in `indexes`, bucketed by day.
  const span = maxDate - minDate + 1;
  const starts = new Int32Array(span + 1);
  for (let i = 0; i < n; i++) starts[dates[i] - minDate + 1]++;
  for (let d = 0; d < span; d++) starts[d + 1] += starts[d];
  const fill = starts.slice(0, span);
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) positions[fill[dates[i] - minDate]++] = i;

  const numbers = idNumbers(entries, indexes);
  const keys = numbers === undefined ? Array.from({ length: n }, (_, i) => naturalKey(entries[indexes[i]].id)) : undefined;
  let scratch = new Float64Array(0);
  for (let d = 0; d < span; d++) {
    const from = starts[d];
    const to = starts[d + 1];
    const size = to - from;
    if (size > 1) {
      if (numbers !== undefined && size < POSITION_BITS) {
        if (scratch.length < size) scratch = new Float64Array(size);
        const day = scratch.subarray(0, size);
        for (let k = 0; k < size; k++) day[k] = numbers[positions[from + k]] * POSITION_BITS + k;
        day.sort();
        const bucket = positions.slice(from, to);
        for (let k = 0; k < size; k++) positions[from + k] = bucket[day[k] % POSITION_BITS];
      } else {
        const byKey = numbers !== undefined ? (p: number) => String(numbers[p]).padStart(16, '0') : (p: number) => keys![p];
        const bucket = Array.from(positions.subarray(from, to));
        bucket.sort((a, b) => {
          const ka = byKey(a);
          const kb = byKey(b);
          return ka < kb ? -1 : ka > kb ? 1 : a - b;
        });
        positions.set(bucket, from);
      }
    }
  }
  for (let i = 0; i < n; i++) sorted[i] = indexes[positions[i]];
  return sorted;
}

function sortWithComparator(entries: readonly TimeEntry[], indexes: ArrayLike<number>): Int32Array {
  const n = indexes.length;
  const keys = Array.from({ length: n }, (_, i) => naturalKey(entries[indexes[i]].id));
  const order = Int32Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const byDate = entries[indexes[a]].date - entries[indexes[b]].date;
    if (byDate !== 0) return byDate;
    return keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b;
  });
  return Int32Array.from(order, (i) => indexes[i]);
}
