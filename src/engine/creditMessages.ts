/**
 * Why a credit note is refused (creditInvoice.ts), one sentence per reason code
 * (docs/billing-engine.md, "Messages"): each names the invoice and what to do instead.
 */
export const creditRefusalSentences = {
  /** No Invoices row has that number (or the row was not read from the workbook). */
  NotIssued: (invoiceNo: string): string => `${invoiceNo} is not in the Invoices table; name an issued invoice.`,
  IsCreditNote: (invoiceNo: string): string => `${invoiceNo} is a credit note itself; a credit note is not credited.`,
  AlreadyCredited: (invoiceNo: string, status: string): string => `${invoiceNo} is credited already (Invoices Status ${status}).`,
  NoLines: (invoiceNo: string): string =>
    `InvoiceLines holds no row of ${invoiceNo}, so there is nothing to credit; a credit note repeats the invoice's rows.`,
  /** The credit note's date lies before a later invoice's (without allowBackdate). */
  Backdated: (laterInvoiceNo: string): string =>
    `The credit note would be dated before ${laterInvoiceNo}; date it on or after that invoice's date.`,
};

export type CreditRefusal = keyof typeof creditRefusalSentences;
export type CreditRefusalFacts<C extends CreditRefusal> = Parameters<(typeof creditRefusalSentences)[C]>;

/** The sentence of one reason code. */
export function creditRefusalMessage<C extends CreditRefusal>(code: C, ...facts: CreditRefusalFacts<C>): string {
  return (creditRefusalSentences[code] as (...args: CreditRefusalFacts<C>) => string)(...facts);
}
