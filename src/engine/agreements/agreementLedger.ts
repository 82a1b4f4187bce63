/**
 * The one computation behind agreement billing, the AgreementSummary and PSA.BALANCE
 * (docs/billing-rules.md section 7): for each agreement, which of its time the block covers, as of
 * a date. Everything is whole seconds; Decimal appears only for the prepaid lots' value.
 *
 * Order of consumption: time settled on earlier runs first (it was covered then, whatever
 * its date), in (Date, EntryId) order, then this run's time in (Date, EntryId) order. Each
 * entry takes at most "block + additions dated up to its date + rollover − covered so far".
 */
import type { Agreement, AgreementAddition, AgreementKey, BillingWorkbook, Seconds, TimeEntry } from '../../schema/model';
import type { Day } from '../../core/day';
import { billableSeconds } from '../billableSeconds';
import { Decimal, ZERO, valueOfSeconds } from '../../core/money';
import { naturalKey } from '../naturalOrder';
import { idKey } from '../../core/idKey';

export type AgreementStatusWord = 'Active' | 'Cancelled' | 'Expired' | 'NotStarted';

/** What happened to one time entry under an existing agreement. */
export type AllocationKind = 'Coverable' | 'Excluded' | 'Inactive';

export interface EntryAllocation {
  entry: TimeEntry;
  /** InvoiceNo was set before this run. */
  settled: boolean;
  kind: AllocationKind;
  /** Time as entered. */
  recordedSeconds: Seconds;
  /** After billing rounding: what balances and invoices use. */
  billableSeconds: Seconds;
  /** Coverable: the part the balance covered. */
  coveredSeconds: Seconds;
  /** Coverable: the part beyond the balance. coveredSeconds + overrunSeconds = billableSeconds. */
  overrunSeconds: Seconds;
}

/** A prepaid lot: hours sold at one rate (the block, an addition, or hours rolled over). */
export interface PrepaidLot {
  seconds: Seconds;
  /** Value per hour; zero when the lot is not prepaid here. */
  rate: Decimal;
  /** Counted in "prepaid value invoiced". */
  isInvoiced: boolean;
}

export interface AgreementLedger {
  agreement: Agreement;
  /** Additions of this agreement, by date (ties broken by content, never by row order). */
  additions: AgreementAddition[];
  status: AgreementStatusWord;
  /** Entries of this agreement in consumption order (settled first, then this run's). */
  allocations: EntryAllocation[];
  initialSeconds: Seconds;
  /** Additions dated up to the as-of date. */
  addedSeconds: Seconds;
  rolledInSeconds: Seconds;
  rolledOutSeconds: Seconds;
  /** Covered time dated up to the as-of date. */
  usedSeconds: Seconds;
  /** Time beyond the balance dated up to the as-of date (settled earlier or now). */
  overrunSeconds: Seconds;
  /** The same covered and overrun time as entered, before billing rounding. */
  recordedSeconds: Seconds;
  remainingSeconds: Seconds;
  /** Remaining at or below the threshold, for an agreement active on the as-of date that has not rolled over. */
  isLowBalance: boolean;
  /** Exact, not yet rounded. */
  deferredRevenue: Decimal;
  /** The unused lots handed to the renewal (empty when nothing rolls over yet). */
  carriedLots: PrepaidLot[];
}

export interface AgreementLedgers {
  /** One ledger per agreement, in AgreementId natural order. */
  ledgers: AgreementLedger[];
  /** Unsettled entries dated up to the as-of date that name an agreement that does not exist. */
  unknownAgreementEntries: TimeEntry[];
}

export interface LedgerOptions {
  asOf: Day;
  /** This run's prepaid invoices are not issued in a preview, so they do not count as invoiced. */
  preview: boolean;
  /** Only these agreements (and what they need: predecessors that roll over into them). */
  only?: ReadonlySet<AgreementKey>;
}

export function agreementKeyOf(id: string): AgreementKey {
  return idKey(id) as AgreementKey;
}

export function isActiveOn(agreement: Agreement, date: Day): boolean {
  return agreement.status === 'Active' && agreement.start <= date && (agreement.end === undefined || date <= agreement.end);
}

export function statusOn(agreement: Agreement, date: Day): AgreementStatusWord {
  if (agreement.status === 'Cancelled') return 'Cancelled';
  if (date < agreement.start) return 'NotStarted';
  if (agreement.end !== undefined && date > agreement.end) return 'Expired';
  return 'Active';
}

