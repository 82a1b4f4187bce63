import { jsonSummary } from '../../src/cli/jsonSummary';
import type { BillingResult } from '../../src/engine/billingResult';
import { dayFromIso } from '../../src/core/day';
import { Decimal } from '../../src/core/money';

const d = (v: string) => new Decimal(v);

function resultWithOrder(progress: string): BillingResult {
  return {
    billingDate: dayFromIso('2026-11-30')!,
    preview: false,
    currency: 'EUR',
    invoices: [],
    exceptions: [],
    invoiceNoUpdates: [],
    agreementSummary: [],
    orderStatus: [
      {
        orderId: 'O-1', customer: 'Acme', billingMode: 'Rules', canBill: false, reason: 'progress 56 % < 60 %',
        progress: d(progress), unbilled: d('80'), billed: d('120.5'), cost: d('50'), margin: d('150.5'),
      },
    ],
  };
}

test('--json gives an order\'s progress as a fraction to four places and its money with two decimals', () => {
  const summary = jsonSummary(resultWithOrder('0.5616306954436450839328537170263789'), { workbook: 'book.xlsx', output: 'out.xlsx' });
  expect(summary.orderStatus).toEqual([
    {
      orderId: 'O-1', customer: 'Acme', billingMode: 'Rules', canBill: false, reason: 'progress 56 % < 60 %',
      progress: '0.5616', unbilled: '80.00', billed: '120.50', cost: '50.00', margin: '150.50', noChargeEntries: 0,
    },
  ]);
});
