/**
 * Lays a BillingResult out as plain blocks of cell values, the same for the Office.js
 * adapter and the .xlsx adapter: headers exactly as the workbook contract names them,
 * numbers for money, hours and dates (dates as Excel serials), and a number format per
 * column. Decimal becomes a JS number here and nowhere else, at the moment it becomes a
 * cell. Adapters write these blocks and compute nothing.
 */
import { CREDITED_STATUS, type BillingException, type BillingResult, type InvoiceNoUpdate } from './billingResult';
import type { CreditResult } from './creditInvoice';
import type { Decimal } from '../core/money';
import { exactHours } from '../core/money';
import { buildInvoiceSheet, type InvoiceSheet } from './invoiceSheet';
import { fillInvoiceTemplate } from './invoiceTemplate/fillInvoiceTemplate';
import type { InvoiceTemplate } from '../schema/model';
import type { Invoice, InvoiceSeller } from './billingResult';
import { eInvoiceFileName } from './invoiceDocuments';

import { DATE_FORMAT, fitCell, HOURS_FORMAT, MAX_CELL_CHARS, MONEY_FORMAT, PERCENT_FORMAT, type OutputCell } from '../core/cellFormats';
import {
  AGREEMENT_SUMMARY_COLUMNS, BILLING_EXCEPTIONS_COLUMNS, INVOICE_ENTRIES_COLUMNS, INVOICE_LINES_COLUMNS, INVOICES_COLUMNS, ORDER_STATUS_COLUMNS,
  type OutputColumn,
} from '../core/outputColumns';

export { DATE_FORMAT, fitCell, HOURS_FORMAT, MAX_CELL_CHARS, MONEY_FORMAT, PERCENT_FORMAT, type OutputCell };

/**
 * Fill of a TimeEntries row listed in BillingExceptions (Excel's light red), as `#RRGGBB`.
 * The engine recognises its own fill by this exact colour, so it clears it only from rows
 * it marked itself and never touches a colour a user chose.
 */
export const EXCEPTION_FILL_COLOR = '#FFC7CE';
/** Fill of rows that need a look (an agreement at or below its low-balance threshold). */
export const HIGHLIGHT_FILL_COLOR = '#FFEB9C';

export type { OutputColumn };
export {
  AGREEMENT_SUMMARY_COLUMNS, BILLING_EXCEPTIONS_COLUMNS, INVOICE_ENTRIES_COLUMNS, INVOICE_LINES_COLUMNS, INVOICES_COLUMNS, ORDER_STATUS_COLUMNS,
};

export type OutputTableName = 'Invoices' | 'InvoiceLines' | 'InvoiceEntries' | 'AgreementSummary' | 'OrderStatus' | 'BillingExceptions';

export interface OutputTable {
  /** Table name in a real run; in a preview the table sits on `sheet` instead. */
  name: OutputTableName;
  /** Appended tables grow run after run; replaced tables are rewritten each run. */
  mode: 'append' | 'replace';
  columns: OutputColumn[];
  rows: OutputCell[][];
  /** 0-based rows that get the highlight fill (low-balance agreements); others lose it. */
  highlightedRows?: number[];
}

export type { GridCell, InvoiceSheet, PageMargins, PrintSetup } from './invoiceSheet';

export interface PreviewSheet {
  sheetName: string;
  /** Name of the Excel table on the preview sheet (no spaces: Excel forbids them). */
  tableName: string;
  table: OutputTable;
}

