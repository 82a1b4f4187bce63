/** Cell references and ranges of a sheet part (`B12`, `A1:H20`), 1-based. */

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Columns a sheet may have (XFD). */
export const MAX_COLUMNS = 16_384;

/** One number per cell, for sets of cells. */
export function cellKey(row: number, column: number): number {
  return row * (MAX_COLUMNS + 1) + column;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) & ~32) - 64);
  return n;
}

/** Row and column of `B12` (`$B$12` too); undefined for anything else. */
export function parseCellRef(ref: string): { row: number; column: number } | undefined {
  let column = 0;
  let row = 0;
  let i = 0;
  if (ref.charCodeAt(i) === 36) i++;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  if (ref.charCodeAt(i) === 36) i++;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  return column > 0 && row > 0 ? { row, column } : undefined;
}

export function decodeRange(ref: string): Box {
  const [from, to] = ref.trim().split(':');
  const a = parseCellRef(from);
  const b = to === undefined ? a : parseCellRef(to);
  if (!a || !b) throw new Error(`Not a cell range: ${ref}`);
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}

export function encodeRange(box: Box, columnLetters: (n: number) => string): string {
  const from = `${columnLetters(box.left)}${box.top}`;
  const to = `${columnLetters(box.right)}${box.bottom}`;
  return from === to ? from : `${from}:${to}`;
}
