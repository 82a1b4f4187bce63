/**
 * The sentences of agreement exceptions, in one place so they read alike. Each says what
 * happened to the time and what a finance user can do about it. Durations are h:mm (with
 * :ss when the seconds matter), and name the recorded time when billing rounding changed it.
 */
import type { Agreement, Seconds } from '../../schema/model';
import type { Day } from '../day';
import { isoFromDay } from '../day';

export function formatDuration(seconds: Seconds): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = String(m).padStart(2, '0');
  return s === 0 ? `${h}:${mm}` : `${h}:${mm}:${String(s).padStart(2, '0')}`;
}

/** "2:30 h" or "0:30 h (recorded 0:10 h, billed as 0:30 h)" when rounding changed it. */
function timeOf(partSeconds: Seconds, recordedSeconds: Seconds, billableSeconds: Seconds): string {
  const part = `${formatDuration(partSeconds)} h`;
  return recordedSeconds === billableSeconds
    ? part
    : `${part} (recorded ${formatDuration(recordedSeconds)} h, billed as ${formatDuration(billableSeconds)} h)`;
}

function period(agreement: Agreement): string {
  return agreement.end === undefined
    ? `from ${isoFromDay(agreement.start)} with no end date`
    : `from ${isoFromDay(agreement.start)} to ${isoFromDay(agreement.end)}`;
}

export const agreementMessages = {
  unknownAgreement: (agreementId: string): string =>
    `Agreement ${agreementId} is not in the Agreements table: correct the Agreement of this entry or add the agreement.`,
  cancelled: (agreement: Agreement, recorded: Seconds, billable: Seconds): string =>
    `${timeOf(billable, recorded, billable)} booked under agreement ${agreement.id}, which is cancelled: not covered and not billed. Book the time under another agreement or an order.`,
  outsideDates: (agreement: Agreement, date: Day, recorded: Seconds, billable: Seconds): string =>
    `${timeOf(billable, recorded, billable)} dated ${isoFromDay(date)} lies outside agreement ${agreement.id} (${period(agreement)}): not covered and not billed. Book it under the agreement that runs on that date.`,
  overrun: (agreement: Agreement, overrun: Seconds, recorded: Seconds, billable: Seconds): string =>
    `${timeOf(overrun, recorded, billable)} beyond the balance of agreement ${agreement.id}, which has no OverageRate: not billed. Add hours (AgreementAdditions) or set an OverageRate.`,
  excludedCategory: (agreement: Agreement, category: string, recorded: Seconds, billable: Seconds): string =>
    `${timeOf(billable, recorded, billable)} of work type ${category}, which agreement ${agreement.id} does not cover, and it has no OverageRate: not billed. Set an OverageRate or book the work elsewhere.`,
};
