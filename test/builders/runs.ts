/**
 * Runs written back, so a test can bill again on the result: the InvoiceNo cells filled and
 * the issued invoices listed, as the next run reads them.
 */
import type { BillingResult, Invoice, InvoiceNoUpdate } from '../../src/engine/billingResult';
import { buildResultTables } from '../../src/engine/resultTables';
import { billAgreements, type AgreementBilling } from '../../src/engine/agreements/billAgreements';
import { numberInvoices } from '../../src/engine/numberInvoices';
import { lineItemKeyOfRef } from '../../src/schema/lineItemRef';
import type { BillingWorkbook, IssuedInvoiceLine } from '../../src/schema/model';
import { Decimal } from '../../src/core/money';
import { day } from './workbook';

/** The book with the run's InvoiceNo cells written and its invoices listed in Invoices. */
function withMarks(book: BillingWorkbook, updates: InvoiceNoUpdate[], invoices: Invoice[]): BillingWorkbook {
  const written = new Map<string, string>();
  for (const update of updates) written.set(update.table + '#' + update.index, update.invoiceNo);
  const fill = <R extends { source: { index: number }; invoiceNo?: string }>(table: string, rows: R[]): R[] =>
    rows.map((row) => {
      const invoiceNo = written.get(table + '#' + row.source.index);
      return invoiceNo === undefined ? row : { ...row, invoiceNo };
    });
  return {
    ...book,
    timeEntries: fill('TimeEntries', book.timeEntries),
    agreements: fill('Agreements', book.agreements),
    additions: fill('AgreementAdditions', book.additions),
    installments: fill('PaymentPlan', book.installments),
    issuedInvoices: [...book.issuedInvoices, ...invoices.map((invoice) => ({ invoiceNo: invoice.invoiceNo, source: invoice.source, kind: invoice.kind }))],
  };
}

/**
 * The book as the next run sees it after this run was written back: InvoiceNo cells filled,
 * the issued invoices listed and the InvoiceLines records read back as the adapter writes
 * them (buildResultTables), LineItem and Amount per record.
 */
export function afterRun(book: BillingWorkbook, result: BillingResult): BillingWorkbook {
  return {
    ...withMarks(book, result.invoiceNoUpdates, result.invoices),
    issuedInvoiceLines: [...book.issuedInvoiceLines, ...invoiceLinesAsWritten(result)],
  };
}

/** The InvoiceLines records of a real run, as the schema reads them back. */
export function invoiceLinesAsWritten(result: BillingResult): IssuedInvoiceLine[] {
  const lines = buildResultTables(result).tables.find((t) => t.name === 'InvoiceLines');
  if (lines === undefined) return [];
  const column = (header: string) => lines.columns.findIndex((c) => c.header === header);
  const [invoiceNo, lineItem, amount] = [column('InvoiceNo'), column('LineItem'), column('Amount')];
  return lines.rows.map((row) => ({
    invoiceNo: String(row[invoiceNo]),
    lineItem: row[lineItem] === null ? undefined : lineItemKeyOfRef(String(row[lineItem])),
    amount: new Decimal(String(row[amount])),
  }));
}

export interface AgreementRun {
  billing: AgreementBilling;
  invoices: Invoice[];
  /** The workbook after the run's InvoiceNo cells are written back. */
  book: BillingWorkbook;
}

/** The agreement part of a real run on `iso`: bill, number the drafts, write InvoiceNo back. */
export function runAgreements(book: BillingWorkbook, iso: string): AgreementRun {
  const billing = billAgreements(book, { billingDate: day(iso), preview: false });
  const numbered = numberInvoices(billing.drafts, book.issuedInvoices, book.settings, false);
  return { billing, invoices: numbered.invoices, book: withMarks(book, [...billing.updates, ...numbered.updates], numbered.invoices) };
}
