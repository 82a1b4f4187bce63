/** What the order modules read about the tree, computed once per run. */
import type { BillingWorkbook, NodeKey } from '../../schema/model';
import type { Decimal } from '../../core/money';
import { nodeProgress } from './nodeProgress';
import { indexProjects, type ProjectIndex } from './projectIndex';

export interface ProjectView {
  index: ProjectIndex;
  /** Progress of every node, 1 = 100 % (see nodeProgress). */
  progress: ReadonlyMap<NodeKey, Decimal>;
}

export function projectView(book: Pick<BillingWorkbook, 'nodes' | 'lineItems'>): ProjectView {
  const index = indexProjects(book);
  return { index, progress: nodeProgress(book, index) };
}
