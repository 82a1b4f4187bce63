/**
 * Where numbering continues, and the date it must not go back from (docs/billing-rules.md section 8):
 * the highest number of the current prefix the workbook shows anywhere (the registers, the
 * invoice sheets' names, the InvoiceNo marks), so a lost register row or sheet never lets a
 * number be issued twice; and the latest date of an issued invoice of that prefix.
 */
import type { BillingWorkbook } from '../../schema/model';
import type { Day } from '../../core/day';

/** The sequence of `number` when it is the prefix (any case) followed by digits only. */
export function sequenceOf(number: string | undefined, prefix: string): number | undefined {
  if (number === undefined) return undefined;
  const text = number.trim();
  if (text.length <= prefix.length || text.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return undefined;
  const digits = text.slice(prefix.length);
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

/** Highest sequence of the current prefix among every number the workbook shows; 0 when none. */
export function highestShownSequence(book: BillingWorkbook): number {
  const prefix = book.settings.invoicePrefix;
  let highest = 0;
  const see = (number: string | undefined): void => {
    const sequence = sequenceOf(number, prefix);
    if (sequence !== undefined && sequence > highest) highest = sequence;
  };
  for (const i of book.issuedInvoices) see(i.invoiceNo);
  for (const l of book.issuedInvoiceLines) see(l.invoiceNo);
  for (const e of book.issuedInvoiceEntries ?? []) see(e.invoiceNo);
  for (const sheet of book.sheets ?? []) see(sheet);
  // A million marks name a few thousand invoices, mostly in runs: look at each new text once.
  const entries = book.timeEntries;
  let last: string | undefined;
  for (let i = 0; i < entries.length; i++) {
    const mark = entries[i].invoiceNo;
    if (mark === undefined || mark === last) continue;
    last = mark;
    see(mark);
  }
  for (const a of book.agreements) see(a.invoiceNo);
  for (const a of book.additions) see(a.invoiceNo);
  for (const p of book.installments) see(p.invoiceNo);
  return highest;
}

/** The issued invoice of the current prefix with the latest date (the highest number on that date). */
export function latestIssued(book: BillingWorkbook): { invoiceNo: string; date: Day } | undefined {
  const prefix = book.settings.invoicePrefix;
  let latest: { invoiceNo: string; date: Day; sequence: number } | undefined;
  for (const invoice of book.issuedInvoices) {
    const sequence = sequenceOf(invoice.invoiceNo, prefix);
    if (sequence === undefined || invoice.date === undefined) continue;
    if (latest === undefined || invoice.date > latest.date || (invoice.date === latest.date && sequence > latest.sequence)) {
      latest = { invoiceNo: invoice.invoiceNo.trim(), date: invoice.date, sequence };
    }
  }
  return latest === undefined ? undefined : { invoiceNo: latest.invoiceNo, date: latest.date };
}

/**
 * Dates never go backwards with numbers: the invoice that a run dated `billingDate` would
 * issue after, when that invoice is dated later. Undefined when the date is in order.
 */
export function backdatedAfter(book: BillingWorkbook, billingDate: Day): { invoiceNo: string; date: Day } | undefined {
  const latest = latestIssued(book);
  return latest !== undefined && billingDate < latest.date ? latest : undefined;
}
