/**
 * What one billing run produces. Adapters (the Office.js one and the .xlsx one) write
 * exactly this; they compute nothing themselves.
 */
import type { Decimal } from '../core/money';
import type { Day } from '../core/day';
import type { EInvoiceFormat, InvoiceTemplate, Seconds } from '../schema/model';

/** `Credit`: a credit note, which cancels an issued invoice (docs/billing-rules.md section 8). */
export type InvoiceKind = 'Order' | 'Prepaid' | 'Overage' | 'Credit';

/** The Invoices Status of an invoice a credit note cancelled. */
export const CREDITED_STATUS = 'Credited';

export type ExceptionReason =
  | 'NoLineItem'
  | 'OverLimit'
  | 'UnknownNode'
  | 'UnknownAgreement'
  | 'AgreementInactive'
  | 'ExcludedCategory'
  | 'Overrun'
  | 'OrderBilled';

export interface InvoiceRow {
  /** 1-based position on the invoice. */
  row: number;
  description: string;
  /** Item id, when the row is for one item. */
  item?: string;
  /** Person, when the row is for one person. */
  person?: string;
  /** Hours (two decimals), or 1 for an installment. */
  quantity: Decimal;
  /** Blank when the row's transactions carry different prices. */
  unitPrice?: Decimal;
  /** Exact value of the row's transactions, rounded once half-up to cents. */
  amount: Decimal;
  revenueAccount: string;
  /** OrderId or AgreementId. */
  source: string;
  /** `OrderId/Line` of the line item when the row is for exactly one. */
  lineItem?: string;
  entryIds: string[];
  /**
   * An AsBudgeted row that bills several line items (ByItems, ByGroups, OneRowTotal): what
   * each line item billed. InvoiceLines gets one record per part, so the next run reads what
   * every line item has billed. The parts' amounts add up to the row's amount.
   */
  parts?: InvoiceRowPart[];
}

export interface InvoiceRowPart {
  /** `OrderId/Line`. */
  lineItem: string;
  /** Hours (two decimals). */
  quantity: Decimal;
  unitPrice: Decimal;
  /** Half-up to cents. */
  amount: Decimal;
}

/**
 * What a time invoice billed of each entry, one record per (row, entry), in billing order:
 * the ledger the InvoiceEntries table keeps (docs/billing-engine.md, "The ledger"). Columns,
 * not objects: one invoice may bill a million entries.
 */
export interface EntryLedger {
  /** The invoice row (1-based) that billed the entry. */
  rows: Int32Array;
  entryIds: string[];
  /** Billable seconds of the entry on that row. */
  seconds: Int32Array;
  /** The entry as it was when billed: recorded seconds, date, node. */
  recorded: Int32Array;
  dates: Int32Array;
  nodes: (string | undefined)[];
}

/** Covered time of a run, as columns: agreement, entry, covered seconds, and the entry as it was. */
export interface CoveredEntries {
  agreementIds: string[];
  entryIds: string[];
  seconds: Int32Array;
  recorded: Int32Array;
  dates: Int32Array;
}

export interface Invoice {
  /** Blank in a preview: no numbers are consumed. */
  invoiceNo: string;
  date: Day;
  customer: string;
  /** OrderId or AgreementId. */
  source: string;
  kind: InvoiceKind;
  currency: string;
  taxRate: Decimal;
  rows: InvoiceRow[];
  /** Time invoices: every billed entry with its row and seconds (absent on prepaid, installment and budget invoices). */
  entryLedger?: EntryLedger;
  net: Decimal;
  tax: Decimal;
  gross: Decimal;
  /**
   * Service period (EU VAT Directive Art. 226(7)): first to last date of the billed time; a
   * prepaid block's start, an addition's date, an installment's due date; the invoice date
   * when nothing dates the supply (AsBudgeted progress). Set for every invoice of a run.
   */
  periodFrom?: Day;
  periodTo?: Day;
  /** Invoice date + the customer's PaymentTermsDays, else Settings PaymentTermsDays (14). */
  dueDate?: Day;
  /** Who the invoice is addressed to: the Customers row when there is one, else the name alone. */
  buyer?: InvoiceBuyer;
  /** A credit note: the number of the invoice it cancels, and the reason given. */
  credits?: { invoiceNo: string; reason?: string };
  /**
   * The e-invoice syntax this invoice is also issued in (docs/e-invoices.md): the customer's
   * EInvoiceFormat, else Settings; absent for None.
   */
  eInvoiceFormat?: Exclude<EInvoiceFormat, 'None'>;
}

