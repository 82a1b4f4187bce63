/**
 * The registers are the ledger (docs/billing-rules.md section 8). Before billing, the InvoiceNo marks
 * of TimeEntries, Agreements, AgreementAdditions and PaymentPlan are reconciled with what
 * Invoices, InvoiceLines and InvoiceEntries record. Every disagreement that would make a run
 * bill something twice is an input error naming the cell and the invoice; nothing is written
 * while one remains. What the registers list but the input no longer holds (archived time,
 * a deleted addition) is fine, and so is a mark naming an invoice the registers do not hold
 * (billed by an earlier system): it stays settled.
 */
import type { InputIssue } from '../../schema/inputIssue';
import type { Agreement, AgreementAddition, BillingWorkbook, IssuedInvoice, RowSource, TablePlace, TimeEntry } from '../../schema/model';
import { cellAddress } from '../../schema/rawTable';
import { sheetNameFor } from '../resultTables';
import { installmentAmounts } from '../orders/installmentRows';
import { hoursForDisplay, type Decimal } from '../../core/money';
import { idKey, idKeyOrBlank } from '../../core/idKey';
import { ADDITION_TEXT, PREPAID_BLOCK_TEXT, invoiceRowTexts } from '../invoiceRowTexts';
import { ledgerIssue, type MarkedThing } from './ledgerMessages';
import type { IssueSentence } from '../../schema/issueCatalogue';

export type MarkTable = 'TimeEntries' | 'Agreements' | 'AgreementAdditions' | 'PaymentPlan';

/** The text of an InvoiceLines EntryIds cell whose list did not fit: the entries are in InvoiceEntries. */
export const ENTRY_LIST_NOTE = /^\s*[\d,.\s]+\s+entr(y|ies):?\s+see\s+InvoiceEntries\s*$/i;

/** One invoice row that billed an entry, as a register records it. */
export interface LedgerRecord {
  invoiceNo: string;
  /** The register cell that says so (`InvoiceEntries!C5` or `InvoiceLines!L14`). */
  cell: string;
  /** Covered by an agreement's block, not invoiced: `invoiceNo` is the AgreementId. */
  covered?: boolean;
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** True for an invoice that no longer settles anything: credited, or a credit note itself. */
export function isCredited(invoice: IssuedInvoice | undefined): boolean {
  return invoice !== undefined && (idKeyOrBlank(invoice.status) === 'credited' || idKeyOrBlank(invoice.kind) === 'credit');
}

/** Names cells of a table from where the schema found it; the table name alone when the book does not say. */
export class CellNames {
  constructor(private readonly places: BillingWorkbook['places']) {}

  place(table: string): TablePlace | undefined {
    return this.places?.[table];
  }

  /** The cell of `column` on the row at `at`; a column the table lacks is where it would be added. */
  cell(table: string, column: string, at: RowSource | undefined): string {
    const place = this.place(table);
    if (place === undefined || at === undefined) return table;
    const offset = place.columns[column] ?? place.width;
    return cellAddress(place.sheet, at.sheetRow, place.firstColumn + offset);
  }

