/**
 * Money is Decimal, from one project-wide clone; the global Decimal settings are never touched.
 * Rounding happens only at the named points of docs/billing-rules.md (section 0), each with its mode spelled out.
 *
 * Hot paths (a million time entries make hundreds of thousands of invoice rows) may do the
 * same work in exact integer arithmetic instead: `exactRate` writes a rate as integer units
 * over a power of ten, `centsOfSeconds` and `hundredthsOfHours` round with integer
 * remainders, and `fromHundredths` turns the result into a (shared) Decimal once. They give
 * exactly what the Decimal path gives (test/engine/money.test.ts), and answer undefined
 * where integers would leave the safe range, so the caller falls back to Decimal.
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
  const hundredths = hundredthsOfHours(seconds);
  if (hundredths !== undefined) return fromHundredths(hundredths);
  return new Decimal(seconds).div(SECONDS_PER_HOUR).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * A duration as every sentence the user reads writes it (exceptions, agreement notes,
 * warnings): decimal hours, two places, half-up, like the hours cells of the workbook:
 * `5400` -> "1.50". By integer arithmetic, since a run may report many thousands.
 */
export function formatHours(seconds: number): string {
  const hundredths = hundredthsOfHours(seconds);
  if (hundredths === undefined) return hoursForDisplay(seconds).toFixed(2);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** `formatHours` with its unit: "1.50 h". */
export function hoursText(seconds: number): string {
  return `${formatHours(seconds)} h`;
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

/** `numerator / denominator` rounded half-up, for safe integers, numerator >= 0 and denominator > 0. */
function divideHalfUp(numerator: number, denominator: number): number {
  // `%` is exact on safe integers, so no float division can round a quotient up to the next integer.
  const rest = numerator % denominator;
  return (numerator - rest) / denominator + (2 * rest >= denominator ? 1 : 0);
}

/**
 * Hours of whole seconds in hundredths, half-up: the integer behind `hoursForDisplay`.
 * Undefined for a negative or unsafe count (negative zero and signs stay with Decimal).
 */
export function hundredthsOfHours(seconds: number): number | undefined {
  return Number.isSafeInteger(seconds) && seconds >= 0 ? divideHalfUp(seconds, 36) : undefined;
}

/** An hourly rate as integer `units` over `scale` (a power of ten), so seconds × rate can be worked in integers. */
export interface ExactRate {
  readonly units: number;
  /** 36 × scale: seconds × units / perCent is the value in cents. */
  readonly perCent: number;
}

/** The rate as an ExactRate, or undefined when its digits do not fit safe integers (then use Decimal). */
export function exactRate(rate: Decimal): ExactRate | undefined {
  // A negative rate, negative zero included, keeps its sign rules in Decimal.
  if (rate.isNegative() || !rate.isFinite()) return undefined;
  const places = rate.decimalPlaces();
  // 36 × 10^14 is the last denominator below 2^53.
  if (places > 14) return undefined;
  const units = rate.mul(new Decimal(10).pow(places)).toNumber();
  if (!Number.isSafeInteger(units)) return undefined;
  return { units, perCent: 36 * 10 ** places };
}

/**
 * `roundCentsHalfUp(valueOfSeconds(seconds, rate))` in integer cents, or undefined when
 * seconds are negative or not whole, or seconds × units leaves the safe integer range.
 * Same result, not just close: a quotient units × seconds / (3600 × 10^places) that is not
 * exactly a half cent lies at least 1 / (3600 × 10^places) away from one, and while the
 * product stays below 2^53 that is far more than the last of the 34 digits the Decimal
 * path's division keeps, so its one extra rounding can never cross a half cent.
 */
export function centsOfSeconds(seconds: number, rate: ExactRate): number | undefined {
  const numerator = seconds * rate.units;
  // A product that leaves the safe range can never round back into it, so this check is exact.
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(seconds) || seconds < 0) return undefined;
  return divideHalfUp(numerator, rate.perCent);
}

/**
 * Decimal of `hundredths` / 100 (cents as money, hundredths of an hour as hours). Decimals are
 * immutable, so the small values rows repeat most (one entry's hours and amount) share one
 * instance each; larger ones, mostly distinct, are made from exponent text, which decimal.js
 * parses faster than it divides.
 */
export function fromHundredths(hundredths: number): Decimal {
  if (hundredths >= 0 && hundredths < CACHED_BELOW && Number.isInteger(hundredths)) {
    let value = smallHundredths[hundredths];
    if (value === undefined) {
      value = new Decimal(`${hundredths}e-2`);
      smallHundredths[hundredths] = value;
    }
    return value;
  }
  // Exponent text only where String() writes plain digits.
  return Number.isSafeInteger(hundredths) ? new Decimal(`${hundredths}e-2`) : new Decimal(hundredths).div(100);
}

/** 8 hours at up to 160 an hour stay below this many cents. */
const CACHED_BELOW = 131_072;
const smallHundredths: (Decimal | undefined)[] = [];
