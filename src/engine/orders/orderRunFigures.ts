/**
 * The last stage of order invoicing: this run's money per order, for OrderStatus
 * (orderStatusRow.ts): the net its invoice carries, what bills now, and what is still
 * unbilled after the run, by billing mode and basis.
 */
import type { BillingWorkbook, LineItemKey, OrderKey } from '../../schema/model';
import type { ProjectView } from '../projects/projectView';
import { Decimal, ZERO, roundCentsHalfUp, sumDecimals, valueOfSeconds } from '../../core/money';
import { budgetParts } from './budgetRows';
import { installmentAmounts } from './installmentRows';
import type { OrderBillingDecision } from './orderBillingDecision';
import type { OrderRunMoney } from './orderStatusRow';
import type { ComposedDrafts } from './composeOrderDrafts';

export interface OrderFiguresRun {
  book: BillingWorkbook;
  view: ProjectView;
  decisions: Map<OrderKey, OrderBillingDecision>;
  billedBefore: Map<LineItemKey, Decimal>;
  prices: readonly Decimal[];
}

/** Per order (every order of the book): this run's money. */
export function orderRunFigures(run: OrderFiguresRun, composed: ComposedDrafts, noChargeByOrder: ReadonlyMap<number, number>): Map<OrderKey, OrderRunMoney> {
  const { nets, held } = composed;
  const figures = new Map<OrderKey, OrderRunMoney>();
  run.book.orders.forEach((order, oi) => {
    const decision = run.decisions.get(order.key)!;
    const net = nets[oi];
    const billedNow = held[oi] === 1 ? ZERO : net;
    const unbilled = Decimal.max(ZERO, unbilledAfterRun(run, composed, oi, decision, billedNow));
    // When other criteria hold the whole order back, the net MinimumBilling is judged on is
    // what the invoice would carry if they held: the order's pending value.
    const noChargeEntries = noChargeByOrder.get(oi);
    figures.set(order.key, { net: decision.mayBillSomething ? net : unbilled, billedNow, unbilled, ...(noChargeEntries !== undefined && { noChargeEntries }) });
  });
  return figures;
}

/** What of the order stays unbilled after this run, before clamping at zero. */
function unbilledAfterRun(run: OrderFiguresRun, composed: ComposedDrafts, oi: number, decision: OrderBillingDecision, billedNow: Decimal): Decimal {
  const { book } = run;
  const order = book.orders[oi];
  if (decision.mode === 'Billed') return ZERO;
  if (decision.mode === 'PaymentPlan') {
    let open = ZERO;
    for (const [installment, amount] of installmentAmounts(book, order)) if (installment.invoiceNo === undefined) open = open.plus(amount);
    return open.minus(billedNow);
  }
  if (decision.basis === 'AsBudgeted') {
    return sumDecimals(budgetParts(book, order, run.view, { billedBefore: run.billedBefore }).map((p) => p.amount)).minus(billedNow);
  }
  let waiting = ZERO;
  for (const [priceId, seconds] of composed.timeRows.orders[oi]?.waitingSeconds ?? []) waiting = waiting.plus(valueOfSeconds(seconds, run.prices[priceId]));
  return roundCentsHalfUp(waiting).plus(composed.held[oi] === 1 ? composed.nets[oi] : ZERO);
}
