/**
 * Worksheet arguments as Excel hands them over, checked. An omitted optional argument
 * arrives as null or undefined (an empty cell may also give ""); dates arrive as serial
 * numbers (a time of day is dropped) or may be typed as `YYYY-MM-DD` text.
 * Each parser returns the value or a #VALUE! failure that names the argument.
 */
import { dayFromIso, dayFromParts, type Day } from '../engine';
import type { FunctionFailure } from './excelErrors';
import { functionFailure, type IdArgumentName } from './functionMessages';

/** 9999-12-31, Excel's last date. */
const LAST_SERIAL = 2_958_465;

export function isOmitted(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A date argument: an Excel date serial or `YYYY-MM-DD` text; omitted = `fallback`. */
export function dateArgument(value: unknown, name: string, fallback: Day | undefined): Day | undefined | FunctionFailure {
  if (isOmitted(value)) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 1 && value < LAST_SERIAL + 1) return Math.floor(value);
  if (typeof value === 'string') {
    const day = dayFromIso(value);
    if (day !== undefined) return day;
  }
  return functionFailure('BadDate', name, value);
}

/** An id argument (AgreementId, OrderId, EntryId): text, or a number typed as an id. */
export function idArgument(value: unknown, name: IdArgumentName): string | FunctionFailure {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return functionFailure('BadId', name, value);
}

/** A TRUE/FALSE argument; omitted = `fallback`; 1 and 0 are accepted as Excel does. */
export function booleanArgument(value: unknown, name: string, fallback: boolean): boolean | FunctionFailure {
  if (isOmitted(value)) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  return functionFailure('BadBoolean', name, value);
}

/** A number argument (kept as given: the advisor itself judges whole numbers and ranges). */
export function numberArgument(value: unknown, name: string): number | FunctionFailure {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return functionFailure('BadNumber', name, value);
}

/** Today on the computer's own calendar, as an Excel day. */
export function localToday(now: Date = new Date()): Day {
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