  hasColumn(table: string, column: string): boolean {
    const place = this.place(table);
    return place === undefined || place.columns[column] !== undefined;
  }
}

/** Every entry the registers say was billed, by entry key, on invoices that are not credited. */
export function entryLedger(book: BillingWorkbook, names: CellNames, issues?: InputIssue[]): Map<string, LedgerRecord[]> {
  const invoices = new Map(book.issuedInvoices.map((i) => [idKeyOrBlank(i.invoiceNo), i] as const));
  const ledger = new Map<string, LedgerRecord[]>();
  const add = (entryId: string, invoiceNo: string, cell: string, covered = false): void => {
    const key = idKeyOrBlank(entryId);
    const record: LedgerRecord = covered ? { invoiceNo, cell, covered } : { invoiceNo, cell };
    const records = ledger.get(key);
    if (records === undefined) ledger.set(key, [record]);
    else if (!records.some((r) => idKeyOrBlank(r.invoiceNo) === idKeyOrBlank(invoiceNo))) records.push(record);
  };
  const listedRows = new Set<string>();
  for (const e of book.issuedInvoiceEntries ?? []) {
    // A row without Row is covered time: its InvoiceNo is the AgreementId whose block covered it.
    if (e.row === undefined) {
      add(e.entryId, e.invoiceNo, names.cell('InvoiceEntries', 'EntryId', e.at), true);
      continue;
    }
    if (isCredited(invoices.get(idKeyOrBlank(e.invoiceNo)))) continue;
    listedRows.add(`${idKeyOrBlank(e.invoiceNo)}#${e.row ?? ''}`);
    add(e.entryId, e.invoiceNo, names.cell('InvoiceEntries', 'EntryId', e.at));
  }
  for (const line of book.issuedInvoiceLines) {
    if (line.entryIds === undefined || isCredited(invoices.get(idKeyOrBlank(line.invoiceNo)))) continue;
    // InvoiceEntries holds the row's entries with their details: nothing to add from the list.
    if (listedRows.has(`${idKeyOrBlank(line.invoiceNo)}#${line.row ?? ''}`)) continue;
    const cell = names.cell('InvoiceLines', 'EntryIds', line.at);
    if (ENTRY_LIST_NOTE.test(line.entryIds)) {
      issues?.push(issue('InvoiceLines', cell, line.at, line.invoiceNo, 'EntryIds', ledgerIssue('EntryListLost', line.invoiceNo, line.row)));
      continue;
    }
    for (const id of line.entryIds.split(/[,;]/)) if (id.trim() !== '') add(id.trim(), line.invoiceNo, cell);
  }
  return ledger;
}

function issue(table: string, cell: string, at: RowSource | undefined, rowId: string | undefined, column: string | undefined, { code, message }: IssueSentence): InputIssue {
  return {
    code,
    table,
    cell: cell === table ? undefined : cell,
    sheetRow: at?.sheetRow,
    tableRow: at === undefined ? undefined : at.index + 1,
    column,
    rowId,
    message,
  };
}

/** One mark table's problems; collapsed to one sentence when the table has lost its InvoiceNo column. */
class MarkIssues {
  readonly found: { at: RowSource; rowId: string; invoiceNo: string; sentence: IssueSentence }[] = [];
  constructor(readonly table: MarkTable, readonly thing: MarkedThing) {}

  add(at: RowSource, rowId: string, invoiceNo: string, sentence: IssueSentence): void {
    this.found.push({ at, rowId, invoiceNo, sentence });
  }

