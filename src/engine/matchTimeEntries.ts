/**
 * Time finds its line item (docs/billing-rules.md section 3). Every entry booked on a project
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
import type { BillingWorkbook, LineItem, PersonKey, TimeEntry } from '../schema/model';
import type { BillingException, BillingOptions } from './billingResult';
import { billableSeconds } from './billableSeconds';
import { capPeriodIndex } from './capPeriod';
import { dockLineItems, type Docking } from './dockLineItems';
import { sortByDateAndEntryId } from './entryOrder';
import { exceptionMessages } from './exceptionMessages';
import { idKey } from '../core/idKey';
import { BILL_NOW, NOT_BILLABLE, SETTLED_EARLIER, Transactions, type TransactionEntry, type TransactionKind } from './transactions';

export interface MatchedTime {
  docking: Docking;
  /**
   * Settled replays first, then this run's entries in (Date, EntryId) order; the parts of
   * a split entry are adjacent, in the order they were billed.
   */
  transactions: Transactions;
  /** NoLineItem, OverLimit and UnknownNode, in (Date, EntryId) order. */
  exceptions: BillingException[];
  /** Person keys; a transaction's `person` indexes this list. */
  people: PersonKey[];
}

/** Entries booked on a project node are order time; entries with only an Agreement are not. */
export function isOrderTime(entry: TimeEntry): boolean {
  return entry.node !== undefined || entry.nodeId !== undefined;
}

