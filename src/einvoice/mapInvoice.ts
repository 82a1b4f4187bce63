/**
 * An issued invoice or credit note of the engine, as the business terms of EN 16931
 * (docs/e-invoices.md, "Mapping"), and the terms the workbook leaves blank, each with the
 * cell it would come from.
 */
import type { Invoice, InvoiceRow, InvoiceSeller } from '../engine/billingResult';
import { isoFromDay } from '../core/day';
import { Decimal } from '../core/money';
import { customerIndex } from '../engine/invoiceDocuments';
import type { BillingWorkbook, Customer, TablePlace } from '../schema/model';
import { cellAddress } from '../schema/rawTable';
import {
  EN16931_CUSTOMIZATION, PEPPOL_BILLING_PROCESS, XRECHNUNG_CUSTOMIZATION,
  type EInvoiceSyntax, type En16931Invoice, type Line, type Party,
} from './en16931Invoice';
import { exactLine } from './exactLine';
import { parsePostalAddress } from './postalAddress';
import { idKey } from '../core/idKey';

/** A business term the workbook leaves blank: the term, where it would come from, and the rule that asks for it. */
export interface MissingTerm {
  /** `BT-31 Seller VAT identifier`. */
  term: string;
  /** `Settings CompanyVatId`, `Customers!E7`, or a sentence for a row that does not exist. */
  cell: string;
  /** `EN 16931 BR-11`, `XRechnung BR-DE-15`. */
  rule: string;
}

/** What the mapping reads from the workbook besides the invoice. */
export interface MappingContext {
  customers: Map<string, Customer>;
  customersPlace?: TablePlace;
  /** OrderIds whose invoices hold installments (BillingMode PaymentPlan): their lines are pieces, not hours. */
  paymentPlanOrders: Set<string>;
}

export function mappingContext(book: BillingWorkbook): MappingContext {
  return {
    customers: customerIndex(book),
    customersPlace: book.places?.Customers,
    paymentPlanOrders: new Set(book.orders.filter((o) => o.billingMode === 'PaymentPlan').map((o) => o.key as string)),
  };
}

/** BT-120 of an invoice taxed at 0 %: the workbook has no exemption reason, so the plain words. */
export const EXEMPTION_REASON = 'Exempt from VAT';


/** The country a VAT id starts with (Greece writes EL). */
function countryOfVatId(vatId: string | undefined): string | undefined {
  const prefix = /^([A-Za-z]{2})/.exec(vatId?.trim() ?? '')?.[1]?.toUpperCase();
  return prefix === 'EL' ? 'GR' : prefix;
}

/** The Customers cell of a field, or where it would be. */
function customerCell(context: MappingContext, name: string, row: Customer | undefined, column: string): string {
  const place = context.customersPlace;
  if (row === undefined || place === undefined) return `Customers ${column} of a row for ${name} (the customer has none)`;
  const at = place.columns[column] ?? place.width;
  return cellAddress(place.sheet, row.source.sheetRow, place.firstColumn + at);
}

function sellerParty(seller: InvoiceSeller): Party {
  const address = parsePostalAddress(seller.address);
  return {
    name: seller.name ?? '',
    address,
    country: countryOfVatId(seller.vatId) ?? address?.country,
    vatId: seller.vatId,
    taxNumber: seller.taxNumber,
    electronicAddress: seller.email,
    contact: { name: seller.name, phone: seller.phone, email: seller.email },
  };
}

function buyerParty(invoice: Invoice, row: Customer | undefined): Party {
  const buyer = invoice.buyer;
  const address = parsePostalAddress(buyer?.address);
  return {
    name: buyer?.name ?? invoice.customer,
    address,
    country: buyer?.country ?? address?.country ?? countryOfVatId(buyer?.vatId ?? row?.vatId),
    vatId: buyer?.vatId,
    electronicAddress: buyer?.email,
  };
}

