/**
 * The validated workbook: what the schema layer hands the engine. Every value is
 * already in its working unit: dates as Day serials, durations as whole seconds,
 * money and rates as Decimal, percents as Decimal fractions (1 = 100 %).
 */
import type { Decimal } from '../core/money';
import type { Day } from '../core/day';
import type { CellValue } from './rawTable';
import type { PlaceholderName } from './invoicePlaceholders';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Ids are compared trimmed and case-insensitively: the key is the lower-cased trimmed id. */
export type OrderKey = Brand<string, 'OrderKey'>;
export type NodeKey = Brand<string, 'NodeKey'>;
export type AgreementKey = Brand<string, 'AgreementKey'>;
export type PersonKey = Brand<string, 'PersonKey'>;
export type ItemKey = Brand<string, 'ItemKey'>;
export type CustomerKey = Brand<string, 'CustomerKey'>;
/** `orderkey/line` (lower-cased), the key of a line item reference `OrderId/Line`. */
export type LineItemKey = Brand<string, 'LineItemKey'>;

/** Whole seconds. */
export type Seconds = number;

/** Where a row came from, so later checks (and the write-back) can name its cell. */
export interface RowSource {
  /** 0-based index of the data row in its table (as in RawTable.rows). */
  index: number;
  /** 1-based sheet row. */
  sheetRow: number;
}

export type InvoiceTimes = 'OneRowTotal' | 'ByGroups' | 'ByItems' | 'ByTransactions' | 'ByItemsPerson';
export type Basis = 'Actual' | 'AsBudgeted';
export type ProjectRole = 'MainProject' | 'Subproject' | 'WorkPackage';
export type NodeKind = ProjectRole;
export type NodeStatus = 'Open' | 'InProgress' | 'Completed' | 'Closed' | 'Template';
export type BillingMode = 'Rules' | 'Manual' | 'PaymentPlan' | 'BillingRules' | 'Billed';
export type ProjectCreation = 'Auto' | 'None' | 'Individual' | 'Template';
export type Link = 'OriginalLineItem' | 'MainProject' | 'Section' | 'None';
export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';
export type AgreementStatus = 'Active' | 'Cancelled';

export interface CapPeriod {
  unit: PeriodUnit;
  /** How many units one period spans (`2 weeks` -> 2). */
  count: number;
}

export interface Settings {
  currency: string;
  invoicePrefix: string;
  invoiceNumberWidth: number;
  taxRate: Decimal;
  timeDescription: string;
  invoiceTimes: InvoiceTimes;
  basis: Basis;
  defaultCostPerHour?: Decimal;
  projectRevenueAccount: string;
  agreementRevenueAccount: string;
  lowBalanceHours?: Seconds;
  roundUpMinutes?: number;
  minimumMinutes?: number;
  billingPeriodDays: number;
  /** Settings MaxHoursPerEntry, as seconds: more on one time entry is an input error (default 744 h). */
  maxHoursPerEntry?: Seconds;
  /** The seller on every invoice (docs/invoice-documents.md); all optional. Address: lines in one cell. */
  companyName?: string;
  companyAddress?: string;
  companyVatId?: string;
  companyTaxNumber?: string;
  companyEmail?: string;
  companyPhone?: string;
  bankName?: string;
  iban?: string;
  bic?: string;
  /** Due date = invoice date + these days, unless the customer has its own (default 14; absent in hand-made settings: 14). */
  paymentTermsDays?: number;
  invoiceFooter?: string;
  /**
   * Name of the sheet holding the firm's own invoice layout (default `InvoiceTemplate`);
   * invoices copy it when the workbook has it (docs/invoice-documents.md).
   */
  invoiceTemplate?: string;
  /** The e-invoice made for each invoice, unless the customer names its own (default None). */
  eInvoiceFormat?: EInvoiceFormat;
}

/** Words printed on an invoice: `en` or `de`. */
export type InvoiceLanguage = 'en' | 'de';
/** The e-invoice made for each invoice (docs/e-invoices.md). */
export type EInvoiceFormat = 'None' | 'UBL' | 'CII' | 'XRechnung-UBL' | 'XRechnung-CII';

