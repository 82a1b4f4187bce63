/**
 * The one place that builds Excel errors. The function logic returns a `FunctionFailure`
 * (plain data, testable in Node); only `toExcelValue` touches the Office runtime's
 * `CustomFunctions` global. Excel shows a custom message only with `#VALUE!` and `#N/A`
 * (the other codes drop it), so these are the two codes the add-in uses (each failure's code and
 * sentence come from one catalogue, functionMessages.ts):
 * - `notAvailable` (#N/A): no such id, or the tables could not be read right now;
 * - `invalidValue` (#VALUE!): a bad argument, or a workbook with input errors.
 */

export type FailureCode = 'notAvailable' | 'invalidValue';

export class FunctionFailure {
  constructor(
    readonly code: FailureCode,
    readonly message: string,
  ) {}
}

export function isFailure(value: unknown): value is FunctionFailure {
  return value instanceof FunctionFailure;
}

/** A result as a cell takes it: the value itself, or a `CustomFunctions.Error` with its message. */
export function toExcelValue<T>(value: T | FunctionFailure): T | CustomFunctions.Error {
  if (!isFailure(value)) return value;
  const code = value.code === 'notAvailable' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, value.message);
}
