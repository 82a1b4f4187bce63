/**
 * What the PSA worksheet functions say (docs/billing-engine.md, "Messages"): the message of
 * each failure a cell shows (`#N/A` or `#VALUE!`, excelErrors.ts) and the texts a function
 * returns as its value, one sentence per reason code. A reason code picks both the Excel error
 * and the sentence (`functionFailure('NoOrder', id)`), so they cannot drift apart. The
 * advisor's own problems come from the engine's catalogue (adviceMessages.ts) and are joined
 * here into one message.
 */
import { FunctionFailure, type FailureCode } from './excelErrors';

/** The id arguments, each with the example its message gives. */
const ID_EXAMPLES = {
  Agreement: 'an AgreementId such as "AGR-7"',
  Order: 'an OrderId such as "O-1"',
  EntryId: 'an EntryId such as "E1"',
} as const;

export type IdArgumentName = keyof typeof ID_EXAMPLES;

/** An argument's value as the message quotes it: text in quotes, a blank as `blank`. */
function shown(value: unknown): string {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return 'blank';
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** Every reason a PSA function fails with its sentence. */
export const functionFailureSentences = {
  // Arguments: each names the argument, what it must be and what it was.
  BadDate: (argument: string, value: unknown): string => `${argument} must be a date (an Excel date or YYYY-MM-DD text), not ${shown(value)}`,
  BadId: (argument: IdArgumentName, value: unknown): string => `${argument} must be ${ID_EXAMPLES[argument]}, not ${shown(value)}`,
  BadBoolean: (argument: string, value: unknown): string => `${argument} must be TRUE or FALSE, not ${shown(value)}`,
  BadNumber: (argument: string, value: unknown): string => `${argument} must be a number, not ${shown(value)}`,
  FromAfterTo: (): string => 'From must not be after To',
  /** The advisor's problems (adviceMessages.ts), one message. */
  BadAdvice: (problems: readonly string[]): string => problems.join('; '),
  // The workbook.
  InputErrors: (count: number, first: string | undefined): string =>
    `The workbook has ${count === 1 ? '1 input error' : `${count} input errors`}${first === undefined ? '' : `; the first: ${first}`}. Fix the input (Preview lists every error) and the figure returns.`,
  NoAgreement: (agreementId: string): string => `No agreement ${agreementId} in Agreements`,
  NoOrder: (orderId: string): string => `No order ${orderId} in Orders`,
  NoEntry: (entryId: string): string => `No entry ${entryId} in TimeEntries`,
  // The add-in itself.
  Starting: (): string => 'PSA Billing is still starting: the value follows in a moment',
  TablesUnreadable: (reason: string): string => `Could not read the workbook's tables: ${reason}`,
  ComputeFailed: (reason: string): string => `PSA Billing could not compute this: ${reason}`,
};

export type FunctionFailureReason = keyof typeof functionFailureSentences;
export type FunctionFailureFacts<C extends FunctionFailureReason> = Parameters<(typeof functionFailureSentences)[C]>;

/**
 * The Excel error each reason shows: `#N/A` when there is nothing to show (no such id, the
 * tables not read yet), `#VALUE!` when what was given is wrong (an argument, the workbook's input).
 */
export const FAILURE_CODE: Record<FunctionFailureReason, FailureCode> = {
  BadDate: 'invalidValue',
  BadId: 'invalidValue',
  BadBoolean: 'invalidValue',
  BadNumber: 'invalidValue',
  FromAfterTo: 'invalidValue',
  BadAdvice: 'invalidValue',
  InputErrors: 'invalidValue',
  NoAgreement: 'notAvailable',
  NoOrder: 'notAvailable',
  NoEntry: 'notAvailable',
  Starting: 'notAvailable',
  TablesUnreadable: 'notAvailable',
  ComputeFailed: 'notAvailable',
};

/** The failure of one reason: its Excel error and its sentence. */
export function functionFailure<C extends FunctionFailureReason>(reason: C, ...facts: FunctionFailureFacts<C>): FunctionFailure {
  const message = (functionFailureSentences[reason] as (...args: FunctionFailureFacts<C>) => string)(...facts);
  return new FunctionFailure(FAILURE_CODE[reason], message);
}

/** Texts a function returns as its value (`=PSA.CANBILL(..., TRUE)`, `=PSA.LINEITEM`). */
export const functionTexts = {
  /** CANBILL with reason TRUE, when the order may bill and OrderStatus gives no reason. */
  CanBill: (): string => 'can bill',
  EntryOnAgreement: (entryId: string, agreementId: string): string =>
    `Entry ${entryId} is booked under agreement ${agreementId}: it bills on the agreement, not on an order line item`,
  /** Order time no line item takes and no exception explains (for example, not billable). */
  NoLineItemTakes: (entryId: string, nodeId: string | undefined): string => `No line item on ${nodeId ?? 'its node'} or above it takes entry ${entryId}`,
};
