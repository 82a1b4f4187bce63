/**
 * The columns of the tables the tool writes (the registers, the summaries, the exceptions),
 * headers exactly as the workbook contract spells them, with their number formats. Contract
 * data: the engine lays its results out under them, the schema reads the registers by them.
 */
import { DATE_FORMAT, HOURS_FORMAT, MONEY_FORMAT, PERCENT_FORMAT } from './cellFormats';

export interface OutputColumn {
  /** Header exactly as the contract spells it. */
  header: string;
  /** Excel number format, for money, hours, dates and percents. */
  numFmt?: string;
}

const col = (header: string, numFmt?: string): OutputColumn => (numFmt ? { header, numFmt } : { header });

export const INVOICES_COLUMNS: OutputColumn[] = [
  col('InvoiceNo'), col('Date', DATE_FORMAT), col('Customer'), col('Source'), col('Kind'),
  col('Net', MONEY_FORMAT), col('Tax', MONEY_FORMAT), col('Gross', MONEY_FORMAT), col('Currency'),
  col('DueDate', DATE_FORMAT), col('PeriodFrom', DATE_FORMAT), col('PeriodTo', DATE_FORMAT), col('BuyerReference'), col('Status'),
  col('EInvoice'),
];

export const INVOICE_LINES_COLUMNS: OutputColumn[] = [
  col('InvoiceNo'), col('Row'), col('Description'), col('Item'), col('Person'), col('Quantity', HOURS_FORMAT),
  col('UnitPrice', MONEY_FORMAT), col('Amount', MONEY_FORMAT), col('RevenueAccount'), col('Source'), col('LineItem'),
  col('EntryIds'),
];

/** The ledger of billed time: one row per entry per invoice row (docs/billing-engine.md, "The ledger"). */
export const INVOICE_ENTRIES_COLUMNS: OutputColumn[] = [
  col('InvoiceNo'), col('Row'), col('EntryId'), col('Seconds'), col('RecordedSeconds'), col('Date', DATE_FORMAT), col('NodeId'),
];

export const AGREEMENT_SUMMARY_COLUMNS: OutputColumn[] = [
  col('AgreementId'), col('Customer'), col('Initial', HOURS_FORMAT), col('Added', HOURS_FORMAT),
  col('RolledOver', HOURS_FORMAT), col('Used', HOURS_FORMAT), col('Remaining', HOURS_FORMAT),
  col('Overrun', HOURS_FORMAT), col('LowBalance'), col('DeferredRevenue', MONEY_FORMAT), col('Status'),
];

export const ORDER_STATUS_COLUMNS: OutputColumn[] = [
  col('OrderId'), col('Customer'), col('BillingMode'), col('CanBill'), col('Reason'), col('Progress', PERCENT_FORMAT),
  col('Unbilled', MONEY_FORMAT), col('Billed', MONEY_FORMAT), col('Cost', MONEY_FORMAT), col('Margin', MONEY_FORMAT),
];

export const BILLING_EXCEPTIONS_COLUMNS: OutputColumn[] = [
  col('EntryId'), col('Date', DATE_FORMAT), col('Person'), col('NodeId'), col('Agreement'), col('Hours', HOURS_FORMAT),
  col('Reason'), col('Message'),
];