export function roundingOf(book: BillingWorkbook, agreement: Agreement | undefined): { roundUpMinutes?: number; minimumMinutes?: number } {
  return {
    roundUpMinutes: agreement?.roundUpMinutes ?? book.settings.roundUpMinutes,
    minimumMinutes: agreement?.minimumMinutes ?? book.settings.minimumMinutes,
  };
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

export function isSettled(entry: { invoiceNo?: string }): boolean {
  return !isBlank(entry.invoiceNo);
}

/** An entry the agreements engine handles: it names an agreement and no project node. */
export function isAgreementEntry(entry: TimeEntry): boolean {
  return entry.agreement !== undefined && isBlank(entry.nodeId) && entry.node === undefined;
}

function compareDecimal(a: Decimal | undefined, b: Decimal | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  return a.comparedTo(b);
}

/** Additions by date; same-day additions by content so row order never decides. */
export function compareAdditions(a: AgreementAddition, b: AgreementAddition): number {
  return (
    a.date - b.date ||
    a.hours - b.hours ||
    compareDecimal(a.rate, b.rate) ||
    (a.note ?? '').localeCompare(b.note ?? '') ||
    a.source.index - b.source.index
  );
}

/** The renewal that takes each predecessor's balance: the earliest-starting active renewal with Rollover. */
function findRolloverRenewals(agreements: readonly Agreement[], byKey: ReadonlyMap<AgreementKey, Agreement>): Map<AgreementKey, Agreement> {
  const renewalOf = new Map<AgreementKey, Agreement>();
  for (const renewal of agreements) {
    if (!renewal.rollover || renewal.renewalOf === undefined || renewal.status !== 'Active') continue;
    const predecessor = byKey.get(renewal.renewalOf);
    if (predecessor === undefined || predecessor.status !== 'Active' || predecessor.key === renewal.key) continue;
    const current = renewalOf.get(predecessor.key);
    if (
      current === undefined ||
      renewal.start < current.start ||
      (renewal.start === current.start && naturalKey(renewal.id) < naturalKey(current.id))
    ) {
      renewalOf.set(predecessor.key, renewal);
    }
  }
  return renewalOf;
}

/** The day the predecessor's balance moves: its End, or the renewal's Start if earlier. */
function transferDay(predecessor: Agreement, renewal: Agreement): Day {
  return predecessor.end === undefined ? renewal.start : Math.min(predecessor.end, renewal.start);
}

/** Consumes `seconds` first-in first-out; returns the value used and the lots left. */
function consumeLots(lots: readonly PrepaidLot[], seconds: Seconds): { value: Decimal; left: PrepaidLot[] } {
  let value = ZERO;
  let rest = seconds;
  const left: PrepaidLot[] = [];
  for (const lot of lots) {
    const take = Math.min(rest, lot.seconds);
    if (take > 0) value = value.plus(valueOfSeconds(take, lot.rate));
    rest -= take;
    if (lot.seconds > take) left.push({ ...lot, seconds: lot.seconds - take });
  }
  return { value, left };
}

function invoicedValue(lots: readonly PrepaidLot[]): Decimal {
  let total = ZERO;
  for (const lot of lots) if (lot.isInvoiced) total = total.plus(valueOfSeconds(lot.seconds, lot.rate));
  return total;
}

/**
 * A running balance: a base (block + rollover, or nothing after a transfer) plus additions
 * as their dates come, minus what was covered.
 */
class Drawdown {
  private consumed = 0;
  private readonly dates: Day[];
  private readonly cumulative: Seconds[];

  constructor(private readonly base: Seconds, additions: readonly AgreementAddition[]) {
    this.dates = additions.map((a) => a.date);
    this.cumulative = [];
    let sum = 0;
    for (const a of additions) this.cumulative.push((sum += Math.max(0, a.hours)));
  }

  /** Block + additions dated up to `date` (+ rollover). */
  capacityAt(date: Day): Seconds {
    let lo = 0;
    let hi = this.dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.dates[mid] <= date) lo = mid + 1;
      else hi = mid;
    }
    return this.base + (lo === 0 ? 0 : this.cumulative[lo - 1]);
  }

  /** Covers as much of `seconds` as the balance at `date` allows; returns the covered part. */
  take(date: Day, seconds: Seconds): Seconds {
    const available = Math.max(0, this.capacityAt(date) - this.consumed);
    const covered = Math.min(seconds, available);
    this.consumed += covered;
    return covered;
  }

  get coveredTotal(): Seconds {
    return this.consumed;
  }
}

