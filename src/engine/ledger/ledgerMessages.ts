/**
 * The sentences of the ledger check (reconcileLedger.ts), one per reason code
 * (docs/billing-engine.md, "Messages"). Each is an input issue that stops the run: it names the
 * register cell that disagrees, the invoice, and what restores agreement, or how to start over.
 */
import type { IssueCode } from '../../schema/inputIssue';
import type { IssueSentence } from '../../schema/issueCatalogue';

/** The way out when the registers cannot be restored. */
const START_OVER = 'to start over, remove Invoices, InvoiceLines, InvoiceEntries and every InvoiceNo mark';

/** A row an InvoiceNo mark settles, as the ledger check names it. */
export type MarkedThing = 'entry' | 'prepaid block' | 'addition' | 'installment';

/** The rows of a mark table, as "one of its ___" names them. */
const PLURAL: Record<MarkedThing, string> = { entry: 'entries', 'prepaid block': 'prepaid blocks', addition: 'additions', installment: 'installments' };

/** Where a register says an invoice billed something: its number and cell. */
export interface RegisterCell {
  invoiceNo: string;
  cell: string;
}

/** Every reason code of the ledger check with its sentence. */
export const ledgerSentences = {
  /** InvoiceLines EntryIds says "n entries: see InvoiceEntries", but InvoiceEntries lists none. */
  EntryListLost: (invoiceNo: string, row: number | undefined): string =>
    `EntryIds says the entries of ${invoiceNo} row ${row ?? '?'} are in InvoiceEntries, but InvoiceEntries lists none of them; restore the InvoiceEntries table (the ledger of billed time)`,
  /** InvoiceLines or InvoiceEntries name an invoice the Invoices table lacks. */
  InvoiceNotInRegister: (invoiceNo: string): string =>
    `${invoiceNo} is not in the Invoices table; restore its Invoices row (the registers are the ledger of what was billed), or ${START_OVER}`,
  /** An issued invoice's sheet was deleted. */
  InvoiceSheetGone: (invoiceNo: string, sheet: string): string =>
    `The sheet of invoice ${invoiceNo} is gone; an issued invoice stays in the workbook, so restore the sheet ${sheet} (from a copy of the workbook), or ${START_OVER}`,
  /** An issued invoice has no InvoiceLines rows (the table itself may be gone). */
  InvoiceLinesGone: (invoiceNo: string, isTableGone: boolean): string =>
    `InvoiceLines holds no row of invoice ${invoiceNo}; restore its rows${isTableGone ? ' (the InvoiceLines table is gone)' : ''}: the registers are the ledger of what was billed, or ${START_OVER}`,
  /** A mark table lost its InvoiceNo column while the registers show rows of it billed. */
  MarkColumnGone: (table: string, thing: MarkedThing, count: number, first: { rowId: string; invoiceNo: string }): string =>
    `Table ${table} has no InvoiceNo column, but the registers show ${count === 1 ? `one of its ${PLURAL[thing]}` : `${count} of its ${PLURAL[thing]}`} billed (${first.rowId} on ${first.invoiceNo}); restore the InvoiceNo column with its marks, or ${START_OVER}`,
  /** A billed row's InvoiceNo is blank. */
  MarkBlank: (thing: MarkedThing, billed: RegisterCell): string =>
    thing === 'entry'
      ? `InvoiceNo is blank but ${billed.invoiceNo} billed it (${billed.cell}); restore it, or credit ${billed.invoiceNo} to bill the entry again`
      : `InvoiceNo is blank but ${billed.invoiceNo} billed ${thingName(thing)} (${billed.cell}); restore it, or credit ${billed.invoiceNo} to bill ${thingName(thing)} again`,
  /** A covered entry's InvoiceNo (its AgreementId) is blank. */
  CoveredMarkBlank: (covered: RegisterCell): string =>
    `InvoiceNo is blank but agreement ${covered.invoiceNo} covered the entry (${covered.cell}); write ${covered.invoiceNo} back: covered time is settled and is neither covered nor billed again`,
  /** An entry both covered by an agreement and billed on an invoice. */
  CoveredAndBilled: (covered: RegisterCell, billed: RegisterCell): string =>
    `The entry is covered by agreement ${covered.invoiceNo} (${covered.cell}) and billed on ${billed.invoiceNo} (${billed.cell}); credit ${billed.invoiceNo}`,
  /** An entry billed on invoices of two runs. */
  BilledTwice: (a: RegisterCell, b: RegisterCell): string =>
    `The entry is billed on two invoices, ${a.invoiceNo} (${a.cell}) and ${b.invoiceNo} (${b.cell}); credit the later one`,
  /** An entry's mark names an issued invoice that does not list it, while another one billed it. */
  MarkNamesOtherInvoice: (mark: string, billed: RegisterCell): string =>
    `InvoiceNo ${mark} does not list the entry, but ${billed.invoiceNo} billed it (${billed.cell}); write ${billed.invoiceNo} back`,
};

function thingName(thing: Exclude<MarkedThing, 'entry'>): string {
  return thing === 'prepaid block' ? 'the prepaid block' : `this ${thing}`;
}

export type LedgerReasonCode = keyof typeof ledgerSentences;
export type LedgerFacts<C extends LedgerReasonCode> = Parameters<(typeof ledgerSentences)[C]>;

/** The input issue code each reason is reported under. */
export const LEDGER_ISSUE_CODE: Record<LedgerReasonCode, IssueCode> = {
  EntryListLost: 'INCONSISTENT',
  InvoiceNotInRegister: 'INCONSISTENT',
  InvoiceSheetGone: 'INCONSISTENT',
  InvoiceLinesGone: 'INCONSISTENT',
  MarkColumnGone: 'MISSING_COLUMN',
  MarkBlank: 'INCONSISTENT',
  CoveredMarkBlank: 'INCONSISTENT',
  CoveredAndBilled: 'INCONSISTENT',
  BilledTwice: 'INCONSISTENT',
  MarkNamesOtherInvoice: 'INCONSISTENT',
};

/** The issue code and sentence of one reason code. */
export function ledgerIssue<C extends LedgerReasonCode>(reason: C, ...facts: LedgerFacts<C>): IssueSentence {
  const message = (ledgerSentences[reason] as (...args: LedgerFacts<C>) => string)(...facts);
  return { code: LEDGER_ISSUE_CODE[reason], message };
}
