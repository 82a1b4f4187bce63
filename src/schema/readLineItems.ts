import { linkWords, nodeStatusWords, projectCreationWords } from './enumWords';
import { sentences } from './issueCatalogue';
import { lineItemKey } from './lineItemRef';
import type { ItemKey, LineItem, OrderKey, PersonKey } from './model';
import { IdIndex } from './idIndex';
import type { ReadContext } from './readContext';
import { keyOf, type TableReader } from './tableReader';

/**
 * LineItems: the lines of the orders, in line order. `orderIds` maps each order key to the
 * order id as Orders spells it, so a line's reference reads `O-100/10` whatever the case
 * the LineItems row used.
 */
export function readLineItems(reader: TableReader | undefined, ctx: ReadContext, orderIds: ReadonlyMap<string, string>): LineItem[] {
  if (!reader) return [];
  const c = {
    orderId: reader.column('OrderId', true),
    line: reader.column('Line', true),
    section: reader.column('Section'),
    item: reader.column('Item', true),
    description: reader.column('Description'),
    quantity: reader.column('Quantity'),
    unitPrice: reader.column('UnitPrice', true),
    projectCreation: reader.column('ProjectCreation'),
    createAtStatus: reader.column('CreateAtStatus'),
    template: reader.column('Template'),
    link: reader.column('Link'),
    priority: reader.column('Priority'),
    maxBillable: reader.column('MaxBillable'),
    maxPer: reader.column('MaxPer'),
    category: reader.column('Category'),
    assignee: reader.column('Assignee'),
    validFrom: reader.column('ValidFrom'),
    validTo: reader.column('ValidTo'),
    billAtProgress: reader.column('BillAtProgress'),
    billAtStatus: reader.column('BillAtStatus'),
    billFrom: reader.column('BillFrom'),
  };
  const seen = new IdIndex(reader.rowCount);
  const lines = reader.readRows<LineItem>((row, r) => {
    reader.rowId = undefined;
    const orderId = reader.text(row, r, c.orderId, true);
    const line = reader.text(row, r, c.line, true);
    const orderKey = keyOf<OrderKey>(orderId ?? '');
    const ref = `${orderIds.get(orderKey) ?? orderId}/${line}`;
    const key = lineItemKey(orderKey, line ?? '');
    if (orderId !== undefined && line !== undefined) {
      reader.rowId = ref;
      const first = seen.add(key, r);
      if (first >= 0) reader.report(sentences.duplicateLine(orderIds.get(orderKey) ?? orderId, line, reader.sheetRow(first), reader.sheetRow(r)), r, c.line);
    }
    if (orderId !== undefined) ctx.references.add(reader, r, c.orderId, orderKey, 'Orders');
    const itemId = reader.text(row, r, c.item, true);
    const projectCreation = reader.enumeration(row, r, c.projectCreation, projectCreationWords) ?? 'Auto';
    const createAtStatus = reader.enumeration(row, r, c.createAtStatus, nodeStatusWords);
    const template = reader.text(row, r, c.template);
    if (projectCreation === 'Template' && template === undefined && reader.isBlankCell(r, c.template)) {
      reader.report(sentences.templateRequired(), r, c.template >= 0 ? c.template : c.projectCreation);
    }
    if (projectCreation === 'Individual' && createAtStatus === undefined && reader.isBlankCell(r, c.createAtStatus)) {
      reader.report(sentences.createAtStatusRequired(), r, c.createAtStatus >= 0 ? c.createAtStatus : c.projectCreation);
    }
    const maxBillable = reader.duration(row, r, c.maxBillable);
    const maxPer = reader.period(row, r, c.maxPer);
    if (maxPer !== undefined && maxBillable === undefined && reader.isBlankCell(r, c.maxBillable)) {
      reader.report(sentences.periodWithoutCap(reader.valueAt(r, c.maxPer)), r, c.maxPer);
    }
    const validFrom = reader.date(row, r, c.validFrom);
    const validTo = reader.date(row, r, c.validTo);
    if (validFrom !== undefined && validTo !== undefined && validTo < validFrom) {
      reader.report(sentences.endBeforeStart('ValidTo', reader.valueAt(r, c.validTo), 'ValidFrom', reader.valueAt(r, c.validFrom)), r, c.validTo);
    }
    const assignee = reader.text(row, r, c.assignee);
    const lineItem: LineItem = {
      key,
      ref,
      orderKey,
      line: line ?? '',
      position: r,
      section: reader.text(row, r, c.section),
      item: keyOf<ItemKey>(itemId ?? ''),
      itemId: itemId ?? '',
      description: reader.text(row, r, c.description),
      quantity: reader.duration(row, r, c.quantity),
      unitPrice: reader.money(row, r, c.unitPrice, true)!,
      projectCreation,
      createAtStatus,
      template,
      link: reader.enumeration(row, r, c.link, linkWords) ?? 'OriginalLineItem',
      priority: reader.integer(row, r, c.priority) ?? 0,
      maxBillable,
      maxPer,
      category: reader.text(row, r, c.category),
      assignee: assignee === undefined ? undefined : keyOf<PersonKey>(assignee),
      validFrom,
      validTo,
      billAtProgress: reader.percent(row, r, c.billAtProgress),
      billAtStatus: reader.enumeration(row, r, c.billAtStatus, nodeStatusWords),
      billFrom: reader.date(row, r, c.billFrom),
      source: reader.source(r),
    };
    return lineItem;
  });
  return lines;
}
