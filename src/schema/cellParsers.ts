/**
 * One hand-written parser per cell kind of the workbook contract. Each takes a cell as
 * the adapter read it and returns the value in its working unit, `null` for a blank cell,
 * or `INVALID` when the cell holds something the kind does not accept. They never throw
 * and never allocate for the common case (a number or a plain word), because TimeEntries
 * may hold a million rows: a typeof check settles most cells, text takes the slower path.
 */
import { Decimal } from '../core/money';
import { dayFromIso, dayFromUtcDate, type Day } from '../core/day';
import type { CapPeriod, PeriodUnit, Seconds } from './model';
import type { CellValue } from './rawTable';

export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;
/** A parsed cell: the value, `null` when blank, `INVALID` when not of the kind. */
export type Parsed<T> = T | null | Invalid;

/** Raw cells may also be `undefined` when an adapter leaves a short row. */
export type Cell = CellValue | undefined;

const SECONDS_PER_HOUR = 3600;
/** 1900-03-01: serials before it fall in Excel's phantom-leap-day range. */
const FIRST_SERIAL = 61;
/** 9999-12-31, Excel's last date. */
const LAST_SERIAL = 2_958_465;

/** A double as Excel shows it: 15 significant digits (0.1 + 0.2 -> 0.3). */
export function excelNumber(x: number): number {
  // Whole numbers below 15 digits are already shown exactly; toPrecision is the slow path.
  if (Number.isInteger(x) && x < 1e15 && x > -1e15) return x;
  return Number(x.toPrecision(15));
}

/** Decimal of a double as Excel shows it, built from its text so no float error comes along. */
export function decimalFromNumber(x: number): Decimal {
  return new Decimal(String(excelNumber(x)));
}

function isSpaceCode(code: number): boolean {
  return code <= 32 || code === 160 || code === 0x202f || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
}

/** Trims only when the text has a space at either end: the usual cell is returned as is. */
function trimmed(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  if (!isSpaceCode(text.charCodeAt(0)) && !isSpaceCode(text.charCodeAt(n - 1))) return text;
  return text.trim();
}

export function isBlank(value: Cell): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return trimmed(value).length === 0;
  return false;
}

const EXCEL_ERRORS = new Set(['#N/A', '#VALUE!', '#REF!', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);

/** True for the text Office.js gives for a cell showing an Excel error (`#N/A`, `#REF!`). */
export function isExcelError(value: Cell): boolean {
  return typeof value === 'string' && value.charCodeAt(0) === 35 && EXCEL_ERRORS.has(value.trim().toUpperCase());
}

/** Text, trimmed. Numbers read as Excel shows them (an id typed as 1001 is "1001"); an Excel error is invalid. */
export function parseText(value: Cell): Parsed<string> {
  if (typeof value === 'string') {
    const text = trimmed(value);
    if (text.length === 0) return null;
    if (text.charCodeAt(0) === 35 && EXCEL_ERRORS.has(text.toUpperCase())) return INVALID;
    return text;
  }
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(excelNumber(value)) : INVALID;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const day = dateDay(value);
    return day === INVALID ? INVALID : new Date(Date.UTC(1899, 11, 30) + day * 86_400_000).toISOString().slice(0, 10);
  }
  return INVALID;
}

function serialDay(serial: number): Day | Invalid {
  // `>=` comparisons are false for NaN, so NaN lands on INVALID too.
  if (serial >= FIRST_SERIAL && serial < LAST_SERIAL + 1) return Math.floor(serial);
  return INVALID;
}

/** A file reader's Date: its UTC calendar day; the time of day is ignored. */
function dateDay(date: Date): Day | Invalid {
  const t = date.getTime();
  if (Number.isNaN(t)) return INVALID;
  return serialDay(dayFromUtcDate(date));
}

/** Date: Excel serial (time of day dropped), a Date object (its UTC day), or `YYYY-MM-DD` text. */
export function parseDate(value: Cell): Parsed<Day> {
  if (typeof value === 'number') return serialDay(value);
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = trimmed(value);
    if (text.length === 0) return null;
    const day = dayFromIso(text);
    return day === undefined ? INVALID : serialDay(day);
  }
  if (value instanceof Date) return dateDay(value);
  return INVALID;
}

