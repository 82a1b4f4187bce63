/**
 * Small workbooks for agreement tests, written the way finance describes them:
 *
 *   const book = agreementBook({
 *     agreements: [{ id: 'AGR-1', start: '2025-01-01', hours: 10, rate: '100' }],
 *     time: [{ id: 'E1', date: '2025-01-10', hours: '2:30', agreement: 'AGR-1' }],
 *   });
 *
 * Dates are `YYYY-MM-DD`, durations a number of hours or `h:mm` / `h:mm:ss`, money text.
 * Rows keep the order given: that is their table order (source.index).
 * `runAndApply` bills, numbers the drafts as a real run would and writes the InvoiceNo
 * cells back into a new book, so a test can run again on the result.
 */
import type { Agreement, AgreementAddition, AgreementKey, BillingWorkbook, PersonKey, Settings, TimeEntry } from '../../../src/schema/model';
import type { Invoice } from '../../../src/engine/billingResult';
import { Decimal } from '../../../src/core/money';
import { billAgreements, type AgreementBilling } from '../../../src/engine/agreements/billAgreements';
import { numberInvoices } from '../../../src/engine/numberInvoices';
import { defaultSettings as contractDefaults } from '../../../src/schema/readSettings';

import { day, seconds } from '../bookBuilder';

export { day, seconds };

const key = <K>(id: string): K => id.trim().toLowerCase() as K;

export interface AgreementSpec {
  id: string;
  customer?: string;
  start: string;
  end?: string;
  hours: number | string;
  rate?: string;
  overageRate?: string;
  excluded?: string[];
  lowBalanceHours?: number;
  prepaid?: boolean;
  rollover?: boolean;
  renewalOf?: string;
  status?: 'Active' | 'Cancelled';
  roundUpMinutes?: number;
  minimumMinutes?: number;
  invoiceNo?: string;
}

export interface AdditionSpec {
  agreement: string;
  date: string;
  hours: number | string;
  rate?: string;
  invoiceNo?: string;
}

export interface EntrySpec {
  id: string;
  date: string;
  hours: number | string;
  agreement?: string;
  node?: string;
  person?: string;
  category?: string;
  billable?: boolean;
  invoiceNo?: string;
}

export interface BookSpec {
  settings?: Partial<Settings>;
  agreements?: AgreementSpec[];
  additions?: AdditionSpec[];
  time?: EntrySpec[];
}

/** The contract's Settings defaults, as the schema gives them for a workbook without Settings. */
export const defaultSettings: Settings = contractDefaults();

export function agreementRow(spec: AgreementSpec, index: number): Agreement {
  return {
    key: key<AgreementKey>(spec.id),
    id: spec.id,
    customer: spec.customer ?? 'Acme',
    start: day(spec.start),
    end: spec.end === undefined ? undefined : day(spec.end),
    hours: seconds(spec.hours),
    rate: spec.rate === undefined ? undefined : new Decimal(spec.rate),
    overageRate: spec.overageRate === undefined ? undefined : new Decimal(spec.overageRate),
    excludedCategories: spec.excluded ?? [],
    lowBalanceHours: spec.lowBalanceHours === undefined ? undefined : seconds(spec.lowBalanceHours),
    prepaid: spec.prepaid ?? true,
    rollover: spec.rollover ?? false,
    renewalOf: spec.renewalOf === undefined ? undefined : key<AgreementKey>(spec.renewalOf),
    status: spec.status ?? 'Active',
    roundUpMinutes: spec.roundUpMinutes,
    minimumMinutes: spec.minimumMinutes,
    invoiceNo: spec.invoiceNo,
    source: { index, sheetRow: index + 2 },
  };
}

export function additionRow(spec: AdditionSpec, index: number): AgreementAddition {
  return {
    agreement: key<AgreementKey>(spec.agreement),
    date: day(spec.date),
    hours: seconds(spec.hours),
    rate: spec.rate === undefined ? undefined : new Decimal(spec.rate),
    invoiceNo: spec.invoiceNo,
    source: { index, sheetRow: index + 2 },
  };
}

