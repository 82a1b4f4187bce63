import { billingModeWords, basisWords, invoiceTimesWords, nodeStatusWords, projectRoleWords } from './enumWords';
import { sentences } from './issueCatalogue';
import type { NodeKey, Order, OrderKey } from './model';
import { IdIndex } from './idIndex';
import type { ReadContext } from './readContext';
import { keyOf, type TableReader } from './tableReader';

/** Orders: one row per order; ParentNode is checked against ProjectTree once all tables are read. */
export function readOrders(reader: TableReader | undefined, ctx: ReadContext): Order[] {
  if (!reader) return [];
  const c = {
    orderId: reader.column('OrderId', true),
    customer: reader.column('Customer', true),
    agent: reader.column('Agent'),
    projectRole: reader.column('ProjectRole'),
    parentNode: reader.column('ParentNode'),
    billingMode: reader.column('BillingMode'),
    minProgress: reader.column('MinProgress'),
    requiredStatus: reader.column('RequiredStatus'),
    minimumBilling: reader.column('MinimumBilling'),
    earliestBillingDate: reader.column('EarliestBillingDate'),
    subprojectBasis: reader.column('SubprojectBasis'),
    billNow: reader.column('BillNow'),
    invoiceTimes: reader.column('InvoiceTimes'),
    basis: reader.column('Basis'),
    timeDescription: reader.column('TimeDescription'),
    taxRate: reader.column('TaxRate'),
  };
  const seen = new IdIndex(reader.rowCount);
  const orders = reader.readRows<Order>((row, r) => {
    const id = reader.rowIdentity(row, r, c.orderId, seen);
    const customer = reader.text(row, r, c.customer, true);
    const projectRole = reader.enumeration(row, r, c.projectRole, projectRoleWords) ?? 'MainProject';
    const parentNodeId = reader.text(row, r, c.parentNode);
    const parentNode = parentNodeId === undefined ? undefined : keyOf<NodeKey>(parentNodeId);
    if (parentNode !== undefined) ctx.references.add(reader, r, c.parentNode, parentNode, 'ProjectTree');
    else if (projectRole !== 'MainProject' && reader.isBlankCell(r, c.parentNode)) {
      reader.report(sentences.parentNodeRequired(projectRole), r, c.parentNode >= 0 ? c.parentNode : c.projectRole);
    }
    const order: Order = {
      key: keyOf<OrderKey>(id ?? ''),
      id: id ?? '',
      customer: customer ?? '',
      agent: reader.text(row, r, c.agent),
      projectRole,
      parentNode,
      billingMode: reader.enumeration(row, r, c.billingMode, billingModeWords) ?? 'Rules',
      minProgress: reader.percent(row, r, c.minProgress),
      requiredStatus: reader.enumeration(row, r, c.requiredStatus, nodeStatusWords),
      minimumBilling: reader.money(row, r, c.minimumBilling),
      earliestBillingDate: reader.date(row, r, c.earliestBillingDate),
      subprojectBasis: reader.boolean(row, r, c.subprojectBasis, false),
      billNow: reader.boolean(row, r, c.billNow, false),
      invoiceTimes: reader.enumeration(row, r, c.invoiceTimes, invoiceTimesWords),
      basis: reader.enumeration(row, r, c.basis, basisWords),
      timeDescription: reader.text(row, r, c.timeDescription),
      taxRate: reader.percent(row, r, c.taxRate),
      source: reader.source(r),
    };
    return order;
  });
  return orders;
}
