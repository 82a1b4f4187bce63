/**
 * Widths of the columns of a table the tool creates, so every value shows whole: the
 * longest of the header (plus room for its filter button) and the values as their number
 * format shows them. In Excel's unit, about one character of the default font.
 */
import { DATE_FORMAT, HOURS_FORMAT, MONEY_FORMAT, PERCENT_FORMAT, type OutputCell } from './resultTables';

/** No column narrower: a short header still gets room for its filter button. */
export const MIN_WIDTH = 10;
/** No column wider: a long description spills over rather than push the table off the screen. */
export const MAX_WIDTH = 60;
/** The filter button takes about three characters of the header cell. */
const FILTER_BUTTON = 3;
/** Room either side of a value. */
const PADDING = 2;

const moneyText = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Characters of `#,##0.00` as en-US shows a number (`-26,877.34`): the same as formatting it,
 * without formatting it (a table of a million rows asks this a few million times).
 */
function moneyLength(value: number): number {
  // Only whole cents are counted here: a value between cents rounds as Intl does, which toFixed may not.
  if (Math.abs(value) >= 1e15 || Math.round(value * 100) / 100 !== value) return moneyText.format(value).length;
  const fixed = Math.abs(value).toFixed(2);
  const whole = fixed.length - 3;
  const negative = value < 0 || Object.is(value, -0) ? 1 : 0;
  return negative + fixed.length + Math.floor((whole - 1) / 3);
}

/** How many characters a value takes as Excel shows it in this format. */
export function shownLength(value: OutputCell, numFmt?: string): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 7;
    if (numFmt === MONEY_FORMAT) return moneyLength(value);
    if (numFmt === HOURS_FORMAT) return value.toFixed(2).length;
    if (numFmt === DATE_FORMAT) return 10;
    if (numFmt === PERCENT_FORMAT) return `${Math.round(value * 100)}%`.length;
    return String(value).length;
  }
  if (value.indexOf('\n') < 0) return value.length;
  let longest = 0;
  for (const line of value.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

const FIXED_FORMATS = new Set([MONEY_FORMAT, HOURS_FORMAT, DATE_FORMAT, PERCENT_FORMAT]);

/**
 * A number whose shown length only grows with its size, on each side of zero: in one of the
 * fixed formats, or a whole number in General, below where JavaScript writes numbers with an
 * exponent. Of such numbers only the largest and the smallest need measuring.
 */
function measuredBySize(value: number, fixedFormat: boolean): boolean {
  return Math.abs(value) < 1e15 && !Object.is(value, -0) && (fixedFormat || Number.isInteger(value));
}

/**
 * The width of one column: header and every value shown whole, within MIN_WIDTH..MAX_WIDTH.
 * A million-row table asks this once per column: numbers are measured by their largest and
 * smallest (see measuredBySize), the rest one by one.
 */
export function columnWidth(header: string, numFmt: string | undefined, rows: readonly (readonly OutputCell[])[], column: number): number {
  let widest = header.length + FILTER_BUTTON;
  const fixedFormat = numFmt !== undefined && FIXED_FORMATS.has(numFmt);
  let smallest = Infinity;
  let largest = -Infinity;
  for (const row of rows) {
    const value = row[column] ?? null;
    if (typeof value === 'number' && measuredBySize(value, fixedFormat)) {
      if (value < smallest) smallest = value;
      if (value > largest) largest = value;
      continue;
    }
    const length = shownLength(value, numFmt);
    if (length > widest) widest = length;
  }
  if (largest >= smallest) widest = Math.max(widest, shownLength(smallest, numFmt), shownLength(largest, numFmt));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + PADDING));
}
