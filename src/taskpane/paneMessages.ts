/**
 * What the task pane says about a run, a credit or Create project (docs/billing-engine.md,
 * "Messages"): one sentence per reason, `paneMessages.…`. The sentences of input issues,
 * exceptions, refusals and warnings come from their own catalogues and are only shown here;
 * the pane's labels (buttons, headings, hints) stay with their components.
 */
import { isoFromDay, type Day } from '../engine';
import { count } from './format';

/** A run's money as the result sentence names it: `, net 1,000.00 EUR, gross 1,190.00 EUR`, or nothing. */
function moneySaid(totals: { net: string; gross: string } | undefined): string {
  return totals === undefined ? '' : `, net ${totals.net}, gross ${totals.gross}`;
}

/** Every sentence of the pane with its reason. */
export const paneMessages = {
  // Preview and Generate (billingFlow.ts).
  InputErrorsToFix: (issues: number): string => `${count(issues, 'input error')} to fix: nothing is written until every one is fixed.`,
  TablesChangedSincePreview: (): string =>
    'The tables changed since the preview, so nothing was issued. This is a new preview of the tables as they are now: check it, then Generate again.',
  DateChangedSincePreview: (previewDate: Day, billingDate: Day): string =>
    `The billing date changed since the preview (it was ${isoFromDay(previewDate)}), so nothing was issued. This is a new preview as of ${isoFromDay(billingDate)}: check it, then Generate again.`,
  /**
   * Generate dated before the latest issued invoice (docs/billing-rules.md section 8, "Dates in
   * order"): refused before anything is written, as the ribbon refuses it (ribbonMessages.ts).
   */
  Backdated: (billingDate: Day, laterInvoiceNo: string, laterDate: Day): string =>
    `Not billed: ${isoFromDay(billingDate)} is before the last invoice. ${laterInvoiceNo} is dated ${isoFromDay(laterDate)}; new invoices would be numbered after it but dated before it. Bill on or after ${isoFromDay(laterDate)}. Nothing was written.`,
  /** The same date on a preview, which numbers nothing and so is not refused, but says Generate will be. */
  BackdatedPreview: (billingDate: Day, laterInvoiceNo: string, laterDate: Day): string =>
    `Generate invoices will refuse this date: ${isoFromDay(billingDate)} is before the last invoice. ${laterInvoiceNo} is dated ${isoFromDay(laterDate)}; new invoices would be numbered after it but dated before it. Choose ${isoFromDay(laterDate)} or later to issue them.`,
  PreviewDiffers: (): string => 'The invoices to issue differ from the preview although the tables did not change; nothing was written.',
  /** Said after Generate failed while writing (not refused before it), by the pane and the ribbon; docs/excel-addin.md explains. */
  CutOffGenerate: (): string =>
    'If the Invoices register now lists invoices whose time shows no InvoiceNo, read "A run cut off" in the add-in\'s help before billing again.',
  // The result (ResultView.tsx); `totals`: the run's net and gross, per currency, when it has invoices.
  PreviewResult: (billingDate: Day, invoices: number, totals: { net: string; gross: string } | undefined): string =>
    `Preview as of ${isoFromDay(billingDate)}: ${count(invoices, 'invoice')} would be issued${moneySaid(totals)}.`,
  NothingToBill: (billingDate: Day): string => `Nothing to bill as of ${isoFromDay(billingDate)}.`,
  IssuedResult: (billingDate: Day, invoiceNos: readonly string[], totals: { net: string; gross: string } | undefined): string => {
    const n = invoiceNos.length;
    const range = n === 1 ? invoiceNos[0] : `${invoiceNos[0]} to ${invoiceNos[n - 1]}`;
    return `Issued ${count(n, 'invoice')} (${range}) as of ${isoFromDay(billingDate)}${moneySaid(totals)}.`;
  },
  /** `canGenerate`: false when Generate invoices refuses the preview's date (BackdatedPreview says why). */
  PreviewDetail: (inExcel: boolean, canGenerate: boolean): string =>
    (inExcel ? 'Nothing was numbered or marked; the Preview sheets show the same.' : 'Nothing was numbered or marked.')
    + (canGenerate ? ' Generate invoices issues exactly these.' : ''),
  IssuedDetail: (inExcel: boolean): string => inExcel
    ? 'The invoice sheets, Invoices and InvoiceLines hold them, and their time is marked with its invoice number.'
    : 'The workbook in this page now holds them: download it to keep it.',
  // Credit an invoice (creditFlow.ts).
  CreditBlocked: (problems: number): string =>
    `Nothing can be credited while the tables fail the check before billing (${count(problems, 'problem')}: input errors or the ledger check); nothing was written.`,
  TablesUnreadable: (): string => 'The tables could not be read; nothing was written.',
  ChooseInvoice: (): string => 'Choose the invoice to credit.',
  /** `refusal`: the engine's credit refusal (creditMessages.ts). */
  CreditRefused: (refusal: string): string => `${refusal} Nothing was written.`,
  CreditNotIssued: (creditNoteNo: string): string => `Credit note ${creditNoteNo} was not issued; nothing was written.`,
  CreditStopped: (creditNoteNo: string): string => `Writing credit note ${creditNoteNo} stopped.`,
  /** After a credit cut off while writing: the registers go first, the cleared marks last. */
  CutOffCredit: (): string =>
    'Part of it may be written: if Invoices lists the credit note, check its original\'s Status and InvoiceNo marks before billing again (the ledger check names any mark left over).',
  // What confirming a credit writes, one sentence each; `gross` with its currency.
  CreditNoteWritten: (creditNoteNo: string, date: Day, customer: string, originalNo: string, rows: number, gross: string, sheet: string): string =>
    `Credit note ${creditNoteNo} (the next number), dated ${isoFromDay(date)}, for ${customer || 'the same customer'}: `
    + `${originalNo}'s ${count(rows, 'row')} with negative amounts, gross ${gross}, added to Invoices and InvoiceLines and on a new sheet ${sheet}.`,
  OriginalCredited: (originalNo: string): string => `${originalNo} stays as issued; its Status in Invoices becomes Credited.`,
  ReasonPrinted: (reason: string): string => `Reason printed on it: ${reason}`,
  NothingBillableAgain: (originalNo: string): string => `No time entry, agreement or installment names ${originalNo}, so nothing becomes billable again.`,
  /** `released`: what becomes billable again, counted per table (`2 time entries`). */
  BillableAgain: (released: readonly string[]): string => `Billable again by the next Generate invoices, their InvoiceNo cleared: ${released.join(', ')}.`,
  EntriesKeepOtherNumbers: (entries: number): string =>
    `${count(entries, 'time entry', 'time entries')} also billed on another invoice keep${entries === 1 ? 's' : ''} that invoice's number until it is credited too.`,
  // Create project (useCreateProject.ts).
  CreateProjectInputErrors: (issues: number): string =>
    `The tables have ${issues === 1 ? 'an input error' : `${issues} input errors`}: fix them first (Preview lists them with their cells).`,
};
