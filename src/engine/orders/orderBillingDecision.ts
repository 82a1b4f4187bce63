/**
 * When an order may bill (docs/billing-rules.md section 5), as of the billing date. Asked once per
 * order; the answer then judges each transaction (line item + the node its entry was booked
 * on) and, once the core engine knows the net the invoice would carry, the order as a whole.
 *
 * Reasons name every failed criterion with its numbers, in a fixed order
 * (progress, status, date, net), joined by "; " in OrderStatus.
 */
import type { Basis, BillingMode, BillingWorkbook, LineItem, NodeKey, NodeStatus, Order, ProjectNode } from '../../schema/model';
import type { Day } from '../../core/day';
import { ZERO, type Decimal } from '../../core/money';
import { hasReachedStatus } from '../projects/projectIndex';
import type { ProjectView } from '../projects/projectView';
import { projectView } from '../projects/projectView';
import { orderStatusReason } from './orderStatusReasons';

/**
 * What happens to one time transaction on this run. Same words as the core engine's
 * BillingDecision: bill now; wait for a later run; cost only (fixed-price or budget-billed
 * order: never invoiced, never marked); orderBilled (closed order: an OrderBilled exception).
 */
export type TransactionVerdict = 'bill' | 'wait' | 'costOnly' | 'orderBilled';

export interface OrderBillingDecision {
  order: Order;
  mode: BillingMode;
  /** The order's Basis, else the Settings default. */
  basis: Basis;
  /** The order's project node; undefined: no project yet, nothing docks, nothing bills. */
  projectNode?: ProjectNode;
  /** Progress of the project node (0 without one), for OrderStatus. */
  progress: Decimal;
  /** False when nothing of the order may bill now, whatever the net. */
  mayBillSomething: boolean;
  /** Every criterion that failed before looking at the net, with its numbers. */
  reasons: string[];
  /**
   * Time transaction: its line item and the node the entry was booked on. Time on
   * PaymentPlan or AsBudgeted orders is costOnly; budget and installment rows are asked
   * separately (mayBillLine, installmentRows).
   */
  transaction(line: LineItem, entryNode?: NodeKey): TransactionVerdict;
  /**
   * Whether the mode lets this line item bill now (time or its AsBudgeted row). With
   * SubprojectBasis the entry's node decides for lines docked on the project node itself.
   */
  mayBillLine(line: LineItem, entryNode?: NodeKey): boolean;
}

export interface OrderBillingCheck {
  canBill: boolean;
  /** Failed criteria joined by "; " ("progress 40 % < 50 %; net 80.00 < minimum 100.00"). */
  reason: string;
}

interface Judgement {
  passes: boolean;
  reasons: string[];
}

function statusOf(node: ProjectNode): NodeStatus {
  return node.status ?? 'Open';
}

/** Progress and status of a reference node against the order's Rules. */
function judgeNode(order: Order, node: ProjectNode, view: ProjectView): Judgement {
  const reasons: string[] = [];
  const progress = view.progress.get(node.key) ?? ZERO;
  if (order.minProgress !== undefined && progress.lt(order.minProgress)) {
    reasons.push(orderStatusReason('ProgressBelow', progress, order.minProgress));
  }
  if (order.requiredStatus !== undefined && statusOf(node) !== order.requiredStatus) {
    reasons.push(orderStatusReason('StatusNotReached', statusOf(node), order.requiredStatus));
  }
  return { passes: reasons.length === 0, reasons };
}

/** A line's own BillingRules: progress and status of its docking node, BillFrom. */
function judgeLineRule(line: LineItem, billingDate: Day, view: ProjectView): Judgement {
  const reasons: string[] = [];
  const node = view.index.dockingNodeOf(line);
  if (line.billAtProgress !== undefined) {
    const progress = node === undefined ? ZERO : (view.progress.get(node.key) ?? ZERO);
    if (progress.lt(line.billAtProgress)) reasons.push(orderStatusReason('ProgressBelow', progress, line.billAtProgress));
  }
  if (line.billAtStatus !== undefined) {
    const status = node === undefined ? undefined : node.status;
    if (node === undefined || !hasReachedStatus(status, line.billAtStatus)) {
      reasons.push(node === undefined ? orderStatusReason('NoDockingNode', line.billAtStatus) : orderStatusReason('StatusNotReached', statusOf(node), line.billAtStatus));
    }
  }
  if (line.billFrom !== undefined && billingDate < line.billFrom) {
    reasons.push(orderStatusReason('BeforeBillFrom', billingDate, line.billFrom));
  }
  return { passes: reasons.length === 0, reasons };
}

/**
 * SubprojectBasis: the child of the project node that holds the line's docking node; for a
 * line docked on the project node itself, the child holding the entry's node; the project
 * node itself when that node is the project node or lies outside its subtree.
 */
function judgingNode(line: LineItem, entryNode: NodeKey | undefined, projectNode: ProjectNode, view: ProjectView): ProjectNode {
  const dock = view.index.dockingNodeOf(line);
  const start = dock !== undefined && dock.key !== projectNode.key ? dock.key : (entryNode ?? projectNode.key);
  const chain = view.index.ancestorsOf(start);
  const at = chain.findIndex((n) => n.key === projectNode.key);
  return at > 0 ? chain[at - 1] : projectNode;
}

