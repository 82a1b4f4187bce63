/**
 * The invoice's own words, per language (Customers Language). German follows the words of
 * German invoices: a credit note cancelling an invoice is a "Stornorechnung" (a "Gutschrift"
 * is, under § 14 UStG, an invoice the buyer issues).
 */
import type { InvoiceKind } from './billingResult';

export interface InvoiceLabels {
  invoice: string;
  creditNote: string;
  creditNoteFor: (invoiceNo: string) => string;
  reason: string;
  invoiceNumber: string;
  invoiceDate: string;
  servicePeriod: string;
  dueDate: string;
  buyerReference: string;
  order: string;
  sourceOf: (kind: InvoiceKind) => string;
  currency: string;
  billTo: string;
  vatId: string;
  taxNumber: string;
  phone: string;
  description: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  net: string;
  tax: string;
  gross: string;
  payment: string;
  pleasePay: (amount: string, dueDate: string) => string;
  creditSettled: string;
  bank: string;
  paymentReference: string;
  /** Excel footer codes: &P the page, &N the number of pages. */
  pageOf: string;
}

const en: InvoiceLabels = {
  invoice: 'Invoice',
  creditNote: 'Credit note',
  creditNoteFor: (invoiceNo) => `Credit note for ${invoiceNo}`,
  reason: 'Reason',
  invoiceNumber: 'Invoice number',
  invoiceDate: 'Invoice date',
  servicePeriod: 'Service period',
  dueDate: 'Due date',
  buyerReference: 'Your reference',
  order: 'Order',
  sourceOf: (kind) => (kind === 'Order' ? 'Order' : kind === 'Credit' ? 'Source' : 'Agreement'),
  currency: 'Currency',
  billTo: 'Bill to',
  vatId: 'VAT ID',
  taxNumber: 'Tax number',
  phone: 'Phone',
  description: 'Description',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  amount: 'Amount',
  net: 'Net',
  tax: 'VAT',
  gross: 'Gross',
  payment: 'Payment',
  pleasePay: (amount, dueDate) => `Please pay ${amount}${dueDate === '' ? '' : ` by ${dueDate}`} to:`,
  creditSettled: 'This credit note cancels the invoice named above; the amount is refunded or set off against open invoices.',
  bank: 'Bank',
  paymentReference: 'Reference',
  pageOf: 'Page &P of &N',
};

const de: InvoiceLabels = {
  invoice: 'Rechnung',
  creditNote: 'Stornorechnung',
  creditNoteFor: (invoiceNo) => `Storno der Rechnung ${invoiceNo}`,
  reason: 'Grund',
  invoiceNumber: 'Rechnungsnummer',
  invoiceDate: 'Rechnungsdatum',
  servicePeriod: 'Leistungszeitraum',
  dueDate: 'Fällig am',
  buyerReference: 'Ihre Referenz',
  order: 'Auftrag',
  sourceOf: (kind) => (kind === 'Order' ? 'Auftrag' : kind === 'Credit' ? 'Bezug' : 'Vertrag'),
  currency: 'Währung',
  billTo: 'Rechnungsempfänger',
  vatId: 'USt-IdNr.',
  taxNumber: 'Steuernummer',
  phone: 'Telefon',
  description: 'Beschreibung',
  quantity: 'Menge',
  unitPrice: 'Einzelpreis',
  amount: 'Betrag',
  net: 'Netto',
  tax: 'USt.',
  gross: 'Brutto',
  payment: 'Zahlung',
  pleasePay: (amount, dueDate) => `Bitte überweisen Sie ${amount}${dueDate === '' ? '' : ` bis ${dueDate}`} an:`,
  creditSettled: 'Diese Stornorechnung hebt die oben genannte Rechnung auf; der Betrag wird erstattet oder mit offenen Rechnungen verrechnet.',
  bank: 'Bank',
  paymentReference: 'Verwendungszweck',
  pageOf: 'Seite &P von &N',
};

export function invoiceLabels(language: 'en' | 'de'): InvoiceLabels {
  return language === 'de' ? de : en;
}
