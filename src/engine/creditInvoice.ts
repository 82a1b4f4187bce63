/**
 * Credit notes (billing-rules section 8; docs/invoice-documents.md): an issued invoice is
 * never edited. Crediting it issues the next number with the original's rows negated
 * ("Credit note for INV-…"), marks the original `Credited` in Invoices, and clears the
 * InvoiceNo of every row it settled (TimeEntries, Agreements, AgreementAdditions,
 * PaymentPlan), so a later run bills them again, corrected. Pure: the workbook in, the
 * credit note and the cells to change out, or the one sentence why not.
 */
import type { BillingWorkbook, InvoiceTemplate, IssuedInvoice, IssuedInvoiceLine } from '../schema/model';
import type { Invoice, InvoiceKind, InvoiceNoUpdate, InvoiceRow, InvoiceSeller } from './billingResult';

export { CREDITED_STATUS } from './billingResult';
import type { Day } from '../core/day';
import { customerIndex, eInvoiceFormatOf, invoiceBuyer, invoiceSeller } from './invoiceDocuments';
import { backdatedAfter, highestShownSequence } from './ledger/invoiceSequence';
import { isCredited } from './ledger/reconcileLedger';
import { Decimal, roundCentsHalfUp, ZERO } from '../core/money';
import { idKeyOrBlank } from '../core/idKey';
import { creditRefusalMessage, type CreditRefusal, type CreditRefusalFacts } from './creditMessages';
import { formatInvoiceNo, highestSequence } from './numberInvoices';

export interface CreditOptions {
  /** The invoice to credit, as Invoices names it (compared ignoring case and spaces). */
  invoiceNo: string;
  /** Printed on the credit note. */
  reason?: string;
  /** The credit note's date. */
  date: Day;
  /** Issue it even when dated before the latest invoice (as generate's --allow-backdate). */
  allowBackdate?: boolean;
}

export interface CreditResult {
  /** The credit note: Kind Credit, the next number, the original's rows negated. */
  creditNote: Invoice;
  /** The invoice credited, and its 0-based data row in Invoices (its Status becomes `Credited`). */
  credited: { invoiceNo: string; index: number };
  /**
   * InvoiceNo cells to change: every row the credited invoice settled is cleared (`invoiceNo`
   * ''), except an entry split over another issued invoice, whose mark moves to that one.
   */
  invoiceNoUpdates: InvoiceNoUpdate[];
  seller: InvoiceSeller;
  /** The firm's own invoice layout, when the workbook has one: the credit note's sheet is a filled copy of it. */
  invoiceTemplate?: InvoiceTemplate;
}

export type CreditOutcome = { ok: true; result: CreditResult } | { ok: false; refusal: CreditRefusal; error: string };

/** A refusal with the sentence of its reason code. */
function refuse<C extends CreditRefusal>(refusal: C, ...facts: CreditRefusalFacts<C>): CreditOutcome {
  return { ok: false, refusal, error: creditRefusalMessage(refusal, ...facts) };
}

/** The original's InvoiceLines rows negated, in their order; AsBudgeted parts keep their LineItem so what a line billed nets out. */
function negatedRows(lines: IssuedInvoiceLine[], source: string): InvoiceRow[] {
  return lines.map((line, i) => ({
    row: line.row ?? i + 1,
    description: line.description ?? '',
    item: line.item,
    person: line.person,
    quantity: line.quantity === undefined || line.quantity.isZero() ? ZERO : line.quantity.negated(),
    unitPrice: line.unitPrice,
    amount: line.amount.negated(),
    revenueAccount: line.revenueAccount ?? '',
    source: line.source ?? source,
    lineItem: line.lineItemRef,
    entryIds: [],
  }));
}

/** The rate the original was taxed at: its source's rate when that gives the register's tax, else tax ÷ net. */
function taxRateOf(book: BillingWorkbook, original: IssuedInvoice, net: Decimal, tax: Decimal): Decimal {
  const order = book.orders.find((o) => o.key === idKeyOrBlank(original.source));
  const rate = (idKeyOrBlank(original.kind) === 'order' ? order?.taxRate : undefined) ?? book.settings.taxRate;
  if (roundCentsHalfUp(net.mul(rate)).equals(tax) || net.isZero()) return rate;
  return tax.div(net).toDecimalPlaces(4);
}

/**
 * Every mark naming the invoice, to clear. An entry split over two invoices of one run (parts
 * on two orders' lines) carries one mark: while the other invoice stays issued the mark moves
 * to it, and the entry bills again once both are credited (a mark settles a whole entry).
 */