function describePaymentPlan(book: BillingWorkbook, order: Order, billingDate: Day): Judgement {
  const open = book.installments.filter((i) => i.orderKey === order.key && i.invoiceNo === undefined);
  if (open.some((i) => i.dueDate <= billingDate)) return { passes: true, reasons: [] };
  if (open.length === 0) {
    const any = book.installments.some((i) => i.orderKey === order.key);
    return { passes: false, reasons: [any ? orderStatusReason('AllInstallmentsInvoiced') : orderStatusReason('NoInstallments')] };
  }
  const next = Math.min(...open.map((i) => i.dueDate));
  return { passes: false, reasons: [orderStatusReason('InstallmentNotDue', next)] };
}

export function orderBillingDecision(book: BillingWorkbook, order: Order, billingDate: Day, view: ProjectView = projectView(book)): OrderBillingDecision {
  const mode = order.billingMode;
  const basis = order.basis ?? book.settings.basis;
  const projectNode = view.index.projectNodeOf(order.key);
  const base = { order, mode, basis, projectNode, progress: projectNode === undefined ? ZERO : (view.progress.get(projectNode.key) ?? ZERO) };

  const closed = (reasons: string[], verdict: TransactionVerdict): OrderBillingDecision => ({
    ...base, mayBillSomething: false, reasons, transaction: () => verdict, mayBillLine: () => false,
  });
  if (mode === 'Billed') return closed([orderStatusReason('OrderClosed')], 'orderBilled');
  if (projectNode === undefined) return closed([orderStatusReason('NoProject')], 'wait');

  let mayBillLine: (line: LineItem, entryNode?: NodeKey) => boolean;
  let summary: Judgement;
  switch (mode) {
    case 'Manual':
      summary = order.billNow ? { passes: true, reasons: [] } : { passes: false, reasons: [orderStatusReason('BillNowNotSet')] };
      mayBillLine = () => order.billNow;
      break;
    case 'PaymentPlan':
      summary = describePaymentPlan(book, order, billingDate);
      mayBillLine = () => false;
      break;
    case 'BillingRules': {
      const lines = book.lineItems.filter((l) => l.orderKey === order.key).sort((a, b) => a.position - b.position);
      const verdicts = new Map(lines.map((l) => [l.key, judgeLineRule(l, billingDate, view)]));
      const failing = lines.filter((l) => !verdicts.get(l.key)?.passes);
      summary = {
        passes: lines.length > failing.length,
        reasons: lines.length === 0 ? [orderStatusReason('NoLineItems')] : failing.map((l) => orderStatusReason('LineWaits', l.line, verdicts.get(l.key)?.reasons ?? [])),
      };
      mayBillLine = (line) => verdicts.get(line.key)?.passes ?? judgeLineRule(line, billingDate, view).passes;
      break;
    }
    case 'Rules': {
      const dateReasons = order.earliestBillingDate !== undefined && billingDate < order.earliestBillingDate
        ? [orderStatusReason('BeforeEarliest', billingDate, order.earliestBillingDate)] : [];
      const dateOk = dateReasons.length === 0;
      const kids = view.index.children.get(projectNode.key) ?? [];
      if (order.subprojectBasis && kids.length > 0) {
        const verdicts = new Map(kids.map((k) => [k.key, judgeNode(order, k, view)]));
        const failing = kids.filter((k) => !verdicts.get(k.key)?.passes);
        // Time booked on the project node itself is judged by the project node (section 5),
        // so the order may bill when that node passes even if no subproject does yet.
        const projectOk = judgeNode(order, projectNode, view).passes;
        summary = {
          passes: dateOk && (failing.length < kids.length || projectOk),
          reasons: [...failing.map((k) => orderStatusReason('SubprojectWaits', k.name, verdicts.get(k.key)?.reasons ?? [])), ...dateReasons],
        };
        mayBillLine = (line, entryNode) => {
          if (!dateOk) return false;
          const unit = judgingNode(line, entryNode, projectNode, view);
          return unit.key === projectNode.key ? projectOk : (verdicts.get(unit.key)?.passes ?? judgeNode(order, unit, view).passes);
        };
      } else {
        const node = judgeNode(order, projectNode, view);
        summary = { passes: dateOk && node.passes, reasons: [...node.reasons, ...dateReasons] };
        mayBillLine = () => summary.passes;
      }
      break;
    }
  }

  const timeInvoiced = mode !== 'PaymentPlan' && basis === 'Actual';
  return {
    ...base,
    mayBillSomething: summary.passes,
    reasons: summary.reasons,
    mayBillLine,
    transaction: (line, entryNode) => (!timeInvoiced ? 'costOnly' : mayBillLine(line, entryNode) ? 'bill' : 'wait'),
  };
}

/**
 * The order-level check once the net of this run's invoice is known: MinimumBilling
 * (Rules mode) applies to the invoice as a whole.
 */
export function finalBillingCheck(decision: OrderBillingDecision, net: Decimal): OrderBillingCheck {
  const reasons = [...decision.reasons];
  const minimum = decision.order.minimumBilling;
  let canBill = decision.mayBillSomething;
  if (decision.mode === 'Rules' && decision.projectNode !== undefined && minimum !== undefined && net.lt(minimum)) {
    reasons.push(orderStatusReason('BelowMinimum', net, minimum));
    canBill = false;
  }
  return { canBill, reason: reasons.join('; ') };
}

/** Every order's decision, computed over one shared view of the tree (index and progress). */
export function orderBillingDecisions(book: BillingWorkbook, billingDate: Day, view: ProjectView = projectView(book)): Map<Order['key'], OrderBillingDecision> {
  return new Map(book.orders.map((order) => [order.key, orderBillingDecision(book, order, billingDate, view)]));
}
