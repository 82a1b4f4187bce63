/** What a written cell holds, and the number formats of the tool's cells. */
export type OutputCell = string | number | boolean | null;

export const MONEY_FORMAT = '#,##0.00';
export const HOURS_FORMAT = '0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const PERCENT_FORMAT = '0%';

/** Excel holds at most this many characters in a cell; a longer text is repaired away or refused. */
export const MAX_CELL_CHARS = 32_767;

/** A text cut to what one Excel cell holds, marked as cut. */
export function fitCell(s: string): string {
  return s.length <= MAX_CELL_CHARS ? s : `${s.slice(0, MAX_CELL_CHARS - 1)}…`;
}
