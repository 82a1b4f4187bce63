/**
 * What each PSA worksheet function computes, from one workbook snapshot. Pure and
 * synchronous: no Excel here, so every figure is tested in Node. Figures every cell of a
 * kind shares (a preview run per date, the matching of all time, a balance per agreement
 * and date) are computed once per snapshot.
 *
 * Each function returns its value or a FunctionFailure (see excelErrors.ts).
 */
import {
  adviseTicketOrProject,
  agreementBalance,
  agreementKeyOf,
  buildAgreementLedgers,
  DEFAULT_BILLING_PERIOD_DAYS,
  exceptionMessage,
  isAdviceError,
  isOrderTime,
  matchTimeEntries,
  runBilling,
  type Day,
  type OrderStatusRow,
  type TicketOrProject,
} from '../engine';
import type { BillingWorkbook } from '../schema/model';
import { formatIssue } from '../schema/readBillingWorkbook';
import { readSettings } from '../schema/readSettings';
import { ReferenceList } from '../schema/references';
import { isFailure, type FunctionFailure } from './excelErrors';
import { functionFailure, functionTexts } from './functionMessages';
import { booleanArgument, dateArgument, idArgument, numberArgument } from './functionArguments';
import type { WorkbookSnapshot } from './workbookCache';
import { idKey } from '../core/idKey';

const SECONDS_PER_HOUR = 3600;

/** The validated workbook, or #VALUE! naming how many input errors there are and the first. */
export function billingBook(snapshot: WorkbookSnapshot): BillingWorkbook | FunctionFailure {
  const { workbook, issues } = snapshot.read;
  if (workbook !== undefined) return workbook;
  return functionFailure('InputErrors', issues.length, issues.length > 0 ? formatIssue(issues[0]) : undefined);
}


/** `=PSA.BALANCE(agreement, [date])`: remaining hours of the block as a run on `date` would show them. */
export function balanceOf(snapshot: WorkbookSnapshot, agreement: unknown, date: unknown, today: Day): number | FunctionFailure {
  const id = idArgument(agreement, 'Agreement');
  if (isFailure(id)) return id;
  const day = dateArgument(date, 'Date', today);
  if (isFailure(day)) return day;
  const book = billingBook(snapshot);
  if (isFailure(book)) return book;
  const balance = snapshot.memo(`balance:${idKey(id)}:${day}`, () => agreementBalance(book, id, day!));
  if ('error' in balance) return functionFailure('NoAgreement', id);
  return balance.remainingHours.toNumber();
}

/**
 * `=PSA.USED(agreement, [from], [to])`: hours of the agreement's time dated from..to (both
 * included) that the block covered, as a run on `to` sees it: AgreementSummary's Used,
 * limited to those dates (billable time after rounding; overrun, excluded and inactive time
 * are not "used"). `from` blank = since the beginning; `to` blank = today.
 */
export function usedOf(snapshot: WorkbookSnapshot, agreement: unknown, from: unknown, to: unknown, today: Day): number | FunctionFailure {
  const id = idArgument(agreement, 'Agreement');
  if (isFailure(id)) return id;
  const first = dateArgument(from, 'From', undefined);
  if (isFailure(first)) return first;
  const last = dateArgument(to, 'To', today);
  if (isFailure(last)) return last;
  if (first !== undefined && first > last!) return functionFailure('FromAfterTo');
  const book = billingBook(snapshot);
  if (isFailure(book)) return book;
  const key = agreementKeyOf(id);
  const ledger = snapshot.memo(`ledger:${key}:${last}`, () =>
    buildAgreementLedgers(book, { asOf: last!, preview: false, only: new Set([key]) }).ledgers.find((l) => l.agreement.key === key),
  );
  if (ledger === undefined) return functionFailure('NoAgreement', id);
  let seconds = 0;
  for (const allocation of ledger.allocations) {
    const entryDate = allocation.entry.date;
    if (entryDate > last! || (first !== undefined && entryDate < first)) continue;
    seconds += allocation.coveredSeconds;
  }
  return seconds / SECONDS_PER_HOUR;
}

/** OrderStatus of every order, from one preview run on `day` per snapshot. */
function orderStatusOn(snapshot: WorkbookSnapshot, book: BillingWorkbook, day: Day): Map<string, OrderStatusRow> {
  return snapshot.memo(`orderStatus:${day}`, () => {
    const result = runBilling(book, { billingDate: day, preview: true });
    return new Map(result.orderStatus.map((row) => [idKey(row.orderId), row]));
  });
}

function orderRow(snapshot: WorkbookSnapshot, order: unknown, date: unknown, today: Day): OrderStatusRow | FunctionFailure {
  const id = idArgument(order, 'Order');
  if (isFailure(id)) return id;
  const day = dateArgument(date, 'Date', today);
  if (isFailure(day)) return day;
  const book = billingBook(snapshot);
  if (isFailure(book)) return book;
  return orderStatusOn(snapshot, book, day!).get(idKey(id)) ?? functionFailure('NoOrder', id);
}

/** `=PSA.UNBILLED(order, [date])`: OrderStatus Unbilled of a preview run on `date`. */
export function unbilledOf(snapshot: WorkbookSnapshot, order: unknown, date: unknown, today: Day): number | FunctionFailure {
  const row = orderRow(snapshot, order, date, today);
  return isFailure(row) ? row : row.unbilled.toNumber();
}

