/**
 * The schema layer's entry point: raw tables in, the validated BillingWorkbook out, or
 * every problem found at once. Bad input is data: nothing here throws for it.
 */
import { idKey } from '../core/idKey';
import { parseText } from './cellParsers';
import { findCycles } from './findCycles';
import { reportLookalikeHeaders } from './headerLookalikes';
import type { InputIssue } from './inputIssue';
import { clipText, rowIdLabel, sentences, type IssueSentence } from './issueCatalogue';
import { lineItemKey } from './lineItemRef';
import type { BillingWorkbook, TablePlace } from './model';
import type { RawWorkbook } from './rawTable';
import type { ReadContext } from './readContext';
import { readAgreementAdditions } from './readAgreementAdditions';
import { readAgreements } from './readAgreements';
import { readInvoiceTemplate } from './readInvoiceTemplate';
import { readIssuedInvoiceEntries, readIssuedInvoiceLines, readIssuedInvoices } from './readIssuedInvoices';
import { readCustomers } from './readCustomers';
import { readItems } from './readItems';
import { readLineItems } from './readLineItems';
import { readOrders } from './readOrders';
import { readPaymentPlan } from './readPaymentPlan';
import { readPeople } from './readPeople';
import { readProjectTree } from './readProjectTree';
import { readSettings } from './readSettings';
import { readTimeEntries } from './readTimeEntries';
import { ReferenceList } from './references';
import { TableReader } from './tableReader';

/** Reading order, which is also the order issues are listed in. */
const TABLE_ORDER = [
  'Settings', 'People', 'Items', 'Customers', 'Orders', 'LineItems', 'ProjectTree', 'TimeEntries',
  'Agreements', 'AgreementAdditions', 'PaymentPlan', 'Invoices', 'InvoiceLines', 'InvoiceEntries',
] as const;
type TableName = (typeof TABLE_ORDER)[number];

export interface ReadBillingWorkbookResult {
  /** Undefined whenever there is any issue: nothing bills while the input is wrong. */
  workbook?: BillingWorkbook;
  issues: InputIssue[];
}

export function readBillingWorkbook(raw: RawWorkbook): ReadBillingWorkbookResult {
  const ctx: ReadContext = { issues: [], references: new ReferenceList() };
  const open = (name: TableName) => TableReader.open(raw, name, ctx.issues);
  const readers = {
    People: open('People'),
    Items: open('Items'),
    Customers: open('Customers'),
    Orders: open('Orders'),
    LineItems: open('LineItems'),
    ProjectTree: open('ProjectTree'),
    TimeEntries: open('TimeEntries'),
    Agreements: open('Agreements'),
    AgreementAdditions: open('AgreementAdditions'),
    PaymentPlan: open('PaymentPlan'),
    Invoices: open('Invoices'),
    InvoiceLines: open('InvoiceLines'),
    InvoiceEntries: open('InvoiceEntries'),
  };
  const reportedMissing = reportMissingTables(readers, ctx);

  const settings = readSettings(raw, ctx);
  const people = readPeople(readers.People);
  const items = readItems(readers.Items);
  const customers = readCustomers(readers.Customers);
  const orders = readOrders(readers.Orders, ctx);
  const orderIds = new Map<string, string>(orders.map((o) => [o.key, o.id]));
  const lineItems = readLineItems(readers.LineItems, ctx, orderIds);
  const nodes = readProjectTree(readers.ProjectTree, ctx);
  const timeEntries = readTimeEntries(readers.TimeEntries, ctx, settings.maxHoursPerEntry);
  const agreements = readAgreements(readers.Agreements, ctx);
  const additions = readAgreementAdditions(readers.AgreementAdditions, ctx);
  const installments = readPaymentPlan(readers.PaymentPlan, ctx);
  const issuedInvoices = readIssuedInvoices(readers.Invoices);
  const issuedInvoiceLines = readIssuedInvoiceLines(readers.InvoiceLines);
  const issuedInvoiceEntries = readIssuedInvoiceEntries(readers.InvoiceEntries);
  const invoiceTemplate = readInvoiceTemplate(raw, ctx.issues);

  // Keys come from the raw id columns, so a row dropped for another problem still resolves.
  // A reference into a table already reported missing is not reported again; into an
  // optional table that is absent, it names nothing and is reported.
  const keysOf = (reader: TableReader | undefined, name: string, keys: (r: TableReader) => Set<string>) =>
    reader ? keys(reader) : reportedMissing.has(name) ? undefined : new Set<string>();
  ctx.references.resolve({
    Orders: keysOf(readers.Orders, 'Orders', (r) => idKeys(r, 'OrderId')),
    ProjectTree: keysOf(readers.ProjectTree, 'ProjectTree', (r) => idKeys(r, 'NodeId')),
    LineItems: keysOf(readers.LineItems, 'LineItems', lineKeys),
    Agreements: keysOf(readers.Agreements, 'Agreements', (r) => idKeys(r, 'AgreementId')),
  });
  for (const reader of [TableReader.open(raw, 'Settings', ctx.issues), ...Object.values(readers)]) reportLookalikeHeaders(reader);
  if (readers.ProjectTree) reportLoops(readers.ProjectTree, 'NodeId', 'ParentId', sentences.treeCycle);
  if (readers.Agreements) reportRenewalProblems(readers.Agreements, agreements);

  const issues = sortIssues(ctx.issues);
  if (issues.length > 0) return { issues };
  const workbook: BillingWorkbook = {
    settings, people, items, customers, orders, lineItems, nodes, timeEntries, agreements, additions, installments, issuedInvoices, issuedInvoiceLines,
    issuedInvoiceEntries, sheets: raw.sheets, places: tablePlaces(readers), ...(invoiceTemplate === undefined ? {} : { invoiceTemplate }),
  };
  return { workbook, issues };
}

