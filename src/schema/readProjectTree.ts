import { nodeKindWords, nodeStatusWords } from './enumWords';
import { sentences } from './issueCatalogue';
import { lineItemKeyOfRef } from './lineItemRef';
import type { LineItemKey, NodeKey, OrderKey, ProjectNode } from './model';
import { IdIndex } from './idIndex';
import type { ReadContext } from './readContext';
import { keyOf, type TableReader } from './tableReader';

/**
 * ProjectTree: one row per node. ParentId, OrderId and LineItem are checked once every
 * table is read; loops are found by readBillingWorkbook over the whole tree.
 */
export function readProjectTree(reader: TableReader | undefined, ctx: ReadContext): ProjectNode[] {
  if (!reader) return [];
  const c = {
    nodeId: reader.column('NodeId', true),
    parentId: reader.column('ParentId'),
    name: reader.column('Name'),
    kind: reader.column('Kind', true),
    orderId: reader.column('OrderId'),
    lineItem: reader.column('LineItem'),
    section: reader.column('Section'),
    status: reader.column('Status'),
    progress: reader.column('Progress'),
  };
  const seen = new IdIndex(reader.rowCount);
  const nodes = reader.readRows<ProjectNode>((row, r) => {
    const id = reader.rowIdentity(row, r, c.nodeId, seen);
    const parentId = reader.text(row, r, c.parentId);
    const parent = parentId === undefined ? undefined : keyOf<NodeKey>(parentId);
    if (parent !== undefined) ctx.references.add(reader, r, c.parentId, parent, 'ProjectTree');
    const orderId = reader.text(row, r, c.orderId);
    const orderKey = orderId === undefined ? undefined : keyOf<OrderKey>(orderId);
    if (orderKey !== undefined) ctx.references.add(reader, r, c.orderId, orderKey, 'Orders');
    const lineItemRef = reader.text(row, r, c.lineItem);
    let lineItem: LineItemKey | undefined;
    if (lineItemRef !== undefined) {
      lineItem = lineItemKeyOfRef(lineItemRef);
      if (lineItem === undefined) reader.report(sentences.badCell('UNKNOWN_REFERENCE', 'LineItem', lineItemRef, 'lineItem'), r, c.lineItem);
      else ctx.references.add(reader, r, c.lineItem, lineItem, 'LineItems');
    }
    const node: ProjectNode = {
      key: keyOf<NodeKey>(id ?? ''),
      id: id ?? '',
      parent,
      name: reader.text(row, r, c.name) ?? id ?? '',
      kind: reader.enumeration(row, r, c.kind, nodeKindWords, true)!,
      orderKey,
      lineItem,
      section: reader.text(row, r, c.section),
      status: reader.enumeration(row, r, c.status, nodeStatusWords),
      progress: reader.percent(row, r, c.progress),
      source: reader.source(r),
    };
    return node;
  });
  return nodes;
}
