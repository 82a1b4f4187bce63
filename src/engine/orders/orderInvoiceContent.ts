/**
 * What one order's invoice carries on this run, by billing mode and basis (docs/billing-rules.md
 * sections 5 and 6):
 * - PaymentPlan: only its installments due by the billing date (its time is cost only);
 * - Basis AsBudgeted: only its budget rows for the lines its mode lets bill (time is cost only);
 * - Basis Actual: the priced rows of its time that its mode lets bill now.
 */
import type { BillingWorkbook, LineItemKey } from '../../schema/model';
import type { Day } from '../../core/day';
import type { EntryLedger, InvoiceRow } from '../billingResult';
import type { SettleTarget } from '../draftInvoice';
import type { ProjectView } from '../projects/projectView';
import { Decimal } from '../../core/money';
import { budgetRows } from './budgetRows';
import { installmentRows } from './installmentRows';
import type { OrderBillingDecision } from './orderBillingDecision';
import type { GroupedTransactions } from './groupByOrder';
import type { OrderLineFacts } from './orderLineFacts';
import { entryLedgerOf, priceTimeRows } from './priceTimeRows';
import type { TimeRows } from './sumTimeRows';

export interface OrderInvoiceContent {
  rows: InvoiceRow[];
  settles: SettleTarget[];
  /** TimeEntries rows the invoice settles (time rows only). */
  settlesTimeEntries?: number[];
  /** The rows' net in cents, when every row was priced in integers. */
  netCents?: number;
  /** Time rows whose every price is zero. */
  isZeroPriced?: boolean;
  entryLedger?: EntryLedger;
}

/** What the content of any order's invoice is made from on this run. */
export interface OrderRunRows {
  book: BillingWorkbook;
  billingDate: Day;
  view: ProjectView;
  facts: OrderLineFacts;
  grouped: GroupedTransactions;
  /** Amounts billed before per line item, for AsBudgeted rows (budgetRows.ts). */
  billedBefore: Map<LineItemKey, Decimal>;
}

export function orderInvoiceContent(run: OrderRunRows, timeRows: TimeRows, oi: number, decision: OrderBillingDecision): OrderInvoiceContent {
  const { book } = run;
  const order = book.orders[oi];
  if (decision.mode === 'PaymentPlan') {
    if (!decision.mayBillSomething) return { rows: [], settles: [] };
    const due = installmentRows(book, order, run.billingDate);
    return {
      rows: due.map((d, r) => ({ ...d.row, row: r + 1 })),
      settles: due.map((d) => ({ table: 'PaymentPlan' as const, index: d.installmentIndex })),
    };
  }
  if (decision.basis === 'AsBudgeted') {
    if (!decision.mayBillSomething) return { rows: [], settles: [] };
    const budget = budgetRows(book, order, run.view, { mayBillLine: (line) => decision.mayBillLine(line), billedBefore: run.billedBefore });
    return {
      rows: budget.map(({ exactAmount: _exact, parts, ...row }, r) => ({
        ...row,
        row: r + 1,
        parts: parts.length > 1
          ? parts.map((p) => ({ lineItem: p.line.ref, quantity: p.hours.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), unitPrice: p.line.unitPrice, amount: p.amount }))
          : undefined,
      })),
      settles: [],
    };
  }
  const time = timeRows.orders[oi];
  if (time === undefined) return { rows: [], settles: [] };
  const { rows, netCents, isZeroPriced } = priceTimeRows(book, time, timeRows, run.facts);
  return { rows, netCents, isZeroPriced, settles: [], settlesTimeEntries: time.settles, entryLedger: entryLedgerOf(time, timeRows, run.grouped) };
}
