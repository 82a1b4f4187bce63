/**
 * EN 16931 in UBL 2.1: an `Invoice` (380) or a `CreditNote` (381), elements in the order
 * the UBL schema gives them.
 */
import { isoFromDay } from '../core/day';
import type { Decimal } from '../core/money';
import type { En16931Invoice, Line, Party } from './en16931Invoice';
import { xmlDocument, type XmlNode } from './xmlTree';

const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
const INVOICE = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const CREDIT_NOTE = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';

export const amountText = (d: Decimal) => d.toFixed(2);
export const numberText = (d: Decimal) => d.toFixed();

function taxScheme(parent: XmlNode, id: string): void {
  parent.add('cac:TaxScheme').add('cbc:ID', id);
}

function party(parent: XmlNode, p: Party, isSeller: boolean): void {
  const node = parent.add('cac:Party');
  node.opt('cbc:EndpointID', p.electronicAddress, { schemeID: 'EM' });
  node.add('cac:PartyName').add('cbc:Name', p.name);
  const address = node.add('cac:PostalAddress');
  address.opt('cbc:StreetName', p.address?.street);
  address.opt('cbc:AdditionalStreetName', p.address?.additional);
  address.opt('cbc:CityName', p.address?.city);
  address.opt('cbc:PostalZone', p.address?.postcode);
  if (p.address?.third !== undefined) address.add('cac:AddressLine').add('cbc:Line', p.address.third);
  if (p.country !== undefined) address.add('cac:Country').add('cbc:IdentificationCode', p.country);
  if (p.vatId !== undefined) {
    const scheme = node.add('cac:PartyTaxScheme');
    scheme.add('cbc:CompanyID', p.vatId);
    taxScheme(scheme, 'VAT');
  }
  if (isSeller && p.taxNumber !== undefined) {
    const scheme = node.add('cac:PartyTaxScheme');
    scheme.add('cbc:CompanyID', p.taxNumber);
    taxScheme(scheme, 'FC');
  }
  node.add('cac:PartyLegalEntity').add('cbc:RegistrationName', p.name);
  const c = p.contact;
  if (c !== undefined && (c.name ?? c.phone ?? c.email) !== undefined) {
    const contact = node.add('cac:Contact');
    contact.opt('cbc:Name', c.name);
    contact.opt('cbc:Telephone', c.phone);
    contact.opt('cbc:ElectronicMail', c.email);
  }
}

function period(parent: XmlNode, from: number | undefined, to: number | undefined): void {
  if (from === undefined && to === undefined) return;
  const node = parent.add('cac:InvoicePeriod');
  if (from !== undefined) node.add('cbc:StartDate', isoFromDay(from));
  if (to !== undefined) node.add('cbc:EndDate', isoFromDay(to));
}

function taxCategory(parent: XmlNode, name: string, doc: En16931Invoice): void {
  const node = parent.add(name);
  node.add('cbc:ID', doc.vat.category);
  node.add('cbc:Percent', numberText(doc.vat.percent));
  if (name === 'cac:TaxCategory') node.opt('cbc:TaxExemptionReason', doc.vat.exemptionReason);
  taxScheme(node, 'VAT');
}

