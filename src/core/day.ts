/**
 * Dates are whole days as Excel serials (1 = 1900-01-01, 45658 = 2025-01-01), the unit
 * Office.js hands out. Serial 60 is Excel's phantom 1900-02-29; all real billing dates lie
 * far after it, so conversions assume the 1900 date system after March 1900.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
/** 1899-12-30 UTC: the epoch that makes serials after 1900-03-01 line up with Excel. */
const EPOCH_MS = Date.UTC(1899, 11, 30);

export function dayFromUtcDate(date: Date): Day {
  return Math.floor((date.getTime() - EPOCH_MS) / MS_PER_DAY);
}

export function utcDateFromDay(day: Day): Date {
  return new Date(EPOCH_MS + day * MS_PER_DAY);
}

export function dayFromParts(year: number, month: number, dayOfMonth: number): Day {
  return Math.round((Date.UTC(year, month - 1, dayOfMonth) - EPOCH_MS) / MS_PER_DAY);
}

/** `YYYY-MM-DD` of a day. */
export function isoFromDay(day: Day): string {
  return utcDateFromDay(day).toISOString().slice(0, 10);
}

/** Parses strict `YYYY-MM-DD`; undefined when it is not a real calendar date. */
export function dayFromIso(text: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return dayFromUtcDate(date);
}

export function partsOfDay(day: Day): { year: number; month: number; dayOfMonth: number; weekday: number } {
  const d = utcDateFromDay(day);
  // weekday: 0 = Monday ... 6 = Sunday (ISO)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, dayOfMonth: d.getUTCDate(), weekday: (d.getUTCDay() + 6) % 7 };
}