/** Dates of each row's time, from the invoice's entry ledger. */
function rowPeriods(invoice: Invoice): Map<number, { from: number; to: number }> {
  const periods = new Map<number, { from: number; to: number }>();
  const ledger = invoice.entryLedger;
  if (ledger === undefined) return periods;
  for (let e = 0; e < ledger.rows.length; e++) {
    const row = ledger.rows[e];
    const day = ledger.dates[e];
    const seen = periods.get(row);
    if (seen === undefined) periods.set(row, { from: day, to: day });
    else {
      if (day < seen.from) seen.from = day;
      if (day > seen.to) seen.to = day;
    }
  }
  return periods;
}

function line(row: InvoiceRow, position: number, sign: Decimal, pieces: boolean, period: { from: number; to: number } | undefined): Line {
  const net = row.amount.mul(sign);
  const exact = exactLine(net, row.quantity.mul(sign), row.unitPrice);
  return {
    id: String(position),
    name: row.description === '' ? (row.item ?? `Row ${row.row}`) : row.description,
    sellerItemId: row.item,
    quantity: exact.quantity,
    unitCode: pieces || exact.asOnePiece ? 'C62' : 'HUR',
    price: exact.price,
    baseQuantity: exact.baseQuantity,
    net,
    periodFrom: period?.from,
    periodTo: period?.to,
  };
}

/** BT-20: the payment terms in words, in the invoice's language. */
function paymentTerms(invoice: Invoice, credit: boolean): string | undefined {
  const german = invoice.buyer?.language === 'de';
  if (credit) {
    const original = invoice.credits?.invoiceNo ?? '';
    return german ? `Gutschrift zur Rechnung ${original}` : `Credit note for invoice ${original}`;
  }
  if (invoice.dueDate === undefined) return undefined;
  const due = isoFromDay(invoice.dueDate);
  const days = invoice.dueDate - invoice.date;
  return german ? `Zahlbar innerhalb von ${days} Tagen bis ${due}` : `Payable within ${days} days, by ${due}`;
}

/**
 * The terms of one invoice in the given syntax, and what is missing. A credit note (Kind
 * Credit, amounts negated in the engine) is type 381 with positive amounts, as EN 16931
 * writes credit notes, and names the invoice it cancels (BG-3).
 */
export function mapInvoice(invoice: Invoice, seller: InvoiceSeller, context: MappingContext, syntax: EInvoiceSyntax): { doc: En16931Invoice; missing: MissingTerm[] } {
  const credit = invoice.kind === 'Credit';
  const sign = new Decimal(credit ? -1 : 1);
  const xrechnung = syntax.startsWith('XRechnung');
  const row = context.customers.get(idKey(invoice.customer));
  const periods = rowPeriods(invoice);
  const pieces = context.paymentPlanOrders.has(idKey(invoice.source)) && (invoice.kind === 'Order' || credit);
  const buyerReference = invoice.buyer?.buyerReference;
  const net = invoice.net.mul(sign);
  const tax = invoice.tax.mul(sign);
  const gross = invoice.gross.mul(sign);
  const exempt = invoice.taxRate.isZero();
  const doc: En16931Invoice = {
    syntax: syntax.endsWith('UBL') ? 'UBL' : 'CII',
    customization: xrechnung ? XRECHNUNG_CUSTOMIZATION : EN16931_CUSTOMIZATION,
    businessProcess: xrechnung ? PEPPOL_BILLING_PROCESS : undefined,
    number: invoice.invoiceNo,
    issueDate: invoice.date,
    typeCode: credit ? '381' : '380',
    currency: invoice.currency,
    dueDate: credit ? undefined : invoice.dueDate,
    buyerReference,
    purchaseOrder: buyerReference,
    salesOrder: invoice.kind === 'Order' ? invoice.source : undefined,
    contract: invoice.kind === 'Prepaid' || invoice.kind === 'Overage' ? invoice.source : undefined,
    paymentTerms: paymentTerms(invoice, credit),
    notes: [invoice.credits?.reason, seller.footer].filter((n): n is string => n !== undefined && n !== ''),
    precedingInvoice: invoice.credits?.invoiceNo,
    seller: sellerParty(seller),
    buyer: buyerParty(invoice, row),
    periodFrom: invoice.periodFrom,
    periodTo: invoice.periodTo,
    // A credit note is refunded by the seller: no payment instructions, except where XRechnung
    // asks for a credit transfer group on every document (BR-DE-1, BR-DE-13): the seller's account.
    payment: seller.iban === undefined || (credit && !xrechnung) ? undefined
      : { code: '58', reference: invoice.invoiceNo, iban: seller.iban.replace(/\s+/g, ''), bic: seller.bic, bankName: seller.bankName },
    vat: {
      category: exempt ? 'E' : 'S',
      percent: invoice.taxRate.mul(100),
      taxable: net,
      amount: tax,
      exemptionReason: exempt ? EXEMPTION_REASON : undefined,
    },
    totals: { lineNet: net, taxExclusive: net, tax, taxInclusive: gross, payable: gross },
    lines: invoice.rows.map((r, i) => line(r, i + 1, sign, pieces, periods.get(r.row))),
  };
  return { doc, missing: missingTerms(doc, invoice, seller, context, row, xrechnung) };
}

