/**
 * PaymentPlan orders (docs/billing-rules.md sections 5 and 6): the installments due on or before
 * the billing date and not yet invoiced become invoice rows; the order's time is costed,
 * never invoiced.
 *
 * A Percent installment is a share of the order's budget value (the sum of Quantity ×
 * UnitPrice over its line items). Percent amounts are rounded on the running total, in
 * due-date order: each installment is round(percent so far × budget) minus the rounded
 * amounts before it, so a plan of 100 % always adds up to the budget to the cent, and an
 * installment's amount does not depend on which run bills it.
 */
import type { BillingWorkbook, Installment, Order } from '../../schema/model';
import type { InvoiceRow } from '../billingResult';
import type { Day } from '../../core/day';
import { Decimal, ZERO, roundCentsHalfUp, sumDecimals } from '../../core/money';
import { budgetValueOf } from '../projects/nodeProgress';
import { invoiceRowTexts } from '../invoiceRowTexts';

export interface InstallmentRow {
  row: Omit<InvoiceRow, 'row'>;
  /** 0-based data row of the installment in PaymentPlan: gets the invoice number. */
  installmentIndex: number;
}

/** The order's budget value: Quantity × UnitPrice over its line items, exact. */
export function orderBudgetValue(book: Pick<BillingWorkbook, 'lineItems'>, order: Order): Decimal {
  return sumDecimals(book.lineItems.filter((l) => l.orderKey === order.key).map(budgetValueOf));
}

function byDueDate(a: Installment, b: Installment): number {
  return a.dueDate - b.dueDate || a.source.index - b.source.index;
}

/** The amount of every installment of the order, in cents, invoiced or not. */
export function installmentAmounts(book: Pick<BillingWorkbook, 'lineItems' | 'installments'>, order: Order): Map<Installment, Decimal> {
  const amounts = new Map<Installment, Decimal>();
  const budget = orderBudgetValue(book, order);
  let percentSoFar = ZERO;
  let roundedSoFar = ZERO;
  for (const installment of book.installments.filter((i) => i.orderKey === order.key).sort(byDueDate)) {
    if (installment.amount !== undefined) {
      amounts.set(installment, roundCentsHalfUp(installment.amount));
    } else if (installment.percent !== undefined) {
      percentSoFar = percentSoFar.plus(installment.percent);
      const upToHere = roundCentsHalfUp(budget.mul(percentSoFar));
      amounts.set(installment, upToHere.minus(roundedSoFar));
      roundedSoFar = upToHere;
    } else {
      amounts.set(installment, ZERO);
    }
  }
  return amounts;
}

/** Rows for the installments due on or before the billing date that have no InvoiceNo yet. */
export function installmentRows(book: BillingWorkbook, order: Order, billingDate: Day): InstallmentRow[] {
  const rows: InstallmentRow[] = [];
  for (const [installment, amount] of installmentAmounts(book, order)) {
    if (installment.invoiceNo !== undefined || installment.dueDate > billingDate) continue;
    const text = installment.description?.trim() ? installment.description : invoiceRowTexts.Installment(installment.dueDate);
    rows.push({
      row: {
        description: text,
        quantity: new Decimal(1),
        unitPrice: amount,
        amount,
        revenueAccount: book.settings.projectRevenueAccount,
        source: order.id,
        entryIds: [],
      },
      installmentIndex: installment.source.index,
    });
  }
  return rows;
}
