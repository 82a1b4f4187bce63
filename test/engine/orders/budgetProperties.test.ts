import fc from 'fast-check';
import { budgetRows } from '../../../src/engine/orders/budgetRows';
import { installmentRows } from '../../../src/engine/orders/installmentRows';
import { Decimal, roundCentsHalfUp, sumDecimals, valueOfSeconds } from '../../../src/core/money';
import { projectView } from '../../../src/engine/projects/projectView';
import type { IssuedInvoiceLine } from '../../../src/schema/model';
import { billedLine, book, day, installment, line, node, order } from '../projects/orderBook';

const budgetArb = fc.record({ seconds: fc.integer({ min: 1, max: 500 * 3600 }), cents: fc.integer({ min: 1, max: 50_000 }) });

describe('Budget billing adds up', () => {
  test('any rising sequence of progress ending in Completed bills exactly the budget value, rounded to cents', () => {
    fc.assert(fc.property(budgetArb, fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 6 }), ({ seconds, cents }, steps) => {
      const price = new Decimal(cents).div(100).toFixed(2);
      const progresses = [...steps].sort((a, b) => a - b).map((p) => new Decimal(p).div(1000).toString());
      const issued: IssuedInvoiceLine[] = [];
      for (const progress of [...progresses, 'done']) {
        const b = book({
          orders: [order('O1', { basis: 'AsBudgeted' })],
          lines: [line('O1/1', { hours: seconds / 3600, price })],
          nodes: [node('P', { order: 'O1' }), node('W', { parent: 'P', lineItem: 'O1/1', ...(progress === 'done' ? { status: 'Completed' as const } : { progress }) })],
          issued,
        });
        for (const row of budgetRows(b, b.orders[0], projectView(b))) issued.push(billedLine('O1/1', row.amount.toFixed(2)));
      }
      const budget = roundCentsHalfUp(valueOfSeconds(seconds, new Decimal(price)));
      expect(sumDecimals(issued.map((i) => i.amount)).toFixed(2)).toBe(budget.toFixed(2));
    }));
  });

  test('percent installments adding to 100 % bill exactly the budget value, rounded to cents', () => {
    fc.assert(fc.property(budgetArb, fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }), ({ seconds, cents }, weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      const percents = weights.map((w) => new Decimal(w).div(total));
      // the last share takes what the others leave, so the plan is exactly 100 %
      percents[percents.length - 1] = new Decimal(1).minus(sumDecimals(percents.slice(0, -1)));
      const price = new Decimal(cents).div(100).toFixed(2);
      const b = book({
        orders: [order('O1', { billingMode: 'PaymentPlan' })],
        lines: [line('O1/1', { hours: seconds / 3600, price })],
        installments: percents.map((p, i) => installment('O1', `2025-01-${String(i + 1).padStart(2, '0')}`, { percent: p.toString() })),
      });
      const rows = installmentRows(b, b.orders[0], day('2025-12-31'));
      const budget = roundCentsHalfUp(valueOfSeconds(seconds, new Decimal(price)));
      expect(sumDecimals(rows.map((r) => r.row.amount)).toFixed(2)).toBe(budget.toFixed(2));
    }));
  });
});