  flush(names: CellNames, out: InputIssue[]): void {
    if (this.found.length === 0) return;
    if (!names.hasColumn(this.table, 'InvoiceNo')) {
      const first = this.found[0];
      const place = names.place(this.table)!;
      out.push({
        ...ledgerIssue('MarkColumnGone', this.table, this.thing, this.found.length, first),
        table: this.table,
        cell: cellAddress(place.sheet, place.headerRow, place.firstColumn),
        sheetRow: place.headerRow,
        column: 'InvoiceNo',
      });
      return;
    }
    for (const f of this.found) out.push(issue(this.table, names.cell(this.table, 'InvoiceNo', f.at), f.at, f.rowId, 'InvoiceNo', f.sentence));
  }
}

/** A register record of a prepaid block, an addition or an installment. */
interface BilledThing {
  invoiceNo: string;
  cell: string;
  quantity?: Decimal;
  unitPrice?: Decimal;
  amount: Decimal;
  description: string;
  /** The invoice's Kind in Invoices, lower-cased ('' when unknown). */
  kind: string;
}

/**
 * Pairs register records with the marks of the rows they billed: a record whose invoice a mark
 * of the group names is accounted for (as many records per invoice as marks name it); each
 * other record is matched with the first unmarked row it fits, which has lost its mark.
 */
function unclaimed<T extends { invoiceNo?: string }>(records: BilledThing[], rows: T[], fits: (row: T, record: BilledThing) => boolean, report: (row: T, record: BilledThing) => void): void {
  const claims = new Map<string, number>();
  for (const row of rows) if (!isBlank(row.invoiceNo)) claims.set(idKeyOrBlank(row.invoiceNo), (claims.get(idKeyOrBlank(row.invoiceNo)) ?? 0) + 1);
  const matched = new Set<T>();
  for (const record of records) {
    const left = claims.get(idKeyOrBlank(record.invoiceNo)) ?? 0;
    if (left > 0) {
      claims.set(idKeyOrBlank(record.invoiceNo), left - 1);
      continue;
    }
    const row = rows.find((r) => isBlank(r.invoiceNo) && !matched.has(r) && fits(r, record));
    if (row === undefined) continue; // deleted from the input: archived, fine
    matched.add(row);
    report(row, record);
  }
}

/** The invoices of the Invoices register, by invoice key. */
type InvoicesByKey = ReadonlyMap<string, IssuedInvoice>;

/** A problem with one row's mark: the invoice it concerns and the sentence that says so. */
interface MarkProblem {
  invoiceNo: string;
  sentence: IssueSentence;
}

/**
 * Reconciles the marks with the registers. Returns the input errors, in table order; empty
 * when the workbook may bill.
 */
export function reconcileLedger(book: BillingWorkbook): InputIssue[] {
  const names = new CellNames(book.places);
  const invoices: InvoicesByKey = new Map(book.issuedInvoices.map((i) => [idKeyOrBlank(i.invoiceNo), i] as const));
  const billedRows = billedRowsBySource(book, names, invoices);
  return [
    ...invoicesNotInRegister(book, names, invoices),
    ...invoicesMissingParts(book, names),
    ...timeMarkIssues(book, names, invoices),
    ...prepaidMarkIssues(book, names, billedRows),
    ...installmentMarkIssues(book, names, billedRows),
  ];
}

/**
 * The registers hold together: every invoice the lines name is in Invoices. Each invoice that
 * InvoiceLines or InvoiceEntries names but Invoices lacks is reported once.
 */
function invoicesNotInRegister(book: BillingWorkbook, names: CellNames, invoices: InvoicesByKey): InputIssue[] {
  const issues: InputIssue[] = [];
  if (book.places === undefined && book.issuedInvoices.length === 0) return issues;
  const reported = new Set<string>();
  const named = (table: 'InvoiceLines' | 'InvoiceEntries', invoiceNo: string, at: RowSource | undefined) => {
    const key = idKeyOrBlank(invoiceNo);
    if (invoices.has(key) || reported.has(key)) return;
    reported.add(key);
    issues.push(issue(table, names.cell(table, 'InvoiceNo', at), at, invoiceNo, 'InvoiceNo', ledgerIssue('InvoiceNotInRegister', invoiceNo)));
  };
  for (const line of book.issuedInvoiceLines) named('InvoiceLines', line.invoiceNo, line.at);
  for (const entry of book.issuedInvoiceEntries ?? []) if (entry.row !== undefined) named('InvoiceEntries', entry.invoiceNo, entry.at);
  return issues;
}

/**
 * An invoice this tool issued (it has its sheet or its lines) keeps both: one with lines but
 * no sheet, or with a sheet (or from an AsBudgeted order) but no lines, is reported. A lone
 * Invoices row with neither is a register typed by hand: its number counts, it settles nothing.
 */
function invoicesMissingParts(book: BillingWorkbook, names: CellNames): InputIssue[] {
  const issues: InputIssue[] = [];
  const withLines = new Set(book.issuedInvoiceLines.map((l) => idKeyOrBlank(l.invoiceNo)));
  const sheets = book.sheets === undefined ? undefined : new Set(book.sheets.map(idKeyOrBlank));
  const asBudgeted = new Set(book.orders.filter((o) => (o.basis ?? book.settings.basis) === 'AsBudgeted').map((o) => o.key as string));
  const isLinesTableGone = names.place('InvoiceLines') === undefined && book.places !== undefined;
  for (const invoice of book.issuedInvoices) {
    if (isCredited(invoice)) continue;
    const sheet = sheetNameFor(invoice.invoiceNo.trim());
    const cell = names.cell('Invoices', 'InvoiceNo', invoice.at);
    if (withLines.has(idKeyOrBlank(invoice.invoiceNo))) {
      if (sheets !== undefined && !sheets.has(idKeyOrBlank(sheet))) {
        issues.push(issue('Invoices', cell, invoice.at, invoice.invoiceNo, 'InvoiceNo', ledgerIssue('InvoiceSheetGone', invoice.invoiceNo, sheet)));
      }
    } else if ((sheets !== undefined && sheets.has(idKeyOrBlank(sheet))) || asBudgeted.has(idKeyOrBlank(invoice.source))) {
      issues.push(issue('Invoices', cell, invoice.at, invoice.invoiceNo, 'InvoiceNo', ledgerIssue('InvoiceLinesGone', invoice.invoiceNo, isLinesTableGone)));
    }
  }
  return issues;
}

/** Time: each billed entry still in TimeEntries carries its mark, and is on invoices of one run only. */
function timeMarkIssues(book: BillingWorkbook, names: CellNames, invoices: InvoicesByKey): InputIssue[] {
  const issues: InputIssue[] = [];
  const ledger = entryLedger(book, names, issues);
  const time = new MarkIssues('TimeEntries', 'entry');
  if (ledger.size > 0) {
    for (const entry of book.timeEntries) {
      const records = ledger.get(idKeyOrBlank(entry.id));
      if (records === undefined) continue;
      const problem = timeMarkProblem(entry, records, invoices);
      if (problem !== undefined) time.add(entry.source, entry.id, problem.invoiceNo, problem.sentence);
    }
  }
  time.flush(names, issues);
  return issues;
}

/** What is wrong with the mark of an entry the registers record as billed; undefined when nothing. */
function timeMarkProblem(entry: TimeEntry, records: LedgerRecord[], invoices: InvoicesByKey): MarkProblem | undefined {
  const first = records[0];
  if (isBlank(entry.invoiceNo)) {
    return { invoiceNo: first.invoiceNo, sentence: first.covered ? ledgerIssue('CoveredMarkBlank', first) : ledgerIssue('MarkBlank', 'entry', first) };
  }
  const coveredBy = records.find((r) => r.covered);
  const billedOn = records.find((r) => !r.covered);
  if (coveredBy !== undefined && billedOn !== undefined) {
    return { invoiceNo: billedOn.invoiceNo, sentence: ledgerIssue('CoveredAndBilled', coveredBy, billedOn) };
  }
  if (records.length > 1 && coveredBy === undefined) {
    const dates = new Set(records.map((r) => invoices.get(idKeyOrBlank(r.invoiceNo))?.date));
    // Parts of one split entry go on the invoices of one run, which share its date.
    if (dates.size > 1) {
      const [a, b] = records;
      return { invoiceNo: a.invoiceNo, sentence: ledgerIssue('BilledTwice', a, b) };
    }
  }
  const mark = idKeyOrBlank(entry.invoiceNo);
  if (invoices.has(mark) && !records.some((r) => idKeyOrBlank(r.invoiceNo) === mark)) {
    return { invoiceNo: first.invoiceNo, sentence: ledgerIssue('MarkNamesOtherInvoice', entry.invoiceNo!.trim(), first) };
  }
  return undefined;
}

/** The invoice rows without entries (prepaid blocks, additions, installments) of invoices not credited, by source key. */
function billedRowsBySource(book: BillingWorkbook, names: CellNames, invoices: InvoicesByKey): Map<string, BilledThing[]> {
  const billedRows = new Map<string, BilledThing[]>();
  for (const line of book.issuedInvoiceLines) {
    if (!isBlank(line.entryIds) || line.source === undefined || isCredited(invoices.get(idKeyOrBlank(line.invoiceNo)))) continue;
    const thing: BilledThing = {
      invoiceNo: line.invoiceNo,
      cell: names.cell('InvoiceLines', 'Description', line.at),
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amount: line.amount,
      description: idKeyOrBlank(line.description),
      kind: idKeyOrBlank(invoices.get(idKeyOrBlank(line.invoiceNo))?.kind),
    };
    const key = idKeyOrBlank(line.source);
    const list = billedRows.get(key);
    if (list === undefined) billedRows.set(key, [thing]);
    else list.push(thing);
  }
  return billedRows;
}

function isBlockText(row: BilledThing): boolean {
  return row.description.startsWith(idKey(PREPAID_BLOCK_TEXT));
}

function isAdditionText(row: BilledThing): boolean {
  return row.description.startsWith(idKey(ADDITION_TEXT));
}

/** A prepaid block or one of its additions, with what its invoice row shows. */
interface SoldHours {
  invoiceNo?: string;
  hours: number;
  rate?: Decimal;
  /** Undefined for the agreement's own block. */
  addition?: AgreementAddition;
}

/** The agreement's block, then its additions by date (row order only between equal dates). */
function soldHoursOf(book: BillingWorkbook, agreement: Agreement): SoldHours[] {
  return [
    { invoiceNo: agreement.invoiceNo, hours: agreement.hours, rate: agreement.rate },
    ...book.additions
      .filter((a) => a.agreement === agreement.key)
      .sort((a, b) => a.date - b.date || a.source.index - b.source.index)
      .map((a) => ({ invoiceNo: a.invoiceNo, hours: a.hours, rate: a.rate ?? agreement.rate, addition: a })),
  ];
}

/** A block or an addition is matched with a prepaid row by hours and rate, the row's text as a hint. */
function isSoldOn(item: SoldHours, row: BilledThing): boolean {
  return (item.addition === undefined ? !isAdditionText(row) : !isBlockText(row)) &&
    (row.quantity === undefined || hoursForDisplay(item.hours).equals(row.quantity)) &&
    (row.unitPrice === undefined || item.rate?.equals(row.unitPrice) === true);
}

/** Prepaid blocks and additions: each row that billed one finds it marked. */
function prepaidMarkIssues(book: BillingWorkbook, names: CellNames, billedRows: ReadonlyMap<string, BilledThing[]>): InputIssue[] {
  const blocks = new MarkIssues('Agreements', 'prepaid block');
  const additions = new MarkIssues('AgreementAdditions', 'addition');
  for (const agreement of book.agreements) {
    // The agreement's prepaid invoice rows: Kind Prepaid in Invoices (by the row's text when Kind is blank).
    const prepaid = (billedRows.get(agreement.key) ?? []).filter((r) => (r.kind === '' ? isBlockText(r) || isAdditionText(r) : r.kind === 'prepaid'));
    if (prepaid.length === 0) continue;
    unclaimed(prepaid, soldHoursOf(book, agreement), isSoldOn, (item, r) => {
      if (item.addition === undefined) blocks.add(agreement.source, agreement.id, r.invoiceNo, ledgerIssue('MarkBlank', 'prepaid block', r));
      else additions.add(item.addition.source, agreement.id, r.invoiceNo, ledgerIssue('MarkBlank', 'addition', r));
    });
  }
  const issues: InputIssue[] = [];
  blocks.flush(names, issues);
  additions.flush(names, issues);
  return issues;
}

/** Installments: each row that billed one finds it marked (matched by its text and amount). */
function installmentMarkIssues(book: BillingWorkbook, names: CellNames, billedRows: ReadonlyMap<string, BilledThing[]>): InputIssue[] {
  const installments = new MarkIssues('PaymentPlan', 'installment');
  for (const order of book.orders) {
    const rows = billedRows.get(order.key);
    if (rows === undefined) continue;
    const amounts = installmentAmounts(book, order);
    if (amounts.size === 0) continue;
    const own = [...amounts.keys()];
    const text = (i: (typeof own)[number]) => idKeyOrBlank(i.description?.trim() ? i.description : invoiceRowTexts.Installment(i.dueDate));
    const candidates = rows.filter((r) => own.some((i) => text(i) === r.description));
    unclaimed(candidates, own,
      (i, r) => text(i) === r.description && amounts.get(i)!.equals(r.amount),
      (i, r) => installments.add(i.source, order.id, r.invoiceNo, ledgerIssue('MarkBlank', 'installment', r)));
  }
  const issues: InputIssue[] = [];
  installments.flush(names, issues);
  return issues;
}
