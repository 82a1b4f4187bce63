/**
 * "Create project" (docs/billing-rules.md section 1): the ProjectTree rows an order's project is
 * made of, as plain values an adapter appends to the ProjectTree table. Nothing here
 * writes; the same book in gives the same rows out.
 *
 * The new rows carry OrderId, LineItem and Section the way section 1 recognises nodes, so
 * line items dock on them at once. All or nothing per order: when anything about an order
 * is wrong (no ParentNode, unknown template, ...) none of its rows are made.
 */
import type { BillingWorkbook, LineItem, NodeKey, NodeKind, NodeStatus, Order, OrderKey, ProjectNode } from '../../schema/model';
import { lineItemKeyOfRef } from '../../schema/lineItemRef';
import { idKey } from '../../core/idKey';
import { hasReachedStatus, indexProjects, type ProjectIndex } from './projectIndex';
import { projectIssueMessage, type ProjectIssueFacts } from './projectMessages';

/** One row to append to ProjectTree; blank cells are ''. */
export interface NewProjectNodeRow {
  nodeId: string;
  parentId: string;
  name: string;
  kind: NodeKind;
  orderId: string;
  /** `OrderId/Line` of the line item the node was made from. */
  lineItem: string;
  section: string;
  status: NodeStatus;
  /** Always blank: progress of a new node rolls up from its children until someone types it. */
  progress: '';
}

/** ProjectTree columns the new rows fill, as the workbook contract names them. */
export const PROJECT_TREE_COLUMNS = ['NodeId', 'ParentId', 'Name', 'Kind', 'OrderId', 'LineItem', 'Section', 'Status', 'Progress'];

/** A new row's cells under PROJECT_TREE_COLUMNS, as every adapter appends them. */
export function projectTreeCells(row: NewProjectNodeRow): string[] {
  return [row.nodeId, row.parentId, row.name, row.kind, row.orderId, row.lineItem, row.section, row.status, row.progress];
}

export type ProjectIssueCode =
  | 'UNKNOWN_ORDER'
  | 'PROJECT_EXISTS'
  | 'PARENT_NODE_REQUIRED'
  | 'UNKNOWN_PARENT_NODE'
  | 'TEMPLATE_REQUIRED'
  | 'UNKNOWN_TEMPLATE';

/**
 * Shaped like InputIssue: the adapter adds `sheet` and `cell` (it knows where the table
 * sits and which sheet column holds `column`).
 */
export interface ProjectIssue {
  code: ProjectIssueCode;
  table: 'Orders' | 'LineItems';
  /** 1-based sheet row; absent when the issue is about no row (an unknown order id). */
  sheetRow?: number;
  /** 1-based index of the data row inside the table. */
  tableRow?: number;
  /** 0-based data row index, as in RowSource.index. */
  index?: number;
  column: string;
  value?: string;
  /** Order id, or `OrderId/Line` for a line item. */
  rowId: string;
  message: string;
}

export interface CreatedProject {
  nodes: NewProjectNodeRow[];
  issues: ProjectIssue[];
}

const NEW_STATUS: NodeStatus = 'Open';

function orderIssue<C extends ProjectIssueCode>(order: Order, column: string, value: string | undefined, code: C, ...facts: ProjectIssueFacts<C>): ProjectIssue {
  const message = projectIssueMessage(code, ...facts);
  return { code, table: 'Orders', sheetRow: order.source.sheetRow, tableRow: order.source.index + 1, index: order.source.index, column, value, rowId: order.id, message };
}

function lineIssue<C extends ProjectIssueCode>(line: LineItem, column: string, value: string | undefined, code: C, ...facts: ProjectIssueFacts<C>): ProjectIssue {
  const message = projectIssueMessage(code, ...facts);
  return { code, table: 'LineItems', sheetRow: line.source.sheetRow, tableRow: line.source.index + 1, index: line.source.index, column, value, rowId: line.ref, message };
}

/** Readable id pieces: runs of spaces become one dash. */
function idPiece(text: string): string {
  return text.trim().replace(/\s+/g, '-');
}

/** Hands out NodeIds that collide neither with the tree nor with each other: `P-O1`, then `P-O1#2`. */
class NodeIdPool {
  private readonly taken = new Set<string>();
  constructor(nodes: readonly ProjectNode[]) {
    for (const node of nodes) this.taken.add(node.key);
  }
  claim(base: string): string {
    let id = base;
    for (let n = 2; this.taken.has(idKey(id)); n++) id = `${base}#${n}`;
    this.taken.add(idKey(id));
    return id;
  }
}

interface Context {
  book: BillingWorkbook;
  index: ProjectIndex;
  ids: NodeIdPool;
}