/**
 * `=PSA.CANBILL(order, [date], [reason])`: OrderStatus CanBill of a preview run on `date`;
 * with reason TRUE, OrderStatus Reason instead (`can bill` when the order may bill and
 * there is no reason to show).
 */
export function canBillOf(snapshot: WorkbookSnapshot, order: unknown, date: unknown, reason: unknown, today: Day): boolean | string | FunctionFailure {
  const wantsReason = booleanArgument(reason, 'Reason', false);
  if (isFailure(wantsReason)) return wantsReason;
  const row = orderRow(snapshot, order, date, today);
  if (isFailure(row)) return row;
  if (!wantsReason) return row.canBill;
  if (row.reason.trim() !== '') return row.reason;
  return row.canBill ? functionTexts.CanBill() : '';
}

interface EntryLines {
  /** Indexes into book.lineItems, in the order the entry's parts took them. */
  lines: number[];
  messages: string[];
}

/** Which line items take each entry (by TimeEntries row), matched once per snapshot. */
function linesByEntryRow(snapshot: WorkbookSnapshot, book: BillingWorkbook): Map<number, EntryLines> {
  return snapshot.memo('lineItems', () => {
    // A billing date on or after every entry: each entry is matched where a run would match it
    // (matching runs in (Date, EntryId) order, so later time never changes earlier time's line).
    let last = -Infinity;
    for (const entry of book.timeEntries) if (entry.date > last) last = entry.date;
    const matched = matchTimeEntries(book, { billingDate: last, preview: true });
    const byRow = new Map<number, EntryLines>();
    const at = (row: number) => {
      let found = byRow.get(row);
      if (found === undefined) byRow.set(row, (found = { lines: [], messages: [] }));
      return found;
    };
    const { transactions } = matched;
    for (let t = 0; t < transactions.count; t++) {
      const found = at(transactions.row[t]);
      const line = transactions.line[t];
      if (!found.lines.includes(line)) found.lines.push(line);
    }
    for (const exception of matched.exceptions) at(exception.entryIndex).messages.push(exception.message);
    return byRow;
  });
}

/**
 * `=PSA.LINEITEM(entryId)`: the `OrderId/Line` that takes the entry (several, comma-separated,
 * when a cap splits it), followed by the exception for any part nothing takes; or, when no
 * line item takes it, the reason as text.
 */
export function lineItemOf(snapshot: WorkbookSnapshot, entryId: unknown): string | FunctionFailure {
  const id = idArgument(entryId, 'EntryId');
  if (isFailure(id)) return id;
  const book = billingBook(snapshot);
  if (isFailure(book)) return book;
  const key = idKey(id);
  const entry = book.timeEntries.find((e) => idKey(e.id) === key);
  if (entry === undefined) return functionFailure('NoEntry', id);
  if (!isOrderTime(entry)) {
    return functionTexts.EntryOnAgreement(entry.id, entry.agreementId ?? '');
  }
  const found = linesByEntryRow(snapshot, book).get(entry.source.index);
  const lines = (found?.lines ?? []).map((li) => book.lineItems[li].ref);
  const messages = found?.messages ?? [];
  if (lines.length > 0) return messages.length > 0 ? `${lines.join(', ')}; ${messages.join(' ')}` : lines.join(', ');
  if (messages.length > 0) return messages.join(' ');
  if (entry.node === undefined) return exceptionMessage('UnknownNode', entry.nodeId ?? '');
  return functionTexts.NoLineItemTakes(entry.id, entry.nodeId);
}

/** Settings BillingPeriodDays when the Settings table reads cleanly, else the default 30. */
export function billingPeriodDaysOf(snapshot: WorkbookSnapshot | undefined): number {
  if (snapshot === undefined) return DEFAULT_BILLING_PERIOD_DAYS;
  if (snapshot.read.workbook !== undefined) return snapshot.read.workbook.settings.billingPeriodDays;
  return snapshot.memo('billingPeriodDays', () => {
    const ctx = { issues: [], references: new ReferenceList() };
    const settings = readSettings(snapshot.raw, ctx);
    return ctx.issues.length === 0 ? settings.billingPeriodDays : DEFAULT_BILLING_PERIOD_DAYS;
  });
}

/** `=PSA.ADVISE(days, people, contacts, progressBilling)`: Ticket or Project (docs/billing-rules.md section 9). */
export function adviceOf(
  snapshot: WorkbookSnapshot | undefined,
  days: unknown,
  people: unknown,
  contacts: unknown,
  progressBilling: unknown,
): TicketOrProject | FunctionFailure {
  const durationDays = numberArgument(days, 'Days');
  if (isFailure(durationDays)) return durationDays;
  const peopleCount = numberArgument(people, 'People');
  if (isFailure(peopleCount)) return peopleCount;
  const contactCount = numberArgument(contacts, 'Contacts');
  if (isFailure(contactCount)) return contactCount;
  const progress = booleanArgument(progressBilling, 'ProgressBilling', false);
  if (isFailure(progress)) return progress;
  const advice = adviseTicketOrProject(
    { durationDays, people: peopleCount, contacts: contactCount, progressBilling: progress },
    billingPeriodDaysOf(snapshot),
  );
  if (isAdviceError(advice)) return functionFailure('BadAdvice', advice.problems);
  return advice.answer;
}