function missingTerms(doc: En16931Invoice, invoice: Invoice, seller: InvoiceSeller, context: MappingContext, row: Customer | undefined, xrechnung: boolean): MissingTerm[] {
  const missing: MissingTerm[] = [];
  const lack = (term: string, cell: string, rule: string) => missing.push({ term, cell, rule });
  const customer = invoice.customer;
  const buyerCell = (column: string) => customerCell(context, customer, row, column);
  if (seller.name === undefined) lack('BT-27 Seller name', 'Settings CompanyName', 'EN 16931 BR-06');
  if (seller.address === undefined) lack('BG-5 Seller postal address', 'Settings CompanyAddress', 'EN 16931 BR-08');
  if (doc.seller.country === undefined) lack('BT-40 Seller country code', 'Settings CompanyVatId (its country prefix) or a last CompanyAddress line naming the country', 'EN 16931 BR-09');
  if (doc.vat.category === 'S' && seller.vatId === undefined && seller.taxNumber === undefined) {
    lack('BT-31 Seller VAT identifier', 'Settings CompanyVatId', 'EN 16931 BR-S-02');
  }
  if (invoice.buyer?.address === undefined) lack('BG-8 Buyer postal address', buyerCell('Address'), 'EN 16931 BR-10');
  if (doc.buyer.country === undefined) lack('BT-55 Buyer country code', buyerCell('Country'), 'EN 16931 BR-11');
  if (!xrechnung) return missing;
  if (doc.buyerReference === undefined) lack('BT-10 Buyer reference', buyerCell('BuyerReference'), 'XRechnung BR-DE-15');
  if (doc.payment === undefined) lack('BG-16 Payment instructions and BG-17 Credit transfer', 'Settings Iban', 'XRechnung BR-DE-1, BR-DE-13');
  if (doc.seller.address?.city === undefined) lack('BT-37 Seller city', 'Settings CompanyAddress (a line such as "24103 Kiel")', 'XRechnung BR-DE-3');
  if (doc.seller.address?.postcode === undefined) lack('BT-38 Seller post code', 'Settings CompanyAddress (a line such as "24103 Kiel")', 'XRechnung BR-DE-4');
  if (seller.phone === undefined) lack('BT-42 Seller contact telephone number', 'Settings CompanyPhone', 'XRechnung BR-DE-6');
  if (seller.email === undefined) lack('BT-43 Seller contact email address and BT-34 Seller electronic address', 'Settings CompanyEmail', 'XRechnung BR-DE-7');
  if (doc.buyer.address?.city === undefined) lack('BT-52 Buyer city', buyerCell('Address'), 'XRechnung BR-DE-8');
  if (doc.buyer.address?.postcode === undefined) lack('BT-53 Buyer post code', buyerCell('Address'), 'XRechnung BR-DE-9');
  if (doc.buyer.electronicAddress === undefined) lack('BT-49 Buyer electronic address', buyerCell('Email'), 'XRechnung 3.0 (BT-49 mandatory)');
  return missing;
}
