/**
 * The sentences of BillingExceptions, one per reason code (docs/billing-engine.md, "Messages"),
 * so the Reason cell and the Message beside it cannot drift apart: a call site names the
 * code and gets that code's sentence (`exceptionMessage('Overrun', ...)`). Each sentence says
 * what happened to the time and what a finance user can do about it. Durations are decimal
 * hours as in every message (core/money.ts, hoursText), and an agreement's sentence names
 * the recorded time when billing rounding changed it.
 */
import type { Agreement, Seconds } from '../schema/model';
import type { ExceptionReason } from './billingResult';
import type { Day } from '../core/day';
import { isoFromDay } from '../core/day';
import { hoursText } from '../core/money';

/** "2.50 h", or "0.50 h (recorded 0.17 h, billed as 0.50 h)" when rounding changed it. */
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

/** Every reason code of BillingExceptions (workbook contract) with its sentence. */
export const exceptionSentences = {
  NoLineItem: (nodeId: string, seconds: Seconds): string =>
    `${hoursText(seconds)} on ${nodeId} found no order line item on the node or above it (times without order line item): add a collector line item, for example one without Assignee.`,
  OverLimit: (seconds: Seconds): string =>
    `${hoursText(seconds)} exceed the MaxBillable cap of every matching line item and are not billed: raise a cap, or add a line item without one to take the rest.`,
  UnknownNode: (nodeId: string): string =>
    `Node ${nodeId} is not in ProjectTree: correct the NodeId or add the node.`,
  UnknownAgreement: (agreementId: string): string =>
    `Agreement ${agreementId} is not in the Agreements table: correct the Agreement of this entry or add the agreement.`,
  /** Cancelled, or dated outside the agreement's Start..End. */
  AgreementInactive: (agreement: Agreement, date: Day, recorded: Seconds, billable: Seconds): string =>
    agreement.status === 'Cancelled'
      ? `${timeOf(billable, recorded, billable)} booked under agreement ${agreement.id}, which is cancelled: not covered and not billed. Book the time under another agreement or an order.`
      : `${timeOf(billable, recorded, billable)} dated ${isoFromDay(date)} lies outside agreement ${agreement.id} (${period(agreement)}): not covered and not billed. Book it under the agreement that runs on that date.`,
  ExcludedCategory: (agreement: Agreement, category: string, recorded: Seconds, billable: Seconds): string =>
    `${timeOf(billable, recorded, billable)} of work type ${category}, which agreement ${agreement.id} does not cover, and it has no OverageRate: not billed. Set an OverageRate or book the work elsewhere.`,
  Overrun: (agreement: Agreement, overrun: Seconds, recorded: Seconds, billable: Seconds): string =>
    `${timeOf(overrun, recorded, billable)} beyond the balance of agreement ${agreement.id}, which has no OverageRate: not billed. Add hours (AgreementAdditions) or set an OverageRate.`,
  OrderBilled: (orderId: string, seconds: Seconds): string =>
    `${hoursText(seconds)} landed on order ${orderId}, which is already billed (BillingMode Billed): not invoiced. Book the time on an open order, or change the order's BillingMode to bill it.`,
} satisfies Record<ExceptionReason, (...args: never[]) => string>;

/** What the sentence of `reason` is told. */
export type ExceptionFacts<R extends ExceptionReason> = Parameters<(typeof exceptionSentences)[R]>;

/** The sentence of one reason code. */
export function exceptionMessage<R extends ExceptionReason>(reason: R, ...facts: ExceptionFacts<R>): string {
  return (exceptionSentences[reason] as (...args: ExceptionFacts<R>) => string)(...facts);
}
