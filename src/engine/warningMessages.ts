/**
 * The sentences of a run's warnings (BillingResult.warnings: the run bills, but a finance user
 * should act), one per reason code (docs/billing-engine.md, "Messages"). A reason code picks
 * both the warning's code and its sentence, so they cannot drift apart.
 */
import type { BillingWarning } from './billingResult';
import { isoFromDay, type Day } from '../core/day';
import { exactHours, formatHours } from '../core/money';

/** A list of names for a sentence: `A, B and 3 more`. */
function someNames(names: readonly string[]): string {
  const shown = names.slice(0, 3);
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/** "the invoice of this run lacks" / "all 3 invoices of this run lack". */
function lack(invoices: number): string {
  return invoices === 1 ? 'the invoice of this run lacks' : `all ${invoices} invoices of this run lack`;
}

/** "Customer A has" / "2 customers A, B have". */
function customersHave(customers: readonly string[]): string {
  return customers.length === 1 ? `Customer ${customers[0]} has` : `${customers.length} customers ${someNames(customers)} have`;
}

/** Every reason code of a run's warnings with its sentence. */
export const warningSentences = {
  /** A billed entry changed after billing; `changes` are the phrases of entryChangePhrases. */
  EntryChanged: (entryId: string, invoiceNo: string, changes: readonly string[]): string =>
    `Entry ${entryId} changed after ${invoiceNo} billed it (${changes.join('; ')}); ${invoiceNo} stays as issued: credit it to bill the entry again, corrected`,
  NoSellerName: (invoices: number): string =>
    `Settings CompanyName is blank, so ${lack(invoices)} the seller's name (EU VAT Directive Art. 226(5)); add it to Settings`,
  NoSellerAddress: (invoices: number): string =>
    `Settings CompanyAddress is blank, so ${lack(invoices)} the seller's address (Art. 226(5)); add it to Settings`,
  NoSellerVatId: (invoices: number): string =>
    `Settings CompanyVatId and CompanyTaxNumber are blank, so ${lack(invoices)} the seller's VAT identification number (Art. 226(3)); add one to Settings`,
  UnknownBuyers: (customers: readonly string[]): string =>
    `${customersHave(customers)} no row in the Customers table, so their invoices show the name alone and lack the buyer's address (Art. 226(5)); add them to Customers`,
  BuyersWithoutAddress: (customers: readonly string[]): string =>
    `${customersHave(customers)} no Address in Customers, so their invoices lack the buyer's address (Art. 226(5)); fill it in`,
  /**
   * An e-invoice's business term the workbook leaves blank (src/einvoice): `term` "BG-8 Buyer
   * postal address", `where` the cell or column it would come from, `rule` the EN 16931 rule.
   */
  EInvoiceTermBlank: (term: string, where: string, invoiceNos: readonly string[], rule: string): string =>
    `${term} is blank (${where}), so the e-invoice${invoiceNos.length === 1 ? '' : 's'} ${someNames(invoiceNos)} ${invoiceNos.length === 1 ? 'lacks' : 'lack'} it (${rule}); the rest is written`,
};

export type WarningReasonCode = keyof typeof warningSentences;
export type WarningFacts<C extends WarningReasonCode> = Parameters<(typeof warningSentences)[C]>;

/** The BillingWarning code each reason is reported under. */
export const WARNING_CODE: Record<WarningReasonCode, NonNullable<BillingWarning['code']>> = {
  EntryChanged: 'ENTRY_CHANGED',
  NoSellerName: 'MISSING_INVOICE_FIELD',
  NoSellerAddress: 'MISSING_INVOICE_FIELD',
  NoSellerVatId: 'MISSING_INVOICE_FIELD',
  UnknownBuyers: 'MISSING_INVOICE_FIELD',
  BuyersWithoutAddress: 'MISSING_INVOICE_FIELD',
  EInvoiceTermBlank: 'MISSING_INVOICE_FIELD',
};

/** A warning of one reason code: its code and its sentence. */
export function runWarning<C extends WarningReasonCode>(reason: C, ...facts: WarningFacts<C>): BillingWarning {
  const message = (warningSentences[reason] as (...args: WarningFacts<C>) => string)(...facts);
  return { code: WARNING_CODE[reason], message };
}

/** How an EntryChanged warning says what changed, one phrase per column. */
export const entryChangePhrases = {
  /** "Hours 1.50 became 2.50", as every message writes hours; to four places when two would read alike. */
  Hours: (before: number, after: number): string =>
    formatHours(before) !== formatHours(after)
      ? `Hours ${formatHours(before)} became ${formatHours(after)}`
      : `Hours ${exactHours(before).toDecimalPlaces(4).toString()} became ${exactHours(after).toDecimalPlaces(4).toString()}`,
  Date: (before: Day, after: Day): string => `Date ${isoFromDay(before)} became ${isoFromDay(after)}`,
  NodeId: (before: string | undefined, after: string | undefined): string => `NodeId ${before?.trim() || 'blank'} became ${after?.trim() || 'blank'}`,
  Billable: (): string => 'Billable became FALSE',
};
