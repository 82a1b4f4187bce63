/**
 * The PSA worksheet functions as live results over one workbook cache: each call registers a
 * streaming invocation whose value is computed from the shared snapshot and computed again
 * after every table change. functions.ts (the JSDoc-annotated entry points Excel calls) only
 * forwards here; tests drive this directly with stand-in invocations.
 */
import type { Day } from '../engine';
import { localToday } from './functionArguments';
import { createLiveResults, defaultSchedule, type LiveInvocation, type LiveResults, type Schedule } from './liveResults';
import { adviceOf, balanceOf, canBillOf, lineItemOf, unbilledOf, usedOf } from './psaQueries';
import type { WorkbookCache } from './workbookCache';

export interface PsaFunctions {
  balance(agreement: unknown, date: unknown, invocation: LiveInvocation<number>): void;
  used(agreement: unknown, from: unknown, to: unknown, invocation: LiveInvocation<number>): void;
  unbilled(order: unknown, date: unknown, invocation: LiveInvocation<number>): void;
  canBill(order: unknown, date: unknown, reason: unknown, invocation: LiveInvocation<boolean | string>): void;
  lineItem(entryId: unknown, invocation: LiveInvocation<string>): void;
  advise(days: unknown, people: unknown, contacts: unknown, progressBilling: unknown, invocation: LiveInvocation<string>): void;
  readonly live: LiveResults;
}

export interface PsaFunctionOptions {
  /** Today as an Excel day (the default date); the computer's local date unless given. */
  today?: () => Day;
  /** How recomputation after a change is deferred (see liveResults.ts). */
  schedule?: Schedule;
}

export function createPsaFunctions(cache: WorkbookCache, options: PsaFunctionOptions = {}): PsaFunctions {
  const today = options.today ?? (() => localToday());
  const live = createLiveResults(cache, options.schedule ?? defaultSchedule);
  return {
    live,
    balance: (agreement, date, invocation) => live.stream(invocation, (s) => balanceOf(s, agreement, date, today())),
    used: (agreement, from, to, invocation) => live.stream(invocation, (s) => usedOf(s, agreement, from, to, today())),
    unbilled: (order, date, invocation) => live.stream(invocation, (s) => unbilledOf(s, order, date, today())),
    canBill: (order, date, reason, invocation) => live.stream(invocation, (s) => canBillOf(s, order, date, reason, today())),
    lineItem: (entryId, invocation) => live.stream(invocation, (s) => lineItemOf(s, entryId)),
    // The advisor needs the workbook only for BillingPeriodDays: unreadable tables mean 30.
    advise: (days, people, contacts, progressBilling, invocation) =>
      live.stream(invocation, (s) => adviceOf(s, days, people, contacts, progressBilling), {
        withoutWorkbook: () => adviceOf(undefined, days, people, contacts, progressBilling),
      }),
  };
}
