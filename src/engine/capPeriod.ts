/**
 * Which cap period a day falls in (docs/billing-rules.md section 3, caps). Pure integer arithmetic
 * on Day serials: matching asks this once per entry and capped line, a million times a run.
 *
 * - One unit (`week`, `month`, ...): calendar periods. Days count from 2000-01-01, weeks
 *   from Monday 2000-01-03, months/quarters/years from January 2000.
 * - A count of n > 1 units (`2 weeks`): periods of n units that start on the line's
 *   ValidFrom itself; without ValidFrom they start on 2000-01-01 (weeks: 2000-01-03).
 * - No MaxPer: one period over the line's whole life (index 0).
 */
import type { CapPeriod } from '../schema/model';
import type { Day } from '../core/day';

/** Excel serial of 2000-01-01. */
const DAY_2000_01_01 = 36526;
/** Excel serial of Monday 2000-01-03. */
const MONDAY_2000_01_03 = 36528;
/** Excel serial of 1970-01-01 (days-from-civil counts from there). */
const DAY_1970_01_01 = 25569;

/** Months since January 2000 (January 2000 = 0) and the day of the month, without allocating. */
function civilMonthAndDay(day: Day): { monthIndex: number; dayOfMonth: number } {
  // Howard Hinnant's civil_from_days, on days since 1970-01-01.
  const z = day - DAY_1970_01_01 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dayOfMonth = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { monthIndex: (year - 2000) * 12 + (month - 1), dayOfMonth };
}

/** Months since January 2000 of a day (January 2000 = 0). */
export function monthIndexOfDay(day: Day): number {
  return civilMonthAndDay(day).monthIndex;
}

const MONTHS_PER_UNIT = { month: 1, quarter: 3, year: 12 } as const;

/**
 * Index of the cap period holding `day`. Equal indexes = same period; the numbers carry
 * no other meaning. `validFrom` anchors periods of more than one unit.
 */
export function capPeriodIndex(day: Day, period: CapPeriod | undefined, validFrom: Day | undefined): number {
  if (period === undefined) return 0;
  const count = Math.max(1, period.count);
  const anchored = count > 1 && validFrom !== undefined;
  switch (period.unit) {
    case 'day':
      return Math.floor((day - (anchored ? validFrom : DAY_2000_01_01)) / count);
    case 'week':
      return Math.floor((day - (anchored ? validFrom : MONDAY_2000_01_03)) / (7 * count));
    default: {
      const span = MONTHS_PER_UNIT[period.unit] * count;
      const at = civilMonthAndDay(day);
      if (!anchored) return Math.floor(at.monthIndex / span);
      const from = civilMonthAndDay(validFrom);
      // A day before the anchor's day of the month still belongs to the previous month's run.
      const months = at.monthIndex - from.monthIndex - (at.dayOfMonth < from.dayOfMonth ? 1 : 0);
      return Math.floor(months / span);
    }
  }
}