export function entryRow(spec: EntrySpec, index: number): TimeEntry {
  const person = spec.person ?? 'Ana';
  return {
    id: spec.id,
    date: day(spec.date),
    person: key<PersonKey>(person),
    personName: person,
    nodeId: spec.node,
    node: spec.node === undefined ? undefined : (key(spec.node) as TimeEntry['node']),
    agreementId: spec.agreement,
    agreement: spec.agreement === undefined ? undefined : key<AgreementKey>(spec.agreement),
    seconds: seconds(spec.hours),
    category: spec.category,
    billable: spec.billable ?? true,
    separateRow: false,
    invoiceNo: spec.invoiceNo,
    source: { index, sheetRow: index + 2 },
  };
}

export function agreementBook(spec: BookSpec): BillingWorkbook {
  return {
    settings: { ...defaultSettings, ...spec.settings },
    people: [],
    items: [],
    orders: [],
    lineItems: [],
    nodes: [],
    timeEntries: (spec.time ?? []).map(entryRow),
    agreements: (spec.agreements ?? []).map(agreementRow),
    additions: (spec.additions ?? []).map(additionRow),
    installments: [],
    issuedInvoices: [],
    issuedInvoiceLines: [],
  };
}

export interface AppliedRun {
  billing: AgreementBilling;
  invoices: Invoice[];
  /** The workbook after the run's InvoiceNo cells are written back. */
  book: BillingWorkbook;
}

/** A real run on `date`: bill, number, write InvoiceNo back. */
export function runAndApply(book: BillingWorkbook, date: string): AppliedRun {
  const billing = billAgreements(book, { billingDate: day(date), preview: false });
  const numbered = numberInvoices(billing.drafts, book.issuedInvoices, book.settings, false);
  const updates = [...billing.updates, ...numbered.updates];
  const cell = (table: string, index: number): string | undefined => updates.find((u) => u.table === table && u.index === index)?.invoiceNo;
  const next: BillingWorkbook = {
    ...book,
    timeEntries: book.timeEntries.map((e) => ({ ...e, invoiceNo: cell('TimeEntries', e.source.index) ?? e.invoiceNo })),
    agreements: book.agreements.map((a) => ({ ...a, invoiceNo: cell('Agreements', a.source.index) ?? a.invoiceNo })),
    additions: book.additions.map((a) => ({ ...a, invoiceNo: cell('AgreementAdditions', a.source.index) ?? a.invoiceNo })),
    issuedInvoices: [...book.issuedInvoices, ...numbered.invoices.map((i) => ({ invoiceNo: i.invoiceNo, source: i.source, kind: i.kind }))],
  };
  return { billing, invoices: numbered.invoices, book: next };
}

/** Money and hours as plain strings, so expectations read like the sheet. */
export function text(value: Decimal): string {
  return value.toFixed(2);
}

export function summaryOf(billing: AgreementBilling, agreementId: string) {
  const row = billing.summary.find((r) => r.agreementId === agreementId);
  if (!row) throw new Error(`no summary row for ${agreementId}`);
  return {
    initial: text(row.initial),
    added: text(row.added),
    rolledOver: text(row.rolledOver),
    used: text(row.used),
    remaining: text(row.remaining),
    overrun: text(row.overrun),
    recorded: text(row.recorded),
    lowBalance: row.lowBalance,
    deferredRevenue: text(row.deferredRevenue),
    status: row.status,
  };
}

/** Invoice rows as [description, quantity, unit price, amount]. */
export function rowsOf(invoice: { rows: { description: string; quantity: Decimal; unitPrice?: Decimal; amount: Decimal }[] }): string[][] {
  return invoice.rows.map((r) => [r.description, text(r.quantity), r.unitPrice === undefined ? '' : text(r.unitPrice), text(r.amount)]);
}
