/**
 * Spec review of billing-rules sections 1, 5 and 6 (AsBudgeted, installments): one small,
 * hand-checkable case per sentence not already pinned down elsewhere.
 */
import type { BillingResult, OrderStatusRow } from '../../../src/engine/billingResult';
import { runBilling } from '../../../src/engine/runBilling';
import { billOn, workbook } from '../../builders/workbook';
import { afterRun } from '../../builders/runs';
import { onlyInvoice, rowsOf } from '../../builders/results';

const JUNE = billOn('2025-06-30');

function statusOf(result: BillingResult, orderId: string) {
  const row = result.orderStatus.find((o) => o.orderId === orderId) as OrderStatusRow;
  return {
    canBill: row.canBill, reason: row.reason, progress: row.progress.toString(),
    unbilled: row.unbilled.toFixed(2), billed: row.billed.toFixed(2), cost: row.cost.toFixed(2), margin: row.margin.toFixed(2),
  };
}

describe('section 5, Rules on a subproject basis', () => {
  /**
   * P1 is Completed (RequiredStatus Completed holds there), its subprojects S1 and S2 are
   * still InProgress. A collector docked on P1 takes 1 h booked on P1 itself (100.00) and
   * 1 h booked on W1 inside S1 (100.00).
   */
  const projectNodeDone = () =>
    workbook()
      .order('O1', { requiredStatus: 'Completed', subprojectBasis: true })
      .node('P1', { order: 'O1', status: 'Completed' })
      .node('S1', { parent: 'P1', name: 'Build', status: 'InProgress' })
      .node('S2', { parent: 'P1', name: 'Test', status: 'InProgress' })
      .node('W1', { parent: 'S1' })
      .line('O1/1', { item: 'Dev', price: '100', link: 'MainProject' })
      .time('E1', { date: '2025-06-02', person: 'Anna', node: 'P1', hours: 1 })
      .time('E2', { date: '2025-06-03', person: 'Anna', node: 'W1', hours: 1 });

  test('time booked on the project node itself bills when the project node passes, though no subproject does', () => {
    const result = runBilling(projectNodeDone().build(), JUNE);
    expect(rowsOf(onlyInvoice(result))).toEqual([['Dev', '1.00', '100.00', '100.00', 'E1']]);
    expect(statusOf(result, 'O1')).toMatchObject({ canBill: true, unbilled: '100.00', billed: '100.00' });
  });

  test('a line docked deep inside a subproject is judged by that subproject, not by its own node', () => {
    const book = workbook()
      .order('O1', { minProgress: '0.5', subprojectBasis: true })
      .node('P1', { order: 'O1' })
      .node('S1', { parent: 'P1', name: 'Build', progress: '0.6' })
      .node('S2', { parent: 'P1', name: 'Test', progress: '0.1' })
      .node('W1', { parent: 'S1', order: 'O1', lineItem: 'O1/1', progress: '0.1' })
      .node('W2', { parent: 'S2', order: 'O1', lineItem: 'O1/2', progress: '0.9' })
      .line('O1/1', { item: 'Dev', price: '100' })
      .line('O1/2', { item: 'QA', price: '80' })
      .time('E1', { date: '2025-06-02', person: 'Anna', node: 'W1', hours: 1 })
      .time('E2', { date: '2025-06-03', person: 'Ben', node: 'W2', hours: 1 })
      .build();
    const result = runBilling(book, JUNE);
    expect(rowsOf(onlyInvoice(result))).toEqual([['Dev', '1.00', '100.00', '100.00', 'E1']]);
    expect(statusOf(result, 'O1').reason).toBe('Test: progress 10 % < 50 %');
  });

  test('an EarliestBillingDate not reached holds every subproject back', () => {
    const book = workbook()
      .order('O1', { minProgress: '0.5', earliestBillingDate: '2025-07-01', subprojectBasis: true })
      .node('P1', { order: 'O1' })
      .node('S1', { parent: 'P1', name: 'Build', progress: '0.6' })
      .node('W1', { parent: 'S1', order: 'O1', lineItem: 'O1/1' })
      .line('O1/1', { item: 'Dev', price: '100' })
      .time('E1', { date: '2025-06-02', person: 'Anna', node: 'W1', hours: 1 })
      .build();
    const result = runBilling(book, JUNE);
    expect(result.invoices).toEqual([]);
    expect(statusOf(result, 'O1')).toMatchObject({ canBill: false, reason: 'billing date 2025-06-30 < earliest 2025-07-01' });
  });
});

describe('section 5, Rules criteria together', () => {
  const book = (order: Parameters<ReturnType<typeof workbook>['order']>[1]) =>
    workbook()
      .order('O1', order)
      .node('P1', { order: 'O1', status: 'InProgress', progress: '0.4' })
      .node('W1', { parent: 'P1', order: 'O1', lineItem: 'O1/1' })
      .line('O1/1', { price: '40' })
      .time('E1', { date: '2025-06-02', person: 'Anna', node: 'W1', hours: 2 })
      .build();

  test('all four criteria failing are listed in order with their numbers, joined by "; "', () => {
    const result = runBilling(book({ minProgress: '0.5', requiredStatus: 'Completed', earliestBillingDate: '2025-07-01', minimumBilling: '100' }), JUNE);
    expect(statusOf(result, 'O1')).toMatchObject({
      canBill: false,
      reason: 'progress 40 % < 50 %; status InProgress, required Completed; billing date 2025-06-30 < earliest 2025-07-01; net 80.00 < minimum 100.00',
      unbilled: '80.00',
    });
  });

  test('only the net failing still holds the invoice back', () => {
    const result = runBilling(book({ minProgress: '0.4', requiredStatus: 'InProgress', earliestBillingDate: '2025-06-30', minimumBilling: '80.01' }), JUNE);
    expect(result.invoices).toEqual([]);
    expect(statusOf(result, 'O1')).toMatchObject({ canBill: false, reason: 'net 80.00 < minimum 80.01' });
  });
});