function marksToClear(book: BillingWorkbook, invoiceNo: string): InvoiceNoUpdate[] {
  const key = idKeyOrBlank(invoiceNo);
  const updates: InvoiceNoUpdate[] = [];
  const invoices = new Map(book.issuedInvoices.map((i) => [idKeyOrBlank(i.invoiceNo), i] as const));
  // The other issued invoice that billed part of each entry, if any.
  const others = new Map<string, string>();
  for (const e of book.issuedInvoiceEntries ?? []) {
    const on = idKeyOrBlank(e.invoiceNo);
    if (on === key || e.row === undefined || !invoices.has(on) || isCredited(invoices.get(on))) continue;
    if (!others.has(idKeyOrBlank(e.entryId))) others.set(idKeyOrBlank(e.entryId), e.invoiceNo.trim());
  }
  for (const entry of book.timeEntries) {
    if (idKeyOrBlank(entry.invoiceNo) !== key) continue;
    updates.push({ table: 'TimeEntries', index: entry.source.index, invoiceNo: others.get(idKeyOrBlank(entry.id)) ?? '' });
  }
  for (const a of book.agreements) if (idKeyOrBlank(a.invoiceNo) === key) updates.push({ table: 'Agreements', index: a.source.index, invoiceNo: '' });
  for (const a of book.additions) if (idKeyOrBlank(a.invoiceNo) === key) updates.push({ table: 'AgreementAdditions', index: a.source.index, invoiceNo: '' });
  for (const p of book.installments) if (idKeyOrBlank(p.invoiceNo) === key) updates.push({ table: 'PaymentPlan', index: p.source.index, invoiceNo: '' });
  return updates;
}

export function creditInvoice(book: BillingWorkbook, options: CreditOptions): CreditOutcome {
  const wanted = idKeyOrBlank(options.invoiceNo);
  const original = book.issuedInvoices.find((i) => idKeyOrBlank(i.invoiceNo) === wanted);
  if (original === undefined || original.at === undefined) return refuse('NotIssued', options.invoiceNo.trim());
  const invoiceNo = original.invoiceNo.trim();
  if (idKeyOrBlank(original.kind) === 'credit') return refuse('IsCreditNote', invoiceNo);
  if (idKeyOrBlank(original.status) === 'credited') return refuse('AlreadyCredited', invoiceNo, original.status!.trim());
  const lines = book.issuedInvoiceLines.filter((l) => idKeyOrBlank(l.invoiceNo) === wanted);
  if (lines.length === 0) return refuse('NoLines', invoiceNo);
  const later = options.allowBackdate ? undefined : backdatedAfter(book, options.date);
  if (later !== undefined) return refuse('Backdated', later.invoiceNo);
  const marks = marksToClear(book, invoiceNo);

  const source = original.source ?? '';
  const rows = negatedRows(lines, source);
  const net = rows.reduce((sum, r) => sum.plus(r.amount), ZERO);
  const originalNet = net.negated();
  const originalTax = original.tax ?? roundCentsHalfUp(originalNet.mul(book.settings.taxRate));
  const customer = original.customer ?? '';
  const customerRow = customerIndex(book).get(idKeyOrBlank(customer));
  const eInvoiceFormat = eInvoiceFormatOf(book.settings, customerRow);
  const sequence = Math.max(highestSequence(book.issuedInvoices, book.settings.invoicePrefix), highestShownSequence(book)) + 1;
  const creditNote: Invoice = {
    invoiceNo: formatInvoiceNo(book.settings.invoicePrefix, sequence, book.settings.invoiceNumberWidth),
    date: options.date,
    customer,
    source,
    kind: 'Credit' satisfies InvoiceKind,
    currency: original.currency ?? book.settings.currency,
    taxRate: taxRateOf(book, original, originalNet, originalTax),
    rows,
    net,
    tax: originalTax.negated(),
    gross: net.minus(originalTax),
    periodFrom: original.periodFrom,
    periodTo: original.periodTo,
    buyer: invoiceBuyer(customer, customerRow),
    credits: { invoiceNo, reason: options.reason?.trim() || undefined },
    ...(eInvoiceFormat === undefined ? {} : { eInvoiceFormat }),
  };
  return {
    ok: true,
    result: { creditNote, credited: { invoiceNo, index: original.at.index }, invoiceNoUpdates: marks, seller: invoiceSeller(book.settings),
      ...(book.invoiceTemplate === undefined ? {} : { invoiceTemplate: book.invoiceTemplate }) },
  };
}
