/**
 * "(Date, EntryId) order" with ids in natural order, case-insensitively: E9 before E10.
 * Sorting a million entries calls the comparator ~20 million times, so callers precompute
 * a key once per id with `naturalKey` and compare keys with `compareKeys`.
 */

import { idKey } from '../core/idKey';

/** A sort key where runs of digits compare by value: "E10" -> "e\u0002" + padded digits. */
export function naturalKey(id: string): string {
  return idKey(id).replace(/\d+/g, (digits) => {
    const trimmed = digits.replace(/^0+(?=\d)/, '');
    // Length prefix makes 9 < 10 in plain string order; a run longer than 99 digits is beyond any real id.
    return '\u0001' + String(trimmed.length).padStart(2, '0') + trimmed;
  });
}

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareNatural(a: string, b: string): number {
  return compareKeys(naturalKey(a), naturalKey(b));
}