function invoiceLine(parent: XmlNode, doc: En16931Invoice, l: Line, credit: boolean): void {
  const money = { currencyID: doc.currency };
  const node = parent.add(credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine');
  node.add('cbc:ID', l.id);
  node.add(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', numberText(l.quantity), { unitCode: l.unitCode });
  node.add('cbc:LineExtensionAmount', amountText(l.net), money);
  period(node, l.periodFrom, l.periodTo);
  const item = node.add('cac:Item');
  item.add('cbc:Name', l.name);
  if (l.sellerItemId !== undefined) item.add('cac:SellersItemIdentification').add('cbc:ID', l.sellerItemId);
  taxCategory(item, 'cac:ClassifiedTaxCategory', doc);
  const price = node.add('cac:Price');
  price.add('cbc:PriceAmount', numberText(l.price), money);
  if (l.baseQuantity !== undefined) price.add('cbc:BaseQuantity', numberText(l.baseQuantity), { unitCode: l.unitCode });
}

export function writeUbl(doc: En16931Invoice): string {
  const credit = doc.typeCode === '381';
  const { root, end } = xmlDocument(credit ? 'CreditNote' : 'Invoice', { '': credit ? CREDIT_NOTE : INVOICE, cac: CAC, cbc: CBC });
  const money = { currencyID: doc.currency };
  root.add('cbc:CustomizationID', doc.customization);
  root.opt('cbc:ProfileID', doc.businessProcess);
  root.add('cbc:ID', doc.number);
  root.add('cbc:IssueDate', isoFromDay(doc.issueDate));
  if (!credit && doc.dueDate !== undefined) root.add('cbc:DueDate', isoFromDay(doc.dueDate));
  root.add(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', doc.typeCode);
  for (const note of doc.notes) root.add('cbc:Note', note);
  root.add('cbc:DocumentCurrencyCode', doc.currency);
  root.opt('cbc:BuyerReference', doc.buyerReference);
  period(root, doc.periodFrom, doc.periodTo);
  if (doc.purchaseOrder !== undefined || doc.salesOrder !== undefined) {
    // UBL needs the order reference's ID: NA when only the seller's order is known (as Peppol writes it).
    const order = root.add('cac:OrderReference');
    order.add('cbc:ID', doc.purchaseOrder ?? 'NA');
    order.opt('cbc:SalesOrderID', doc.salesOrder);
  }
  if (doc.precedingInvoice !== undefined) root.add('cac:BillingReference').add('cac:InvoiceDocumentReference').add('cbc:ID', doc.precedingInvoice);
  if (doc.contract !== undefined) root.add('cac:ContractDocumentReference').add('cbc:ID', doc.contract);
  party(root.add('cac:AccountingSupplierParty'), doc.seller, true);
  party(root.add('cac:AccountingCustomerParty'), doc.buyer, false);
  if (doc.payment !== undefined) {
    const means = root.add('cac:PaymentMeans');
    means.add('cbc:PaymentMeansCode', doc.payment.code);
    means.opt('cbc:PaymentID', doc.payment.reference);
    if (doc.payment.iban !== undefined) {
      const account = means.add('cac:PayeeFinancialAccount');
      account.add('cbc:ID', doc.payment.iban);
      account.opt('cbc:Name', doc.payment.bankName);
      if (doc.payment.bic !== undefined) account.add('cac:FinancialInstitutionBranch').add('cbc:ID', doc.payment.bic);
    }
  }
  if (doc.paymentTerms !== undefined) root.add('cac:PaymentTerms').add('cbc:Note', doc.paymentTerms);
  const taxTotal = root.add('cac:TaxTotal');
  taxTotal.add('cbc:TaxAmount', amountText(doc.totals.tax), money);
  const subtotal = taxTotal.add('cac:TaxSubtotal');
  subtotal.add('cbc:TaxableAmount', amountText(doc.vat.taxable), money);
  subtotal.add('cbc:TaxAmount', amountText(doc.vat.amount), money);
  taxCategory(subtotal, 'cac:TaxCategory', doc);
  const totals = root.add('cac:LegalMonetaryTotal');
  totals.add('cbc:LineExtensionAmount', amountText(doc.totals.lineNet), money);
  totals.add('cbc:TaxExclusiveAmount', amountText(doc.totals.taxExclusive), money);
  totals.add('cbc:TaxInclusiveAmount', amountText(doc.totals.taxInclusive), money);
  totals.add('cbc:PayableAmount', amountText(doc.totals.payable), money);
  for (const l of doc.lines) invoiceLine(root, doc, l, credit);
  return end();
}
