/**
 * Time finds its line item (billing-rules section 3). Every entry booked on a project
 * node is walked through the node's candidate chain (see dockLineItems): filters, caps,
 * splits, and the exceptions for time nothing takes.
 *
 * Order of work, which is what makes caps fair across runs:
 * 1. Entries settled on earlier runs (InvoiceNo set) are replayed first, in (Date, EntryId)
 *    order: they take their cap room again but bill nothing. A new, back-dated entry can
 *    therefore never take room from time already invoiced.
 * 2. Unsettled billable entries dated up to the billing date are matched in (Date, EntryId)
 *    order and become BILL_NOW transactions, or exceptions.
 * Non-billable entries are matched without caps, only so that their cost lands on the
 * right order; they are never exceptions.
 */
import type { BillingWorkbook, LineItem, TimeEntry } from '../schema/model';
import type { BillingException, BillingOptions } from './billingResult';
import { billableSeconds } from './billableSeconds';
import { capPeriodIndex } from './capPeriod';
import { dockLineItems, type Docking } from './dockLineItems';
import { sortByDateAndEntryId } from './entryOrder';
import { exceptionMessages } from './exceptionMessages';
import { BILL_NOW, NOT_BILLABLE, SETTLED_EARLIER, Transactions, type TransactionKind } from './transactions';

export interface MatchedTime {
  docking: Docking;
  /**
   * Settled replays first, then this run's entries in (Date, EntryId) order; the parts of
   * a split entry are adjacent, in the order they were billed.
   */
  transactions: Transactions;
  /** NoLineItem, OverLimit and UnknownNode, in (Date, EntryId) order. */
  exceptions: BillingException[];
}

/** Entries booked on a project node are order time; entries with only an Agreement are not. */
export function isOrderTime(entry: TimeEntry): boolean {
  return entry.node !== undefined || entry.nodeId !== undefined;
}

export function isSettled(entry: TimeEntry): boolean {
  return entry.invoiceNo !== undefined && entry.invoiceNo.trim() !== '';
}

/** What a candidate line needs at match time, precomputed once per line. */
interface LineFilter {
  category: string | undefined;
  capped: boolean;
}

/** An exception about (part of) an entry; the fill goes on the entry's own TimeEntries row. */
export function exceptionFor(
  entry: TimeEntry,
  seconds: number,
  reason: BillingException['reason'],
  message: string,
): BillingException {
  return {
    entryId: entry.id,
    date: entry.date,
    person: entry.personName,
    nodeId: entry.nodeId,
    agreement: entry.agreementId,
    seconds,
    reason,
    message,
    entryIndex: entry.source.index,
  };
}