/** Where each table sits and which contract columns it has, so checks after reading can name cells. */
function tablePlaces(readers: Record<string, TableReader | undefined>): Record<string, TablePlace> {
  const places: Record<string, TablePlace> = {};
  for (const [name, reader] of Object.entries(readers)) {
    if (!reader) continue;
    const t = reader.table;
    const columns: Record<string, number> = {};
    for (const column of LEDGER_COLUMNS) {
      const index = reader.indexOf(column);
      if (index >= 0) columns[column] = index;
    }
    places[name] = { sheet: t.sheet, headerRow: t.headerRow, firstColumn: t.firstColumn, width: t.headers.length, columns };
  }
  return places;
}

/** The columns the ledger check and its warnings name. */
const LEDGER_COLUMNS = ['InvoiceNo', 'EntryId', 'EntryIds', 'Description', 'Hours', 'Date', 'NodeId', 'Billable',
  // Customers cells an e-invoice's missing business terms are named by (docs/e-invoices.md).
  'Address', 'Country', 'VatId', 'Email', 'BuyerReference'];

/**
 * Orders, LineItems, ProjectTree and TimeEntries are required; a workbook that bills only
 * agreements (Agreements and no Orders) needs only TimeEntries and Agreements.
 */
function reportMissingTables(readers: Record<string, TableReader | undefined>, ctx: ReadContext): Set<string> {
  const reported = new Set<string>();
  const missing = (table: string, { code, message } = sentences.missingTable(table)) => {
    ctx.issues.push({ code, table, message });
    reported.add(table);
  };
  const isAgreementsOnly = !readers.Orders && readers.Agreements !== undefined;
  if (!isAgreementsOnly) {
    if (!readers.Orders) missing('Orders', sentences.missingOrdersOrAgreements());
    if (!readers.LineItems) missing('LineItems');
    if (!readers.ProjectTree) missing('ProjectTree');
  }
  if (!readers.TimeEntries) missing('TimeEntries');
  return reported;
}

/** Keys of the ids in a table's id column, read straight from the cells. */
function idKeys(reader: TableReader, idColumn: string): Set<string> {
  const keys = new Set<string>();
  const column = reader.indexOf(idColumn);
  if (column < 0) return keys;
  for (const row of reader.table.rows) {
    const id = parseText(row[column]);
    if (typeof id === 'string') keys.add(idKey(id));
  }
  return keys;
}

