import type { Customer, CustomerKey } from './model';
import { eInvoiceFormatWords, invoiceLanguageWords } from './enumWords';
import { IdIndex } from './idIndex';
import { sentences } from './issueCatalogue';
import { keyOf, type TableReader } from './tableReader';

/**
 * Customers (optional): `Customer` (the name Orders and Agreements use), `LegalName`,
 * `Address` (lines in one cell), `Country` (ISO 3166 code), `VatId`, `Email`,
 * `PaymentTermsDays`, `BuyerReference`, `Language` (`en`, `de`), `EInvoiceFormat` (blank:
 * Settings). A customer without a row bills under its name alone, so Orders and Agreements
 * are not checked against this table.
 */
export function readCustomers(reader: TableReader | undefined): Customer[] {
  if (!reader) return [];
  const cCustomer = reader.column('Customer', true);
  const cLegalName = reader.column('LegalName');
  const cAddress = reader.column('Address');
  const cCountry = reader.column('Country');
  const cVatId = reader.column('VatId');
  const cEmail = reader.column('Email');
  const cTerms = reader.column('PaymentTermsDays');
  const cReference = reader.column('BuyerReference');
  const cLanguage = reader.column('Language');
  const cFormat = reader.column('EInvoiceFormat');
  const seen = new IdIndex(reader.rowCount);
  return reader.readRows<Customer>((row, r) => {
    const id = reader.rowIdentity(row, r, cCustomer, seen);
    const country = reader.text(row, r, cCountry);
    if (country !== undefined && !/^[A-Za-z]{2}$/.test(country)) reader.report(sentences.badCountry(country), r, cCountry, country);
    const customer = {
      legalName: reader.text(row, r, cLegalName),
      address: reader.text(row, r, cAddress),
      country: country?.toUpperCase(),
      vatId: reader.text(row, r, cVatId),
      email: reader.text(row, r, cEmail),
      paymentTermsDays: reader.integer(row, r, cTerms, false, 'notNegative'),
      buyerReference: reader.text(row, r, cReference),
      language: reader.enumeration(row, r, cLanguage, invoiceLanguageWords),
      eInvoiceFormat: reader.enumeration(row, r, cFormat, eInvoiceFormatWords),
    };
    if (id === undefined) return undefined;
    return { key: keyOf<CustomerKey>(id), id, ...customer, source: reader.source(r) };
  });
}
