/**
 * One billing run: workbook in, result out (architecture.md). Each billing part returns
 * drafts, exceptions and direct InvoiceNo updates; one numbering step numbers every
 * part's drafts together (docs/billing-rules.md section 8).
 */
import type { BillingWorkbook } from '../schema/model';
import type { BillingException, BillingOptions, BillingResult, CoveredEntries, InvoiceNoUpdate } from './billingResult';
import type { DraftInvoice } from './draftInvoice';
import { billAgreements, type AgreementBilling } from './agreements/billAgreements';
import { buildOrderInvoices } from './buildOrderInvoices';
import { matchTimeEntries } from './matchTimeEntries';
import { naturalKey } from './naturalOrder';
import { numberInvoices } from './numberInvoices';
import { describeDrafts, invoiceSeller, missingInvoiceFields } from './invoiceDocuments';
import { highestShownSequence } from './ledger/invoiceSequence';
import { changedAfterBilling } from './ledger/changedAfterBilling';
import { orderBillingContext } from './orderBillingGate';
import { orderStatusRows } from './orders/orderStatusRow';

/** What each billing part (orders, agreements) hands to numbering. */
export interface BillingPart {
  drafts: DraftInvoice[];
  exceptions: BillingException[];
  /** InvoiceNo cells settled without an invoice of this run (e.g. covered agreement time). */
  updates: InvoiceNoUpdate[];
}

/** Exceptions of all parts in (Date, EntryId) order; one entry's keep their own order. */
function sortExceptions(exceptions: BillingException[]): BillingException[] {
  const keyed = exceptions.map((exception, i) => ({ exception, i, key: naturalKey(exception.entryId) }));
  keyed.sort((a, b) => a.exception.date - b.exception.date || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || a.i - b.i);
  return keyed.map((k) => k.exception);
}

/** The agreements' covered time as the columns InvoiceEntries is written from. */
function coveredColumns(covered: AgreementBilling['covered']): CoveredEntries | undefined {
  if (covered.entries.length === 0) return undefined;
  return {
    agreementIds: covered.agreementIds,
    entryIds: covered.entries.map((e) => e.id),
    seconds: Int32Array.from(covered.seconds),
    recorded: Int32Array.from(covered.entries, (e) => e.seconds),
    dates: Int32Array.from(covered.entries, (e) => e.date),
  };
}

export function runBilling(book: BillingWorkbook, options: BillingOptions): BillingResult {
  // One view of the tree and one decision per order, for the whole run.
  const context = orderBillingContext(book, options);
  const matched = matchTimeEntries(book, options);
  const orders = buildOrderInvoices(book, matched, options, context);
  const orderPart: BillingPart = { ...orders, exceptions: [...matched.exceptions, ...orders.exceptions] };
  const agreements = billAgreements(book, options);
  const parts: BillingPart[] = [orderPart, agreements];

  const numbered = numberInvoices(
    describeDrafts(book, parts.flatMap((part) => part.drafts)),
    book.issuedInvoices,
    book.settings,
    options.preview,
    highestShownSequence(book),
  );
  const directUpdates = options.preview ? [] : parts.flatMap((part) => part.updates);

  return {
    billingDate: options.billingDate,
    preview: options.preview,
    currency: book.settings.currency,
    invoices: numbered.invoices,
    covered: coveredColumns(agreements.covered),
    exceptions: sortExceptions(parts.flatMap((part) => part.exceptions)),
    invoiceNoUpdates: [...directUpdates, ...numbered.updates],
    orderStatus: orderStatusRows(book, context.decisions, orders.figures, orders.costByOrder),
    agreementSummary: agreements.summary,
    warnings: [...changedAfterBilling(book), ...missingInvoiceFields(book.settings, numbered.invoices)],
    seller: invoiceSeller(book.settings),
    ...(book.invoiceTemplate === undefined ? {} : { invoiceTemplate: book.invoiceTemplate }),
  };
}