export interface ResultTables {
  preview: boolean;
  /** Real run: the output tables, appended or replaced. Empty in a preview. */
  tables: OutputTable[];
  /** Real run: one sheet per invoice. Preview: one `Preview Invoice n` sheet per invoice. */
  invoiceSheets: InvoiceSheet[];
  /** Preview only: the `Preview …` sheets, replaced each time. */
  previewSheets: PreviewSheet[];
  /** Real run only: 0-based TimeEntries data rows that get the exception fill. */
  exceptionRows: number[];
  /** Real run only: the InvoiceNo cells to write back (`invoiceNo` '' clears the cell: a credit note). */
  invoiceNoCells: InvoiceNoUpdate[];
  /** Cells of register rows written earlier that change: a credited invoice's Status. */
  registerUpdates?: RegisterUpdate[];
  /** True when the write leaves the TimeEntries exception fills as they are (a credit note): `exceptionRows` is then ignored. */
  keepExceptionFills?: boolean;
}

/** One cell of an existing register row: the table, its 0-based data row, the column (added when missing) and the value. */
export interface RegisterUpdate {
  table: 'Invoices';
  index: number;
  column: 'Status';
  value: string;
}

export const PREVIEW_PREFIX = 'Preview ';

/** Names of the preview sheets, by the output they show. */
export const PREVIEW_SHEET_NAMES: Record<OutputTableName, string> = {
  Invoices: 'Preview Invoices',
  InvoiceLines: 'Preview InvoiceLines',
  InvoiceEntries: 'Preview InvoiceEntries',
  BillingExceptions: 'Preview Exceptions',
  OrderStatus: 'Preview OrderStatus',
  AgreementSummary: 'Preview AgreementSummary',
};

/** True for a sheet a preview wrote (a real run deletes these). */
export function isPreviewSheetName(name: string): boolean {
  return name.startsWith(PREVIEW_PREFIX);
}

/** Placeholder shown for an invoice number in a preview, where no number is consumed. */
export function previewInvoiceLabel(position: number): string {
  return `Preview ${position}`;
}

const money = (d: Decimal | undefined): OutputCell => (d === undefined ? null : d.toNumber());
const text = (s: string | undefined): OutputCell => (s === undefined || s === '' ? null : fitCell(s));

/**
 * The EntryIds cell of an invoice row: the ids, comma-separated, when they fit in a cell;
 * else a note pointing at InvoiceEntries, which lists every billed entry at any size.
 */
export function entryIdsCell(entryIds: readonly string[]): OutputCell {
  if (entryIds.length === 0) return null;
  let length = 2 * (entryIds.length - 1);
  for (const id of entryIds) length += id.length;
  if (length <= MAX_CELL_CHARS) return entryIds.join(', ');
  return `${entryIds.length.toLocaleString('en-US')} entries: see InvoiceEntries`;
}

function invoiceNumbers(result: BillingResult): string[] {
  return result.invoices.map((inv, i) => (result.preview || inv.invoiceNo === '' ? previewInvoiceLabel(i + 1) : inv.invoiceNo));
}

function invoicesTable(result: BillingResult, numbers: string[]): OutputTable {
  return {
    name: 'Invoices',
    mode: 'append',
    columns: INVOICES_COLUMNS,
    rows: result.invoices.map((inv, i) => [
      numbers[i], inv.date, inv.customer, inv.source, inv.kind, money(inv.net), money(inv.tax), money(inv.gross), inv.currency,
      inv.dueDate ?? null, inv.periodFrom ?? null, inv.periodTo ?? null, text(inv.buyer?.buyerReference), null,
      // A preview numbers nothing, so it names no e-invoice file.
      inv.eInvoiceFormat === undefined || result.preview || inv.invoiceNo === '' ? null : eInvoiceFileName(inv.invoiceNo),
    ]),
  };
}

