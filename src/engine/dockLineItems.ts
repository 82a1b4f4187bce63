/**
 * Where each line item docks (docs/billing-rules.md section 2) and, per project node, the line
 * items time booked there tries, in the order it tries them (section 3): the node's own
 * docked lines, then its parent's, up to the root. Computed once per run, so matching a
 * million entries only walks a ready array.
 *
 * Where a line docks is decided by the project index (projects/projectIndex.ts), the one
 * resolver the engine has: the first matching node in ProjectTree order.
 */
import type { BillingWorkbook, LineItem, NodeKey } from '../schema/model';
import { compareKeys, naturalKey } from './naturalOrder';
import { indexProjects, type ProjectIndex } from './projects/projectIndex';

export interface Docking {
  /** Node index in book.nodes by node key. */
  nodeIndex: Map<NodeKey, number>;
  /** Per line item (index in book.lineItems): the node index it docks on, or -1. */
  dockedOn: Int32Array;
  /**
   * Per node: line item indexes to try, best first, the node's own lines then each
   * ancestor's. Nodes with the same chain share one array.
   */
  candidates: Int32Array[];
}

const NONE = -1;

/**
 * Section 3, step 2: higher Priority, then Assignee set, then Category set, then OrderId,
 * then Line, both in natural order (`keys`: one natural key per line item). Never the
 * row's position in LineItems: sorting the table must not change what bills.
 */
function compareCandidates(a: LineItem, b: LineItem, keyA: string, keyB: string): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  const assigneeA = a.assignee !== undefined ? 0 : 1;
  const assigneeB = b.assignee !== undefined ? 0 : 1;
  if (assigneeA !== assigneeB) return assigneeA - assigneeB;
  const categoryA = a.category !== undefined ? 0 : 1;
  const categoryB = b.category !== undefined ? 0 : 1;
  if (categoryA !== categoryB) return categoryA - categoryB;
  return compareKeys(keyA, keyB);
}

/** OrderId, then Line, in natural order: "\u0000" sorts below every character of an id. */
function candidateKey(line: LineItem): string {
  return naturalKey(line.orderKey) + '\u0000' + naturalKey(line.line);
}

export function dockLineItems(book: BillingWorkbook, index: ProjectIndex = indexProjects(book)): Docking {
  const { nodes, lineItems } = book;
  const nodeIndex = new Map<NodeKey, number>();
  nodes.forEach((node, i) => {
    if (!nodeIndex.has(node.key)) nodeIndex.set(node.key, i);
  });

  const dockedOn = new Int32Array(lineItems.length);
  const ownLines: number[][] = nodes.map(() => []);
  lineItems.forEach((line, i) => {
    const target = index.dockingNodeOf(line);
    const node = target === undefined ? NONE : (nodeIndex.get(target.key) ?? NONE);
    dockedOn[i] = node;
    if (node !== NONE) ownLines[node].push(i);
  });
  const keys: string[] = new Array(lineItems.length);
  for (const own of ownLines) {
    if (own.length < 2) continue;
    for (const i of own) keys[i] ??= candidateKey(lineItems[i]);
    own.sort((a, b) => compareCandidates(lineItems[a], lineItems[b], keys[a], keys[b]));
  }

  const parentIndex = nodes.map((node) => (node.parent === undefined ? NONE : (nodeIndex.get(node.parent) ?? NONE)));
  const candidates: Int32Array[] = new Array(nodes.length);
  const EMPTY = new Int32Array(0);
  // Iterative with memo: a node's chain is its own lines followed by its parent's chain.
  const visiting = new Uint8Array(nodes.length);
  const chainOf = (start: number): Int32Array => {
    const path: number[] = [];
    let at = start;
    while (at !== NONE && candidates[at] === undefined && visiting[at] === 0) {
      visiting[at] = 1; // the schema rejects cycles; this only keeps a bad tree from looping
      path.push(at);
      at = parentIndex[at];
    }
    let tail = at === NONE || candidates[at] === undefined ? EMPTY : candidates[at];
    for (let k = path.length - 1; k >= 0; k--) {
      const own = ownLines[path[k]];
      if (own.length === 0) {
        candidates[path[k]] = tail;
      } else {
        const chain = new Int32Array(own.length + tail.length);
        chain.set(own, 0);
        chain.set(tail, own.length);
        candidates[path[k]] = chain;
      }
      tail = candidates[path[k]];
    }
    return candidates[start];
  };
  for (let i = 0; i < nodes.length; i++) if (candidates[i] === undefined) chainOf(i);

  return { nodeIndex, dockedOn, candidates };
}