export function matchTimeEntries(book: BillingWorkbook, options: BillingOptions): MatchedTime {
  const { timeEntries: entries, lineItems: lines, settings } = book;
  const { billingDate, onProgress } = options;
  const docking = dockLineItems(book);
  const { nodeIndex, candidates } = docking;

  const filters: LineFilter[] = lines.map((line) => ({
    category: line.category === undefined ? undefined : line.category.trim().toLowerCase(),
    capped: line.maxBillable !== undefined,
  }));
  // Used seconds per cap period, per capped line.
  const capUsed: (Map<number, number> | undefined)[] = lines.map((line) =>
    line.maxBillable !== undefined ? new Map<number, number>() : undefined,
  );
  const lowerCategory = new Map<string, string>();
  const categoryOf = (entry: TimeEntry): string | undefined => {
    if (entry.category === undefined) return undefined;
    let lower = lowerCategory.get(entry.category);
    if (lower === undefined) {
      lower = entry.category.trim().toLowerCase();
      lowerCategory.set(entry.category, lower);
    }
    return lower;
  };

  const orderTime: number[] = [];
  for (let i = 0; i < entries.length; i++) if (isOrderTime(entries[i])) orderTime.push(i);
  const sorted = sortByDateAndEntryId(entries, orderTime);

  const transactions = new Transactions();
  const exceptions: BillingException[] = [];

  /**
   * Walks the entry through its node's candidates. Returns the seconds nothing took, and
   * whether a line refused it only for lack of cap room.
   */
  let cappedOut = false;
  const match = (entryIndex: number, node: number, seconds: number, recorded: number, kind: TransactionKind, record: boolean): number => {
    const entry = entries[entryIndex];
    const chain = candidates[node];
    const category = categoryOf(entry);
    const useCaps = kind !== NOT_BILLABLE;
    let rest = seconds;
    let recordedLeft = recorded;
    cappedOut = false;
    for (let k = 0; k < chain.length && rest > 0; k++) {
      const li = chain[k];
      const line: LineItem = lines[li];
      const filter = filters[li];
      if (filter.category !== undefined && filter.category !== category) continue;
      if (line.assignee !== undefined && line.assignee !== entry.person) continue;
      if (line.validFrom !== undefined && entry.date < line.validFrom) continue;
      if (line.validTo !== undefined && entry.date > line.validTo) continue;
      let take = rest;
      if (useCaps && filter.capped) {
        const used = capUsed[li]!;
        const period = capPeriodIndex(entry.date, line.maxPer, line.validFrom);
        const already = used.get(period) ?? 0;
        const room = line.maxBillable! - already;
        if (room <= 0) {
          cappedOut = true;
          continue;
        }
        if (room < take) take = room;
        used.set(period, already + take);
      }
      rest -= take;
      if (record) {
        // Recorded time is spread over the parts in billing order; rounding only ever adds time.
        const cost = rest === 0 ? recordedLeft : Math.min(take, recordedLeft);
        recordedLeft -= cost;
        transactions.push(entryIndex, li, take, cost, kind);
      }
    }
    return rest;
  };

  const { roundUpMinutes, minimumMinutes } = settings;
  const total = sorted.length;
  const progressEvery = 100_000;

  // Pass 1: time settled on earlier runs keeps its cap room and its cost.
  for (let s = 0; s < total; s++) {
    const i = sorted[s];
    const entry = entries[i];
    if (!entry.billable || !isSettled(entry) || entry.node === undefined) continue;
    const node = nodeIndex.get(entry.node);
    if (node === undefined) continue;
    const seconds = billableSeconds(entry.seconds, roundUpMinutes, minimumMinutes);
    match(i, node, seconds, entry.seconds, SETTLED_EARLIER, entry.date <= billingDate);
  }

  // Pass 2: this run's time, in (Date, EntryId) order.
  for (let s = 0; s < total; s++) {
    if (onProgress !== undefined && s % progressEvery === 0) onProgress('matching', s, total);
    const i = sorted[s];
    const entry = entries[i];
    if (entry.date > billingDate) continue;
    if (!entry.billable) {
      const node = entry.node === undefined ? undefined : nodeIndex.get(entry.node);
      if (node !== undefined) match(i, node, entry.seconds, entry.seconds, NOT_BILLABLE, true);
      continue;
    }
    if (isSettled(entry)) continue;
    const seconds = billableSeconds(entry.seconds, roundUpMinutes, minimumMinutes);
    const node = entry.node === undefined ? undefined : nodeIndex.get(entry.node);
    if (node === undefined) {
      const nodeId = entry.nodeId ?? '';
      exceptions.push(exceptionFor(entry, seconds, 'UnknownNode', exceptionMessages.unknownNode(nodeId)));
      continue;
    }
    const rest = match(i, node, seconds, entry.seconds, BILL_NOW, true);
    if (rest === 0) continue;
    if (rest === seconds && !cappedOut) {
      exceptions.push(exceptionFor(entry, rest, 'NoLineItem', exceptionMessages.noLineItem(entry.nodeId ?? '', rest)));
    } else {
      exceptions.push(exceptionFor(entry, rest, 'OverLimit', exceptionMessages.overLimit(rest)));
    }
  }
  if (onProgress !== undefined) onProgress('matching', total, total);

  return { docking, transactions, exceptions };
}
