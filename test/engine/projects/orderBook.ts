/**
 * Small hand-written workbooks for the orders-and-projects tests: orders, line items,
 * nodes and installments by id, everything else at its default.
 */
import type {
  BillingWorkbook, Installment, IssuedInvoiceLine, Item, LineItem, LineItemKey, NodeKey, NodeKind, NodeStatus,
  Order, OrderKey, Person, PersonKey, ItemKey, ProjectNode, Settings,
} from '../../../src/schema/model';
import { Decimal } from '../../../src/core/money';
import { dayFromIso, type Day } from '../../../src/core/day';
import { idKey } from '../../../src/core/idKey';

const key = idKey;

export function day(iso: string): Day {
  const d = dayFromIso(iso);
  if (d === undefined) throw new Error(`bad date ${iso}`);
  return d;
}

export const settings: Settings = {
  currency: 'EUR', invoicePrefix: 'INV-', invoiceNumberWidth: 5, taxRate: new Decimal(0),
  timeDescription: 'Professional services', invoiceTimes: 'ByItems', basis: 'Actual',
  projectRevenueAccount: 'Professional Services', agreementRevenueAccount: 'Managed Services', billingPeriodDays: 30,
};

type OrderOpts = Partial<Omit<Order, 'key' | 'id' | 'parentNode' | 'minProgress' | 'minimumBilling' | 'earliestBillingDate'>> & {
  parentNode?: string; minProgress?: string; minimumBilling?: string; earliestBillingDate?: string;
};
export function order(id: string, opts: OrderOpts = {}): Order {
  const { parentNode, minProgress, minimumBilling, earliestBillingDate, ...rest } = opts;
  return {
    customer: 'Contoso', projectRole: 'MainProject', billingMode: 'Rules', subprojectBasis: false, billNow: false,
    ...rest,
    key: key(id) as OrderKey, id,
    parentNode: parentNode === undefined ? undefined : (key(parentNode) as NodeKey),
    minProgress: minProgress === undefined ? undefined : new Decimal(minProgress),
    minimumBilling: minimumBilling === undefined ? undefined : new Decimal(minimumBilling),
    earliestBillingDate: earliestBillingDate === undefined ? undefined : day(earliestBillingDate),
    source: { index: 0, sheetRow: 2 },
  };
}

type LineOpts = Partial<Omit<LineItem, 'key' | 'ref' | 'orderKey' | 'line' | 'item' | 'quantity' | 'unitPrice' | 'assignee' | 'billAtProgress' | 'billFrom'>> & {
  item?: string; hours?: number; price?: string; assignee?: string; billAtProgress?: string; billFrom?: string;
};
export function line(ref: string, opts: LineOpts = {}): LineItem {
  const [orderId, lineNo] = ref.split('/');
  const { item, hours, price, assignee, billAtProgress, billFrom, ...rest } = opts;
  return {
    position: 0, projectCreation: 'Auto', link: 'OriginalLineItem', priority: 0,
    ...rest,
    key: `${key(orderId)}/${key(lineNo)}` as LineItemKey, ref, orderKey: key(orderId) as OrderKey, line: lineNo,
    item: key(item ?? 'Consulting') as ItemKey, itemId: item ?? 'Consulting',
    quantity: hours === undefined ? undefined : Math.round(hours * 3600),
    unitPrice: new Decimal(price ?? '100'),
    assignee: assignee === undefined ? undefined : (key(assignee) as PersonKey),
    billAtProgress: billAtProgress === undefined ? undefined : new Decimal(billAtProgress),
    billFrom: billFrom === undefined ? undefined : day(billFrom),
    source: { index: 0, sheetRow: 2 },
  };
}

export interface NodeOpts {
  parent?: string; name?: string; kind?: NodeKind; order?: string; lineItem?: string; section?: string;
  status?: NodeStatus; progress?: string;
}
export function node(id: string, opts: NodeOpts = {}): ProjectNode {
  return {
    key: key(id) as NodeKey, id,
    parent: opts.parent === undefined ? undefined : (key(opts.parent) as NodeKey),
    name: opts.name ?? id, kind: opts.kind ?? (opts.parent === undefined ? 'MainProject' : 'WorkPackage'),
    orderKey: opts.order === undefined ? undefined : (key(opts.order) as OrderKey),
    lineItem: opts.lineItem === undefined ? undefined : (key(opts.lineItem) as LineItemKey),
    section: opts.section, status: opts.status,
    progress: opts.progress === undefined ? undefined : new Decimal(opts.progress),
    source: { index: 0, sheetRow: 2 },
  };
}

export function installment(orderId: string, due: string, opts: { amount?: string; percent?: string; description?: string; invoiceNo?: string } = {}): Installment {
  return {
    orderKey: key(orderId) as OrderKey, dueDate: day(due),
    amount: opts.amount === undefined ? undefined : new Decimal(opts.amount),
    percent: opts.percent === undefined ? undefined : new Decimal(opts.percent),
    description: opts.description, invoiceNo: opts.invoiceNo, source: { index: 0, sheetRow: 2 },
  };
}

export function billedLine(lineRef: string, amount: string): IssuedInvoiceLine {
  return { invoiceNo: 'INV-00001', lineItem: key(lineRef) as LineItemKey, amount: new Decimal(amount) };
}

export function item(id: string, opts: { group?: string; revenueAccount?: string } = {}): Item {
  return { key: key(id) as ItemKey, id, ...opts, source: { index: 0, sheetRow: 2 } };
}

export function person(id: string): Person {
  return { key: key(id) as PersonKey, id, source: { index: 0, sheetRow: 2 } };
}

/** Rows get their table positions (index, sheet row under a header in row 1, line order). */
export function book(parts: {
  orders?: Order[]; lines?: LineItem[]; nodes?: ProjectNode[]; installments?: Installment[];
  issued?: IssuedInvoiceLine[]; items?: Item[]; people?: Person[]; settings?: Partial<Settings>;
}): BillingWorkbook {
  const place = <T extends { source: { index: number; sheetRow: number } }>(rows: T[] = []): T[] =>
    rows.map((row, i) => ({ ...row, source: { index: i, sheetRow: i + 2 } }));
  return {
    settings: { ...settings, ...parts.settings },
    people: place(parts.people), items: place(parts.items),
    orders: place(parts.orders),
    lineItems: place(parts.lines).map((l, i) => ({ ...l, position: i })),
    nodes: place(parts.nodes),
    timeEntries: [], agreements: [], additions: [],
    installments: place(parts.installments),
    issuedInvoices: [], issuedInvoiceLines: parts.issued ?? [],
  };
}

export const money = (d: Decimal | undefined) => d?.toFixed(2);
