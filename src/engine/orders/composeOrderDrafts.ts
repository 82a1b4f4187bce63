/**
 * Stage 6 of order invoicing: one draft per order with something to bill, in Orders table
 * order, then MinimumBilling over its net (docs/billing-rules.md section 5): an invoice below
 * it is held back whole and its time stays unsettled. An invoice held back settles nothing,
 * so when it shares an entry with another order's invoice (a split entry), that entry waits
 * too and the rows are made again, until no held invoice shares an entry.
 */
import type { OrderKey } from '../../schema/model';
import type { DraftInvoice } from '../draftInvoice';
import type { Transactions } from '../transactions';
import { ZERO, fromHundredths, roundCentsHalfUp, type Decimal } from '../../core/money';
import { regroupVerdicts } from './groupByOrder';
import { holdBackSharedEntries } from './holdBackEntries';
import { finalBillingCheck, type OrderBillingDecision } from './orderBillingDecision';
import { orderInvoiceContent, type OrderRunRows } from './orderInvoiceContent';
import { sumTimeRows, type TimeRows } from './sumTimeRows';

export interface ComposedDrafts {
  drafts: DraftInvoice[];
  /** Per order (Orders table index): the net its invoice carries or would carry, ZERO without one. */
  nets: Decimal[];
  /** Per order: 1 when MinimumBilling held its invoice back. */
  held: Uint8Array;
  /** Per order whose time is all priced at zero: the TimeEntries rows it settles as `No charge`. */
  noCharge: Map<number, readonly number[]>;
  /** The time rows the drafts were made of, with each order's waiting time. */
  timeRows: TimeRows;
}

export interface OrderDraftRun extends OrderRunRows {
  decisions: Map<OrderKey, OrderBillingDecision>;
  tx: Transactions;
  /** Per transaction, changed when entries are held back. */
  verdicts: Uint8Array;
  personCount: number;
}

export function composeOrderDrafts(run: OrderDraftRun): ComposedDrafts {
  for (;;) {
    const composed = composeOnce(run, sumTimeRows(run.book, run.facts.lines, run.grouped, run.personCount));
    if (!composed.held.includes(1)) return composed;
    if (!holdBackSharedEntries(run.tx, run.verdicts, run.facts.orderOfLine, composed.held)) return composed;
    regroupVerdicts(run.grouped, run.verdicts);
  }
}

function composeOnce(run: OrderDraftRun, timeRows: TimeRows): ComposedDrafts {
  const { book, decisions, billingDate } = run;
  const { orders, settings } = book;
  const drafts: DraftInvoice[] = [];
  const nets: Decimal[] = new Array(orders.length).fill(ZERO);
  const held = new Uint8Array(orders.length);
  const noCharge = new Map<number, readonly number[]>();
  orders.forEach((order, oi) => {
    const decision = decisions.get(order.key)!;
    const { rows, settles, settlesTimeEntries, netCents, isZeroPriced, entryLedger } = orderInvoiceContent(run, timeRows, oi, decision);
    if (rows.length === 0) return;
    let net = ZERO;
    if (netCents !== undefined) net = fromHundredths(netCents);
    else for (const row of rows) net = net.plus(row.amount);
    nets[oi] = net;
    if (!finalBillingCheck(decision, net).canBill) {
      held[oi] = 1;
      return;
    }
    // Zero-priced time is settled without an invoice (docs/billing-rules.md section 8).
    if (isZeroPriced === true && net.isZero()) {
      noCharge.set(oi, settlesTimeEntries ?? []);
      return;
    }
    const taxRate = order.taxRate ?? settings.taxRate;
    const tax = roundCentsHalfUp(net.mul(taxRate));
    drafts.push({
      date: billingDate,
      customer: order.customer,
      source: order.id,
      kind: 'Order',
      currency: settings.currency,
      taxRate,
      rows,
      entryLedger,
      net,
      tax,
      gross: net.plus(tax),
      settles,
      settlesTimeEntries,
      sequenceInSource: 0,
    });
  });
  return { drafts, nets, held, noCharge, timeRows };
}