export function isSettled(entry: TimeEntry): boolean {
  return entry.invoiceNo !== undefined && entry.invoiceNo.trim() !== '';
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

const NO_ID = -1;
const FLAG_BILLABLE = 1;
const FLAG_SETTLED = 2;
const FLAG_SEPARATE = 4;
/** Layout of one entry's record in the packed facts array. */
const NODE = 0;
const PERSON = 1;
const CATEGORY = 2;
const DATE = 3;
const BILLABLE_SECONDS = 4;
const RECORDED_SECONDS = 5;
const FLAGS = 6;
const ROW = 7;
const FACTS = 8;

/** Interns texts to small integers so matching compares numbers, not strings. */
function interner<K extends string>(): { ids: Map<K, number>; keys: K[]; id(key: K): number } {
  const ids = new Map<K, number>();
  const keys: K[] = [];
  return {
    ids,
    keys,
    id(key: K): number {
      let id = ids.get(key);
      if (id === undefined) {
        id = keys.length;
        keys.push(key);
        ids.set(key, id);
      }
      return id;
    },
  };
}

export function matchTimeEntries(book: BillingWorkbook, options: BillingOptions): MatchedTime {
  const { timeEntries: entries, lineItems: lines, settings } = book;
  const { billingDate, onProgress } = options;
  const docking = dockLineItems(book);
  const { nodeIndex, candidates } = docking;

  // What the filters need of each line, as numbers.
  const people = interner<PersonKey>();
  const categories = interner<string>();
  const categoryIdOf = (text: string | undefined): number => (text === undefined ? NO_ID : categories.id(idKey(text)));
  const lineCount = lines.length;
  const lineCategory = new Int32Array(lineCount);
  const lineAssignee = new Int32Array(lineCount);
  const lineFrom = new Float64Array(lineCount);
  const lineTo = new Float64Array(lineCount);
  const lineMax = new Int32Array(lineCount);
  lines.forEach((line, li) => {
    lineCategory[li] = categoryIdOf(line.category);
    lineAssignee[li] = line.assignee === undefined ? NO_ID : people.id(line.assignee);
    lineFrom[li] = line.validFrom ?? -Infinity;
    lineTo[li] = line.validTo ?? Infinity;
    lineMax[li] = line.maxBillable ?? NO_ID;
  });
  // Used seconds per cap period, per capped line.
  const capUsed: (Map<number, number> | undefined)[] = lines.map((line) =>
    line.maxBillable !== undefined ? new Map<number, number>() : undefined,
  );

  // What matching needs of each entry, packed side by side in (Date, EntryId) order, so that
  // both passes below read one small record after another instead of scattered objects.
  // The records are filled in table order (entries read front to back, names interned in
  // table order) and written straight to their sorted place.
  const { roundUpMinutes, minimumMinutes } = settings;
  const n = entries.length;
  const orderTime = new Int32Array(n);
  let orderTimeCount = 0;
  for (let i = 0; i < n; i++) if (isOrderTime(entries[i])) orderTime[orderTimeCount++] = i;
  const sorted = sortByDateAndEntryId(entries, orderTime.subarray(0, orderTimeCount));
  const total = sorted.length;
  const rank = new Int32Array(n);
  for (let s = 0; s < total; s++) rank[sorted[s]] = s;
  const facts = new Int32Array(total * FACTS);
  const rawCategory = new Map<string, number>();
  for (let k = 0; k < total; k++) {
    const i = orderTime[k];
    const entry = entries[i];
    const f = rank[i] * FACTS;
    facts[f + NODE] = entry.node === undefined ? NO_ID : (nodeIndex.get(entry.node) ?? NO_ID);
    facts[f + PERSON] = people.id(entry.person);
    let category = NO_ID;
    if (entry.category !== undefined) {
      const known = rawCategory.get(entry.category);
      category = known ?? categoryIdOf(entry.category);
      if (known === undefined) rawCategory.set(entry.category, category);
    }
    facts[f + CATEGORY] = category;
    facts[f + DATE] = entry.date;
    facts[f + BILLABLE_SECONDS] = billableSeconds(entry.seconds, roundUpMinutes, minimumMinutes);
    facts[f + RECORDED_SECONDS] = entry.seconds;
    facts[f + FLAGS] = (entry.billable ? FLAG_BILLABLE : 0) | (isSettled(entry) ? FLAG_SETTLED : 0) | (entry.separateRow ? FLAG_SEPARATE : 0);
    facts[f + ROW] = entry.source.index;
  }

  // Most entries make one transaction: sized once, the columns rarely grow.
  const transactions = new Transactions(total + (total >> 4));
  const exceptions: BillingException[] = [];
  const current: TransactionEntry = { entry: 0, row: 0, person: 0, separateRow: false };

  /**
   * Walks the entry through its node's candidates and returns the seconds nothing took;
   * `cappedOut` tells whether a line refused it only for lack of cap room.
   */
  let cappedOut = false;
  const match = (ei: number, f: number, seconds: number, kind: TransactionKind, record: boolean): number => {
    const chain = candidates[facts[f + NODE]];
    const category = facts[f + CATEGORY];
    const person = facts[f + PERSON];
    const date = facts[f + DATE];
    const useCaps = kind !== NOT_BILLABLE;
    let rest = seconds;
    let recordedLeft = facts[f + RECORDED_SECONDS];
    cappedOut = false;
    current.entry = ei;
    current.row = facts[f + ROW];
    current.person = person;
    current.separateRow = (facts[f + FLAGS] & FLAG_SEPARATE) !== 0;
    for (let k = 0; k < chain.length && rest > 0; k++) {
      const li = chain[k];
      if (lineCategory[li] !== NO_ID && lineCategory[li] !== category) continue;
      if (lineAssignee[li] !== NO_ID && lineAssignee[li] !== person) continue;
      if (date < lineFrom[li] || date > lineTo[li]) continue;
      let take = rest;
      if (useCaps && lineMax[li] !== NO_ID) {
        const line: LineItem = lines[li];
        const used = capUsed[li]!;
        const period = capPeriodIndex(date, line.maxPer, line.validFrom);
        const already = used.get(period) ?? 0;
        const room = lineMax[li] - already;
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
        transactions.push(current, li, take, cost, kind);
      }
    }
    return rest;
  };

  const progressEvery = 100_000;

  // Pass 1: time settled on earlier runs keeps its cap room and its cost.
  for (let s = 0; s < total; s++) {
    const i = sorted[s];
    const f = s * FACTS;
    if ((facts[f + FLAGS] & (FLAG_BILLABLE | FLAG_SETTLED)) !== (FLAG_BILLABLE | FLAG_SETTLED) || facts[f + NODE] === NO_ID) continue;
    match(i, f, facts[f + BILLABLE_SECONDS], SETTLED_EARLIER, facts[f + DATE] <= billingDate);
  }

  // Pass 2: this run's time, in (Date, EntryId) order.
  for (let s = 0; s < total; s++) {
    if (onProgress !== undefined && s % progressEvery === 0) onProgress('matching', s, total);
    const i = sorted[s];
    const f = s * FACTS;
    if (facts[f + DATE] > billingDate) continue;
    const flags = facts[f + FLAGS];
    const known = facts[f + NODE] !== NO_ID;
    if ((flags & FLAG_BILLABLE) === 0) {
      if (known) match(i, f, facts[f + RECORDED_SECONDS], NOT_BILLABLE, true);
      continue;
    }
    if ((flags & FLAG_SETTLED) !== 0) continue;
    const seconds = facts[f + BILLABLE_SECONDS];
    if (!known) {
      const entry = entries[i];
      exceptions.push(exceptionFor(entry, seconds, 'UnknownNode', exceptionMessages.unknownNode(entry.nodeId ?? '')));
      continue;
    }
    const rest = match(i, f, seconds, BILL_NOW, true);
    if (rest === 0) continue;
    const entry = entries[i];
    if (rest === seconds && !cappedOut) {
      exceptions.push(exceptionFor(entry, rest, 'NoLineItem', exceptionMessages.noLineItem(entry.nodeId ?? '', rest)));
    } else {
      exceptions.push(exceptionFor(entry, rest, 'OverLimit', exceptionMessages.overLimit(rest)));
    }
  }
  if (onProgress !== undefined) onProgress('matching', total, total);

  return { docking, transactions, exceptions, people: people.keys };
}
