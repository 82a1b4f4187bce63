/**
 * The e-invoices of a run (docs/e-invoices.md): for every issued invoice and credit note
 * whose customer asks for one (Customers EInvoiceFormat, else Settings), its EN 16931 XML
 * in that syntax, named as the Invoices EInvoice column names it; and one warning per run
 * for each business term the workbook leaves blank. Pure: the command line writes the
 * files, the task pane offers them for download.
 */
import type { BillingResult, BillingWarning, Invoice, InvoiceSeller } from '../engine/billingResult';
import { eInvoiceFileName } from '../engine/invoiceDocuments';
import { runWarning } from '../engine/warningMessages';
import type { BillingWorkbook } from '../schema/model';
import type { EInvoiceSyntax } from './en16931Invoice';
import { mapInvoice, mappingContext, type MissingTerm } from './mapInvoice';
import { writeCii } from './writeCii';
import { writeUbl } from './writeUbl';

export interface EInvoiceFile {
  invoiceNo: string;
  /** `INV-00009.xml`. */
  name: string;
  syntax: EInvoiceSyntax;
  xml: string;
}

export interface EInvoices {
  files: EInvoiceFile[];
  /** MISSING_INVOICE_FIELD warnings: one per business term and cell, naming the invoices that lack it. */
  warnings: BillingWarning[];
}

export interface EInvoiceOptions {
  /** Every invoice in this syntax, whatever its customer asks for (tests, a one-off export). */
  syntax?: EInvoiceSyntax;
}

function warningsOf(missing: Map<string, { term: MissingTerm; invoices: string[] }>): BillingWarning[] {
  return [...missing.values()].map(({ term, invoices }) => ({
    ...runWarning('EInvoiceTermBlank', term.term, term.cell, invoices, term.rule),
    cell: /^[^ ]+![A-Z]+\d+$/.test(term.cell) ? term.cell : undefined,
  }));
}

/** E-invoices of the given issued invoices (a preview's, unnumbered, get none). */
export function buildEInvoices(invoices: readonly Invoice[], seller: InvoiceSeller | undefined, book: BillingWorkbook, options: EInvoiceOptions = {}): EInvoices {
  const context = mappingContext(book);
  const files: EInvoiceFile[] = [];
  const missing = new Map<string, { term: MissingTerm; invoices: string[] }>();
  for (const invoice of invoices) {
    const syntax = options.syntax ?? invoice.eInvoiceFormat;
    if (syntax === undefined || invoice.invoiceNo === '') continue;
    const { doc, missing: lacks } = mapInvoice(invoice, seller ?? {}, context, syntax);
    files.push({ invoiceNo: invoice.invoiceNo, name: eInvoiceFileName(invoice.invoiceNo), syntax, xml: doc.syntax === 'UBL' ? writeUbl(doc) : writeCii(doc) });
    for (const term of lacks) {
      const key = `${term.term}\u0000${term.cell}`;
      const seen = missing.get(key);
      if (seen === undefined) missing.set(key, { term, invoices: [invoice.invoiceNo] });
      else seen.invoices.push(invoice.invoiceNo);
    }
  }
  return { files, warnings: warningsOf(missing) };
}

/** The e-invoices of a billing run: what the pane offers for download as `{ name, xml }`. */
export function eInvoicesOfRun(result: BillingResult, book: BillingWorkbook, options: EInvoiceOptions = {}): EInvoices {
  if (result.preview) return { files: [], warnings: [] };
  return buildEInvoices(result.invoices, result.seller, book, options);
}