/**
 * Duration in whole seconds, rounded to the nearest second: a number of hours (`1.25`),
 * or text `1:15`, `1:15:30`, `75m`, `1.25h`, `1h 15m` (also `1,25h`: a comma can only be a
 * decimal mark here). A leading minus is kept so the caller can say "must be above zero".
 * A Date (a cell formatted as a time) is refused: the add-in would read the same cell as a
 * fraction of a day, so accepting it here would bill differently in Excel and on the command line.
 */
export function parseDuration(value: Cell): Parsed<Seconds> {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? Math.round(value * SECONDS_PER_HOUR) : INVALID;
  }
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = trimmed(value);
    if (text.length === 0) return null;
    return durationFromText(text.toLowerCase());
  }
  return INVALID;
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9;
}

/** Scanner state for duration text, kept in module variables so scanning allocates nothing. */
let scanText = '';
let scanAt = 0;

function skipSpaces(): void {
  while (scanAt < scanText.length && isSpaceCode(scanText.charCodeAt(scanAt))) scanAt++;
}

/** Reads digits with an optional `.` or `,` decimal mark; NaN when there is no digit. */
function scanNumber(): number {
  const start = scanAt;
  let digits = 0;
  let marks = 0;
  while (scanAt < scanText.length) {
    const code = scanText.charCodeAt(scanAt);
    if (isDigit(code)) digits++;
    else if ((code === 46 || code === 44) && marks === 0) marks++;
    else break;
    scanAt++;
  }
  if (digits === 0) return NaN;
  return Number(scanText.slice(start, scanAt).replace(',', '.'));
}

/** Reads digits only (for `h:mm:ss`); -1 when there is none. */
function scanWhole(): number {
  let n = 0;
  const start = scanAt;
  while (scanAt < scanText.length && isDigit(scanText.charCodeAt(scanAt))) {
    n = n * 10 + (scanText.charCodeAt(scanAt) - DIGIT_0);
    scanAt++;
  }
  return scanAt === start ? -1 : n;
}

const HOUR_WORDS = new Set(['h', 'hr', 'hrs', 'hour', 'hours']);
const MINUTE_WORDS = new Set(['m', 'min', 'mins', 'minute', 'minutes']);

function scanWord(): string {
  const start = scanAt;
  while (scanAt < scanText.length) {
    const code = scanText.charCodeAt(scanAt);
    if (code < 97 || code > 122) break;
    scanAt++;
  }
  return scanText.slice(start, scanAt);
}

function durationFromText(text: string): Seconds | Invalid {
  scanText = text;
  scanAt = 0;
  let sign = 1;
  const first = text.charCodeAt(0);
  if (first === 45 || first === 0x2212) {
    sign = -1;
    scanAt = 1;
  } else if (first === 43) {
    scanAt = 1;
  }
  skipSpaces();
  if (text.indexOf(':') >= 0) {
    const clock = clockSeconds();
    return Number.isNaN(clock) ? INVALID : sign * clock;
  }
  let hours = NaN;
  let minutes = NaN;
  let sawUnit = false;
  while (scanAt < text.length) {
    const amount = scanNumber();
    if (Number.isNaN(amount)) return INVALID;
    skipSpaces();
    const word = scanWord();
    skipSpaces();
    if (word === '') {
      // A bare number is hours, and only when it is the whole text.
      if (sawUnit || scanAt < text.length) return INVALID;
      hours = amount;
    } else if (HOUR_WORDS.has(word) && Number.isNaN(hours) && Number.isNaN(minutes)) {
      hours = amount;
    } else if (MINUTE_WORDS.has(word) && Number.isNaN(minutes)) {
      minutes = amount;
    } else {
      return INVALID;
    }
    sawUnit = true;
  }
  if (Number.isNaN(hours) && Number.isNaN(minutes)) return INVALID;
  const total = (Number.isNaN(hours) ? 0 : hours * SECONDS_PER_HOUR) + (Number.isNaN(minutes) ? 0 : minutes * 60);
  return sign * Math.round(total);
}

