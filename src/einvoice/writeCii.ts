/**
 * EN 16931 in UN/CEFACT Cross Industry Invoice D16B: one `CrossIndustryInvoice`, type
 * code 380 or 381, elements in the order the CII schema gives them.
 */
import { isoFromDay } from '../core/day';
import type { En16931Invoice, Line, Party } from './en16931Invoice';
import { amountText, numberText } from './writeUbl';
import { xmlDocument, type XmlNode } from './xmlTree';

const NAMESPACES = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
};

/** A date as CII writes it: format 102, `YYYYMMDD`. */
function date(parent: XmlNode, name: string, day: number): void {
  parent.add(name).add('udt:DateTimeString', isoFromDay(day).replace(/-/g, ''), { format: '102' });
}

function period(parent: XmlNode, from: number | undefined, to: number | undefined): void {
  if (from === undefined && to === undefined) return;
  const node = parent.add('ram:BillingSpecifiedPeriod');
  if (from !== undefined) date(node, 'ram:StartDateTime', from);
  if (to !== undefined) date(node, 'ram:EndDateTime', to);
}

function tradeParty(parent: XmlNode, name: string, p: Party): void {
  const node = parent.add(name);
  node.add('ram:Name', p.name);
  const c = p.contact;
  if (c !== undefined && (c.name ?? c.phone ?? c.email) !== undefined) {
    const contact = node.add('ram:DefinedTradeContact');
    contact.opt('ram:PersonName', c.name);
    if (c.phone !== undefined) contact.add('ram:TelephoneUniversalCommunication').add('ram:CompleteNumber', c.phone);
    if (c.email !== undefined) contact.add('ram:EmailURIUniversalCommunication').add('ram:URIID', c.email);
  }
  const address = node.add('ram:PostalTradeAddress');
  address.opt('ram:PostcodeCode', p.address?.postcode);
  address.opt('ram:LineOne', p.address?.street);
  address.opt('ram:LineTwo', p.address?.additional);
  address.opt('ram:LineThree', p.address?.third);
  address.opt('ram:CityName', p.address?.city);
  address.opt('ram:CountryID', p.country);
  if (p.electronicAddress !== undefined) node.add('ram:URIUniversalCommunication').add('ram:URIID', p.electronicAddress, { schemeID: 'EM' });
  if (p.vatId !== undefined) node.add('ram:SpecifiedTaxRegistration').add('ram:ID', p.vatId, { schemeID: 'VA' });
  if (p.taxNumber !== undefined) node.add('ram:SpecifiedTaxRegistration').add('ram:ID', p.taxNumber, { schemeID: 'FC' });
}

function lineItem(parent: XmlNode, doc: En16931Invoice, l: Line): void {
  const node = parent.add('ram:IncludedSupplyChainTradeLineItem');
  node.add('ram:AssociatedDocumentLineDocument').add('ram:LineID', l.id);
  const product = node.add('ram:SpecifiedTradeProduct');
  product.opt('ram:SellerAssignedID', l.sellerItemId);
  product.add('ram:Name', l.name);
  const price = node.add('ram:SpecifiedLineTradeAgreement').add('ram:NetPriceProductTradePrice');
  price.add('ram:ChargeAmount', numberText(l.price));
  if (l.baseQuantity !== undefined) price.add('ram:BasisQuantity', numberText(l.baseQuantity), { unitCode: l.unitCode });
  node.add('ram:SpecifiedLineTradeDelivery').add('ram:BilledQuantity', numberText(l.quantity), { unitCode: l.unitCode });
  const settlement = node.add('ram:SpecifiedLineTradeSettlement');
  const tax = settlement.add('ram:ApplicableTradeTax');
  tax.add('ram:TypeCode', 'VAT');
  tax.add('ram:CategoryCode', doc.vat.category);
  tax.add('ram:RateApplicablePercent', numberText(doc.vat.percent));
  period(settlement, l.periodFrom, l.periodTo);
  settlement.add('ram:SpecifiedTradeSettlementLineMonetarySummation').add('ram:LineTotalAmount', amountText(l.net));
}

