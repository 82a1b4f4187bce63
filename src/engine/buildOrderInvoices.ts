/**
 * Order invoices (docs/billing-rules.md sections 4, 5 and 6): price, cost and invoice rows of
 * order time, and what each billing mode and basis makes of them. A pipeline of named
 * stages, each in src/engine/orders/ (docs/billing-engine.md, "Order invoicing in stages"):
 * 1. judge each new billable transaction through the billing gate (judgeTransactions);
 * 2. hold back every entry with a part that waits: an entry is settled as a whole
 *    (holdBackEntries);
 * 3. group the transactions per order (groupByOrder);
 * 4. sum rows per Invoice Times layout (sumTimeRows, invoiceTimesLayouts);
 * 5. price the rows (priceTimeRows);
 * 6. compose one draft per order by billing mode and basis, with MinimumBilling over the net
 *    and its retry when a held invoice shares an entry (orderInvoiceContent, composeOrderDrafts);
 * 7. `No charge` marks for time priced at zero (noChargeMarks);
 * 8. the run's cost and money per order, for OrderStatus (orderCosts, orderRunFigures).
 *
 * Transactions live in typed arrays and rows sum integer seconds per price: no Decimal work
 * happens per transaction.
 */
import type { BillingWorkbook, OrderKey } from '../schema/model';
import type { BillingException, BillingOptions, InvoiceNoUpdate } from './billingResult';
import type { DraftInvoice } from './draftInvoice';
import type { Decimal } from '../core/money';
import { createBillingGate, orderBillingContext, type OrderBillingContext } from './orderBillingGate';
import type { MatchedTime } from './matchTimeEntries';
import { billedByLineItem } from './orders/budgetRows';
import { composeOrderDrafts } from './orders/composeOrderDrafts';
import { groupByOrder } from './orders/groupByOrder';
import { holdBackWaitingEntries } from './orders/holdBackEntries';
import { judgeTransactions } from './orders/judgeTransactions';
import { noChargeMarks } from './orders/noChargeMarks';
import { costByOrder } from './orders/orderCosts';
import { orderLineFacts } from './orders/orderLineFacts';
import { orderRunFigures } from './orders/orderRunFigures';
import type { OrderRunMoney } from './orders/orderStatusRow';

export { NO_CHARGE } from './orders/noChargeMarks';

export interface OrderInvoices {
  /** One draft per order with billable time, in Orders table order. */
  drafts: DraftInvoice[];
  /** OrderBilled exceptions. */
  exceptions: BillingException[];
  /** InvoiceNo cells settled without an invoice: `No charge` on time priced at zero. */
  updates: InvoiceNoUpdate[];
  /**
   * Cost of all time on each order dated up to the billing date, billable or not, billed
   * earlier or now, half-up to cents. Orders without time are absent.
   */
  costByOrder: Map<OrderKey, Decimal>;
  /** Per order (every order of the book): this run's money, for OrderStatus. */
  figures: Map<OrderKey, OrderRunFigures>;
  /** The tree view and decisions the run used. */
  context: OrderBillingContext;
}

/** This run's money per order, for OrderStatus (see orders/orderStatusRow.ts). */
export type OrderRunFigures = OrderRunMoney;

export function buildOrderInvoices(
  book: BillingWorkbook,
  matched: MatchedTime,
  options: BillingOptions,
  context: OrderBillingContext = orderBillingContext(book, options),
): OrderInvoices {
  const { transactions: tx } = matched;
  const facts = orderLineFacts(book);
  const { verdicts, exceptions } = judgeTransactions(book, tx, facts.orderOfLine, createBillingGate(book, context));
  holdBackWaitingEntries(tx, verdicts);
  const grouped = groupByOrder(book, tx, facts.orderOfLine, verdicts);
  const billedBefore = billedByLineItem(book);
  const composed = composeOrderDrafts({
    book, billingDate: options.billingDate, view: context.view, decisions: context.decisions,
    facts, grouped, billedBefore, tx, verdicts, personCount: matched.people.length,
  });
  const noCharge = noChargeMarks(composed.drafts, composed.noCharge, options.preview);
  const figures = orderRunFigures({ book, view: context.view, decisions: context.decisions, billedBefore, prices: facts.prices }, composed, noCharge.countByOrder);
  return { drafts: composed.drafts, exceptions, updates: noCharge.updates, costByOrder: costByOrder(book, matched, facts), figures, context };
}
