/**
 * The sentences of agreement exceptions, in one place so they read alike. Each says what
 * happened to the time and what a finance user can do about it. Durations are decimal hours
 * as in every message (money.ts, hoursText), and name the recorded time when billing
 * rounding changed it.
 */
import type { Agreement, Seconds } from '../../schema/model';
import type { Day } from '../../core/day';
import { isoFromDay } from '../../core/day';
import { hoursText } from '../../core/money';

/** "2.50 h" or "0.50 h (recorded 0.17 h, billed as 0.50 h)" when rounding changed it. */
function timeOf(partSeconds: Seconds, recordedSeconds: Seconds, billableSeconds: Seconds): string {
  const part = hoursText(partSeconds);
  return recordedSeconds === billableSeconds
    ? part
    : `${part} (recorded ${hoursText(recordedSeconds)}, billed as ${hoursText(billableSeconds)})`;
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