function settlement(parent: XmlNode, doc: En16931Invoice): void {
  const node = parent.add('ram:ApplicableHeaderTradeSettlement');
  node.opt('ram:PaymentReference', doc.payment?.reference);
  node.add('ram:InvoiceCurrencyCode', doc.currency);
  if (doc.payment !== undefined) {
    const means = node.add('ram:SpecifiedTradeSettlementPaymentMeans');
    means.add('ram:TypeCode', doc.payment.code);
    if (doc.payment.iban !== undefined) {
      const account = means.add('ram:PayeePartyCreditorFinancialAccount');
      account.add('ram:IBANID', doc.payment.iban);
      account.opt('ram:AccountName', doc.payment.bankName);
    }
    if (doc.payment.bic !== undefined) means.add('ram:PayeeSpecifiedCreditorFinancialInstitution').add('ram:BICID', doc.payment.bic);
  }
  const tax = node.add('ram:ApplicableTradeTax');
  tax.add('ram:CalculatedAmount', amountText(doc.vat.amount));
  tax.add('ram:TypeCode', 'VAT');
  tax.opt('ram:ExemptionReason', doc.vat.exemptionReason);
  tax.add('ram:BasisAmount', amountText(doc.vat.taxable));
  tax.add('ram:CategoryCode', doc.vat.category);
  tax.add('ram:RateApplicablePercent', numberText(doc.vat.percent));
  period(node, doc.periodFrom, doc.periodTo);
  if (doc.paymentTerms !== undefined || doc.dueDate !== undefined) {
    const terms = node.add('ram:SpecifiedTradePaymentTerms');
    terms.opt('ram:Description', doc.paymentTerms);
    if (doc.dueDate !== undefined) date(terms, 'ram:DueDateDateTime', doc.dueDate);
  }
  const totals = node.add('ram:SpecifiedTradeSettlementHeaderMonetarySummation');
  totals.add('ram:LineTotalAmount', amountText(doc.totals.lineNet));
  totals.add('ram:TaxBasisTotalAmount', amountText(doc.totals.taxExclusive));
  totals.add('ram:TaxTotalAmount', amountText(doc.totals.tax), { currencyID: doc.currency });
  totals.add('ram:GrandTotalAmount', amountText(doc.totals.taxInclusive));
  totals.add('ram:DuePayableAmount', amountText(doc.totals.payable));
  if (doc.precedingInvoice !== undefined) node.add('ram:InvoiceReferencedDocument').add('ram:IssuerAssignedID', doc.precedingInvoice);
}

export function writeCii(doc: En16931Invoice): string {
  const { root, end } = xmlDocument('rsm:CrossIndustryInvoice', NAMESPACES);
  const context = root.add('rsm:ExchangedDocumentContext');
  if (doc.businessProcess !== undefined) context.add('ram:BusinessProcessSpecifiedDocumentContextParameter').add('ram:ID', doc.businessProcess);
  context.add('ram:GuidelineSpecifiedDocumentContextParameter').add('ram:ID', doc.customization);
  const header = root.add('rsm:ExchangedDocument');
  header.add('ram:ID', doc.number);
  header.add('ram:TypeCode', doc.typeCode);
  date(header, 'ram:IssueDateTime', doc.issueDate);
  for (const note of doc.notes) header.add('ram:IncludedNote').add('ram:Content', note);
  const transaction = root.add('rsm:SupplyChainTradeTransaction');
  for (const l of doc.lines) lineItem(transaction, doc, l);
  const agreement = transaction.add('ram:ApplicableHeaderTradeAgreement');
  agreement.opt('ram:BuyerReference', doc.buyerReference);
  tradeParty(agreement, 'ram:SellerTradeParty', doc.seller);
  tradeParty(agreement, 'ram:BuyerTradeParty', doc.buyer);
  if (doc.salesOrder !== undefined) agreement.add('ram:SellerOrderReferencedDocument').add('ram:IssuerAssignedID', doc.salesOrder);
  if (doc.purchaseOrder !== undefined) agreement.add('ram:BuyerOrderReferencedDocument').add('ram:IssuerAssignedID', doc.purchaseOrder);
  if (doc.contract !== undefined) agreement.add('ram:ContractReferencedDocument').add('ram:IssuerAssignedID', doc.contract);
  transaction.add('ram:ApplicableHeaderTradeDelivery');
  settlement(transaction, doc);
  return end();
}
