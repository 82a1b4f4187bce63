/**
 * How the engine recognises an order's nodes in the ProjectTree (docs/billing-rules.md section 1),
 * also in trees typed by hand, and where each line item docks (section 2):
 * - the order's project node: the node with the order's OrderId and blank LineItem and Section;
 * - a section's subproject: OrderId set, that Section, blank LineItem;
 * - a line's own node: LineItem = `OrderId/Line`.
 * When a hand-typed tree holds two candidates, the first in table order wins. This is the
 * engine's one docking resolver: dockLineItems (matching) asks it too.
 */
import { idKey } from '../../core/idKey';
import type { BillingWorkbook, LineItem, NodeKey, NodeStatus, OrderKey, ProjectNode } from '../../schema/model';

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

function sectionKey(orderKey: OrderKey, section: string): string {
  return orderKey + '\u0000' + idKey(section);
}

export interface ProjectIndex {
  nodes: ReadonlyMap<NodeKey, ProjectNode>;
  children: ReadonlyMap<NodeKey, ProjectNode[]>;
  /** The order's project node, by order key. */
  projectNodeOf(orderKey: OrderKey): ProjectNode | undefined;
  /** The subproject made from the order's section, when it exists. */
  sectionNodeOf(orderKey: OrderKey, section: string): ProjectNode | undefined;
  /** The node whose LineItem is this line's reference. */
  lineNodeOf(line: LineItem): ProjectNode | undefined;
  /** Where the line docks (section 2); undefined for Link None or when the node is missing. */
  dockingNodeOf(line: LineItem): ProjectNode | undefined;
  /** Node, its parent, ... up to the root. */
  ancestorsOf(node: NodeKey): ProjectNode[];
}

export function indexProjects(book: Pick<BillingWorkbook, 'nodes'>): ProjectIndex {
  const nodes = new Map<NodeKey, ProjectNode>();
  const children = new Map<NodeKey, ProjectNode[]>();
  const byLineItem = new Map<string, ProjectNode>();
  const projectNodes = new Map<string, ProjectNode>();
  const sectionNodes = new Map<string, ProjectNode>();

  for (const node of book.nodes) {
    if (!nodes.has(node.key)) nodes.set(node.key, node);
    if (node.parent !== undefined) {
      const siblings = children.get(node.parent);
      if (siblings) siblings.push(node);
      else children.set(node.parent, [node]);
    }
    if (node.lineItem !== undefined) {
      if (!byLineItem.has(node.lineItem)) byLineItem.set(node.lineItem, node);
      continue;
    }
    if (node.orderKey === undefined) continue;
    if (isBlank(node.section)) {
      if (!projectNodes.has(node.orderKey)) projectNodes.set(node.orderKey, node);
    } else {
      const key = sectionKey(node.orderKey, node.section as string);
      if (!sectionNodes.has(key)) sectionNodes.set(key, node);
    }
  }

  const projectNodeOf = (orderKey: OrderKey) => projectNodes.get(orderKey);
  const sectionNodeOf = (orderKey: OrderKey, section: string) => sectionNodes.get(sectionKey(orderKey, section));
  const lineNodeOf = (line: LineItem) => byLineItem.get(line.key);

  return {
    nodes,
    children,
    projectNodeOf,
    sectionNodeOf,
    lineNodeOf,
    dockingNodeOf(line) {
      switch (line.link) {
        case 'OriginalLineItem':
          return lineNodeOf(line);
        case 'MainProject':
          return projectNodeOf(line.orderKey);
        case 'Section':
          return isBlank(line.section) ? undefined : sectionNodeOf(line.orderKey, line.section as string);
        case 'None':
          return undefined;
      }
    },
    ancestorsOf(start) {
      const chain: ProjectNode[] = [];
      const seen = new Set<NodeKey>();
      let at = nodes.get(start);
      // The schema rejects cycles; the guard only keeps a bad tree from looping.
      while (at !== undefined && !seen.has(at.key)) {
        seen.add(at.key);
        chain.push(at);
        at = at.parent === undefined ? undefined : nodes.get(at.parent);
      }
      return chain;
    },
  };
}

/** Open < InProgress < Completed < Closed; Template is no stage of work. */
const STAGE: Record<NodeStatus, number> = { Open: 0, InProgress: 1, Completed: 2, Closed: 3, Template: -1 };

/**
 * Whether a node's status has reached a wanted status: a node already Completed has also
 * been InProgress. A blank status counts as Open.
 */
export function hasReachedStatus(status: NodeStatus | undefined, wanted: NodeStatus): boolean {
  const at = STAGE[status ?? 'Open'];
  return at >= 0 && at >= STAGE[wanted];
}

export function isDone(status: NodeStatus | undefined): boolean {
  return status === 'Completed' || status === 'Closed';
}
