/**
 * May this transaction bill now? (docs/billing-rules.md section 5.) The one place where billing
 * modes decide about time; buildOrderInvoices only acts on the answer. The answer comes
 * from the order's OrderBillingDecision (orders/orderBillingDecision.ts), asked once per
 * order and run over one shared view of the project tree.
 */
import type { BillingWorkbook, OrderKey } from '../schema/model';
import type { BillingOptions } from './billingResult';
import { orderBillingDecisions, type OrderBillingDecision, type TransactionVerdict } from './orders/orderBillingDecision';
import { projectView, type ProjectView } from './projects/projectView';

export type BillingDecision = TransactionVerdict;
// 'bill': invoiced on this run, the entry is settled. 'wait': stays unsettled, no exception,
// a later run bills it. 'costOnly': fixed-price or budget-billed order: costed, never
// invoiced, never marked. 'orderBilled': the order is closed: an OrderBilled exception.

/** What the order part of a run knows about the tree and the orders, computed once per run. */
export interface OrderBillingContext {
  view: ProjectView;
  decisions: Map<OrderKey, OrderBillingDecision>;
}

export function orderBillingContext(book: BillingWorkbook, options: Pick<BillingOptions, 'billingDate'>): OrderBillingContext {
  const view = projectView(book);
  return { view, decisions: orderBillingDecisions(book, options.billingDate, view) };
}

export interface BillingGate {
  /** Decision for one BILL_NOW transaction: its order, line item and entry (indexes into the book). */
  decide(order: number, line: number, entry: number): BillingDecision;
  /** The same decision as its index in VERDICTS, for callers that keep verdicts in typed arrays. */
  decideIndex(order: number, line: number, entry: number): number;
}

/** Decisions by index: what decideIndex answers. */
export const VERDICTS: readonly BillingDecision[] = ['bill', 'wait', 'costOnly', 'orderBilled'];

/**
 * decide(o, l, e) = decisions[o].transaction(line l, node of entry e). Answers are cached per
 * line; under SubprojectBasis per (line, entry node), since a collector on the project node
 * is judged by the subproject the time was booked in.
 */
export function createBillingGate(book: BillingWorkbook, context: OrderBillingContext): BillingGate {
  const { orders, lineItems, timeEntries } = book;
  const decisions = orders.map((order) => context.decisions.get(order.key));
  const perLine = new Int8Array(lineItems.length).fill(-1);
  const perLineAndNode = new Map<string, number>();
  const decideIndex = (order: number, line: number, entry: number): number => {
    const decision = decisions[order];
    if (decision === undefined) throw new Error(`no billing decision for order ${orders[order].id}`);
    if (!decision.order.subprojectBasis) {
      if (perLine[line] < 0) perLine[line] = VERDICTS.indexOf(decision.transaction(lineItems[line]));
      return perLine[line];
    }
    const node = timeEntries[entry].node;
    const key = `${line}\u0000${node ?? ''}`;
    let verdict = perLineAndNode.get(key);
    if (verdict === undefined) {
      verdict = VERDICTS.indexOf(decision.transaction(lineItems[line], node));
      perLineAndNode.set(key, verdict);
    }
    return verdict;
  };
  return {
    decideIndex,
    decide: (order, line, entry) => VERDICTS[decideIndex(order, line, entry)],
  };
}
