import { ZERO, type Decimal } from '../core/money';
import { sentences } from './issueCatalogue';
import type { Installment, OrderKey } from './model';
import type { ReadContext } from './readContext';
import { keyOf, type TableReader } from './tableReader';

/** PaymentPlan: installments of an order, each with an Amount or a Percent of the order's budget, never both. */
export function readPaymentPlan(reader: TableReader | undefined, ctx: ReadContext): Installment[] {
  if (!reader) return [];
  const c = {
    orderId: reader.column('OrderId', true),
    dueDate: reader.column('DueDate', true),
    amount: reader.column('Amount'),
    percent: reader.column('Percent'),
    description: reader.column('Description'),
    invoiceNo: reader.column('InvoiceNo'),
  };
  if (c.amount < 0 && c.percent < 0) {
    reader.tableIssue(sentences.missingEitherColumn('PaymentPlan', 'Amount', 'Percent'), 'Amount');
  }
  /** Running total of each order's Percent installments, in table order. */
  const percentSoFar = new Map<OrderKey, Decimal>();
  const installments = reader.readRows<Installment>((row, r) => {
    reader.rowId = undefined;
    const orderId = reader.text(row, r, c.orderId, true);
    const orderKey = keyOf<OrderKey>(orderId ?? '');
    if (orderId !== undefined) {
      reader.rowId = orderId;
      ctx.references.add(reader, r, c.orderId, orderKey, 'Orders');
    }
    const amount = reader.money(row, r, c.amount, false, 'positive');
    const percent = reader.percent(row, r, c.percent);
    const hasAmount = !reader.isBlankCell(r, c.amount);
    const hasPercent = !reader.isBlankCell(r, c.percent);
    if (hasAmount && hasPercent) {
      reader.report(sentences.notBothAmountAndPercent(), r, c.percent);
    } else if (!hasAmount && !hasPercent && (c.amount >= 0 || c.percent >= 0)) {
      reader.report(sentences.amountOrPercent(), r, c.amount >= 0 ? c.amount : c.percent);
    } else if (percent !== undefined && percent.isZero()) {
      reader.report(sentences.notPositive('Percent', reader.valueAt(r, c.percent)), r, c.percent);
    } else if (percent !== undefined && orderId !== undefined) {
      const total = (percentSoFar.get(orderKey) ?? ZERO).plus(percent);
      percentSoFar.set(orderKey, total);
      if (total.gt(1)) reader.report(sentences.percentsOver100(orderId, total.mul(100).toString()), r, c.percent);
    }
    const installment: Installment = {
      orderKey,
      dueDate: reader.date(row, r, c.dueDate, true) ?? 0,
      amount,
      percent,
      description: reader.text(row, r, c.description),
      invoiceNo: reader.text(row, r, c.invoiceNo),
      source: reader.source(r),
    };
    return installment;
  });
  return installments;
}