function linesOf(book: BillingWorkbook, orderKey: OrderKey): LineItem[] {
  return book.lineItems.filter((line) => line.orderKey === orderKey).sort((a, b) => a.position - b.position);
}

function hasSection(line: LineItem): line is LineItem & { section: string } {
  return line.section !== undefined && line.section.trim() !== '';
}

/** A template: a root of Kind MainProject with Status Template, found by NodeId, else by Name. */
function findTemplate(index: ProjectIndex, name: string): ProjectNode | undefined {
  const key = idKey(name);
  const templates = [...index.nodes.values()].filter((n) => n.parent === undefined && n.kind === 'MainProject' && n.status === 'Template');
  return templates.find((n) => n.key === key) ?? templates.find((n) => idKey(n.name) === key);
}

/** Whether an Individual line's work package is due: its CreateAtStatus reached by the project node. */
function isIndividualDue(line: LineItem, projectStatus: NodeStatus | undefined): boolean {
  return line.createAtStatus === undefined || hasReachedStatus(projectStatus, line.createAtStatus);
}

/** Rows for one line item under `parentId`; issues when its template cannot be found. */
function rowsForLine(ctx: Context, order: Order, line: LineItem, parentId: string, out: NewProjectNodeRow[], issues: ProjectIssue[]): void {
  const base = `P-${idPiece(order.id)}-${idPiece(line.line)}`;
  const common = { orderId: order.id, lineItem: line.ref, section: '', status: NEW_STATUS, progress: '' as const };
  if (line.projectCreation !== 'Template') {
    out.push({ ...common, nodeId: ctx.ids.claim(base), parentId, name: line.description ?? line.itemId, kind: 'WorkPackage' });
    return;
  }
  if (line.template === undefined || line.template.trim() === '') {
    issues.push(lineIssue(line, 'Template', undefined, 'TEMPLATE_REQUIRED', line.ref));
    return;
  }
  const template = findTemplate(ctx.index, line.template);
  if (template === undefined) {
    issues.push(lineIssue(line, 'Template', line.template, 'UNKNOWN_TEMPLATE', line.ref, line.template));
    return;
  }
  const copyId = ctx.ids.claim(base);
  out.push({ ...common, nodeId: copyId, parentId, name: line.description ?? template.name, kind: 'Subproject' });
  // The copied nodes carry no OrderId: they would otherwise look like the order's project node.
  const copyChildren = (from: ProjectNode, toId: string): void => {
    for (const child of ctx.index.children.get(from.key) ?? []) {
      const id = ctx.ids.claim(`${copyId}-${idPiece(child.id)}`);
      out.push({ nodeId: id, parentId: toId, name: child.name, kind: child.kind, orderId: '', lineItem: '', section: '', status: NEW_STATUS, progress: '' });
      copyChildren(child, id);
    }
  };
  copyChildren(template, copyId);
}

/** The section's subproject id: existing, already made in this call, or made now. */
function sectionParent(ctx: Context, order: Order, projectNodeId: string, section: string, made: Map<string, string>, out: NewProjectNodeRow[]): string {
  const key = idKey(section);
  const existing = ctx.index.sectionNodeOf(order.key, section);
  if (existing !== undefined) return existing.id;
  const madeId = made.get(key);
  if (madeId !== undefined) return madeId;
  const id = ctx.ids.claim(`P-${idPiece(order.id)}-${idPiece(section)}`);
  out.push({ nodeId: id, parentId: projectNodeId, name: section.trim(), kind: 'Subproject', orderId: order.id, lineItem: '', section: section.trim(), status: NEW_STATUS, progress: '' });
  made.set(key, id);
  return id;
}

function newProject(ctx: Context, order: Order): CreatedProject {
  const issues: ProjectIssue[] = [];
  let parentId = '';
  if (order.projectRole !== 'MainProject') {
    if (order.parentNode === undefined) {
      issues.push(orderIssue(order, 'ParentNode', undefined, 'PARENT_NODE_REQUIRED', order.id, order.projectRole));
      return { nodes: [], issues };
    }
    const parent = ctx.index.nodes.get(order.parentNode);
    if (parent === undefined) {
      issues.push(orderIssue(order, 'ParentNode', order.parentNode, 'UNKNOWN_PARENT_NODE', order.id, order.parentNode));
      return { nodes: [], issues };
    }
    parentId = parent.id;
  }

  const out: NewProjectNodeRow[] = [];
  const projectId = ctx.ids.claim(`P-${idPiece(order.id)}`);
  out.push({ nodeId: projectId, parentId, name: `${order.id} ${order.customer}`.trim(), kind: order.projectRole, orderId: order.id, lineItem: '', section: '', status: NEW_STATUS, progress: '' });

  const sections = new Map<string, string>();
  for (const line of linesOf(ctx.book, order.key)) {
    const parent = hasSection(line) ? sectionParent(ctx, order, projectId, line.section, sections, out) : projectId;
    const creates = line.projectCreation === 'Auto' || line.projectCreation === 'Template'
      || (line.projectCreation === 'Individual' && isIndividualDue(line, NEW_STATUS));
    if (creates) rowsForLine(ctx, order, line, parent, out, issues);
  }
  return issues.length > 0 ? { nodes: [], issues } : { nodes: out, issues };
}

