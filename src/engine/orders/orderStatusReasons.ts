/**
 * The Reason column of OrderStatus: every phrase it is made of, one per reason code
 * (docs/billing-engine.md, "Messages"), so code picks a phrase by its code. A Reason lists the
 * phrases of every failed criterion, joined by "; ". Numbers read as a finance user reads them:
 * "40 %", "80.00", "2025-03-01".
 */
import type { Decimal } from '../../core/money';
import { isoFromDay, type Day } from '../../core/day';

/** A fraction as percent points, at most two decimals, no trailing zeros: 0.405 -> "40.5 %". */
function percentText(fraction: Decimal): string {
  return `${fraction.mul(100).toDecimalPlaces(2).toString()} %`;
}

function moneyText(amount: Decimal): string {
  return amount.toFixed(2);
}

function dateText(day: Day): string {
  return isoFromDay(day);
}

/** Every OrderStatus reason code with its phrase. */
export const orderStatusPhrases = {
  /** BillingMode Billed. */
  OrderClosed: (): string => 'the order is closed (BillingMode Billed)',
  /** No ProjectTree node carries the order yet. */
  NoProject: (): string => 'no project yet',
  /** BillingMode Manual without BillNow. */
  BillNowNotSet: (): string => 'BillNow is not set',
  /** BillingMode PaymentPlan without a row in PaymentPlan. */
  NoInstallments: (): string => 'no installments in PaymentPlan',
  AllInstallmentsInvoiced: (): string => 'every installment is invoiced',
  InstallmentNotDue: (nextDue: Day): string => `next installment due ${dateText(nextDue)}`,
  /** BillingMode BillingRules without a line item. */
  NoLineItems: (): string => 'the order has no line items',
  /** A line item whose BillingRules fail, with the phrases of its failed rules. */
  LineWaits: (line: string, phrases: readonly string[]): string => `line ${line}: ${phrases.join(', ')}`,
  /** A subproject (SubprojectBasis) whose Rules fail, with the phrases of its failed rules. */
  SubprojectWaits: (name: string, phrases: readonly string[]): string => `${name}: ${phrases.join(', ')}`,
  ProgressBelow: (progress: Decimal, required: Decimal): string => `progress ${percentText(progress)} < ${percentText(required)}`,
  StatusNotReached: (status: string, required: string): string => `status ${status}, required ${required}`,
  /** A line item with BillAtStatus whose node is not in ProjectTree. */
  NoDockingNode: (requiredStatus: string): string => `docks on no node, required status ${requiredStatus}`,
  BeforeBillFrom: (billingDate: Day, billFrom: Day): string => `billing date ${dateText(billingDate)} < bill from ${dateText(billFrom)}`,
  BeforeEarliest: (billingDate: Day, earliest: Day): string => `billing date ${dateText(billingDate)} < earliest ${dateText(earliest)}`,
  BelowMinimum: (net: Decimal, minimum: Decimal): string => `net ${moneyText(net)} < minimum ${moneyText(minimum)}`,
  /** Entries this run settled as `No charge` (all the order's time priced at zero). */
  NoCharge: (entries: number): string => `${entries === 1 ? '1 entry' : `${entries} entries`} priced at zero settled as No charge`,
};

export type OrderStatusReasonCode = keyof typeof orderStatusPhrases;
export type OrderStatusFacts<C extends OrderStatusReasonCode> = Parameters<(typeof orderStatusPhrases)[C]>;

/** The phrase of one reason code. */
export function orderStatusReason<C extends OrderStatusReasonCode>(code: C, ...facts: OrderStatusFacts<C>): string {
  return (orderStatusPhrases[code] as (...args: OrderStatusFacts<C>) => string)(...facts);
}