/** The buyer block of an invoice (docs/invoice-documents.md). */
export interface InvoiceBuyer {
  /** LegalName, else the customer as Orders or Agreements name it. */
  name: string;
  /** Lines in one text. */
  address?: string;
  country?: string;
  vatId?: string;
  email?: string;
  buyerReference?: string;
  /** Words of the invoice: the customer's Language, else `en`. */
  language: 'en' | 'de';
  /** False when the customer has no Customers row. */
  isKnown: boolean;
}

/** The seller block and payment instructions, from Settings, the same on every invoice of a run. */
export interface InvoiceSeller {
  name?: string;
  address?: string;
  vatId?: string;
  taxNumber?: string;
  email?: string;
  phone?: string;
  bankName?: string;
  iban?: string;
  bic?: string;
  footer?: string;
}

export interface BillingException {
  entryId: string;
  date: Day;
  person: string;
  nodeId?: string;
  agreement?: string;
  /** The part of the entry the exception is about (the unbilled rest for OverLimit). */
  seconds: Seconds;
  reason: ExceptionReason;
  message: string;
  /** 0-based row index in TimeEntries, for the fill. */
  entryIndex: number;
}

/** One `InvoiceNo` cell to write back: the table and its 0-based data row index. */
export interface InvoiceNoUpdate {
  table: 'TimeEntries' | 'Agreements' | 'AgreementAdditions' | 'PaymentPlan';
  index: number;
  invoiceNo: string;
}

export interface OrderStatusRow {
  orderId: string;
  customer: string;
  billingMode: string;
  canBill: boolean;
  reason: string;
  progress: Decimal;
  unbilled: Decimal;
  billed: Decimal;
  cost: Decimal;
  margin: Decimal;
  /**
   * Entries this run settled as `No charge`: the order's time was all priced at zero, so no
   * invoice was issued (docs/billing-rules.md section 8). Absent when none.
   */
  noChargeEntries?: number;
}

export interface AgreementSummaryRow {
  agreementId: string;
  customer: string;
  initial: Decimal;
  added: Decimal;
  rolledOver: Decimal;
  used: Decimal;
  remaining: Decimal;
  overrun: Decimal;
  /**
   * Hours as entered of the time under the block (Used + Overrun before billing rounding).
   * Not a column of the AgreementSummary table; the --json summary and PSA.BALANCE report it.
   */
  recorded: Decimal;
  lowBalance: boolean;
  deferredRevenue: Decimal;
  status: string;
}

export interface BillingResult {
  billingDate: Day;
  preview: boolean;
  currency: string;
  invoices: Invoice[];
  exceptions: BillingException[];
  invoiceNoUpdates: InvoiceNoUpdate[];
  /**
   * Time settled under an agreement's block on this run (its InvoiceNo gets the AgreementId):
   * InvoiceEntries keeps it too, with the AgreementId and no row, so a cleared mark is found.
   * Absent in a preview.
   */
  covered?: CoveredEntries;
  orderStatus: OrderStatusRow[];
  agreementSummary: AgreementSummaryRow[];
  /**
   * Entries changed after an invoice billed them (hours, date, node, billable): they stay
   * billed as they were; each names the invoice to credit to bill them again, corrected.
   */
  warnings?: BillingWarning[];
  /** The seller on every invoice of the run (Settings); absent in results made by hand. */
  seller?: InvoiceSeller;
  /** The firm's own invoice layout, when the workbook has one: every invoice sheet is a filled copy of it. */
  invoiceTemplate?: InvoiceTemplate;
}

export interface BillingWarning {
  /**
   * ENTRY_CHANGED: a billed entry changed after billing (entryId and invoiceNo set).
   * MISSING_INVOICE_FIELD: a field the law requires on an invoice is blank (once per run and field).
   */
  code?: 'ENTRY_CHANGED' | 'MISSING_INVOICE_FIELD';
  /** ENTRY_CHANGED: the entry. */
  entryId?: string;
  /** ENTRY_CHANGED: the invoice that billed the entry, to credit. */
  invoiceNo?: string;
  /** The entry's InvoiceNo cell (`TimeEntries!K5`), when known. */
  cell?: string;
  /** One sentence: what changed, and what to do. */
  message: string;
}

export interface BillingOptions {
  billingDate: Day;
  /** Compute everything, number nothing, mark nothing. */
  preview: boolean;
  /** Called now and then on long runs; `done` of `total` in the named phase. */
  onProgress?: (phase: string, done: number, total: number) => void;
}