describe('section 5, BillingRules', () => {
  test('BillFrom is compared with the billing date, not the entry date: on BillFrom itself the line bills', () => {
    const book = workbook()
      .order('O1', { billingMode: 'BillingRules' })
      .node('P1', { order: 'O1' })
      .node('W1', { parent: 'P1', order: 'O1', lineItem: 'O1/1' })
      .line('O1/1', { price: '100', billFrom: '2025-06-30' })
      .time('E1', { date: '2025-05-02', person: 'Anna', node: 'W1', hours: 1 })
      .build();
    expect(onlyInvoice(runBilling(book, JUNE)).net.toFixed(2)).toBe('100.00');
    const early = runBilling(book, billOn('2025-06-29'));
    expect(early.invoices).toEqual([]);
    expect(statusOf(early, 'O1').reason).toBe('line 1: billing date 2025-06-29 < bill from 2025-06-30');
  });
});

describe('section 5, progress rollup', () => {
  /** P1 blank: W1 (budget 10 h × 100 = 1000, Completed), W2 (budget 30 h × 100 = 3000, blank leaf = 0 %). */
  test('a Completed child counts 100 % and a blank leaf 0 %, weighted by budget value: 25 %', () => {
    const book = workbook()
      .order('O1')
      .node('P1', { order: 'O1' })
      .node('W1', { parent: 'P1', order: 'O1', lineItem: 'O1/1', status: 'Completed', progress: '0.2' })
      .node('W2', { parent: 'P1', order: 'O1', lineItem: 'O1/2' })
      .line('O1/1', { price: '100', quantity: 10 })
      .line('O1/2', { price: '100', quantity: 30 })
      .build();
    expect(statusOf(runBilling(book, JUNE), 'O1').progress).toBe('0.25');
  });

  test('the weights are budget value (hours × price), not budget hours', () => {
    const book = workbook()
      .order('O1')
      .node('P1', { order: 'O1' })
      .node('W1', { parent: 'P1', order: 'O1', lineItem: 'O1/1', progress: '1' })
      .node('W2', { parent: 'P1', order: 'O1', lineItem: 'O1/2' })
      .line('O1/1', { price: '300', quantity: 10 })
      .line('O1/2', { price: '100', quantity: 10 })
      .build();
    expect(statusOf(runBilling(book, JUNE), 'O1').progress).toBe('0.75');
  });
});

describe('section 5, OrderStatus money', () => {
  test('Cost counts time up to the billing date only; Unbilled is what stays uninvoiced', () => {
    const book = workbook()
      .settings({ defaultCostPerHour: '30' })
      .order('O1', { minProgress: '0.5' })
      .node('P1', { order: 'O1', progress: '0.4' })
      .node('W1', { parent: 'P1', order: 'O1', lineItem: 'O1/1' })
      .line('O1/1', { price: '100' })
      .time('E1', { date: '2025-06-02', person: 'Anna', node: 'W1', hours: 1 })
      .time('E2', { date: '2025-06-03', person: 'Anna', node: 'W1', hours: 1, billable: false })
      .time('E3', { date: '2025-07-01', person: 'Anna', node: 'W1', hours: 5 })
      .build();
    expect(statusOf(runBilling(book, JUNE), 'O1')).toMatchObject({ cost: '60.00', unbilled: '100.00', billed: '0.00', margin: '40.00' });
  });

  test('CanBill is judged before this run\'s invoices: the run that bills the last installment still says TRUE', () => {
    const book = workbook()
      .order('O1', { billingMode: 'PaymentPlan' })
      .node('P1', { order: 'O1' })
      .line('O1/1', { price: '100', quantity: 10 })
      .installment('O1', { dueDate: '2025-06-01', percent: '0.3' })
      .build();
    const first = runBilling(book, JUNE);
    expect(rowsOf(onlyInvoice(first))).toEqual([['Installment due 2025-06-01', '1.00', '300.00', '300.00', '']]);
    expect(statusOf(first, 'O1')).toMatchObject({ canBill: true, reason: '', billed: '300.00', unbilled: '0.00' });
    const second = runBilling(afterRun(book, first), JUNE);
    expect(second.invoices).toEqual([]);
    expect(statusOf(second, 'O1')).toMatchObject({ canBill: false, reason: 'every installment is invoiced', billed: '300.00' });
  });
});

describe('section 6, AsBudgeted', () => {
  test('a line whose earlier invoices exceed its earned value bills nothing and takes nothing from the others', () => {
    const book = workbook()
      .order('O1', { basis: 'AsBudgeted', invoiceTimes: 'ByTransactions' })
      .node('P1', { order: 'O1' })
      .node('W1', { parent: 'P1', order: 'O1', lineItem: 'O1/1', progress: '0.2' })
      .node('W2', { parent: 'P1', order: 'O1', lineItem: 'O1/2', progress: '0.5' })
      .line('O1/1', { price: '100', quantity: 10, description: 'Design' })
      .line('O1/2', { price: '80', quantity: 10, description: 'Build' })
      .issuedInvoice('INV-00001', { source: 'O1', kind: 'Order', net: '500' })
      .issuedInvoiceLine('INV-00001', { lineItem: 'O1/1', amount: '500' })
      .build();
    const result = runBilling(book, JUNE);
    // Design: 1000 × 20 % − 500 < 0: nothing. Build: 800 × 50 % = 400.00, 5 h.
    expect(rowsOf(onlyInvoice(result))).toEqual([['Build', '5.00', '80.00', '400.00', '']]);
  });
});