interface KeyedEntry {
  entry: TimeEntry;
  settled: boolean;
  key: string;
}

/** Settled first, then by (Date, EntryId) in natural order; the row index only separates equal ids. */
function compareConsumption(a: KeyedEntry, b: KeyedEntry): number {
  if (a.settled !== b.settled) return a.settled ? -1 : 1;
  return a.entry.date - b.entry.date || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || a.entry.source.index - b.entry.source.index;
}

/** Agreements needed for `only`: each one and the predecessors that roll over into it. */
function withPredecessors(
  only: ReadonlySet<AgreementKey>,
  byKey: ReadonlyMap<AgreementKey, Agreement>,
  renewals: ReadonlyMap<AgreementKey, Agreement>,
): Set<AgreementKey> {
  const needed = new Set<AgreementKey>();
  const predecessorOf = new Map<AgreementKey, AgreementKey>();
  for (const [predecessor, renewal] of renewals) predecessorOf.set(renewal.key, predecessor);
  for (const start of only) {
    let key: AgreementKey | undefined = start;
    while (key !== undefined && byKey.has(key) && !needed.has(key)) {
      needed.add(key);
      key = predecessorOf.get(key);
    }
  }
  return needed;
}

export function buildAgreementLedgers(book: BillingWorkbook, options: LedgerOptions): AgreementLedgers {
  const { asOf, preview } = options;
  const byKey = new Map<AgreementKey, Agreement>();
  for (const agreement of book.agreements) byKey.set(agreement.key, agreement);
  const renewals = findRolloverRenewals(book.agreements, byKey);
  const predecessorOf = new Map<AgreementKey, Agreement>();
  for (const [predecessorKey, renewal] of renewals) predecessorOf.set(renewal.key, byKey.get(predecessorKey)!);
  const needed = options.only ? withPredecessors(options.only, byKey, renewals) : undefined;

  // One pass over the time: group this engine's entries by agreement.
  const entriesOf = new Map<AgreementKey, KeyedEntry[]>();
  const unknownAgreementEntries: TimeEntry[] = [];
  for (const entry of book.timeEntries) {
    if (!isAgreementEntry(entry)) continue;
    const key = entry.agreement!;
    const settled = isSettled(entry);
    if (!settled && entry.date > asOf) continue;
    if (!byKey.has(key)) {
      if (!settled && (!needed || needed.has(key))) unknownAgreementEntries.push(entry);
      continue;
    }
    if (needed && !needed.has(key)) continue;
    if (!entry.billable) continue;
    let list = entriesOf.get(key);
    if (list === undefined) entriesOf.set(key, (list = []));
    list.push({ entry, settled, key: naturalKey(entry.id) });
  }

  const additionsOf = new Map<AgreementKey, AgreementAddition[]>();
  for (const addition of book.additions) {
    if (!byKey.has(addition.agreement) || (needed && !needed.has(addition.agreement))) continue;
    let list = additionsOf.get(addition.agreement);
    if (list === undefined) additionsOf.set(addition.agreement, (list = []));
    list.push(addition);
  }

  const ledgerOf = new Map<AgreementKey, AgreementLedger>();
  const inProgress = new Set<AgreementKey>();

  const ledgerFor = (agreement: Agreement): AgreementLedger => {
    const done = ledgerOf.get(agreement.key);
    if (done) return done;
    inProgress.add(agreement.key);
    const predecessor = predecessorOf.get(agreement.key);
    let rolledIn: PrepaidLot[] = [];
    if (predecessor && !inProgress.has(predecessor.key)) {
      // The predecessor's own ledger decides what it hands over (empty before the transfer day).
      rolledIn = ledgerFor(predecessor).carriedLots;
    }
    const ledger = computeLedger(book, agreement, additionsOf.get(agreement.key) ?? [], entriesOf.get(agreement.key) ?? [], rolledIn, renewals.get(agreement.key), asOf, preview);
    inProgress.delete(agreement.key);
    ledgerOf.set(agreement.key, ledger);
    return ledger;
  };

  const agreements = book.agreements
    .filter((a) => !needed || needed.has(a.key))
    .map((a) => ({ a, key: naturalKey(a.id) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.a.source.index - y.a.source.index))
    .map((x) => x.a);
  const ledgers = agreements.map(ledgerFor);
  return { ledgers, unknownAgreementEntries };
}

/** An agreement's additions on either side of the day its balance moved to its renewal. */
interface TransferSplit {
  /** The transfer day, once the as-of date has reached it; undefined while nothing has moved. */
  transferredOn?: Day;
  /** Additions the agreement's own balance counts: all of them until the transfer. */
  before: AgreementAddition[];
  /** Additions dated after the transfer day: the predecessor starts afresh with only these. */
  after: AgreementAddition[];
}

/** The running balances time is covered from: the agreement's own, and the one after a transfer. */
interface Balances {
  main: Drawdown;
  later: Drawdown;
  transferredOn?: Day;
}

/** Covered and overrun time dated up to the as-of date. */
interface CoverageTotals {
  usedSeconds: Seconds;
  overrunSeconds: Seconds;
  recordedSeconds: Seconds;
  /** The part of usedSeconds covered by additions after the transfer day. */
  usedLaterSeconds: Seconds;
}

function computeLedger(
  book: BillingWorkbook,
  agreement: Agreement,
  unsortedAdditions: AgreementAddition[],
  keyed: KeyedEntry[],
  rolledIn: PrepaidLot[],
  renewal: Agreement | undefined,
  asOf: Day,
  preview: boolean,
): AgreementLedger {
  const additions = [...unsortedAdditions].sort(compareAdditions);
  const rolledInSeconds = totalSeconds(rolledIn);
  const split = splitAtTransfer(agreement, additions, renewal, asOf);
  const balances: Balances = {
    main: new Drawdown(agreement.hours + rolledInSeconds, split.before),
    later: new Drawdown(0, split.after),
    transferredOn: split.transferredOn,
  };
  const { allocations, totals } = allocateTime(book, agreement, keyed, balances, asOf);
  const { carriedLots, deferredRevenue } = valuePrepaidLots(agreement, rolledIn, split, balances.main.coveredTotal, totals, asOf, preview);
  const rolledOutSeconds = totalSeconds(carriedLots);
  const addedSeconds = addedSecondsBy(additions, asOf);
  const remainingSeconds = agreement.hours + addedSeconds + rolledInSeconds - rolledOutSeconds - totals.usedSeconds;
  return {
    agreement,
    additions,
    status: statusOn(agreement, asOf),
    allocations,
    initialSeconds: agreement.hours,
    addedSeconds,
    rolledInSeconds,
    rolledOutSeconds,
    usedSeconds: totals.usedSeconds,
    overrunSeconds: totals.overrunSeconds,
    recordedSeconds: totals.recordedSeconds,
    remainingSeconds,
    isLowBalance: isLowBalance(book, agreement, remainingSeconds, split.transferredOn !== undefined, asOf),
    deferredRevenue,
    carriedLots,
  };
}

function totalSeconds(lots: readonly PrepaidLot[]): Seconds {
  return lots.reduce((sum, lot) => sum + lot.seconds, 0);
}

/** After the transfer day the predecessor starts afresh: only additions dated later count. */
function splitAtTransfer(agreement: Agreement, additions: AgreementAddition[], renewal: Agreement | undefined, asOf: Day): TransferSplit {
  const transfer = renewal !== undefined ? transferDay(agreement, renewal) : undefined;
  if (transfer === undefined || asOf < transfer) return { before: additions, after: [] };
  return {
    transferredOn: transfer,
    before: additions.filter((a) => a.date <= transfer),
    after: additions.filter((a) => a.date > transfer),
  };
}

/**
 * Each entry in consumption order: Inactive outside the agreement's dates, Excluded for an
 * excluded category, otherwise covered as far as the balance at its date allows.
 */
function allocateTime(
  book: BillingWorkbook,
  agreement: Agreement,
  keyed: KeyedEntry[],
  balances: Balances,
  asOf: Day,
): { allocations: EntryAllocation[]; totals: CoverageTotals } {
  const excluded = new Set(agreement.excludedCategories.map(idKey).filter((c) => c !== ''));
  const { roundUpMinutes, minimumMinutes } = roundingOf(book, agreement);
  const { main, later, transferredOn } = balances;
  keyed.sort(compareConsumption);
  const allocations: EntryAllocation[] = new Array(keyed.length);
  let usedSeconds = 0;
  let overrunSeconds = 0;
  let recordedSeconds = 0;
  let usedLaterSeconds = 0;
  for (let i = 0; i < keyed.length; i++) {
    const { entry, settled } = keyed[i];
    const billable = billableSeconds(entry.seconds, roundUpMinutes, minimumMinutes);
    let kind: AllocationKind = 'Coverable';
    let covered = 0;
    let overrun = 0;
    if (!isActiveOn(agreement, entry.date)) kind = 'Inactive';
    else if (entry.category !== undefined && excluded.has(idKey(entry.category))) kind = 'Excluded';
    else {
      const isLater = transferredOn !== undefined && entry.date > transferredOn;
      covered = (isLater ? later : main).take(entry.date, billable);
      overrun = billable - covered;
      if (entry.date <= asOf) {
        usedSeconds += covered;
        overrunSeconds += overrun;
        recordedSeconds += entry.seconds;
        if (isLater) usedLaterSeconds += covered;
      }
    }
    allocations[i] = { entry, settled, kind, recordedSeconds: entry.seconds, billableSeconds: billable, coveredSeconds: covered, overrunSeconds: overrun };
  }
  return { allocations, totals: { usedSeconds, overrunSeconds, recordedSeconds, usedLaterSeconds } };
}

/**
 * Prepaid lots, first in first out: rolled-over hours, the block, additions by date. The
 * covered time uses them up; after a transfer, what the agreement's own balance left is
 * carried to the renewal. Deferred revenue is what was invoiced and neither used nor carried.
 */
function valuePrepaidLots(
  agreement: Agreement,
  rolledIn: PrepaidLot[],
  split: TransferSplit,
  coveredByMain: Seconds,
  totals: CoverageTotals,
  asOf: Day,
  preview: boolean,
): { carriedLots: PrepaidLot[]; deferredRevenue: Decimal } {
  const rate = agreement.prepaid ? (agreement.rate ?? ZERO) : ZERO;
  const isBlockInvoiced = agreement.prepaid && (isSettled(agreement) || (!preview && agreement.status === 'Active' && agreement.start <= asOf));
  const additionLot = (a: AgreementAddition): PrepaidLot => ({
    seconds: Math.max(0, a.hours),
    rate: agreement.prepaid ? (a.rate ?? agreement.rate ?? ZERO) : ZERO,
    isInvoiced: agreement.prepaid && (isSettled(a) || (!preview && agreement.status === 'Active' && a.date <= asOf)),
  });
  const lotsBefore: PrepaidLot[] = [...rolledIn, { seconds: agreement.hours, rate, isInvoiced: isBlockInvoiced }, ...split.before.map(additionLot)];
  const lotsAfter = split.after.map(additionLot);

  let carriedLots: PrepaidLot[] = [];
  let usedValue: Decimal;
  if (split.transferredOn !== undefined) {
    const first = consumeLots(lotsBefore, coveredByMain);
    carriedLots = first.left;
    usedValue = first.value.plus(consumeLots(lotsAfter, totals.usedLaterSeconds).value);
  } else {
    usedValue = consumeLots(lotsBefore, totals.usedSeconds).value;
  }
  const deferredRevenue = invoicedValue(lotsBefore).plus(invoicedValue(lotsAfter)).minus(usedValue).minus(invoicedValue(carriedLots));
  return { carriedLots, deferredRevenue };
}

/** Additions dated up to the as-of date. */
function addedSecondsBy(additions: readonly AgreementAddition[], asOf: Day): Seconds {
  let addedSeconds = 0;
  for (const a of additions) if (a.date <= asOf) addedSeconds += Math.max(0, a.hours);
  return addedSeconds;
}

/**
 * Remaining at or below the threshold. Only an agreement still in use is flagged: not one
 * expired, cancelled, not started or superseded by the renewal it rolled its balance into.
 */
function isLowBalance(book: BillingWorkbook, agreement: Agreement, remainingSeconds: Seconds, hasTransferred: boolean, asOf: Day): boolean {
  const threshold = agreement.lowBalanceHours ?? book.settings.lowBalanceHours;
  const isInUse = isActiveOn(agreement, asOf) && !hasTransferred;
  return threshold !== undefined && isInUse && remainingSeconds <= threshold;
}
