/**
 * Entries changed after they were billed (docs/billing-rules.md section 8): an invoice is never edited,
 * so a billed entry whose hours, date, node or billable flag no longer match what its invoice
 * billed stays billed as it was, and the run warns, naming the invoice to credit. The billed
 * facts come from InvoiceEntries (recorded time, date, node per entry); in a workbook billed
 * before InvoiceEntries existed only the billable flag can be compared.
 */
import type { BillingWorkbook, IssuedInvoiceEntry, TimeEntry } from '../../schema/model';
import type { BillingWarning } from '../billingResult';
import { entryChangePhrases, runWarning } from '../warningMessages';
import { idKeyOrBlank } from '../../core/idKey';
import { CellNames, isCredited } from './reconcileLedger';

/** What changed since `billed`, as phrases, with the column of the first change. */
function changes(entry: TimeEntry, billed: IssuedInvoiceEntry | undefined): { column: string; phrases: string[] } {
  const phrases: string[] = [];
  let column = '';
  const changed = (col: string, phrase: string) => {
    if (column === '') column = col;
    phrases.push(phrase);
  };
  if (billed !== undefined) {
    if (billed.recordedSeconds !== undefined && billed.recordedSeconds !== entry.seconds) {
      changed('Hours', entryChangePhrases.Hours(billed.recordedSeconds, entry.seconds));
    }
    if (billed.date !== undefined && billed.date !== entry.date) changed('Date', entryChangePhrases.Date(billed.date, entry.date));
    if (billed.date !== undefined && idKeyOrBlank(billed.nodeId) !== idKeyOrBlank(entry.nodeId)) {
      changed('NodeId', entryChangePhrases.NodeId(billed.nodeId, entry.nodeId));
    }
  }
  if (!entry.billable) changed('Billable', entryChangePhrases.Billable());
  return { column, phrases };
}

export function changedAfterBilling(book: BillingWorkbook): BillingWarning[] {
  if (book.issuedInvoices.length === 0) return [];
  const invoices = new Map(book.issuedInvoices.map((i) => [idKeyOrBlank(i.invoiceNo), i] as const));
  const billed = new Map<string, IssuedInvoiceEntry>();
  for (const e of book.issuedInvoiceEntries ?? []) {
    const key = idKeyOrBlank(e.entryId);
    if (e.row !== undefined && !billed.has(key) && !isCredited(invoices.get(idKeyOrBlank(e.invoiceNo)))) billed.set(key, e);
  }
  const names = new CellNames(book.places);
  const warnings: BillingWarning[] = [];
  for (const entry of book.timeEntries) {
    if (entry.invoiceNo === undefined) continue;
    const mark = idKeyOrBlank(entry.invoiceNo);
    const invoice = invoices.get(mark);
    // Only time an invoice of the registers billed: covered time and older marks have nothing to compare.
    if (invoice === undefined || isCredited(invoice)) continue;
    const record = billed.get(idKeyOrBlank(entry.id));
    const { column, phrases } = changes(entry, record);
    if (phrases.length === 0) continue;
    const invoiceNo = invoice.invoiceNo.trim();
    const { code, message } = runWarning('EntryChanged', entry.id, invoiceNo, phrases);
    warnings.push({
      code,
      entryId: entry.id,
      invoiceNo,
      cell: names.place('TimeEntries') === undefined ? undefined : names.cell('TimeEntries', column, entry.source),
      message,
    });
  }
  return warnings;
}
