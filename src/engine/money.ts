/**
 * Money is Decimal, from one project-wide clone; the global Decimal settings are never touched.
 * Rounding happens only at the named points of the billing rules, each with its mode spelled out.
 */
import DecimalBase from 'decimal.js';

export const Decimal = DecimalBase.clone({ precision: 34, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
const SECONDS_PER_HOUR = 3600;

/** Half-up to cents: invoice rows, tax, cost per order. */
export function roundCentsHalfUp(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Value of `seconds` at an hourly `rate`, exact (no rounding). */
export function valueOfSeconds(seconds: number, rate: Decimal): Decimal {
  return rate.mul(seconds).div(SECONDS_PER_HOUR);
}

/** Hours shown on an invoice row: seconds / 3600, half-up to two decimals. */
export function hoursForDisplay(seconds: number): Decimal {
  return new Decimal(seconds).div(SECONDS_PER_HOUR).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Exact hours of a duration (for summaries), no rounding. */
export function exactHours(seconds: number): Decimal {
  return new Decimal(seconds).div(SECONDS_PER_HOUR);
}

export function sumDecimals(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
