/**
 * The one builder of test workbooks (BillingWorkbook, the model the engine bills), written
 * the way a reader would describe a workbook:
 *
 *   const book = workbook()
 *     .order('O1', { customer: 'Acme' })
 *     .node('P1', { order: 'O1' })
 *     .line('O1/1', { item: 'Consulting', price: '100', link: 'MainProject' })
 *     .time('E1', { date: '2025-01-06', person: 'Volker', node: 'P1', hours: '1:30' })
 *     .build();
 *
 * Dates are `YYYY-MM-DD`, durations `1:30` / `45m` / `2h` / `1h 15m` / a number of hours,
 * money is text ('27.50'). Settings start from the workbook contract's defaults. Ids become
 * keys through the project's one id key (src/core/idKey). Rows keep the order they were
 * added in: that is their table order (source.index, line position).
 *
 * Raw tables, as an adapter reads them, come from `rawWorkbook.ts`; a raw workbook kept
 * across runs from `ledgerBook.ts`; runs written back from `runs.ts`; short views of a
 * result for assertions from `results.ts`.
 */
import type {
  Agreement,
  AgreementAddition,
  AgreementKey,
  BillingMode,
  BillingWorkbook,
  CapPeriod,
  Installment,
  InvoiceTimes,
  IssuedInvoice,
  IssuedInvoiceLine,
  Item,
  ItemKey,
  LineItem,
  LineItemKey,
  Link,
  NodeKey,
  NodeKind,
  NodeStatus,
  Order,
  OrderKey,
  PeriodUnit,
  Person,
  PersonKey,
  ProjectCreation,
  ProjectNode,
  ProjectRole,
  Settings,
  TimeEntry,
  Basis,
} from '../../src/schema/model';
import type { BillingOptions } from '../../src/engine/billingResult';
import { Decimal } from '../../src/core/money';
import { dayFromIso, type Day } from '../../src/core/day';
import { defaultSettings } from '../../src/schema/readSettings';
import { idKey } from '../../src/core/idKey';

type Money = string | number;

export function day(iso: string): Day {
  const d = dayFromIso(iso);
  if (d === undefined) throw new Error(`not a date: ${iso}`);
  return d;
}

/** `1:30`, `0:00:05`, `45m`, `2h`, `1h 15m`, `1.25h` or a number of hours, as whole seconds. */
export function seconds(duration: string | number): number {
  if (typeof duration === 'number') return Math.round(duration * 3600);
  const text = duration.trim();
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
  const parts = /^(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+)m)?$/.exec(text);
  if (parts && (parts[1] !== undefined || parts[2] !== undefined)) {
    return Math.round(Number(parts[1] ?? 0) * 3600) + Number(parts[2] ?? 0) * 60;
  }
  throw new Error(`not a duration: ${duration}`);
}

export function money(value: Money): Decimal {
  return new Decimal(value);
}

const key = <K>(id: string): K => idKey(id) as K;

/** `month`, `2 weeks`, ... as a CapPeriod. */
export function capPeriod(text: string): CapPeriod {
  const m = /^(?:(\d+)\s+)?(day|week|month|quarter|year)s?$/i.exec(text.trim());
  if (!m) throw new Error(`not a period: ${text}`);
  return { unit: m[2].toLowerCase() as PeriodUnit, count: m[1] === undefined ? 1 : Number(m[1]) };
}

export function billOn(iso: string, preview = false): BillingOptions {
  return { billingDate: day(iso), preview };
}

export interface SettingsInput {
  currency?: string;
  invoicePrefix?: string;
  invoiceNumberWidth?: number;
  taxRate?: Money;
  timeDescription?: string;
  invoiceTimes?: InvoiceTimes;
  basis?: Basis;
  defaultCostPerHour?: Money;
  projectRevenueAccount?: string;
  agreementRevenueAccount?: string;
  lowBalanceHours?: string | number;
  roundUpMinutes?: number;
  minimumMinutes?: number;
  billingPeriodDays?: number;
}

