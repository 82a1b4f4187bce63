/**
 * The business terms of EN 16931 an issued invoice or credit note carries, independent of
 * the syntax (UBL or CII) that writes them. docs/e-invoices.md has the mapping table.
 */
import type { Day } from '../core/day';
import type { Decimal } from '../core/money';
import type { PostalAddress } from './postalAddress';

/** The syntaxes a customer may ask for (Customers / Settings EInvoiceFormat, None aside). */
export type EInvoiceSyntax = 'UBL' | 'CII' | 'XRechnung-UBL' | 'XRechnung-CII';

/** BT-24 of plain EN 16931 and of the German CIUS XRechnung 3.0. */
export const EN16931_CUSTOMIZATION = 'urn:cen.eu:en16931:2017';
export const XRECHNUNG_CUSTOMIZATION = 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0';
/** BT-23 for XRechnung: the Peppol billing process. */
export const PEPPOL_BILLING_PROCESS = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

export interface Party {
  /** BT-27 / BT-44. */
  name: string;
  /** BG-5 / BG-8. */
  address?: PostalAddress;
  /** BT-40 / BT-55. */
  country?: string;
  /** BT-31 / BT-48. */
  vatId?: string;
  /** BT-32 (seller only): the national tax number. */
  taxNumber?: string;
  /** BT-34 / BT-49: an e-mail address (scheme EM). */
  electronicAddress?: string;
  /** BG-6 (seller only): contact point BT-41, telephone BT-42, e-mail BT-43. */
  contact?: { name?: string; phone?: string; email?: string };
}

export interface Line {
  /** BT-126. */
  id: string;
  /** BT-153. */
  name: string;
  /** BT-155: the Item id. */
  sellerItemId?: string;
  /** BT-129 with its unit BT-130: HUR for hours, C62 for pieces (installments). */
  quantity: Decimal;
  unitCode: 'HUR' | 'C62';
  /** BT-146 and BT-149. */
  price: Decimal;
  baseQuantity?: Decimal;
  /** BT-131. */
  net: Decimal;
  /** BG-26: the dates of the row's time. */
  periodFrom?: Day;
  periodTo?: Day;
}

/** One VAT breakdown (BG-23): the invoice's one rate. */
export interface VatBreakdown {
  /** BT-118: S standard rated, E exempt (a rate of 0). */
  category: 'S' | 'E';
  /** BT-119, in percent. */
  percent: Decimal;
  /** BT-116, BT-117. */
  taxable: Decimal;
  amount: Decimal;
  /** BT-120 (category E). */
  exemptionReason?: string;
}

export interface En16931Invoice {
  syntax: 'UBL' | 'CII';
  /** BT-24. */
  customization: string;
  /** BT-23, XRechnung only. */
  businessProcess?: string;
  /** BT-1, BT-2, BT-3 (380 invoice, 381 credit note). */
  number: string;
  issueDate: Day;
  typeCode: '380' | '381';
  /** BT-5. */
  currency: string;
  /** BT-9 (invoices; a credit note says BT-20 only). */
  dueDate?: Day;
  /** BT-10. */
  buyerReference?: string;
  /** BT-13: the customer's purchase order (Customers BuyerReference). */
  purchaseOrder?: string;
  /** BT-14: the OrderId of an order invoice. */
  salesOrder?: string;
  /** BT-12: the AgreementId of a prepaid or overage invoice. */
  contract?: string;
  /** BT-20. */
  paymentTerms?: string;
  /** BT-22. */
  notes: string[];
  /** BG-3: the invoice a credit note cancels (BT-25). */
  precedingInvoice?: string;
  seller: Party;
  buyer: Party;
  /** BG-14. */
  periodFrom?: Day;
  periodTo?: Day;
  /** BG-16 with BG-17: BT-81 (58 SEPA credit transfer), BT-83 remittance, BT-84 IBAN, BT-86 BIC. */
  payment?: { code: '58'; reference?: string; iban?: string; bic?: string; bankName?: string };
  vat: VatBreakdown;
  /** BG-22: BT-106, BT-109, BT-110, BT-112, BT-115. */
  totals: { lineNet: Decimal; taxExclusive: Decimal; tax: Decimal; taxInclusive: Decimal; payable: Decimal };
  lines: Line[];
}
