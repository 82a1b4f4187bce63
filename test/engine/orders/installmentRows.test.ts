import { installmentRows } from '../../../src/engine/orders/installmentRows';
import { sumDecimals } from '../../../src/core/money';
import type { BillingWorkbook } from '../../../src/schema/model';
import { day, workbook, type InstallmentInput } from '../../builders/workbook';

/** An installment of O1 due on `dueDate`. */
const installment = (dueDate: string, input: Omit<InstallmentInput, 'dueDate'>): InstallmentInput => ({ dueDate, ...input });

/** Order O1 with a budget value of 10 h × 100 + 5 h × 99.99 = 1499.95. */
function planBook(installments: InstallmentInput[]): BillingWorkbook {
  const book = workbook()
    .order('O1', { billingMode: 'PaymentPlan' })
    .line('O1/1', { quantity: 10, price: '100' })
    .line('O1/2', { quantity: 5, price: '99.99' });
  for (const input of installments) book.installment('O1', input);
  return book.build();
}
const rowsAt = (b: BillingWorkbook, iso: string) => installmentRows(b, b.orders[0], day(iso));
const show = (rows: ReturnType<typeof installmentRows>) => rows.map((r) => `${r.row.description} | ${r.row.quantity} x ${r.row.unitPrice?.toFixed(2)} = ${r.row.amount.toFixed(2)}`);

describe('§6 PaymentPlan rows: one per installment due, Quantity 1, UnitPrice = Amount', () => {
  test('the installments due on or before the billing date bill, one row each: text, quantity 1, unit price = amount', () => {
    const b = planBook([
      installment('2025-03-01', { amount: '400', description: 'Down payment' }),
      installment('2025-06-01', { amount: '600' }),
      installment('2025-06-02', { amount: '499.95' }),
    ]);
    expect(show(rowsAt(b, '2025-06-01'))).toEqual(['Down payment | 1 x 400.00 = 400.00', 'Installment due 2025-06-01 | 1 x 600.00 = 600.00']);
  });

  test('an installment already invoiced is not billed again', () => {
    const b = planBook([installment('2025-03-01', { amount: '400', invoiceNo: 'INV-00007' }), installment('2025-04-01', { amount: '600' })]);
    expect(rowsAt(b, '2025-06-01').map((r) => r.installmentIndex)).toEqual([1]);
  });

  test('a Percent installment is that share of the budget value', () => {
    // 30 % of 1499.95 = 449.985 -> 449.99
    const b = planBook([installment('2025-03-01', { percent: '0.3' })]);
    expect(show(rowsAt(b, '2025-06-01'))).toEqual(['Installment due 2025-03-01 | 1 x 449.99 = 449.99']);
  });

  test('percent installments adding to 100 % sum to the budget value to the cent', () => {
    // thirds of 1499.95: 499.98 (499.983..), 499.99 (999.966.. -> 999.97), 499.98 (1499.95)
    const b = planBook([
      installment('2025-01-01', { percent: '0.333333333333333333' }),
      installment('2025-02-01', { percent: '0.333333333333333333' }),
      installment('2025-03-01', { percent: '0.333333333333333334' }),
    ]);
    const rows = rowsAt(b, '2025-12-31');
    expect(rows.map((r) => r.row.amount.toFixed(2))).toEqual(['499.98', '499.99', '499.98']);
    expect(sumDecimals(rows.map((r) => r.row.amount)).toFixed(2)).toBe('1499.95');
  });

  test('a percent installment bills the same amount whichever run bills it', () => {
    const plan = [installment('2025-01-01', { percent: '0.333333333333333333' }), installment('2025-02-01', { percent: '0.666666666666666667' })];
    const first = rowsAt(planBook(plan), '2025-01-15');
    const second = rowsAt(planBook([{ ...plan[0], invoiceNo: 'INV-1' }, plan[1]]), '2025-02-15');
    expect([...first, ...second].map((r) => r.row.amount.toFixed(2))).toEqual(['499.98', '999.97']);
  });

  test('amount installments summing to the budget bill it exactly', () => {
    const b = planBook([installment('2025-01-01', { amount: '1000' }), installment('2025-02-01', { amount: '499.95' })]);
    expect(sumDecimals(rowsAt(b, '2025-12-31').map((r) => r.row.amount)).toFixed(2)).toBe('1499.95');
  });

  test('rows post to the project revenue account and name the order as source', () => {
    const [row] = rowsAt(planBook([installment('2025-01-01', { amount: '10' })]), '2025-01-01');
    expect([row.row.revenueAccount, row.row.source]).toEqual(['Professional Services', 'O1']);
  });
});
