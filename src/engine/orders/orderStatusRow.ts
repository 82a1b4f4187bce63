/**
 * One OrderStatus row (docs/billing-rules.md section 5): whether the order can bill as of the
 * billing date, before this run's invoices, with every failed criterion; and its money:
 * Billed (everything invoiced on the order so far, this run included), Unbilled (billable
 * value still uninvoiced after the run), Cost (all its time up to the billing date,
 * billable or not), Margin = Billed + Unbilled − Cost.
 */
import type { BillingWorkbook, OrderKey } from '../../schema/model';
import type { OrderStatusRow } from '../billingResult';
import { ZERO, type Decimal } from '../../core/money';
import { finalBillingCheck, type OrderBillingDecision } from './orderBillingDecision';
import { idKey, idKeyOrBlank } from '../../core/idKey';
import { orderStatusReason } from './orderStatusReasons';

export interface OrderStatusFigures {
  /** Net the order's invoice carries on this run (before the MinimumBilling check). */
  net: Decimal;
  billed: Decimal;
  unbilled: Decimal;
  cost: Decimal;
  /** Entries of this run settled as `No charge` (all the order's time priced at zero). */
  noChargeEntries?: number;
}

export function orderStatusRow(decision: OrderBillingDecision, figures: OrderStatusFigures): OrderStatusRow {
  const check = finalBillingCheck(decision, figures.net);
  const noCharge = figures.noChargeEntries ?? 0;
  const noChargeText = noCharge === 0 ? '' : orderStatusReason('NoCharge', noCharge);
  return {
    orderId: decision.order.id,
    customer: decision.order.customer,
    billingMode: decision.mode,
    canBill: check.canBill,
    reason: [check.reason, noChargeText].filter((text) => text !== '').join('; '),
    progress: decision.progress,
    unbilled: figures.unbilled,
    billed: figures.billed,
    cost: figures.cost,
    margin: figures.billed.plus(figures.unbilled).minus(figures.cost),
    ...(noCharge > 0 && { noChargeEntries: noCharge }),
  };
}

/**
 * Net invoiced on each order by earlier runs: the InvoiceLines amounts of every invoice the
 * Invoices table lists with that order as Source (Kind Order or blank, and credit notes). InvoiceLines
 * amounts add up to each invoice's net, also for AsBudgeted rows recorded per line item.
 */
export function billedEarlierByOrder(book: Pick<BillingWorkbook, 'issuedInvoices' | 'issuedInvoiceLines'>): Map<OrderKey, Decimal> {
  const orderOfInvoice = new Map<string, OrderKey>();
  const billed = new Map<OrderKey, Decimal>();
  const add = (order: OrderKey, amount: Decimal) => billed.set(order, (billed.get(order) ?? ZERO).plus(amount));
  for (const invoice of book.issuedInvoices) {
    if (invoice.source === undefined || invoice.source.trim() === '') continue;
    const kind = idKeyOrBlank(invoice.kind);
    // A credit note's (negative) net takes back what the invoice it credits billed.
    if (kind !== '' && kind !== 'order' && kind !== 'credit') continue;
    const order = idKey(invoice.source) as OrderKey;
    // The register's Net is what was billed; its lines are only summed when the register has no Net.
    if (invoice.net !== undefined) add(order, invoice.net);
    else orderOfInvoice.set(idKey(invoice.invoiceNo), order);
  }
  for (const line of book.issuedInvoiceLines) {
    const order = orderOfInvoice.get(idKey(line.invoiceNo));
    if (order !== undefined) add(order, line.amount);
  }
  return billed;
}

export interface OrderRunMoney {
  /**
   * Net MinimumBilling is judged on: what the order's invoice carries on this run before the
   * check; when the mode lets nothing bill now, the order's pending value (Unbilled).
   */
  net: Decimal;
  /** Net invoiced on this run. */
  billedNow: Decimal;
  unbilled: Decimal;
  /** Entries this run settles as `No charge`, when any. */
  noChargeEntries?: number;
}

/** OrderStatus for every order, in Orders table order. */
export function orderStatusRows(
  book: BillingWorkbook,
  decisions: ReadonlyMap<OrderKey, OrderBillingDecision>,
  money: ReadonlyMap<OrderKey, OrderRunMoney>,
  costByOrder: ReadonlyMap<OrderKey, Decimal>,
): OrderStatusRow[] {
  const earlier = billedEarlierByOrder(book);
  return book.orders.map((order) => {
    const decision = decisions.get(order.key);
    if (decision === undefined) throw new Error(`no billing decision for order ${order.id}`);
    const run = money.get(order.key) ?? { net: ZERO, billedNow: ZERO, unbilled: ZERO };
    return orderStatusRow(decision, {
      net: run.net,
      billed: (earlier.get(order.key) ?? ZERO).plus(run.billedNow),
      unbilled: run.unbilled,
      cost: costByOrder.get(order.key) ?? ZERO,
      noChargeEntries: run.noChargeEntries,
    });
  });
}