/** Keys `order/line` of every line in LineItems, read straight from the cells. */
function lineKeys(reader: TableReader): Set<string> {
  const keys = new Set<string>();
  const cOrder = reader.indexOf('OrderId');
  const cLine = reader.indexOf('Line');
  if (cOrder < 0 || cLine < 0) return keys;
  for (const row of reader.table.rows) {
    const order = parseText(row[cOrder]);
    const line = parseText(row[cLine]);
    if (typeof order === 'string' && typeof line === 'string') keys.add(lineItemKey(order, line));
  }
  return keys;
}

/** A row's id and the id its link column names, read straight from the cells (rows dropped for other problems count too). */
interface RawLink {
  id: string;
  index: number;
  link?: string;
}

function rawLinks(reader: TableReader, idColumn: string, linkColumn: string): Map<string, RawLink> {
  const links = new Map<string, RawLink>();
  const cId = reader.indexOf(idColumn);
  const cLink = reader.indexOf(linkColumn);
  if (cId < 0 || cLink < 0) return links;
  reader.table.rows.forEach((row, index) => {
    const id = parseText(row[cId]);
    const link = parseText(row[cLink]);
    if (typeof id !== 'string' || links.has(idKey(id))) return;
    links.set(idKey(id), { id, index, link: typeof link === 'string' ? idKey(link) : undefined });
  });
  return links;
}

/** Loops of a "points at one other" column, each reported once on its first row, naming every id on it. */
function reportLoops(reader: TableReader, idColumn: string, linkColumn: string, sentence: (path: string[]) => IssueSentence): void {
  const links = rawLinks(reader, idColumn, linkColumn);
  for (const loop of findCycles([...links.keys()], (key) => links.get(key)?.link)) {
    const first = links.get(loop[0])!;
    const path = loop.map((key) => links.get(key)!.id);
    reader.report(sentence(path), first.index, reader.indexOf(linkColumn), undefined, first.id);
  }
}

/** Renewal chains must not loop, and an agreement's balance can roll over into one renewal only. */
function reportRenewalProblems(reader: TableReader, agreements: BillingWorkbook['agreements']): void {
  reportLoops(reader, 'AgreementId', 'RenewalOf', sentences.renewalCycle);
  const byKey = new Map(agreements.map((a) => [a.key as string, a]));
  const cRenewalOf = reader.indexOf('RenewalOf');
  const rolledInto = new Map<string, number>();
  for (const a of agreements) {
    if (!a.rollover || a.renewalOf === undefined) continue;
    const earlier = rolledInto.get(a.renewalOf);
    if (earlier === undefined) {
      rolledInto.set(a.renewalOf, a.source.sheetRow);
      continue;
    }
    const predecessor = byKey.get(a.renewalOf)?.id ?? String(reader.valueAt(a.source.index, cRenewalOf));
    reader.report(sentences.renewedTwiceWithRollover(predecessor, earlier, a.source.sheetRow), a.source.index, cRenewalOf, undefined, a.id);
  }
}

/** Table by table in reading order, then top to bottom; table-level issues before row issues. */
export function sortIssues(issues: InputIssue[]): InputIssue[] {
  const rank = (table: string) => {
    const i = (TABLE_ORDER as readonly string[]).indexOf(table);
    return i < 0 ? TABLE_ORDER.length : i;
  };
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => rank(a.issue.table) - rank(b.issue.table) || (a.issue.sheetRow ?? 0) - (b.issue.sheetRow ?? 0) || a.i - b.i)
    .map((x) => x.issue);
}

/** The one line the command line prints: `TimeEntries!F7 (entry E3): Hours -1.5 must be above zero`. */
export function formatIssue(issue: InputIssue): string {
  const where = issue.cell ?? issue.table;
  const label = rowIdLabel[issue.table] ?? 'row';
  const id = issue.rowId !== undefined && issue.rowId !== '' ? ` (${label} ${clipText(issue.rowId)})` : '';
  return `${where}${id}: ${issue.message}`;
}
