/**
 * What every placeholder of an invoice template stands for on one invoice
 * (docs/invoice-documents.md, "The firm's own template"). A Record over every
 * PlaceholderName, so a placeholder the schema accepts always has a value here.
 */
import type { Day } from '../../core/day';
import type { Decimal } from '../../core/money';
import type { PlaceholderName } from '../../schema/invoicePlaceholders';
import type { Invoice, InvoiceRow, InvoiceSeller } from '../billingResult';
import { invoiceLabels, type InvoiceLabels } from '../invoiceLabels';
import { isoFromDay } from '../../core/day';
import { moneyText } from '../invoiceSheet';

/** One invoice as the placeholders see it; `row` is set while the repeated row is filled. */
export interface PlaceholderContext {
  invoice: Invoice;
  /** The number shown: the invoice's own, or `Preview n` in a preview. */
  invoiceNo: string;
  seller: InvoiceSeller;
  language: 'en' | 'de';
  words: InvoiceLabels;
  row?: InvoiceRow;
}

/** Text for text placeholders, a Day for dates, a Decimal for amounts, hours and rates; undefined when the invoice has none. */
export type PlaceholderValue = string | Day | Decimal | undefined;

export function placeholderContext(invoice: Invoice, invoiceNo: string, seller: InvoiceSeller): PlaceholderContext {
  const language = invoice.buyer?.language ?? 'en';
  return { invoice, invoiceNo, seller, language, words: invoiceLabels(language) };
}

/** The service period as text: one date when it is one day, else `from – to`. */
function periodText({ invoice }: PlaceholderContext): string | undefined {
  const { periodFrom, periodTo } = invoice;
  if (periodFrom === undefined) return undefined;
  return periodTo === undefined || periodTo === periodFrom ? isoFromDay(periodFrom) : `${isoFromDay(periodFrom)} – ${isoFromDay(periodTo)}`;
}

/** The built-in layout's payment sentence: the amount and due date, or how a credit note settles. */
function paymentText({ invoice, language, words }: PlaceholderContext): string {
  if (invoice.kind === 'Credit') return words.creditSettled;
  const due = invoice.dueDate === undefined ? '' : isoFromDay(invoice.dueDate);
  return words.pleasePay(`${moneyText(invoice.gross, language)} ${invoice.currency}`, due);
}

export const PLACEHOLDER_VALUES: Record<PlaceholderName, (c: PlaceholderContext) => PlaceholderValue> = {
  'Invoice.Number': (c) => c.invoiceNo,
  'Invoice.Title': (c) => (c.invoice.kind === 'Credit' ? c.words.creditNote : c.words.invoice),
  'Invoice.Date': (c) => c.invoice.date,
  // A credit note is due on no date (the built-in layout shows none either).
  'Invoice.DueDate': (c) => (c.invoice.kind === 'Credit' ? undefined : c.invoice.dueDate),
  'Invoice.PeriodFrom': (c) => c.invoice.periodFrom,
  'Invoice.PeriodTo': (c) => c.invoice.periodTo ?? c.invoice.periodFrom,
  'Invoice.Period': periodText,
  'Invoice.BuyerReference': (c) => c.invoice.buyer?.buyerReference,
  'Invoice.Source': (c) => c.invoice.source,
  'Invoice.Currency': (c) => c.invoice.currency,
  'Invoice.Kind': (c) => c.invoice.kind,
  'Invoice.CreditedInvoice': (c) => c.invoice.credits?.invoiceNo,
  'Invoice.CreditReason': (c) => c.invoice.credits?.reason,
  'Invoice.PaymentReference': (c) => c.invoiceNo,
  'Invoice.PaymentText': paymentText,
  'Seller.CompanyName': (c) => c.seller.name,
  'Seller.CompanyAddress': (c) => c.seller.address,
  'Seller.CompanyVatId': (c) => c.seller.vatId,
  'Seller.CompanyTaxNumber': (c) => c.seller.taxNumber,
  'Seller.CompanyEmail': (c) => c.seller.email,
  'Seller.CompanyPhone': (c) => c.seller.phone,
  'Seller.BankName': (c) => c.seller.bankName,
  'Seller.Iban': (c) => c.seller.iban,
  'Seller.Bic': (c) => c.seller.bic,
  'Seller.InvoiceFooter': (c) => c.seller.footer,
  'Customer.LegalName': (c) => c.invoice.buyer?.name ?? c.invoice.customer,
  'Customer.Address': (c) => c.invoice.buyer?.address,
  'Customer.Country': (c) => c.invoice.buyer?.country,
  'Customer.VatId': (c) => c.invoice.buyer?.vatId,
  'Customer.Email': (c) => c.invoice.buyer?.email,
  'Customer.BuyerReference': (c) => c.invoice.buyer?.buyerReference,
  'Totals.Net': (c) => c.invoice.net,
  'Totals.TaxRate': (c) => c.invoice.taxRate,
  'Totals.Tax': (c) => c.invoice.tax,
  'Totals.Gross': (c) => c.invoice.gross,
  'Row.Description': (c) => c.row?.description,
  'Row.Quantity': (c) => c.row?.quantity,
  'Row.UnitPrice': (c) => c.row?.unitPrice,
  'Row.Amount': (c) => c.row?.amount,
  'Row.Item': (c) => c.row?.item,
  'Row.Person': (c) => c.row?.person,
};
