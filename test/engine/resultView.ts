/** Short, hand-checkable views of a BillingResult for assertions (money as strings). */
import type { BillingException, BillingResult, Invoice } from '../../src/engine/billingResult';

/** Each row as [description, quantity, unit price ('' when blank), amount, entry ids]. */
export function rowsOf(invoice: Invoice): string[][] {
  return invoice.rows.map((row) => [
    row.description,
    row.quantity.toFixed(2),
    row.unitPrice === undefined ? '' : row.unitPrice.toFixed(2),
    row.amount.toFixed(2),
    row.entryIds.join(','),
  ]);
}

/** The only invoice of a run; fails when there is not exactly one. */
export function onlyInvoice(result: BillingResult): Invoice {
  expect(result.invoices).toHaveLength(1);
  return result.invoices[0];
}

export function invoiceFor(result: BillingResult, source: string): Invoice {
  const invoice = result.invoices.find((i) => i.source === source);
  if (invoice === undefined) throw new Error(`no invoice for ${source}; invoices: ${result.invoices.map((i) => i.source).join(', ')}`);
  return invoice;
}

/** Each exception as [entry id, reason, seconds]. */
export function exceptionsOf(result: { exceptions: BillingException[] }): [string, string, number][] {
  return result.exceptions.map((e) => [e.entryId, e.reason, e.seconds]);
}
