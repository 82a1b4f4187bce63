/**
 * The largest values a cell may hold, so that every computation on them stays exact.
 *
 * Durations: the engine packs seconds into 32-bit integer arrays (matchTimeEntries' facts,
 * cap sizes and Transactions), which wrap above 2,147,483,647 s (596,523 h): 596,524 h would
 * bill as -593,046.47 h. A duration cell holds at most 100,000 h (360,000,000 s), and billing
 * rounding (RoundUpMinutes, MinimumMinutes) at most as much again, so an entry's billable
 * seconds stay below 720,000,000, far inside the 32-bit range; a million such entries sum
 * to below 2^53 seconds, exact in a double.
 *
 * Money: held as decimal.js with 34 significant digits, exact at any size; it becomes a
 * double only when written to a cell, where 1e308 became Infinity. An amount cell holds
 * less than 10^12 in absolute value (999,999,999,999.99 at most), so each amount is exact
 * to the cent as a double and shows exactly in Excel's 15 significant digits.
 */
import { Decimal } from '../core/money';
import type { Seconds } from './model';

export const MAX_HOURS = 100_000;
export const MAX_DURATION_SECONDS: Seconds = MAX_HOURS * 3600;
/** RoundUpMinutes and MinimumMinutes: at most MAX_HOURS, in minutes. */
export const MAX_MINUTES = MAX_HOURS * 60;
/** Amounts must be below this in absolute value. */
export const MONEY_LIMIT = new Decimal('1e12');
/** Excel's longest sheet name; invoice sheets are named by their number. */
export const MAX_SHEET_NAME = 31;
/** MaxHoursPerEntry's default: a month of 31 days around the clock. */
export const DEFAULT_MAX_HOURS_PER_ENTRY = 744;

export function isMoneyInRange(value: Decimal): boolean {
  return value.abs().lessThan(MONEY_LIMIT);
}
