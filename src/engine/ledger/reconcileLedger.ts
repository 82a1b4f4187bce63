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
import type { BillingWorkbook, IssuedInvoice, RowSource, TablePlace } from '../../schema/model';
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

/**
 * Reconciles the marks with the registers. Returns the input errors, in table order; empty
 * when the workbook may bill.
 */
export function reconcileLedger(book: BillingWorkbook): InputIssue[] {
  const names = new CellNames(book.places);
  const issues: InputIssue[] = [];
  const invoices = new Map(book.issuedInvoices.map((i) => [idKeyOrBlank(i.invoiceNo), i] as const));

  // The registers hold together: every invoice the lines name is in Invoices; an invoice this
  // tool issued (it has its sheet or its lines) keeps both. A lone Invoices row with neither
  // is a register typed by hand: its number counts, it settles nothing.
  const has = (table: string) => names.place(table) !== undefined;
  const withLines = new Set(book.issuedInvoiceLines.map((l) => idKeyOrBlank(l.invoiceNo)));
  const sheets = book.sheets === undefined ? undefined : new Set(book.sheets.map(idKeyOrBlank));
  if (book.places !== undefined || book.issuedInvoices.length > 0) {
    const reported = new Set<string>();
    const named = (table: 'InvoiceLines' | 'InvoiceEntries', invoiceNo: string, at: RowSource | undefined) => {
      const key = idKeyOrBlank(invoiceNo);
      if (invoices.has(key) || reported.has(key)) return;
      reported.add(key);
      issues.push(issue(table, names.cell(table, 'InvoiceNo', at), at, invoiceNo, 'InvoiceNo', ledgerIssue('InvoiceNotInRegister', invoiceNo)));
    };
    for (const line of book.issuedInvoiceLines) named('InvoiceLines', line.invoiceNo, line.at);
    for (const entry of book.issuedInvoiceEntries ?? []) if (entry.row !== undefined) named('InvoiceEntries', entry.invoiceNo, entry.at);
  }
  const asBudgeted = new Set(book.orders.filter((o) => (o.basis ?? book.settings.basis) === 'AsBudgeted').map((o) => o.key as string));
  for (const invoice of book.issuedInvoices) {
    if (isCredited(invoice)) continue;
    const key = idKeyOrBlank(invoice.invoiceNo);
    const sheet = sheetNameFor(invoice.invoiceNo.trim());
    const hasSheet = sheets === undefined || sheets.has(idKeyOrBlank(sheet));
    const cell = names.cell('Invoices', 'InvoiceNo', invoice.at);
    if (withLines.has(key)) {
      if (!hasSheet) {
        issues.push(issue('Invoices', cell, invoice.at, invoice.invoiceNo, 'InvoiceNo', ledgerIssue('InvoiceSheetGone', invoice.invoiceNo, sheet)));
      }
    } else if ((sheets !== undefined && sheets.has(idKeyOrBlank(sheet))) || asBudgeted.has(idKeyOrBlank(invoice.source))) {
      const isTableGone = !has('InvoiceLines') && book.places !== undefined;
      issues.push(issue('Invoices', cell, invoice.at, invoice.invoiceNo, 'InvoiceNo', ledgerIssue('InvoiceLinesGone', invoice.invoiceNo, isTableGone)));
    }
  }

  // Time: each billed entry still in TimeEntries carries its mark, and is on invoices of one run only.
  const ledger = entryLedger(book, names, issues);
  const time = new MarkIssues('TimeEntries', 'entry');
  if (ledger.size > 0) {
    for (const entry of book.timeEntries) {
      const records = ledger.get(idKeyOrBlank(entry.id));
      if (records === undefined) continue;
      const first = records[0];
      if (isBlank(entry.invoiceNo)) {
        time.add(entry.source, entry.id, first.invoiceNo, first.covered ? ledgerIssue('CoveredMarkBlank', first) : ledgerIssue('MarkBlank', 'entry', first));
        continue;
      }
      const coveredBy = records.find((r) => r.covered);
      const billedOn = records.find((r) => !r.covered);
      if (coveredBy !== undefined && billedOn !== undefined) {
        time.add(entry.source, entry.id, billedOn.invoiceNo, ledgerIssue('CoveredAndBilled', coveredBy, billedOn));
        continue;
      }
      if (records.length > 1 && coveredBy === undefined) {
        const dates = new Set(records.map((r) => invoices.get(idKeyOrBlank(r.invoiceNo))?.date));
        // Parts of one split entry go on the invoices of one run, which share its date.
        if (dates.size > 1) {
          const [a, b] = records;
          time.add(entry.source, entry.id, a.invoiceNo, ledgerIssue('BilledTwice', a, b));
          continue;
        }
      }
      const mark = idKeyOrBlank(entry.invoiceNo);
      if (invoices.has(mark) && !records.some((r) => idKeyOrBlank(r.invoiceNo) === mark)) {
        time.add(entry.source, entry.id, first.invoiceNo, ledgerIssue('MarkNamesOtherInvoice', entry.invoiceNo!.trim(), first));
      }
    }
  }
  time.flush(names, issues);

  // Prepaid blocks, additions and installments: the rows that billed them, per source.
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

  const blocks = new MarkIssues('Agreements', 'prepaid block');
  const additions = new MarkIssues('AgreementAdditions', 'addition');
  for (const agreement of book.agreements) {
    // The agreement's prepaid invoice rows: Kind Prepaid in Invoices (by the row's text when Kind is blank).
    const isBlockText = (r: BilledThing) => r.description.startsWith(idKey(PREPAID_BLOCK_TEXT));
    const isAdditionText = (r: BilledThing) => r.description.startsWith(idKey(ADDITION_TEXT));
    const prepaid = (billedRows.get(agreement.key) ?? []).filter((r) => (r.kind === '' ? isBlockText(r) || isAdditionText(r) : r.kind === 'prepaid'));
    if (prepaid.length === 0) continue;
    // The block and the additions, each with what its row shows; matched by hours and rate, the row's text as a hint.
    type Sold = { invoiceNo?: string; hours: number; rate?: Decimal; addition?: (typeof book.additions)[number] };
    const sold: Sold[] = [
      { invoiceNo: agreement.invoiceNo, hours: agreement.hours, rate: agreement.rate },
      ...book.additions
        .filter((a) => a.agreement === agreement.key)
        .sort((a, b) => a.date - b.date || a.source.index - b.source.index)
        .map((a) => ({ invoiceNo: a.invoiceNo, hours: a.hours, rate: a.rate ?? agreement.rate, addition: a })),
    ];
    unclaimed(prepaid, sold,
      (item, r) => (item.addition === undefined ? !isAdditionText(r) : !isBlockText(r)) &&
        (r.quantity === undefined || hoursForDisplay(item.hours).equals(r.quantity)) &&
        (r.unitPrice === undefined || item.rate?.equals(r.unitPrice) === true),
      (item, r) => {
        if (item.addition === undefined) blocks.add(agreement.source, agreement.id, r.invoiceNo, ledgerIssue('MarkBlank', 'prepaid block', r));
        else additions.add(item.addition.source, agreement.id, r.invoiceNo, ledgerIssue('MarkBlank', 'addition', r));
      });
  }
  blocks.flush(names, issues);
  additions.flush(names, issues);

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
  installments.flush(names, issues);
  return issues;
}