export interface OrderInput {
  customer?: string;
  agent?: string;
  projectRole?: ProjectRole;
  parentNode?: string;
  billingMode?: BillingMode;
  minProgress?: Money;
  requiredStatus?: NodeStatus;
  minimumBilling?: Money;
  earliestBillingDate?: string;
  subprojectBasis?: boolean;
  billNow?: boolean;
  invoiceTimes?: InvoiceTimes;
  basis?: Basis;
  timeDescription?: string;
  taxRate?: Money;
}

export interface LineInput {
  item?: string;
  price?: Money;
  link?: Link;
  section?: string;
  description?: string;
  /** Budgeted hours. */
  quantity?: string | number;
  projectCreation?: ProjectCreation;
  createAtStatus?: NodeStatus;
  template?: string;
  priority?: number;
  /** MaxBillable. */
  max?: string | number;
  /** MaxPer: `month`, `2 weeks`, ... */
  per?: string;
  category?: string;
  assignee?: string;
  validFrom?: string;
  validTo?: string;
  billAtProgress?: Money;
  billAtStatus?: NodeStatus;
  billFrom?: string;
}

export interface NodeInput {
  parent?: string;
  name?: string;
  kind?: NodeKind;
  order?: string;
  /** `OrderId/Line`. */
  lineItem?: string;
  section?: string;
  status?: NodeStatus;
  progress?: Money;
}

export interface TimeInput {
  date: string;
  /** Defaults to Anna. */
  person?: string;
  node?: string;
  agreement?: string;
  hours: string | number;
  category?: string;
  comment?: string;
  billable?: boolean;
  separateRow?: boolean;
  invoiceNo?: string;
}

export interface AgreementInput {
  customer?: string;
  start: string;
  end?: string;
  hours: string | number;
  rate?: Money;
  overageRate?: Money;
  excludedCategories?: string[];
  lowBalanceHours?: string | number;
  prepaid?: boolean;
  rollover?: boolean;
  renewalOf?: string;
  status?: 'Active' | 'Cancelled';
  roundUpMinutes?: number;
  minimumMinutes?: number;
  invoiceNo?: string;
}

export interface AdditionInput {
  date: string;
  hours: string | number;
  rate?: Money;
  note?: string;
  invoiceNo?: string;
}

export interface InstallmentInput {
  dueDate: string;
  amount?: Money;
  percent?: Money;
  description?: string;
  invoiceNo?: string;
}

const source = (index: number) => ({ index, sheetRow: index + 2 });
const opt = <T, R>(value: T | undefined, convert: (v: T) => R): R | undefined => (value === undefined ? undefined : convert(value));

export class BookBuilder {
  private readonly settingsValue: Settings = defaultSettings();
  private readonly people: Person[] = [];
  private readonly items: Item[] = [];
  private readonly orders: Order[] = [];
  private readonly lineItems: LineItem[] = [];
  private readonly nodes: ProjectNode[] = [];
  private readonly timeEntries: TimeEntry[] = [];
  private readonly agreements: Agreement[] = [];
  private readonly additions: AgreementAddition[] = [];
  private readonly installments: Installment[] = [];
  private readonly issuedInvoices: IssuedInvoice[] = [];
  private readonly issuedInvoiceLines: IssuedInvoiceLine[] = [];

  settings(input: SettingsInput): this {
    const s = this.settingsValue;
    Object.assign(s, {
      ...input,
      taxRate: input.taxRate === undefined ? s.taxRate : money(input.taxRate),
      defaultCostPerHour: input.defaultCostPerHour === undefined ? s.defaultCostPerHour : money(input.defaultCostPerHour),
      lowBalanceHours: input.lowBalanceHours === undefined ? s.lowBalanceHours : seconds(input.lowBalanceHours),
    });
    return this;
  }

  person(id: string, input: { costPerHour?: Money } = {}): this {
    this.people.push({ key: key<PersonKey>(id), id, costPerHour: opt(input.costPerHour, money), source: source(this.people.length) });
    return this;
  }

