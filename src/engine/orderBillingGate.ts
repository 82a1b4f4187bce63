/**
 * May this transaction bill now? (billing-rules section 5.) The one place where billing
 * modes decide; buildOrderInvoices only acts on the answer.
 *
 * Implemented now: Billed (closed order: new time is an OrderBilled exception). Every other
 * mode bills for now; Rules, Manual, PaymentPlan, BillingRules, SubprojectBasis and
 * AsBudgeted come with the billing-modes issue and answer 'wait' or 'costOnly' here.
 */
import type { BillingWorkbook } from '../schema/model';
import type { BillingOptions } from './billingResult';

export type BillingDecision =
  /** Invoiced on this run; the entry is settled. */
  | 'bill'
  /** The order is closed: an OrderBilled exception, nothing billed, entry stays unsettled. */
  | 'orderBilled'
  /** Not yet: stays unsettled, no exception; a later run bills it. */
  | 'wait'
  /** Fixed-price or budget-billed order: costed, never invoiced, never marked. */
  | 'costOnly';

export interface BillingGate {
  /** Decision for one BILL_NOW transaction: its order, line item and entry (indexes into the book). */
  decide(order: number, line: number, entry: number): BillingDecision;
}

export function createBillingGate(book: BillingWorkbook, _options: BillingOptions): BillingGate {
  const byOrder: BillingDecision[] = book.orders.map((order) => (order.billingMode === 'Billed' ? 'orderBilled' : 'bill'));
  return { decide: (order) => byOrder[order] };
}
