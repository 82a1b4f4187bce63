import fc from 'fast-check';
import { budgetRows } from '../../../src/engine/orders/budgetRows';
import { installmentRows } from '../../../src/engine/orders/installmentRows';
import { Decimal, roundCentsHalfUp, sumDecimals, valueOfSeconds } from '../../../src/core/money';
import { projectView } from '../../../src/engine/projects/projectView';
import { day, workbook } from '../../builders/workbook';

const budgetArb = fc.record({ seconds: fc.integer({ min: 1, max: 500 * 3600 }), cents: fc.integer({ min: 1, max: 50_000 }) });

describe('§6 Budget billing adds up to the budget value, rounded to cents', () => {
  test('any rising sequence of progress ending in Completed bills exactly the budget value, rounded to cents', () => {
    fc.assert(fc.property(budgetArb, fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 6 }), ({ seconds, cents }, steps) => {
      const price = new Decimal(cents).div(100).toFixed(2);
      const progresses = [...steps].sort((a, b) => a - b).map((p) => new Decimal(p).div(1000).toString());
      const billed: string[] = [];
      for (const progress of [...progresses, 'done']) {
        const builder = workbook()
          .order('O1', { basis: 'AsBudgeted' })
          .line('O1/1', { quantity: seconds / 3600, price })
          .node('P', { order: 'O1' })
          .node('W', { parent: 'P', lineItem: 'O1/1', ...(progress === 'done' ? { status: 'Completed' as const } : { progress }) });
        for (const amount of billed) builder.issuedInvoiceLine('INV-00001', { lineItem: 'O1/1', amount });
        const b = builder.build();
        for (const row of budgetRows(b, b.orders[0], projectView(b))) billed.push(row.amount.toFixed(2));
      }
      const budget = roundCentsHalfUp(valueOfSeconds(seconds, new Decimal(price)));
      expect(sumDecimals(billed.map((amount) => new Decimal(amount))).toFixed(2)).toBe(budget.toFixed(2));
    }));
  });

  test('percent installments adding to 100 % bill exactly the budget value, rounded to cents', () => {
    fc.assert(fc.property(budgetArb, fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }), ({ seconds, cents }, weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      const percents = weights.map((w) => new Decimal(w).div(total));
      // the last share takes what the others leave, so the plan is exactly 100 %
      percents[percents.length - 1] = new Decimal(1).minus(sumDecimals(percents.slice(0, -1)));
      const price = new Decimal(cents).div(100).toFixed(2);
      const builder = workbook().order('O1', { billingMode: 'PaymentPlan' }).line('O1/1', { quantity: seconds / 3600, price });
      percents.forEach((p, i) => builder.installment('O1', { dueDate: `2025-01-${String(i + 1).padStart(2, '0')}`, percent: p.toString() }));
      const b = builder.build();
      const rows = installmentRows(b, b.orders[0], day('2025-12-31'));
      const budget = roundCentsHalfUp(valueOfSeconds(seconds, new Decimal(price)));
      expect(sumDecimals(rows.map((r) => r.row.amount)).toFixed(2)).toBe(budget.toFixed(2));
    }));
  });
});