function invoiceLinesTable(result: BillingResult, numbers: string[]): OutputTable {
  const rows: OutputCell[][] = [];
  result.invoices.forEach((inv, i) => {
    for (const r of inv.rows) {
      if (r.parts !== undefined && r.parts.length > 1) {
        // One record per line item of a combined AsBudgeted row: same Row and Description.
        for (const p of r.parts) {
          rows.push([
            numbers[i], r.row, fitCell(r.description), text(r.item), text(r.person), money(p.quantity), money(p.unitPrice),
            money(p.amount), text(r.revenueAccount), text(r.source), text(p.lineItem), null,
          ]);
        }
        continue;
      }
      rows.push([
        numbers[i], r.row, fitCell(r.description), text(r.item), text(r.person), money(r.quantity), money(r.unitPrice),
        money(r.amount), text(r.revenueAccount), text(r.source), text(r.lineItem), entryIdsCell(r.entryIds),
      ]);
    }
  });
  return { name: 'InvoiceLines', mode: 'append', columns: INVOICE_LINES_COLUMNS, rows };
}

function invoiceEntriesTable(result: BillingResult, numbers: string[]): OutputTable {
  let count = 0;
  for (const inv of result.invoices) count += inv.entryLedger?.rows.length ?? 0;
  const rows = new Array<OutputCell[]>(count);
  let k = 0;
  result.invoices.forEach((inv, i) => {
    const ledger = inv.entryLedger;
    if (ledger === undefined) return;
    // Row by row (a stable counting sort), each row's entries in the order they were billed.
    const n = ledger.rows.length;
    let rowCount = 0;
    for (let e = 0; e < n; e++) rowCount = Math.max(rowCount, ledger.rows[e]);
    const starts = new Int32Array(rowCount + 2);
    for (let e = 0; e < n; e++) starts[ledger.rows[e] + 1]++;
    for (let r = 1; r <= rowCount + 1; r++) starts[r] += starts[r - 1];
    const order = new Int32Array(n);
    for (let e = 0; e < n; e++) order[starts[ledger.rows[e]]++] = e;
    for (let j = 0; j < n; j++) {
      const e = order[j];
      rows[k++] = [numbers[i], ledger.rows[e], ledger.entryIds[e], ledger.seconds[e], ledger.recorded[e], ledger.dates[e], text(ledger.nodes[e])];
    }
  });
  rows.length = k;
  // Covered agreement time: the AgreementId where the invoice number would be, no row.
  const covered = result.covered;
  if (covered !== undefined) {
    for (let e = 0; e < covered.entryIds.length; e++) {
      rows.push([covered.agreementIds[e], null, covered.entryIds[e], covered.seconds[e], covered.recorded[e], covered.dates[e], null]);
    }
  }
  return { name: 'InvoiceEntries', mode: 'append', columns: INVOICE_ENTRIES_COLUMNS, rows };
}

function agreementSummaryTable(result: BillingResult): OutputTable {
  return {
    name: 'AgreementSummary',
    mode: 'replace',
    columns: AGREEMENT_SUMMARY_COLUMNS,
    rows: result.agreementSummary.map((a) => [
      a.agreementId, a.customer, money(a.initial), money(a.added), money(a.rolledOver), money(a.used), money(a.remaining),
      money(a.overrun), a.lowBalance, money(a.deferredRevenue), a.status,
    ]),
    highlightedRows: result.agreementSummary.flatMap((a, i) => (a.lowBalance ? [i] : [])),
  };
}

function orderStatusTable(result: BillingResult): OutputTable {
  return {
    name: 'OrderStatus',
    mode: 'replace',
    columns: ORDER_STATUS_COLUMNS,
    rows: result.orderStatus.map((o) => [
      o.orderId, o.customer, o.billingMode, o.canBill, text(o.reason), money(o.progress), money(o.unbilled),
      money(o.billed), money(o.cost), money(o.margin),
    ]),
  };
}

function exceptionHours(e: BillingException): number {
  return exactHours(e.seconds).toDecimalPlaces(6).toNumber();
}

