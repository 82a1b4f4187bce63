import { orderBillingDecision } from '../../../src/engine/orders/orderBillingDecision';
import { orderStatusRow } from '../../../src/engine/orders/orderStatusRow';
import { Decimal } from '../../../src/core/money';
import type { BillingWorkbook } from '../../../src/schema/model';
import { day, workbook } from '../../builders/workbook';

const d = (s: string) => new Decimal(s);
const statusOf = (b: BillingWorkbook, figures: { net: string; billed: string; unbilled: string; cost: string }) => {
  const row = orderStatusRow(orderBillingDecision(b, b.orders[0], day('2025-06-01')), {
    net: d(figures.net), billed: d(figures.billed), unbilled: d(figures.unbilled), cost: d(figures.cost),
  });
  return { ...row, progress: row.progress.toString(), unbilled: row.unbilled.toFixed(2), billed: row.billed.toFixed(2), cost: row.cost.toFixed(2), margin: row.margin.toFixed(2) };
};

describe('§5 OrderStatus: one row per order', () => {
  test('margin is billed plus unbilled minus cost', () => {
    const b = workbook()
      .order('O1', { customer: 'Fabrikam' })
      .line('O1/1')
      .node('P', { order: 'O1', progress: '0.25' })
      .build();
    expect(statusOf(b, { net: '300', billed: '1200.50', unbilled: '300', cost: '950.25' })).toEqual({
      orderId: 'O1', customer: 'Fabrikam', billingMode: 'Rules', canBill: true, reason: '', progress: '0.25',
      unbilled: '300.00', billed: '1200.50', cost: '950.25', margin: '550.25',
    });
  });

  test('an order that cannot bill says why, net included', () => {
    const b = workbook()
      .order('O1', { minProgress: '0.5', minimumBilling: '100' })
      .node('P', { order: 'O1', progress: '0.4' })
      .build();
    const row = statusOf(b, { net: '80', billed: '0', unbilled: '80', cost: '0' });
    expect([row.canBill, row.reason]).toEqual([false, 'progress 40 % < 50 %; net 80.00 < minimum 100.00']);
  });
});
