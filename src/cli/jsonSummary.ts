/**
 * The `--json` summary: what a script needs to check a run. Money and hours are strings
 * with two decimals, straight from Decimal, so no float ever rounds them; dates are
 * `YYYY-MM-DD`.
 */
import { exactHours, isoFromDay, sumDecimals, type BillingResult, type Decimal } from '../engine';

const fixed = (d: Decimal | undefined): string | null => (d === undefined ? null : d.toFixed(2));

export interface JsonSummaryContext {
  workbook: string;
  /** The file written; absent when nothing was written. */
  output?: string;
}

export function jsonSummary(result: BillingResult, context: JsonSummaryContext) {
  return {
    workbook: context.workbook,
    output: context.output ?? null,
    billingDate: isoFromDay(result.billingDate),
    preview: result.preview,
    currency: result.currency,
    totals: {
      invoices: result.invoices.length,
      net: fixed(sumDecimals(result.invoices.map((i) => i.net))),
      tax: fixed(sumDecimals(result.invoices.map((i) => i.tax))),
      gross: fixed(sumDecimals(result.invoices.map((i) => i.gross))),
      exceptions: result.exceptions.length,
      warnings: (result.warnings ?? []).length,
    },
    invoices: result.invoices.map((i) => ({
      invoiceNo: i.invoiceNo === '' ? null : i.invoiceNo,
      date: isoFromDay(i.date),
      customer: i.customer,
      source: i.source,
      kind: i.kind,
      currency: i.currency,
      rows: i.rows.length,
      net: fixed(i.net),
      tax: fixed(i.tax),
      gross: fixed(i.gross),
    })),
    exceptions: result.exceptions.map((e) => ({
      entryId: e.entryId,
      date: isoFromDay(e.date),
      person: e.person,
      nodeId: e.nodeId ?? null,
      agreement: e.agreement ?? null,
      hours: fixed(exactHours(e.seconds)),
      reason: e.reason,
      message: e.message,
    })),
    agreements: result.agreementSummary.map((a) => ({
      agreementId: a.agreementId,
      customer: a.customer,
      initial: fixed(a.initial),
      added: fixed(a.added),
      rolledOver: fixed(a.rolledOver),
      used: fixed(a.used),
      remaining: fixed(a.remaining),
      overrun: fixed(a.overrun),
      recorded: fixed(a.recorded),
      lowBalance: a.lowBalance,
      deferredRevenue: fixed(a.deferredRevenue),
      status: a.status,
    })),
    warnings: (result.warnings ?? []).map((w) => ({ code: w.code ?? 'ENTRY_CHANGED', entryId: w.entryId ?? null, invoiceNo: w.invoiceNo ?? null, cell: w.cell ?? null, message: w.message })),
    lowBalanceAgreements: result.agreementSummary.filter((a) => a.lowBalance).map((a) => a.agreementId),
    orderStatus: result.orderStatus.map((o) => ({
      orderId: o.orderId,
      customer: o.customer,
      billingMode: o.billingMode,
      canBill: o.canBill,
      reason: o.reason,
      // A fraction (0.5616 = 56.16 %), to four places: the same precision the percent cell shows at two decimals.
      progress: o.progress.toDecimalPlaces(4).toString(),
      unbilled: fixed(o.unbilled),
      billed: fixed(o.billed),
      cost: fixed(o.cost),
      margin: fixed(o.margin),
      noChargeEntries: o.noChargeEntries ?? 0,
    })),
  };
}
