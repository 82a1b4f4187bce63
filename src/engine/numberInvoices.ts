/**
 * Invoice numbers (docs/billing-rules.md section 8). All drafts of a run, from orders and from
 * agreements, are numbered together here: Prepaid, then Order, then Overage invoices, each
 * by customer, then source id, then (a source's prepaid invoices) date and sequence.
 * Numbers continue after the highest sequence of the current prefix the workbook shows
 * anywhere (ledger/invoiceSequence.ts).
 * Drafts with a net of zero are not issued, and settle nothing. A preview numbers nothing.
 */
import type { IssuedInvoice, Settings } from '../schema/model';
import type { Invoice, InvoiceKind, InvoiceNoUpdate } from './billingResult';
import type { DraftInvoice } from './draftInvoice';
import { compareNatural } from './naturalOrder';
import { idKey } from '../core/idKey';

export interface NumberedInvoices {
  /** Issued invoices in numbering order (a preview's have invoiceNo ''). */
  invoices: Invoice[];
  /** One InvoiceNo write-back per settled cell; none in a preview. */
  updates: InvoiceNoUpdate[];
}

const KIND_RANK: Record<InvoiceKind, number> = { Prepaid: 0, Order: 1, Overage: 2, Credit: 3 };

function compareText(a: string, b: string): number {
  const la = idKey(a);
  const lb = idKey(b);
  return la < lb ? -1 : la > lb ? 1 : 0;
}

function compareDrafts(a: DraftInvoice, b: DraftInvoice): number {
  return (
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    compareText(a.customer, b.customer) ||
    compareNatural(a.source, b.source) ||
    a.date - b.date ||
    a.sequenceInSource - b.sequenceInSource
  );
}

/** Highest sequence among issued numbers that are the prefix followed by digits only. */
export function highestSequence(issued: readonly IssuedInvoice[], prefix: string): number {
  const lowerPrefix = prefix.toLowerCase();
  let highest = 0;
  for (const invoice of issued) {
    const number = invoice.invoiceNo.trim();
    if (!number.toLowerCase().startsWith(lowerPrefix)) continue;
    const digits = number.slice(prefix.length);
    if (!/^\d+$/.test(digits)) continue;
    highest = Math.max(highest, Number(digits));
  }
  return highest;
}

export function formatInvoiceNo(prefix: string, sequence: number, width: number): string {
  return prefix + String(sequence).padStart(width, '0');
}

export function numberInvoices(
  drafts: readonly DraftInvoice[],
  issued: readonly IssuedInvoice[],
  settings: Pick<Settings, 'invoicePrefix' | 'invoiceNumberWidth'>,
  preview: boolean,
  /** The highest sequence the workbook shows anywhere (registers, sheets, marks): numbering continues after it too. */
  shownSequence = 0,
): NumberedInvoices {
  const ordered = drafts.filter((draft) => !draft.net.isZero()).sort(compareDrafts);
  let sequence = Math.max(highestSequence(issued, settings.invoicePrefix), shownSequence);
  const invoices: Invoice[] = [];
  // Sized for every target and cut to length at the end: a run settles up to a million
  // cells, and a list grown by push would be copied over and over.
  let targetCount = 0;
  for (const draft of ordered) targetCount += draft.settles.length + (draft.settlesTimeEntries?.length ?? 0);
  const updates = new Array<InvoiceNoUpdate>(preview ? 0 : targetCount);
  let updateCount = 0;
  // Cells already given a number, per table (a bitmap: a run settles up to a million cells).
  const settled = new Map<InvoiceNoUpdate['table'], Uint8Array>();
  /** Records the write-back unless the cell already has a number: a split entry billed on two invoices keeps the first. */
  const settle = (table: InvoiceNoUpdate['table'], index: number, invoiceNo: string): void => {
    let seen = settled.get(table);
    if (seen === undefined || seen.length <= index) {
      const grown = new Uint8Array(Math.max(1024, index * 2 + 1));
      if (seen !== undefined) grown.set(seen);
      seen = grown;
      settled.set(table, seen);
    }
    if (seen[index] === 1) return;
    seen[index] = 1;
    updates[updateCount++] = { table, index, invoiceNo };
  };
  for (const draft of ordered) {
    const invoiceNo = preview ? '' : formatInvoiceNo(settings.invoicePrefix, ++sequence, settings.invoiceNumberWidth);
    const { settles: targets, settlesTimeEntries: timeEntryRows, sequenceInSource: _sequence, ...invoice } = draft;
    invoices.push({ invoiceNo, ...invoice });
    if (preview) continue;
    for (const target of targets) settle(target.table, target.index, invoiceNo);
    if (timeEntryRows !== undefined) for (let i = 0; i < timeEntryRows.length; i++) settle('TimeEntries', timeEntryRows[i], invoiceNo);
  }
  updates.length = updateCount;
  return { invoices, updates };
}