/** A row of the optional Customers table: who an invoice is addressed to. */
export interface Customer {
  key: CustomerKey;
  /** The name Orders and Agreements use. */
  id: string;
  legalName?: string;
  /** Lines in one cell. */
  address?: string;
  /** ISO 3166 code, upper case. */
  country?: string;
  vatId?: string;
  email?: string;
  paymentTermsDays?: number;
  /** The customer's purchase order or routing reference. */
  buyerReference?: string;
  language?: InvoiceLanguage;
  /** The customer's own e-invoice format; blank: Settings EInvoiceFormat. */
  eInvoiceFormat?: EInvoiceFormat;
  source: RowSource;
}

export interface Person {
  key: PersonKey;
  id: string;
  costPerHour?: Decimal;
  source: RowSource;
}

export interface Item {
  key: ItemKey;
  id: string;
  group?: string;
  costPrice?: Decimal;
  extraCost?: Decimal;
  revenueAccount?: string;
  source: RowSource;
}

export interface Order {
  key: OrderKey;
  id: string;
  customer: string;
  agent?: string;
  projectRole: ProjectRole;
  parentNode?: NodeKey;
  billingMode: BillingMode;
  minProgress?: Decimal;
  requiredStatus?: NodeStatus;
  minimumBilling?: Decimal;
  earliestBillingDate?: Day;
  subprojectBasis: boolean;
  billNow: boolean;
  /** Blank cells take the Settings default. */
  invoiceTimes?: InvoiceTimes;
  basis?: Basis;
  timeDescription?: string;
  taxRate?: Decimal;
  source: RowSource;
}

export interface LineItem {
  key: LineItemKey;
  /** `OrderId/Line` as the user writes it (order id as in Orders). */
  ref: string;
  orderKey: OrderKey;
  line: string;
  /** Position in the LineItems table: "the order's line order" for tie-breaks. */
  position: number;
  section?: string;
  item: ItemKey;
  /** Item id as written, used as the item's name on invoices. */
  itemId: string;
  description?: string;
  /** Budgeted hours. */
  quantity?: Seconds;
  unitPrice: Decimal;
  projectCreation: ProjectCreation;
  createAtStatus?: NodeStatus;
  template?: string;
  link: Link;
  priority: number;
  maxBillable?: Seconds;
  /** Blank = the cap runs over the line's whole life. */
  maxPer?: CapPeriod;
  category?: string;
  /** Person key the line is restricted to. */
  assignee?: PersonKey;
  validFrom?: Day;
  validTo?: Day;
  billAtProgress?: Decimal;
  billAtStatus?: NodeStatus;
  billFrom?: Day;
  source: RowSource;
}

export interface ProjectNode {
  key: NodeKey;
  id: string;
  parent?: NodeKey;
  name: string;
  kind: NodeKind;
  orderKey?: OrderKey;
  lineItem?: LineItemKey;
  section?: string;
  status?: NodeStatus;
  progress?: Decimal;
  source: RowSource;
}

export interface TimeEntry {
  id: string;
  date: Day;
  person: PersonKey;
  /** Person as written, for invoice texts ("Item: Person"). */
  personName: string;
  /** The node as written and its key; it may name a node that does not exist (UnknownNode). */
  nodeId?: string;
  node?: NodeKey;
  agreementId?: string;
  agreement?: AgreementKey;
  seconds: Seconds;
  /** Category compared case-insensitively; kept as written for texts. */
  category?: string;
  comment?: string;
  billable: boolean;
  separateRow: boolean;
  /** Blank = not yet settled. */
  invoiceNo?: string;
  source: RowSource;
}

export interface Agreement {
  key: AgreementKey;
  id: string;
  customer: string;
  start: Day;
  end?: Day;
  hours: Seconds;
  rate?: Decimal;
  overageRate?: Decimal;
  excludedCategories: string[];
  lowBalanceHours?: Seconds;
  prepaid: boolean;
  rollover: boolean;
  renewalOf?: AgreementKey;
  status: AgreementStatus;
  roundUpMinutes?: number;
  minimumMinutes?: number;
  invoiceNo?: string;
  source: RowSource;
}

export interface AgreementAddition {
  agreement: AgreementKey;
  date: Day;
  hours: Seconds;
  rate?: Decimal;
  note?: string;
  invoiceNo?: string;
  source: RowSource;
}

export interface Installment {
  orderKey: OrderKey;
  dueDate: Day;
  amount?: Decimal;
  percent?: Decimal;
  description?: string;
  invoiceNo?: string;
  source: RowSource;
}

