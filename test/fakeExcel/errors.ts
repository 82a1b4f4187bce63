/**
 * Errors shaped like OfficeExtension.Error: an Error with a string `code`, so code under test
 * can branch on `error.code` exactly as it would inside Excel.
 */
export class FakeOfficeError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'FakeOfficeError';
  }
}

/** The five-million-byte payload limit of Excel on the web, applied to every sync. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** Excel refuses to read values of ranges with more cells than this in one request. */
export const CELL_READ_LIMIT = 5_000_000;

export function notLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function notImplemented(what: string): FakeOfficeError {
  return new FakeOfficeError('NotImplemented', `${what} is not implemented by the fake Excel (test/fakeExcel).`);
}

export function invalidArgument(message: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', message);
}

export function invalidOperation(message: string): FakeOfficeError {
  return new FakeOfficeError('InvalidOperation', message);
}

export function itemNotFound(what: string): FakeOfficeError {
  return new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${what}.`);
}
