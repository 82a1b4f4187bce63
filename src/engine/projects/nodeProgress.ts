/**
 * Progress of every project node (docs/billing-rules.md section 5): Status Completed or Closed
 * counts as 100 %; a Progress typed in the tree stands; a blank Progress is the
 * budget-weighted average of the children's progress, weighted by the budget value
 * (Quantity × UnitPrice) of the line items docked anywhere in each child's subtree, the
 * plain average when no child carries budget value; a leaf left blank is 0 %.
 */
import type { BillingWorkbook, LineItem, NodeKey } from '../../schema/model';
import { Decimal, ZERO, valueOfSeconds } from '../../core/money';
import { indexProjects, isDone, type ProjectIndex } from './projectIndex';

const ONE = new Decimal(1);

/** Budget value of a line item: budgeted hours × hourly rate, exact. Blank quantity = 0. */
export function budgetValueOf(line: LineItem): Decimal {
  return line.quantity === undefined ? ZERO : valueOfSeconds(line.quantity, line.unitPrice);
}

/** Progress as a fraction (1 = 100 %) for every node in the tree. */
export function nodeProgress(
  book: Pick<BillingWorkbook, 'nodes' | 'lineItems'>,
  index: ProjectIndex = indexProjects(book),
): Map<NodeKey, Decimal> {
  const ownBudget = new Map<NodeKey, Decimal>();
  for (const line of book.lineItems) {
    const node = index.dockingNodeOf(line);
    if (node === undefined) continue;
    ownBudget.set(node.key, (ownBudget.get(node.key) ?? ZERO).plus(budgetValueOf(line)));
  }

  const progress = new Map<NodeKey, Decimal>();
  const subtreeBudget = new Map<NodeKey, Decimal>();
  const visiting = new Set<NodeKey>();

  const visit = (key: NodeKey): void => {
    if (progress.has(key)) return;
    if (visiting.has(key)) throw new Error(`ProjectTree has a cycle through node ${key}`);
    visiting.add(key);
    const node = index.nodes.get(key);
    const kids = index.children.get(key) ?? [];
    let budget = ownBudget.get(key) ?? ZERO;
    let weighted = ZERO;
    let weights = ZERO;
    let plain = ZERO;
    for (const kid of kids) {
      visit(kid.key);
      const kidBudget = subtreeBudget.get(kid.key) as Decimal;
      const kidProgress = progress.get(kid.key) as Decimal;
      budget = budget.plus(kidBudget);
      weighted = weighted.plus(kidProgress.mul(kidBudget));
      weights = weights.plus(kidBudget);
      plain = plain.plus(kidProgress);
    }
    subtreeBudget.set(key, budget);

    let value: Decimal;
    if (node !== undefined && isDone(node.status)) value = ONE;
    else if (node?.progress !== undefined) value = node.progress;
    else if (kids.length === 0) value = ZERO;
    else if (weights.gt(0)) value = weighted.div(weights);
    else value = plain.div(kids.length);
    progress.set(key, value);
    visiting.delete(key);
  };

  for (const key of index.nodes.keys()) visit(key);
  return progress;
}