/** Individual work packages whose CreateAtStatus the existing project node has reached since. */
function pendingWorkPackages(ctx: Context, order: Order, projectNode: ProjectNode): NewProjectNodeRow[] {
  const out: NewProjectNodeRow[] = [];
  const sections = new Map<string, string>();
  for (const line of linesOf(ctx.book, order.key)) {
    if (line.projectCreation !== 'Individual' || !isIndividualDue(line, projectNode.status)) continue;
    if (ctx.index.lineNodeOf(line) !== undefined) continue;
    const parent = hasSection(line) ? sectionParent(ctx, order, projectNode.id, line.section, sections, out) : projectNode.id;
    rowsForLine(ctx, order, line, parent, out, []);
  }
  return out;
}

function createFor(ctx: Context, order: Order, refuseExisting: boolean): CreatedProject {
  const existing = ctx.index.projectNodeOf(order.key);
  if (existing === undefined) return newProject(ctx, order);
  const nodes = pendingWorkPackages(ctx, order, existing);
  const issues = refuseExisting
    ? [orderIssue(order, 'OrderId', order.id, 'PROJECT_EXISTS', order.id, existing.id, nodes.length > 0)]
    : [];
  return { nodes, issues };
}

function contextOf(book: BillingWorkbook): Context {
  return { book, index: indexProjects(book), ids: new NodeIdPool(book.nodes) };
}

/**
 * Create project for one order (found by OrderId, trimmed, case-insensitive). On an order
 * that already has its project this is refused with an issue; the Individual work packages
 * whose CreateAtStatus has been reached since are still added to the existing project.
 */
export function createProject(book: BillingWorkbook, orderId: string): CreatedProject {
  const order = book.orders.find((o) => o.key === idKey(orderId));
  if (order === undefined) {
    return { nodes: [], issues: [{ code: 'UNKNOWN_ORDER', table: 'Orders', column: 'OrderId', value: orderId, rowId: orderId, message: projectIssueMessage('UNKNOWN_ORDER', orderId) }] };
  }
  return createFor(contextOf(book), order, true);
}

/**
 * Create project for every order without one, in Orders table order, and add the
 * Individual work packages now due to orders that already have their project. Orders with
 * issues get no rows; the others do. A later order may attach under a node made earlier in
 * the same call.
 */
export function createAllProjects(book: BillingWorkbook): CreatedProject {
  const nodes: NewProjectNodeRow[] = [];
  const issues: ProjectIssue[] = [];
  let working = book;
  const ids = new NodeIdPool(book.nodes);
  for (const order of book.orders) {
    const made = createFor({ book: working, index: indexProjects(working), ids }, order, false);
    issues.push(...made.issues);
    if (made.nodes.length > 0) {
      nodes.push(...made.nodes);
      working = withNewNodes(working, made.nodes);
    }
  }
  return { nodes, issues };
}

/**
 * The book as the engine will read it once the rows are appended to ProjectTree: lets a
 * caller create projects and bill in one go, without a round trip through the sheet.
 */
export function withNewNodes(book: BillingWorkbook, rows: readonly NewProjectNodeRow[]): BillingWorkbook {
  if (rows.length === 0) return book;
  const lastSheetRow = book.nodes.reduce((max, n) => Math.max(max, n.source.sheetRow), 1);
  const added: ProjectNode[] = rows.map((row, i) => ({
    key: idKey(row.nodeId) as NodeKey,
    id: row.nodeId,
    parent: row.parentId === '' ? undefined : (idKey(row.parentId) as NodeKey),
    name: row.name,
    kind: row.kind,
    orderKey: row.orderId === '' ? undefined : (idKey(row.orderId) as OrderKey),
    lineItem: row.lineItem === '' ? undefined : lineItemKeyOfRef(row.lineItem),
    section: row.section === '' ? undefined : row.section,
    status: row.status,
    source: { index: book.nodes.length + i, sheetRow: lastSheetRow + 1 + i },
  }));
  return { ...book, nodes: [...book.nodes, ...added] };
}
