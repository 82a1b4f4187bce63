/** Short, hand-checkable views of a BillingResult for assertions (money as strings). */
import type { Decimal } from '../../src/core/money';
import type { AgreementBilling } from '../../src/engine/agreements/billAgreements';
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

/** Money and hours as the sheet shows them: two decimals. */
export function text(value: Decimal): string {
  return value.toFixed(2);
}

/** Each row of an invoice or draft as [description, quantity, unit price ('' when blank), amount], without entry ids. */
export function rowFiguresOf(invoice: { rows: { description: string; quantity: Decimal; unitPrice?: Decimal; amount: Decimal }[] }): string[][] {
  return invoice.rows.map((r) => [r.description, text(r.quantity), r.unitPrice === undefined ? '' : text(r.unitPrice), text(r.amount)]);
}

/** An agreement's AgreementSummary row, figures as text. */
export function summaryOf(billing: Pick<AgreementBilling, 'summary'>, agreementId: string) {
  const row = billing.summary.find((r) => r.agreementId === agreementId);
  if (!row) throw new Error(`no summary row for ${agreementId}`);
  return {
    initial: text(row.initial),
    added: text(row.added),
    rolledOver: text(row.rolledOver),
    used: text(row.used),
    remaining: text(row.remaining),
    overrun: text(row.overrun),
    recorded: text(row.recorded),
    lowBalance: row.lowBalance,
    deferredRevenue: text(row.deferredRevenue),
    status: row.status,
  };
}
