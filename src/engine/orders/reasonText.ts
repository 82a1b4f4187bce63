/** Numbers inside OrderStatus reasons, as a finance user reads them: "40 %", "80.00", "2025-03-01". */
import type { Decimal } from '../../core/money';
import { isoFromDay, type Day } from '../../core/day';

/** A fraction as percent points, at most two decimals, no trailing zeros: 0.405 -> "40.5 %". */
export function percentText(fraction: Decimal): string {
  return `${fraction.mul(100).toDecimalPlaces(2).toString()} %`;
}

export function moneyText(amount: Decimal): string {
  return amount.toFixed(2);
}

export function dateText(day: Day): string {
  return isoFromDay(day);
}
