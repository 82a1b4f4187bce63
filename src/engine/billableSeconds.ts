/**
 * Billing rounding (docs/billing-rules.md section 4): an entry's billable time is its recorded
 * time rounded up to the increment, then lifted to the minimum. Recorded time is never
 * changed; callers keep both.
 */
import type { Seconds } from '../schema/model';

export function billableSeconds(recorded: Seconds, roundUpMinutes?: number, minimumMinutes?: number): Seconds {
  let billable = recorded;
  if (roundUpMinutes !== undefined && roundUpMinutes > 0) {
    const step = Math.round(roundUpMinutes * 60);
    billable = Math.ceil(billable / step) * step;
  }
  if (minimumMinutes !== undefined && minimumMinutes > 0) {
    billable = Math.max(billable, Math.round(minimumMinutes * 60));
  }
  return billable;
}