/** `h:mm` or `h:mm:ss`, minutes and seconds as two digits below 60; NaN when the text is not that. */
function clockSeconds(): number {
  const hours = scanWhole();
  if (hours < 0 || scanText.charCodeAt(scanAt) !== 58) return NaN;
  scanAt++;
  const minuteStart = scanAt;
  const minutes = scanWhole();
  if (minutes < 0 || minutes >= 60 || scanAt - minuteStart !== 2) return NaN;
  let seconds = 0;
  if (scanText.charCodeAt(scanAt) === 58) {
    scanAt++;
    const secondStart = scanAt;
    seconds = scanWhole();
    if (seconds < 0 || seconds >= 60 || scanAt - secondStart !== 2) return NaN;
  }
  skipSpaces();
  if (scanAt !== scanText.length) return NaN;
  return hours * SECONDS_PER_HOUR + minutes * 60 + seconds;
}

/**
 * Plain number text, as typed in a text cell: optional sign, digits, one `.` decimal mark
 * (or one `,` when there is no `.`), optional exponent. Used for percents, counts and settings.
 */
const PLAIN_NUMBER = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/;

function numberFromText(text: string): number | Invalid {
  if (!PLAIN_NUMBER.test(text)) return INVALID;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) ? n : INVALID;
}

/** A plain number (counts, minutes, days). */
export function parseNumber(value: Cell): Parsed<number> {
  if (typeof value === 'number') return Number.isFinite(value) ? excelNumber(value) : INVALID;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = trimmed(value);
    if (text.length === 0) return null;
    return numberFromText(text);
  }
  return INVALID;
}

/** A whole number (priority, number width). */
export function parseInteger(value: Cell): Parsed<number> {
  const n = parseNumber(value);
  if (n === null || n === INVALID) return n;
  return Number.isInteger(n) ? n : INVALID;
}

const CURRENCY_PREFIX = /^(\p{Sc}|[A-Za-z]{3}(?![A-Za-z]))\s*/u;
const CURRENCY_SUFFIX = /\s*(\p{Sc}|(?<![A-Za-z])[A-Za-z]{3})$/u;
const SPACE_RUN = /[\s\u00a0\u202f]+/g;

/**
 * Money text: an optional currency symbol or three-letter code before or after, a sign
 * before or after the symbol, or accounting brackets for a negative amount; thousands
 * separators `,` `.` `'` or spaces in groups of three. The decimal mark is the last `.` or
 * `,` when both appear; a lone `,` followed by exactly three digits is a thousands
 * separator (`1,234` = 1234), otherwise a decimal comma (`12,5` = 12.5).
 */
function moneyFromText(source: string): Decimal | Invalid {
  let text = source;
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  let currencies = 0;
  const takeSign = (): void => {
    const c = text.charCodeAt(0);
    if (c === 45 || c === 0x2212) {
      negative = !negative;
      text = text.slice(1).trim();
    } else if (c === 43) {
      text = text.slice(1).trim();
    }
  };
  takeSign();
  const prefix = CURRENCY_PREFIX.exec(text);
  if (prefix) {
    currencies++;
    text = text.slice(prefix[0].length);
    takeSign();
  }
  const suffix = CURRENCY_SUFFIX.exec(text);
  if (suffix) {
    currencies++;
    text = text.slice(0, text.length - suffix[0].length);
  }
  if (currencies > 1 || text.length === 0) return INVALID;
  const normal = normaliseSeparators(text.replace(SPACE_RUN, "'"));
  if (normal === undefined) return INVALID;
  const amount = new Decimal(normal);
  return negative ? amount.neg() : amount;
}

/** Plain `1234.5` text of a number with separators, or undefined when the grouping is wrong. */
function normaliseSeparators(text: string): string | undefined {
  if (!/^[\d.,']+$/.test(text) || !/\d/.test(text)) return undefined;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let decimalAt = -1;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalAt = Math.max(lastDot, lastComma);
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const at = Math.max(lastDot, lastComma);
    const isSingle = text.indexOf(mark) === at;
    const threeAfter = text.length - at - 1 === 3;
    // One `.` is always a decimal point; one `,` with three digits after it groups thousands.
    if (isSingle && (mark === '.' || !threeAfter)) decimalAt = at;
  }
  const whole = decimalAt >= 0 ? text.slice(0, decimalAt) : text;
  const fraction = decimalAt >= 0 ? text.slice(decimalAt + 1) : '';
  if (!/^\d*$/.test(fraction)) return undefined;
  const groups = whole.split(/[.,']/);
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^\d{3}$/.test(g)))) return undefined;
  const digits = groups.join('');
  if (digits.length === 0 && fraction.length === 0) return undefined;
  return `${digits || '0'}${fraction ? `.${fraction}` : ''}`;
}

