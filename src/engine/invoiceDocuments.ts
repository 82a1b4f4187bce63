/**
 * What makes an invoice a document a customer can receive (docs/invoice-documents.md): the
 * seller from Settings, the buyer from Customers, the service period, the due date, and
 * the run's warnings for fields the law requires that the workbook leaves blank.
 */
import type { BillingWorkbook, Customer, EInvoiceFormat, Settings } from '../schema/model';
import type { BillingWarning, InvoiceBuyer, InvoiceSeller } from './billingResult';
import type { Day } from '../core/day';
import type { DraftInvoice } from './draftInvoice';
import { idKey } from '../core/idKey';
import { runWarning } from './warningMessages';

export const DEFAULT_PAYMENT_TERMS_DAYS = 14;

/** The seller block and payment instructions, from Settings. */
export function invoiceSeller(settings: Settings): InvoiceSeller {
  return {
    name: settings.companyName,
    address: settings.companyAddress,
    vatId: settings.companyVatId,
    taxNumber: settings.companyTaxNumber,
    email: settings.companyEmail,
    phone: settings.companyPhone,
    bankName: settings.bankName,
    iban: settings.iban,
    bic: settings.bic,
    footer: settings.invoiceFooter,
  };
}


/** The Customers rows by the name Orders and Agreements use. */
export function customerIndex(book: Pick<BillingWorkbook, 'customers'>): Map<string, Customer> {
  return new Map((book.customers ?? []).map((c) => [c.key as string, c]));
}

export function invoiceBuyer(customer: string, row: Customer | undefined): InvoiceBuyer {
  if (row === undefined) return { name: customer, language: 'en', isKnown: false };
  return {
    name: row.legalName ?? row.id,
    address: row.address,
    country: row.country,
    vatId: row.vatId,
    email: row.email,
    buyerReference: row.buyerReference,
    language: row.language ?? 'en',
    isKnown: true,
  };
}

export function dueDateOf(date: Day, settings: Pick<Settings, 'paymentTermsDays'>, row: Customer | undefined): Day {
  return date + (row?.paymentTermsDays ?? settings.paymentTermsDays ?? DEFAULT_PAYMENT_TERMS_DAYS);
}

/**
 * The dates the invoice's supply happened on: its billed time's dates, else what its
 * `settles` targets are dated (a block's start, an addition's date, an installment's due
 * date), else the invoice date.
 */
function servicePeriod(book: BillingWorkbook, draft: DraftInvoice): { periodFrom: Day; periodTo: Day } {
  let from = Infinity;
  let to = -Infinity;
  const see = (day: Day | undefined) => {
    if (day === undefined) return;
    if (day < from) from = day;
    if (day > to) to = day;
  };
  // The billed time's dates: the invoice's EntryLedger (one record per row and entry).
  const dates = draft.entryLedger?.dates;
  if (dates !== undefined) for (let i = 0; i < dates.length; i++) see(dates[i]);
  for (const target of draft.settles) {
    if (target.table === 'Agreements') see(book.agreements.find((a) => a.source.index === target.index)?.start);
    else if (target.table === 'AgreementAdditions') see(book.additions.find((a) => a.source.index === target.index)?.date);
    else if (target.table === 'PaymentPlan') see(book.installments.find((i) => i.source.index === target.index)?.dueDate);
  }
  if (from === Infinity) return { periodFrom: draft.date, periodTo: draft.date };
  return { periodFrom: from, periodTo: to };
}

/** The e-invoice syntax of a customer's invoices: its own EInvoiceFormat, else Settings; undefined for None. */
export function eInvoiceFormatOf(settings: Pick<Settings, 'eInvoiceFormat'>, row: Customer | undefined): Exclude<EInvoiceFormat, 'None'> | undefined {
  const format = row?.eInvoiceFormat ?? settings.eInvoiceFormat ?? 'None';
  return format === 'None' ? undefined : format;
}

/** The file an invoice's e-invoice is written to (`INV-00009.xml`), as the Invoices EInvoice column names it. */
export function eInvoiceFileName(invoiceNo: string): string {
  return `${invoiceNo.trim().replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-')}.xml`;
}

/** Each draft with its service period, due date, buyer and e-invoice syntax. */
export function describeDrafts(book: BillingWorkbook, drafts: DraftInvoice[]): DraftInvoice[] {
  const customers = customerIndex(book);
  return drafts.map((draft) => {
    const row = customers.get(idKey(draft.customer));
    const eInvoiceFormat = eInvoiceFormatOf(book.settings, row);
    return {
      ...draft, ...servicePeriod(book, draft), dueDate: dueDateOf(draft.date, book.settings, row), buyer: invoiceBuyer(draft.customer, row),
      ...(eInvoiceFormat === undefined ? {} : { eInvoiceFormat }),
    };
  });
}

/**
 * Fields the EU VAT Directive (2006/112/EC, Art. 226) requires on every invoice that the
 * workbook leaves blank, once per run and field: the seller's name, address and VAT id (or,
 * in Germany, tax number), the buyer's name and address. Payment details are not required
 * by law and are not warned about.
 */
export function missingInvoiceFields(settings: Settings, invoices: readonly { customer: string; buyer?: InvoiceBuyer }[]): BillingWarning[] {
  if (invoices.length === 0) return [];
  const warnings: BillingWarning[] = [];
  if (settings.companyName === undefined) warnings.push(runWarning('NoSellerName', invoices.length));
  if (settings.companyAddress === undefined) warnings.push(runWarning('NoSellerAddress', invoices.length));
  if (settings.companyVatId === undefined && settings.companyTaxNumber === undefined) warnings.push(runWarning('NoSellerVatId', invoices.length));
  const seen = new Set<string>();
  const unknown: string[] = [];
  const noAddress: string[] = [];
  for (const invoice of invoices) {
    const key = idKey(invoice.customer);
    if (seen.has(key)) continue;
    seen.add(key);
    if (invoice.buyer === undefined || !invoice.buyer.isKnown) unknown.push(invoice.customer);
    else if (invoice.buyer.address === undefined) noAddress.push(invoice.customer);
  }
  if (unknown.length > 0) warnings.push(runWarning('UnknownBuyers', unknown));
  if (noAddress.length > 0) warnings.push(runWarning('BuyersWithoutAddress', noAddress));
  return warnings;
}