/** A row of the Invoices table from earlier runs (for numbering and the ledger check). */
export interface IssuedInvoice {
  invoiceNo: string;
  source?: string;
  kind?: string;
  /** The invoice's net as the register shows it; blank in a register typed without it. */
  net?: Decimal;
  /** The invoice's date (for "dates never go backwards with numbers"). */
  date?: Day;
  /** Blank, or `Credited`: a credited invoice no longer settles anything. */
  status?: string;
  /** What a credit note copies from the register (all optional: a register typed by hand may lack them). */
  customer?: string;
  tax?: Decimal;
  gross?: Decimal;
  currency?: string;
  periodFrom?: Day;
  periodTo?: Day;
  /** Where the row is, so the ledger check can name its cell. */
  at?: RowSource;
}

/** A row of the InvoiceLines table from earlier runs (AsBudgeted reads what a line item already billed). */
export interface IssuedInvoiceLine {
  invoiceNo: string;
  lineItem?: LineItemKey;
  amount: Decimal;
  /** The row's position on its invoice (the Row column). */
  row?: number;
  description?: string;
  /** The Source column: OrderId or AgreementId. */
  source?: string;
  quantity?: Decimal;
  unitPrice?: Decimal;
  /** The EntryIds cell as written: a comma-separated list, or a note pointing at InvoiceEntries. */
  entryIds?: string;
  /** Copied onto a credit note's rows (lineItemRef: the LineItem as written). */
  lineItemRef?: string;
  item?: string;
  person?: string;
  revenueAccount?: string;
  at?: RowSource;
}

/** A row of the InvoiceEntries table: one billed entry on one invoice row (the ledger of time). */
export interface IssuedInvoiceEntry {
  invoiceNo: string;
  row?: number;
  entryId: string;
  /** Billable seconds of the entry billed on this row. */
  seconds?: Seconds;
  /** The entry's recorded time, date and node when it was billed. */
  recordedSeconds?: Seconds;
  date?: Day;
  nodeId?: string;
  at: RowSource;
}

/** Where a table sits on its sheet, so a check made after reading can still name a cell. */
export interface TablePlace {
  sheet: string;
  headerRow: number;
  firstColumn: number;
  /** Number of columns: a column the table lacks would be added at its right end. */
  width: number;
  /** 0-based column of each contract column the table has, by its contract name. */
  columns: Record<string, number>;
}

export interface BillingWorkbook {
  settings: Settings;
  people: Person[];
  items: Item[];
  /** The optional Customers table; a customer without a row bills under its name alone. */
  customers?: Customer[];
  orders: Order[];
  lineItems: LineItem[];
  nodes: ProjectNode[];
  timeEntries: TimeEntry[];
  agreements: Agreement[];
  additions: AgreementAddition[];
  installments: Installment[];
  issuedInvoices: IssuedInvoice[];
  issuedInvoiceLines: IssuedInvoiceLine[];
  /** The InvoiceEntries table (absent in workbooks billed before it existed). */
  issuedInvoiceEntries?: IssuedInvoiceEntry[];
  /** Names of the workbook's sheets, when the adapter knows them. */
  sheets?: string[];
  /** Where each table the workbook has sits, by contract table name. */
  places?: Partial<Record<string, TablePlace>>;
  /** The firm's own invoice layout, when the workbook has the sheet Settings InvoiceTemplate names. */
  invoiceTemplate?: InvoiceTemplate;
}

/** A piece of a template cell's text: plain text, or a placeholder to fill. */
export type TemplatePart = { text: string } | { placeholder: PlaceholderName };

/** One non-empty cell of the template sheet. */
export interface TemplateCell {
  /** 1-based sheet row and column on the template. */
  row: number;
  column: number;
  value: CellValue;
  /** The cell's number format, when it has one other than General. */
  numFmt?: string;
  /** The cell's text split at its placeholders; absent when it holds none (the copy keeps it as it is). */
  parts?: TemplatePart[];
}

/** The firm's own invoice layout, checked: every placeholder known, the `{Row.…}` ones on one row. */
export interface InvoiceTemplate {
  /** The sheet's name as the workbook spells it. */
  sheet: string;
  cells: TemplateCell[];
  /** 1-based row holding the `{Row.…}` placeholders, repeated once per invoice row; absent when none does. */
  repeatedRow?: number;
}
