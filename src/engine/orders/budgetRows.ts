/**
 * AsBudgeted basis (docs/billing-rules.md section 6): an order bills its budget as work advances,
 * not its time. A line item's value this run is
 *   Quantity × UnitPrice × completion of its docking node (100 % when Completed or Closed)
 *   − what earlier invoices already billed on that line item (InvoiceLines, by LineItem),
 * nothing when that is zero or less. Each line's value is rounded half-up to cents on its
 * own, so what a line has billed is always known to the cent, and the last run of a
 * completed line bills exactly the rest of its budget.
 *
 * Rows are grouped by the order's Invoice Times option (revenue account always part of the
 * key) and ordered by first appearance in the order's line order.
 */
import type { BillingWorkbook, InvoiceTimes, Item, ItemKey, LineItem, LineItemKey, Order } from '../../schema/model';
import type { InvoiceRow } from '../billingResult';
import { Decimal, ZERO, roundCentsHalfUp, sumDecimals } from '../../core/money';
import { budgetValueOf } from '../projects/nodeProgress';
import type { ProjectView } from '../projects/projectView';
import { idKey } from '../../core/idKey';

const ONE = new Decimal(1);

/** One line item's share of a budget row. */
export interface BudgetPart {
  line: LineItem;
  /** Value this run before rounding. */
  exactAmount: Decimal;
  /** Value this run, half-up to cents: what InvoiceLines should record for this line item. */
  amount: Decimal;
  /** exactAmount ÷ UnitPrice, exact. */
  hours: Decimal;
}

export interface BudgetRow extends Omit<InvoiceRow, 'row' | 'parts'> {
  /** Sum of the parts' exact values. */
  exactAmount: Decimal;
  /** The line items the row bills; one part per line item. */
  parts: BudgetPart[];
}

export interface BudgetRowOptions {
  /** The billing mode's say per line (OrderBillingDecision.mayBillLine); default: every line. */
  mayBillLine?: (line: LineItem) => boolean;
  /** What earlier invoices billed per line item; default: read from book.issuedInvoiceLines. */
  billedBefore?: ReadonlyMap<LineItemKey, Decimal>;
}

/** Everything earlier invoices billed, per line item (InvoiceLines rows with a LineItem). */
export function billedByLineItem(book: Pick<BillingWorkbook, 'issuedInvoiceLines'>): Map<LineItemKey, Decimal> {
  const billed = new Map<LineItemKey, Decimal>();
  for (const line of book.issuedInvoiceLines) {
    if (line.lineItem === undefined) continue;
    billed.set(line.lineItem, (billed.get(line.lineItem) ?? ZERO).plus(line.amount));
  }
  return billed;
}

/** Completion of the line's docking node, between 0 and 1; a line docked nowhere has none. */
function completionOf(line: LineItem, view: ProjectView): Decimal {
  const node = view.index.dockingNodeOf(line);
  if (node === undefined) return ZERO;
  const progress = view.progress.get(node.key) ?? ZERO;
  return Decimal.max(ZERO, Decimal.min(ONE, progress));
}

/** What each of the order's line items may bill this run, before grouping, in line order. */
export function budgetParts(book: BillingWorkbook, order: Order, view: ProjectView, options: BudgetRowOptions = {}): BudgetPart[] {
  const billed = options.billedBefore ?? billedByLineItem(book);
  const parts: BudgetPart[] = [];
  const lines = book.lineItems.filter((l) => l.orderKey === order.key).sort((a, b) => a.position - b.position);
  for (const line of lines) {
    if (line.unitPrice.lte(0)) continue;
    if (options.mayBillLine !== undefined && !options.mayBillLine(line)) continue;
    const exactAmount = budgetValueOf(line).mul(completionOf(line, view)).minus(billed.get(line.key) ?? ZERO);
    const amount = roundCentsHalfUp(exactAmount);
    if (amount.lte(0)) continue;
    parts.push({ line, exactAmount, amount, hours: exactAmount.div(line.unitPrice) });
  }
  return parts;
}

interface GroupShape {
  key: string;
  description: string;
  item?: string;
  person?: string;
}

function groupOf(option: InvoiceTimes, line: LineItem, item: Item | undefined, book: BillingWorkbook, order: Order): GroupShape {
  switch (option) {
    case 'OneRowTotal':
      return { key: '', description: order.timeDescription ?? book.settings.timeDescription };
    case 'ByGroups': {
      const group = item?.group ?? line.itemId;
      return { key: idKey(group), description: group };
    }
    case 'ByItems':
      return { key: line.item, description: line.itemId, item: line.itemId };
    case 'ByTransactions':
      return { key: line.key, description: line.description ?? line.itemId, item: line.itemId };
    case 'ByItemsPerson': {
      if (line.assignee === undefined) return { key: line.item + '\u0000', description: line.itemId, item: line.itemId };
      const person = book.people.find((p) => p.key === line.assignee)?.id ?? line.assignee;
      return { key: line.item + '\u0000' + line.assignee, description: `${line.itemId}: ${person}`, item: line.itemId, person };
    }
  }
}

/** The order's AsBudgeted invoice rows for this run, grouped by its Invoice Times option. */
export function budgetRows(book: BillingWorkbook, order: Order, view: ProjectView, options: BudgetRowOptions = {}): BudgetRow[] {
  const option = order.invoiceTimes ?? book.settings.invoiceTimes;
  const items = new Map<ItemKey, Item>(book.items.map((i) => [i.key, i]));
  const groups = new Map<string, { shape: GroupShape; account: string; parts: BudgetPart[] }>();
  for (const part of budgetParts(book, order, view, options)) {
    const item = items.get(part.line.item);
    const account = item?.revenueAccount ?? book.settings.projectRevenueAccount;
    const shape = groupOf(option, part.line, item, book, order);
    const key = shape.key + '\u0001' + idKey(account);
    const group = groups.get(key);
    if (group) group.parts.push(part);
    else groups.set(key, { shape, account, parts: [part] });
  }

  return [...groups.values()].map(({ shape, account, parts }) => {
    const prices = parts.map((p) => p.line.unitPrice);
    const samePrice = prices.every((p) => p.eq(prices[0]));
    return {
      description: shape.description,
      item: shape.item,
      person: shape.person,
      quantity: sumDecimals(parts.map((p) => p.hours)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
      unitPrice: samePrice ? prices[0] : undefined,
      amount: sumDecimals(parts.map((p) => p.amount)),
      exactAmount: sumDecimals(parts.map((p) => p.exactAmount)),
      revenueAccount: account,
      source: order.id,
      lineItem: parts.length === 1 ? parts[0].line.ref : undefined,
      entryIds: [],
      parts,
    };
  });
}