function billingExceptionsTable(result: BillingResult): OutputTable {
  return {
    name: 'BillingExceptions',
    mode: 'replace',
    columns: BILLING_EXCEPTIONS_COLUMNS,
    rows: result.exceptions.map((e) => [
      e.entryId, e.date, e.person, text(e.nodeId), text(e.agreement), exceptionHours(e), e.reason, e.message,
    ]),
  };
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\\`. */
export function sheetNameFor(wanted: string): string {
  const cleaned = wanted.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').trim();
  return (cleaned === '' ? 'Invoice' : cleaned).slice(0, 31);
}

/** `wanted`, or `wanted (2)`, `(3)`... when a sheet of that name (in any case) is taken. */
export function freeSheetName(wanted: string, takenNames: string[]): string {
  const taken = new Set(takenNames.map((name) => name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const name = `${wanted.slice(0, 26)} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** One invoice's sheet: the built-in layout, and the template filled for it when the workbook has one. */
function invoiceSheet(invoice: Invoice, invoiceNo: string, sheetName: string, seller: InvoiceSeller | undefined, template: InvoiceTemplate | undefined): InvoiceSheet {
  const sheet = buildInvoiceSheet(invoice, invoiceNo, sheetName, seller);
  return template === undefined ? sheet : { ...sheet, template: fillInvoiceTemplate(template, invoice, invoiceNo, seller) };
}

/** Everything one run writes, laid out as cell blocks. */
export function buildResultTables(result: BillingResult): ResultTables {
  const numbers = invoiceNumbers(result);
  const tables = [
    invoicesTable(result, numbers),
    invoiceLinesTable(result, numbers),
    invoiceEntriesTable(result, numbers),
    agreementSummaryTable(result),
    orderStatusTable(result),
    billingExceptionsTable(result),
  ];
  if (result.preview) {
    return {
      preview: true,
      tables: [],
      invoiceSheets: result.invoices.map((inv, i) => invoiceSheet(inv, numbers[i], `Preview Invoice ${i + 1}`, result.seller, result.invoiceTemplate)),
      previewSheets: tables.map((t) => ({
        sheetName: PREVIEW_SHEET_NAMES[t.name],
        tableName: PREVIEW_SHEET_NAMES[t.name].replace(/\s+/g, ''),
        table: { ...t, mode: 'replace' },
      })),
      exceptionRows: [],
      invoiceNoCells: [],
    };
  }
  return {
    preview: false,
    tables,
    invoiceSheets: result.invoices.map((inv) => invoiceSheet(inv, inv.invoiceNo, sheetNameFor(inv.invoiceNo), result.seller, result.invoiceTemplate)),
    previewSheets: [],
    exceptionRows: [...new Set(result.exceptions.map((e) => e.entryIndex))].sort((a, b) => a - b),
    invoiceNoCells: result.invoiceNoUpdates,
  };
}

/**
 * What issuing a credit note writes: its Invoices and InvoiceLines rows (no InvoiceEntries:
 * it bills no time), its sheet, the original's Status `Credited`, and the cleared InvoiceNo
 * marks. Nothing is replaced and the exception fills stay as they are.
 */
export function buildCreditTables(credit: CreditResult): ResultTables {
  const { creditNote } = credit;
  const numbers = [creditNote.invoiceNo];
  const asRun: BillingResult = {
    billingDate: creditNote.date, preview: false, currency: creditNote.currency, invoices: [creditNote], exceptions: [],
    invoiceNoUpdates: credit.invoiceNoUpdates, orderStatus: [], agreementSummary: [], seller: credit.seller,
  };
  return {
    preview: false,
    tables: [invoicesTable(asRun, numbers), invoiceLinesTable(asRun, numbers)],
    invoiceSheets: [invoiceSheet(creditNote, creditNote.invoiceNo, sheetNameFor(creditNote.invoiceNo), credit.seller, credit.invoiceTemplate)],
    previewSheets: [],
    exceptionRows: [],
    invoiceNoCells: credit.invoiceNoUpdates,
    registerUpdates: [{ table: 'Invoices', index: credit.credited.index, column: 'Status', value: CREDITED_STATUS }],
    keepExceptionFills: true,
  };
}
