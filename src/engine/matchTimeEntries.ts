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
import type { BillingException, BillingOptions, ExceptionReason } from './billingResult';
import { billableSeconds } from './billableSeconds';
import { capPeriodIndex } from './capPeriod';
import { dockLineItems, type Docking } from './dockLineItems';
import { sortByDateAndEntryId } from './entryOrder';
import { exceptionMessage, type ExceptionFacts } from './exceptionMessages';
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

/** An exception about (part of) an entry, with the sentence of its reason code; the fill goes on the entry's own TimeEntries row. */
export function exceptionFor<R extends ExceptionReason>(
  entry: TimeEntry,
  seconds: number,
  reason: R,
  ...facts: ExceptionFacts<R>
): BillingException {
  const message = exceptionMessage(reason, ...facts);
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

interface Interner<K extends string> {
  keys: K[];
  id(key: K): number;
}

/** Interns texts to small integers so matching compares numbers, not strings. */
function interner<K extends string>(): Interner<K> {
  const ids = new Map<K, number>();
  const keys: K[] = [];
  return {
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

/** The names matching compares, as small integers: people by key, categories by their id key. */
interface MatchNames {
  people: Interner<PersonKey>;
  categories: Interner<string>;
}

function categoryIdOf(names: MatchNames, text: string | undefined): number {
  return text === undefined ? NO_ID : names.categories.id(idKey(text));
}

/** What the filters need of each line, as numbers, and its cap's use per period. */
interface LineFilters {
  category: Int32Array;
  assignee: Int32Array;
  from: Float64Array;
  to: Float64Array;
  /** MaxBillable in seconds, NO_ID without a cap. */
  max: Int32Array;
  /** Used seconds per cap period, per capped line. */
  capUsed: (Map<number, number> | undefined)[];
}

function lineFilters(lines: readonly LineItem[], names: MatchNames): LineFilters {
  const count = lines.length;
  const filters: LineFilters = {
    category: new Int32Array(count), assignee: new Int32Array(count), from: new Float64Array(count), to: new Float64Array(count),
    max: new Int32Array(count), capUsed: lines.map((line) => (line.maxBillable !== undefined ? new Map<number, number>() : undefined)),
  };
  lines.forEach((line, li) => {
    filters.category[li] = categoryIdOf(names, line.category);
    filters.assignee[li] = line.assignee === undefined ? NO_ID : names.people.id(line.assignee);
    filters.from[li] = line.validFrom ?? -Infinity;
    filters.to[li] = line.validTo ?? Infinity;
    filters.max[li] = line.maxBillable ?? NO_ID;
  });
  return filters;
}

/**
 * What matching needs of each order-time entry, packed side by side in (Date, EntryId) order,
 * so that both passes read one small record after another instead of scattered objects.
 */
interface PackedEntries {
  /** Entry indexes (book.timeEntries) in (Date, EntryId) order. */
  sorted: ArrayLike<number>;
  /** FACTS numbers per entry, record s for sorted[s]. */
  facts: Int32Array;
}

/**
 * The records are filled in table order (entries read front to back, names interned in
 * table order) and written straight to their sorted place.
 */
function packEntries(book: BillingWorkbook, nodeIndex: ReadonlyMap<string, number>, names: MatchNames): PackedEntries {
  const { timeEntries: entries, settings } = book;
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
    facts[f + PERSON] = names.people.id(entry.person);
    let category = NO_ID;
    if (entry.category !== undefined) {
      const known = rawCategory.get(entry.category);
      category = known ?? categoryIdOf(names, entry.category);
      if (known === undefined) rawCategory.set(entry.category, category);
    }
    facts[f + CATEGORY] = category;
    facts[f + DATE] = entry.date;
    facts[f + BILLABLE_SECONDS] = billableSeconds(entry.seconds, roundUpMinutes, minimumMinutes);
    facts[f + RECORDED_SECONDS] = entry.seconds;
    facts[f + FLAGS] = (entry.billable ? FLAG_BILLABLE : 0) | (isSettled(entry) ? FLAG_SETTLED : 0) | (entry.separateRow ? FLAG_SEPARATE : 0);
    facts[f + ROW] = entry.source.index;
  }
  return { sorted, facts };
}

/** Walks entries through their node's candidates and records the transactions. */
class Matcher {
  /** Most entries make one transaction: sized once, the columns rarely grow. */
  readonly transactions: Transactions;
  /** Whether the last match had a line refuse time only for lack of cap room. */
  cappedOut = false;
  private readonly current: TransactionEntry = { entry: 0, row: 0, person: 0, separateRow: false };

  constructor(
    private readonly lines: readonly LineItem[],
    private readonly candidates: readonly Int32Array[],
    private readonly filters: LineFilters,
    private readonly facts: Int32Array,
  ) {
    const total = facts.length / FACTS;
    this.transactions = new Transactions(total + (total >> 4));
  }

  /**
   * Walks entry `ei` (its record at `f`) through its node's candidates and returns the
   * seconds nothing took; `record`: whether the parts become transactions.
   */
  match(ei: number, f: number, seconds: number, kind: TransactionKind, record: boolean): number {
    const { facts, filters } = this;
    const chain = this.candidates[facts[f + NODE]];
    const category = facts[f + CATEGORY];
    const person = facts[f + PERSON];
    const date = facts[f + DATE];
    const useCaps = kind !== NOT_BILLABLE;
    let rest = seconds;
    let recordedLeft = facts[f + RECORDED_SECONDS];
    this.cappedOut = false;
    const current = this.current;
    current.entry = ei;
    current.row = facts[f + ROW];
    current.person = person;
    current.separateRow = (facts[f + FLAGS] & FLAG_SEPARATE) !== 0;
    for (let k = 0; k < chain.length && rest > 0; k++) {
      const li = chain[k];
      if (filters.category[li] !== NO_ID && filters.category[li] !== category) continue;
      if (filters.assignee[li] !== NO_ID && filters.assignee[li] !== person) continue;
      if (date < filters.from[li] || date > filters.to[li]) continue;
      let take = rest;
      if (useCaps && filters.max[li] !== NO_ID) {
        const line = this.lines[li];
        const used = filters.capUsed[li]!;
        const period = capPeriodIndex(date, line.maxPer, line.validFrom);
        const already = used.get(period) ?? 0;
        const room = filters.max[li] - already;
        if (room <= 0) {
          this.cappedOut = true;
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
        this.transactions.push(current, li, take, cost, kind);
      }
    }
    return rest;
  }
}

/** Pass 1: time settled on earlier runs keeps its cap room and its cost. */
function replaySettledTime(packed: PackedEntries, matcher: Matcher, billingDate: number): void {
  const { sorted, facts } = packed;
  for (let s = 0; s < sorted.length; s++) {
    const f = s * FACTS;
    if ((facts[f + FLAGS] & (FLAG_BILLABLE | FLAG_SETTLED)) !== (FLAG_BILLABLE | FLAG_SETTLED) || facts[f + NODE] === NO_ID) continue;
    matcher.match(sorted[s], f, facts[f + BILLABLE_SECONDS], SETTLED_EARLIER, facts[f + DATE] <= billingDate);
  }
}

const PROGRESS_EVERY = 100_000;

/** Pass 2: this run's time, in (Date, EntryId) order; returns the exceptions for time nothing took. */
function matchThisRunsTime(entries: readonly TimeEntry[], packed: PackedEntries, matcher: Matcher, options: BillingOptions): BillingException[] {
  const { billingDate, onProgress } = options;
  const { sorted, facts } = packed;
  const total = sorted.length;
  const exceptions: BillingException[] = [];
  for (let s = 0; s < total; s++) {
    if (onProgress !== undefined && s % PROGRESS_EVERY === 0) onProgress('matching', s, total);
    const i = sorted[s];
    const f = s * FACTS;
    if (facts[f + DATE] > billingDate) continue;
    const flags = facts[f + FLAGS];
    const known = facts[f + NODE] !== NO_ID;
    if ((flags & FLAG_BILLABLE) === 0) {
      if (known) matcher.match(i, f, facts[f + RECORDED_SECONDS], NOT_BILLABLE, true);
      continue;
    }
    if ((flags & FLAG_SETTLED) !== 0) continue;
    const seconds = facts[f + BILLABLE_SECONDS];
    if (!known) {
      const entry = entries[i];
      exceptions.push(exceptionFor(entry, seconds, 'UnknownNode', entry.nodeId ?? ''));
      continue;
    }
    const rest = matcher.match(i, f, seconds, BILL_NOW, true);
    if (rest === 0) continue;
    const entry = entries[i];
    if (rest === seconds && !matcher.cappedOut) {
      exceptions.push(exceptionFor(entry, rest, 'NoLineItem', entry.nodeId ?? '', rest));
    } else {
      exceptions.push(exceptionFor(entry, rest, 'OverLimit', rest));
    }
  }
  if (onProgress !== undefined) onProgress('matching', total, total);
  return exceptions;
}

export function matchTimeEntries(book: BillingWorkbook, options: BillingOptions): MatchedTime {
  const docking = dockLineItems(book);
  const names: MatchNames = { people: interner<PersonKey>(), categories: interner<string>() };
  // Lines first, so names are interned as before: the lines' in table order, then the entries'.
  const filters = lineFilters(book.lineItems, names);
  const packed = packEntries(book, docking.nodeIndex, names);
  const matcher = new Matcher(book.lineItems, docking.candidates, filters, packed.facts);
  replaySettledTime(packed, matcher, options.billingDate);
  const exceptions = matchThisRunsTime(book.timeEntries, packed, matcher, options);
  return { docking, transactions: matcher.transactions, exceptions, people: names.people.keys };
}
