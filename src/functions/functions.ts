/**
 * The PSA.* worksheet functions. custom-functions-metadata-plugin builds functions.json from
 * the JSDoc below (id = the name after @customfunction, upper-cased; namespace PSA from the
 * manifest). Each one only forwards to psaFunctions.ts, which index.ts installs at startup.
 * All are streaming: the cell keeps its invocation and gets a new value whenever the input
 * tables change (docs/custom-functions.md).
 */
import { toExcelValue } from './excelErrors';
import { functionFailure } from './functionMessages';
import type { PsaFunctions } from './psaFunctions';

let installed: PsaFunctions | undefined;

/** index.ts: the functions' implementation over the workbook cache. */
export function installPsaFunctions(functions: PsaFunctions | undefined): void {
  installed = functions;
}

function withFunctions<T>(invocation: CustomFunctions.StreamingInvocation<T>, call: (functions: PsaFunctions) => void): void {
  if (installed === undefined) {
    invocation.setResult(toExcelValue<T>(functionFailure('Starting')));
    return;
  }
  call(installed);
}

/**
 * Remaining hours of a block-time agreement as of a date, as AgreementSummary would show them.
 * @customfunction BALANCE
 * @param {string} agreement AgreementId, for example "AGR-7".
 * @param {number | string} [date] As of this date (an Excel date or YYYY-MM-DD text); blank = today.
 * @param {CustomFunctions.StreamingInvocation<number>} invocation
 */
export function balance(agreement: string, date: number | string, invocation: CustomFunctions.StreamingInvocation<number>): void {
  withFunctions(invocation, (f) => f.balance(agreement, date, invocation));
}

/**
 * Hours of an agreement's time dated between two dates (both included) that its block covered.
 * @customfunction USED
 * @param {string} agreement AgreementId, for example "AGR-7".
 * @param {number | string} [from] First date; blank = from the beginning.
 * @param {number | string} [to] Last date; blank = today.
 * @param {CustomFunctions.StreamingInvocation<number>} invocation
 */
export function used(agreement: string, from: number | string, to: number | string, invocation: CustomFunctions.StreamingInvocation<number>): void {
  withFunctions(invocation, (f) => f.used(agreement, from, to, invocation));
}

/**
 * The amount an order would still have unbilled after a billing run on a date (OrderStatus Unbilled of a preview).
 * @customfunction UNBILLED
 * @param {string} order OrderId, for example "O-1".
 * @param {number | string} [date] Billing date (an Excel date or YYYY-MM-DD text); blank = today.
 * @param {CustomFunctions.StreamingInvocation<number>} invocation
 */
export function unbilled(order: string, date: number | string, invocation: CustomFunctions.StreamingInvocation<number>): void {
  withFunctions(invocation, (f) => f.unbilled(order, date, invocation));
}

/**
 * Whether an order may bill on a date (OrderStatus CanBill); with reason TRUE, the reason instead.
 * @customfunction CANBILL
 * @param {string} order OrderId, for example "O-1".
 * @param {number | string} [date] Billing date (an Excel date or YYYY-MM-DD text); blank = today.
 * @param {boolean} [reason] TRUE returns the reason text instead of TRUE/FALSE.
 * @param {CustomFunctions.StreamingInvocation<boolean | string>} invocation
 */
export function canBill(order: string, date: number | string, reason: boolean, invocation: CustomFunctions.StreamingInvocation<boolean | string>): void {
  withFunctions(invocation, (f) => f.canBill(order, date, reason, invocation));
}

/**
 * The order line item (OrderId/Line) that bills a time entry, or the reason none does.
 * @customfunction LINEITEM
 * @param {string} entryId EntryId of the time entry, for example "E1".
 * @param {CustomFunctions.StreamingInvocation<string>} invocation
 */
export function lineItem(entryId: string, invocation: CustomFunctions.StreamingInvocation<string>): void {
  withFunctions(invocation, (f) => f.lineItem(entryId, invocation));
}

/**
 * Service ticket or project? "Ticket" or "Project" by docs/billing-rules.md section 9.
 * @customfunction ADVISE
 * @param {number} days Expected duration in days.
 * @param {number} people Number of people working on it.
 * @param {number} contacts Number of customer contacts.
 * @param {boolean} progressBilling TRUE when progress invoices or phase budgets are needed.
 * @param {CustomFunctions.StreamingInvocation<string>} invocation
 */
export function advise(
  days: number,
  people: number,
  contacts: number,
  progressBilling: boolean,
  invocation: CustomFunctions.StreamingInvocation<string>,
): void {
  withFunctions(invocation, (f) => f.advise(days, people, contacts, progressBilling, invocation));
}

/** Metadata id (as the plugin generates it) → function, for CustomFunctions.associate. */
export const FUNCTION_IDS = {
  BALANCE: balance,
  USED: used,
  UNBILLED: unbilled,
  CANBILL: canBill,
  LINEITEM: lineItem,
  ADVISE: advise,
} as const;
