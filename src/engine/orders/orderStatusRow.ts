/**
 * One OrderStatus row (billing-rules section 5): whether the order can bill as of the
 * billing date, before this run's invoices, with every failed criterion; and its money:
 * Billed (everything invoiced on the order so far, this run included), Unbilled (billable
 * value still uninvoiced after the run), Cost (all its time up to the billing date,
 * billable or not), Margin = Billed + Unbilled − Cost.
 */
import type { OrderStatusRow } from '../billingResult';
import type { Decimal } from '../money';
import { finalBillingCheck, type OrderBillingDecision } from './orderBillingDecision';

export interface OrderStatusFigures {
  /** Net the order's invoice carries on this run (before the MinimumBilling check). */
  net: Decimal;
  billed: Decimal;
  unbilled: Decimal;
  cost: Decimal;
}

export function orderStatusRow(decision: OrderBillingDecision, figures: OrderStatusFigures): OrderStatusRow {
  const check = finalBillingCheck(decision, figures.net);
  return {
    orderId: decision.order.id,
    customer: decision.order.customer,
    billingMode: decision.mode,
    canBill: check.canBill,
    reason: check.reason,
    progress: decision.progress,
    unbilled: figures.unbilled,
    billed: figures.billed,
    cost: figures.cost,
    margin: figures.billed.plus(figures.unbilled).minus(figures.cost),
  };
}