  item(id: string, input: { group?: string; costPrice?: Money; extraCost?: Money; revenueAccount?: string } = {}): this {
    this.items.push({
      key: key<ItemKey>(id),
      id,
      group: input.group,
      costPrice: opt(input.costPrice, money),
      extraCost: opt(input.extraCost, money),
      revenueAccount: input.revenueAccount,
      source: source(this.items.length),
    });
    return this;
  }

  order(id: string, input: OrderInput = {}): this {
    this.orders.push({
      key: key<OrderKey>(id),
      id,
      customer: input.customer ?? 'Acme',
      agent: input.agent,
      projectRole: input.projectRole ?? 'MainProject',
      parentNode: opt(input.parentNode, key<NodeKey>),
      billingMode: input.billingMode ?? 'Rules',
      minProgress: opt(input.minProgress, money),
      requiredStatus: input.requiredStatus,
      minimumBilling: opt(input.minimumBilling, money),
      earliestBillingDate: opt(input.earliestBillingDate, day),
      subprojectBasis: input.subprojectBasis ?? false,
      billNow: input.billNow ?? false,
      invoiceTimes: input.invoiceTimes,
      basis: input.basis,
      timeDescription: input.timeDescription,
      taxRate: opt(input.taxRate, money),
      source: source(this.orders.length),
    });
    return this;
  }

  /** A line item `OrderId/Line`; defaults: item Consulting, price 100, Link OriginalLineItem. */
  line(ref: string, input: LineInput = {}): this {
    const slash = ref.lastIndexOf('/');
    if (slash < 0) throw new Error(`line reference needs OrderId/Line: ${ref}`);
    const orderId = ref.slice(0, slash);
    const itemId = input.item ?? 'Consulting';
    this.lineItems.push({
      key: key<LineItemKey>(ref),
      ref,
      orderKey: key<OrderKey>(orderId),
      line: ref.slice(slash + 1),
      position: this.lineItems.length,
      section: input.section,
      item: key<ItemKey>(itemId),
      itemId,
      description: input.description,
      quantity: opt(input.quantity, seconds),
      unitPrice: money(input.price ?? '100'),
      projectCreation: input.projectCreation ?? 'Auto',
      createAtStatus: input.createAtStatus,
      template: input.template,
      link: input.link ?? 'OriginalLineItem',
      priority: input.priority ?? 0,
      maxBillable: opt(input.max, seconds),
      maxPer: opt(input.per, capPeriod),
      category: input.category,
      assignee: opt(input.assignee, key<PersonKey>),
      validFrom: opt(input.validFrom, day),
      validTo: opt(input.validTo, day),
      billAtProgress: opt(input.billAtProgress, money),
      billAtStatus: input.billAtStatus,
      billFrom: opt(input.billFrom, day),
      source: source(this.lineItems.length),
    });
    return this;
  }

  /** A project node; Kind defaults to WorkPackage with a LineItem, Subproject with a Section or parent, else MainProject. */
  node(id: string, input: NodeInput = {}): this {
    const kind: NodeKind =
      input.kind ??
      (input.lineItem !== undefined ? 'WorkPackage' : input.section !== undefined || input.parent !== undefined ? 'Subproject' : 'MainProject');
    this.nodes.push({
      key: key<NodeKey>(id),
      id,
      parent: opt(input.parent, key<NodeKey>),
      name: input.name ?? id,
      kind,
      orderKey: opt(input.order, key<OrderKey>),
      lineItem: opt(input.lineItem, key<LineItemKey>),
      section: input.section,
      status: input.status,
      progress: opt(input.progress, money),
      source: source(this.nodes.length),
    });
    return this;
  }

  time(id: string, input: TimeInput): this {
    const person = input.person ?? 'Anna';
    this.timeEntries.push({
      id,
      date: day(input.date),
      person: key<PersonKey>(person),
      personName: person,
      nodeId: input.node,
      node: opt(input.node, key<NodeKey>),
      agreementId: input.agreement,
      agreement: opt(input.agreement, key<AgreementKey>),
      seconds: seconds(input.hours),
      category: input.category,
      comment: input.comment,
      billable: input.billable ?? true,
      separateRow: input.separateRow ?? false,
      invoiceNo: input.invoiceNo,
      source: source(this.timeEntries.length),
    });
    return this;
  }