/** Money or a rate: a number, or text such as `€1,234.50`, `1 234.50 EUR`, `$ 95`, `(12.00)`. */
export function parseMoney(value: Cell): Parsed<Decimal> {
  if (typeof value === 'number') return Number.isFinite(value) ? decimalFromNumber(value) : INVALID;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = trimmed(value);
    if (text.length === 0) return null;
    return moneyFromText(text);
  }
  return INVALID;
}

const HUNDRED = new Decimal(100);

/**
 * Percent as a Decimal fraction (1 = 100 %): a fraction (`0.5`, what a 50 % cell holds), a
 * number above 1 read as points (`50`), or text with a percent sign (`50 %`, always points).
 */
export function parsePercent(value: Cell): Parsed<Decimal> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return INVALID;
    const d = decimalFromNumber(value);
    return value > 1 ? d.div(HUNDRED) : d;
  }
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    let text = trimmed(value);
    if (text.length === 0) return null;
    const isPoints = text.endsWith('%');
    if (isPoints) text = text.slice(0, -1).trim();
    const n = numberFromText(text);
    if (n === INVALID) return INVALID;
    const d = new Decimal(text.replace(',', '.'));
    return isPoints || n > 1 ? d.div(HUNDRED) : d;
  }
  return INVALID;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'x', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** Boolean: TRUE/FALSE, yes/no, y/n, x, 1/0 (as number or text). Blank is null: the caller's default. */
export function parseBoolean(value: Cell): Parsed<boolean> {
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : INVALID;
  if (typeof value === 'string') {
    const text = trimmed(value);
    if (text.length === 0) return null;
    const word = text.toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return INVALID;
}

/** The words of one enum column, looked up by their normalised form. */
export interface EnumWords<T extends string> {
  readonly words: readonly T[];
  readonly byKey: ReadonlyMap<string, T>;
}

/** Enum match key: case-, space-, dash- and underscore-insensitive (`Main project` = `main-project`). */
export function enumKey(text: string): string {
  return text.replace(/[\s\-_\u2013]+/g, '').toLowerCase();
}

export function enumWords<T extends string>(words: readonly T[]): EnumWords<T> {
  return { words, byKey: new Map(words.map((w) => [enumKey(w), w])) };
}

export function parseEnum<T extends string>(value: Cell, words: EnumWords<T>): Parsed<T> {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return INVALID;
  const text = trimmed(value);
  if (text.length === 0) return null;
  return words.byKey.get(enumKey(text)) ?? INVALID;
}

/** A list: comma- or semicolon-separated, each part trimmed, empty parts dropped. */
export function parseList(value: Cell): Parsed<string[]> {
  const text = parseText(value);
  if (text === null || text === INVALID) return text;
  const parts: string[] = [];
  for (const part of text.split(/[,;]/)) {
    const item = part.trim();
    if (item.length > 0) parts.push(item);
  }
  return parts.length > 0 ? parts : null;
}

const PERIOD_UNITS: Record<string, PeriodUnit> = {
  day: 'day', days: 'day', daily: 'day',
  week: 'week', weeks: 'week', weekly: 'week',
  month: 'month', months: 'month', monthly: 'month',
  quarter: 'quarter', quarters: 'quarter', quarterly: 'quarter',
  year: 'year', years: 'year', yearly: 'year',
};
const PERIOD_TEXT = /^(\d+)?\s*([a-z]+)$/;

/** The cap period MaxPer: `day` ... `year`, plurals, optionally a count (`2 weeks`). */
export function parseCapPeriod(value: Cell): Parsed<CapPeriod> {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return INVALID;
  const text = trimmed(value).toLowerCase();
  if (text.length === 0) return null;
  const m = PERIOD_TEXT.exec(text);
  if (!m) return INVALID;
  const unit = Object.prototype.hasOwnProperty.call(PERIOD_UNITS, m[2]) ? PERIOD_UNITS[m[2]] : undefined;
  const count = m[1] === undefined ? 1 : Number(m[1]);
  if (unit === undefined || count < 1) return INVALID;
  return { unit, count };
}