  agreement(id: string, input: AgreementInput): this {
    this.agreements.push({
      key: key<AgreementKey>(id),
      id,
      customer: input.customer ?? 'Acme',
      start: day(input.start),
      end: opt(input.end, day),
      hours: seconds(input.hours),
      rate: opt(input.rate, money),
      overageRate: opt(input.overageRate, money),
      excludedCategories: input.excludedCategories ?? [],
      lowBalanceHours: opt(input.lowBalanceHours, seconds),
      prepaid: input.prepaid ?? true,
      rollover: input.rollover ?? false,
      renewalOf: opt(input.renewalOf, key<AgreementKey>),
      status: input.status ?? 'Active',
      roundUpMinutes: input.roundUpMinutes,
      minimumMinutes: input.minimumMinutes,
      invoiceNo: input.invoiceNo,
      source: source(this.agreements.length),
    });
    return this;
  }

  addition(agreementId: string, input: AdditionInput): this {
    this.additions.push({
      agreement: key<AgreementKey>(agreementId),
      date: day(input.date),
      hours: seconds(input.hours),
      rate: opt(input.rate, money),
      note: input.note,
      invoiceNo: input.invoiceNo,
      source: source(this.additions.length),
    });
    return this;
  }

  installment(orderId: string, input: InstallmentInput): this {
    this.installments.push({
      orderKey: key<OrderKey>(orderId),
      dueDate: day(input.dueDate),
      amount: opt(input.amount, money),
      percent: opt(input.percent, money),
      description: input.description,
      invoiceNo: input.invoiceNo,
      source: source(this.installments.length),
    });
    return this;
  }

  /** A row of the Invoices table from an earlier run. */
  issuedInvoice(invoiceNo: string, input: { source?: string; kind?: string; net?: Money } = {}): this {
    this.issuedInvoices.push({ invoiceNo, source: input.source, kind: input.kind, net: opt(input.net, money) });
    return this;
  }

  /** A row of the InvoiceLines table from an earlier run. */
  issuedInvoiceLine(invoiceNo: string, input: { lineItem?: string; amount: Money }): this {
    this.issuedInvoiceLines.push({ invoiceNo, lineItem: opt(input.lineItem, key<LineItemKey>), amount: money(input.amount) });
    return this;
  }

  /** Takes over every table of `book`, so rows added next come after its rows. */
  continueFrom(book: BillingWorkbook): this {
    Object.assign(this.settingsValue, book.settings);
    this.people.push(...book.people);
    this.items.push(...book.items);
    this.orders.push(...book.orders);
    this.lineItems.push(...book.lineItems);
    this.nodes.push(...book.nodes);
    this.timeEntries.push(...book.timeEntries);
    this.agreements.push(...book.agreements);
    this.additions.push(...book.additions);
    this.installments.push(...book.installments);
    this.issuedInvoices.push(...book.issuedInvoices);
    this.issuedInvoiceLines.push(...book.issuedInvoiceLines);
    return this;
  }

  build(): BillingWorkbook {
    return {
      settings: { ...this.settingsValue },
      people: [...this.people],
      items: [...this.items],
      orders: [...this.orders],
      lineItems: [...this.lineItems],
      nodes: [...this.nodes],
      timeEntries: this.timeEntries.map((entry) => ({ ...entry })),
      agreements: [...this.agreements],
      additions: [...this.additions],
      installments: [...this.installments],
      issuedInvoices: [...this.issuedInvoices],
      issuedInvoiceLines: [...this.issuedInvoiceLines],
    };
  }
}

/** A new workbook; or, given a book (say, one after a run), a builder that adds rows after its own. */
export function workbook(from?: BillingWorkbook): BookBuilder {
  const builder = new BookBuilder();
  if (from !== undefined) builder.continueFrom(from);
  return builder;
}
