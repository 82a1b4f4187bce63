import { finalBillingCheck, orderBillingDecision } from '../../../src/engine/orders/orderBillingDecision';
import { Decimal } from '../../../src/core/money';
import type { BillingWorkbook, LineItem, NodeKey } from '../../../src/schema/model';
import { day, workbook, type OrderInput } from '../../builders/workbook';

const JUNE_1 = day('2025-06-01');
const decide = (b: BillingWorkbook, date = JUNE_1) => orderBillingDecision(b, b.orders[0], date);
const check = (b: BillingWorkbook, net = '1000', date = JUNE_1) => finalBillingCheck(decide(b, date), new Decimal(net));
const lineOf = (b: BillingWorkbook, ref: string) => b.lineItems.find((l) => l.ref === ref) as LineItem;
const nodeKey = (id: string) => id.toLowerCase() as NodeKey;

/** Order O1 with project node P (40 % done, InProgress) and one work package for O1/1. */
function rulesBook(opts: OrderInput = {}) {
  return workbook()
    .order('O1', opts)
    .line('O1/1', { quantity: 10 })
    .node('P', { order: 'O1', status: 'InProgress' })
    .node('W1', { parent: 'P', order: 'O1', lineItem: 'O1/1', progress: '0.4' })
    .build();
}

describe('§5 Any BillingMode: one decision per order, as of the billing date', () => {
  test('an order without a project node cannot bill: "no project yet"', () => {
    const b = workbook()
      .order('O1', { billingMode: 'Manual', billNow: true })
      .line('O1/1')
      .build();
    expect(check(b)).toEqual({ canBill: false, reason: 'no project yet' });
  });

  test('OrderStatus progress is the project node\'s progress', () => {
    expect(decide(rulesBook()).progress.toString()).toBe('0.4');
  });
});

describe('§5 Rules: every criterion given must hold', () => {
  test('with no criteria given, the order bills', () => {
    const b = rulesBook();
    expect(check(b)).toEqual({ canBill: true, reason: '' });
    expect(decide(b).transaction(lineOf(b, 'O1/1'))).toBe('bill');
  });

  test('progress below MinProgress waits, with both numbers in the reason', () => {
    const b = rulesBook({ minProgress: '0.5' });
    expect(check(b)).toEqual({ canBill: false, reason: 'progress 40 % < 50 %' });
    expect(decide(b).transaction(lineOf(b, 'O1/1'))).toBe('wait');
  });

  test('progress at MinProgress bills', () => {
    expect(check(rulesBook({ minProgress: '0.4' })).canBill).toBe(true);
  });

  test('a status other than RequiredStatus waits', () => {
    expect(check(rulesBook({ requiredStatus: 'Completed' }))).toEqual({ canBill: false, reason: 'status InProgress, required Completed' });
  });

  test('the required status reached bills', () => {
    expect(check(rulesBook({ requiredStatus: 'InProgress' })).canBill).toBe(true);
  });

  test('a billing date before EarliestBillingDate waits; on the date itself it bills', () => {
    const b = rulesBook({ earliestBillingDate: '2025-07-01' });
    expect(check(b)).toEqual({ canBill: false, reason: 'billing date 2025-06-01 < earliest 2025-07-01' });
    expect(check(b, '1000', day('2025-07-01')).canBill).toBe(true);
  });

  test('a net below MinimumBilling waits; every failed criterion is listed, joined by "; "', () => {
    const b = rulesBook({ minProgress: '0.5', minimumBilling: '100' });
    expect(check(b, '80')).toEqual({ canBill: false, reason: 'progress 40 % < 50 %; net 80.00 < minimum 100.00' });
  });

  test('a net at MinimumBilling bills', () => {
    expect(check(rulesBook({ minimumBilling: '100' }), '100').canBill).toBe(true);
  });
});

describe('§5 SubprojectBasis: progress and status per child of the project node', () => {
  // P has subprojects A (docking W-A, 60 %) and B (docking W-B, 20 %); collector O1/9 docks on P.
  function subBook(opts: OrderInput = {}) {
    return workbook()
      .order('O1', { subprojectBasis: true, minProgress: '0.5', ...opts })
      .line('O1/1', { quantity: 10 })
      .line('O1/2', { quantity: 10 })
      .line('O1/9', { projectCreation: 'None', link: 'MainProject' })
      .node('P', { order: 'O1' })
      .node('A', { parent: 'P', kind: 'Subproject', name: 'Design' })
      .node('W-A', { parent: 'A', order: 'O1', lineItem: 'O1/1', progress: '0.6' })
      .node('B', { parent: 'P', kind: 'Subproject', name: 'Build' })
      .node('W-B', { parent: 'B', order: 'O1', lineItem: 'O1/2', progress: '0.2' })
      .build();
  }

  test('only the subproject that passes bills now; the other waits', () => {
    const b = subBook();
    const d = decide(b);
    expect(d.transaction(lineOf(b, 'O1/1'), nodeKey('W-A'))).toBe('bill');
    expect(d.transaction(lineOf(b, 'O1/2'), nodeKey('W-B'))).toBe('wait');
  });

  test('the order can bill when one subproject passes, and names the one that waits', () => {
    expect(check(subBook())).toEqual({ canBill: true, reason: 'Build: progress 20 % < 50 %' });
  });

  test('a line docked on the project node is judged by the subproject holding the entry\'s node', () => {
    const b = subBook();
    const d = decide(b);
    expect(d.transaction(lineOf(b, 'O1/9'), nodeKey('W-A'))).toBe('bill');
    expect(d.transaction(lineOf(b, 'O1/9'), nodeKey('W-B'))).toBe('wait');
  });

  test('time booked on the project node itself is judged by the project node', () => {
    // P: weighted (0.6 × 1000 + 0.2 × 1000) / 2000 = 40 %
    const b = subBook();
    expect(decide(b).transaction(lineOf(b, 'O1/9'), nodeKey('P'))).toBe('wait');
    const lower = subBook({ minProgress: '0.4' });
    expect(decide(lower).transaction(lineOf(lower, 'O1/9'), nodeKey('P'))).toBe('bill');
  });

  test('MinimumBilling applies to the invoice as a whole', () => {
    expect(check(subBook({ minimumBilling: '100' }), '99.99')).toEqual({ canBill: false, reason: 'Build: progress 20 % < 50 %; net 99.99 < minimum 100.00' });
  });

  test('when no subproject passes, the order cannot bill and every subproject is named', () => {
    expect(check(subBook({ minProgress: '0.7' }))).toEqual({ canBill: false, reason: 'Design: progress 60 % < 70 %; Build: progress 20 % < 70 %' });
  });
});

describe('§5 Manual: only when BillNow is TRUE', () => {
  test('BillNow TRUE bills, whatever the other criteria', () => {
    const b = rulesBook({ billingMode: 'Manual', billNow: true, minProgress: '0.9' });
    expect(check(b)).toEqual({ canBill: true, reason: '' });
    expect(decide(b).transaction(lineOf(b, 'O1/1'))).toBe('bill');
  });

  test('BillNow FALSE waits', () => {
    const b = rulesBook({ billingMode: 'Manual' });
    expect(check(b)).toEqual({ canBill: false, reason: 'BillNow is not set' });
    expect(decide(b).transaction(lineOf(b, 'O1/1'))).toBe('wait');
  });
});

describe('§5 PaymentPlan: installments due bill, time is cost only', () => {
  test('time on a payment-plan order is costed, never invoiced', () => {
    const b = rulesBook({ billingMode: 'PaymentPlan' });
    expect(decide(b).transaction(lineOf(b, 'O1/1'))).toBe('costOnly');
  });

  test('a PaymentPlan order can bill when an installment is due and not yet invoiced', () => {
    const b = workbook(rulesBook({ billingMode: 'PaymentPlan' })).installment('O1', { dueDate: '2025-06-01', amount: '500' }).build();
    expect(check(b).canBill).toBe(true);
  });

  test('a PaymentPlan order waits, naming the next due date, when no installment is due yet', () => {
    const b = workbook(rulesBook({ billingMode: 'PaymentPlan' }))
      .installment('O1', { dueDate: '2025-01-01', amount: '500', invoiceNo: 'INV-1' })
      .installment('O1', { dueDate: '2025-09-30', amount: '500' })
      .build();
    expect(check(b)).toEqual({ canBill: false, reason: 'next installment due 2025-09-30' });
  });
});

describe('§5 BillingRules: each line on its own rule', () => {
  function ruleBook() {
    return workbook()
      .order('O1', { billingMode: 'BillingRules' })
      .line('O1/1', { billAtProgress: '0.5' })
      .line('O1/2', { billAtStatus: 'Completed' })
      .line('O1/3', { billFrom: '2025-07-01' })
      .line('O1/4')
      .node('P', { order: 'O1' })
      .node('W1', { parent: 'P', lineItem: 'O1/1', progress: '0.5' })
      .node('W2', { parent: 'P', lineItem: 'O1/2', status: 'InProgress' })
      .node('W3', { parent: 'P', lineItem: 'O1/3' })
      .node('W4', { parent: 'P', lineItem: 'O1/4' })
      .build();
  }

  test('each line bills on its own rule against its docking node and the billing date', () => {
    const b = ruleBook();
    const d = decide(b);
    expect(b.lineItems.map((l) => d.transaction(l))).toEqual(['bill', 'wait', 'wait', 'bill']);
  });

  test('the waiting lines are named with their numbers', () => {
    expect(check(ruleBook())).toEqual({ canBill: true, reason: 'line 2: status InProgress, required Completed; line 3: billing date 2025-06-01 < bill from 2025-07-01' });
  });

  test('all given parts of a line\'s rule must hold', () => {
    const b = workbook()
      .order('O1', { billingMode: 'BillingRules' })
      .line('O1/1', { billAtProgress: '0.5', billAtStatus: 'InProgress' })
      .node('P', { order: 'O1' })
      .node('W1', { parent: 'P', lineItem: 'O1/1', progress: '0.8' })
      .build();
    expect(decide(b).transaction(b.lineItems[0])).toBe('wait');
    expect(check(b).reason).toBe('line 1: status Open, required InProgress');
  });
});

describe('§5 Billed: nothing bills', () => {
  test('nothing bills and new time is an OrderBilled exception', () => {
    const b = rulesBook({ billingMode: 'Billed' });
    expect(check(b).canBill).toBe(false);
    expect(decide(b).transaction(lineOf(b, 'O1/1'))).toBe('orderBilled');
  });
});

describe('§6 AsBudgeted: time is cost only', () => {
  test('time is costed, never invoiced, even when the order may bill', () => {
    const b = rulesBook({ basis: 'AsBudgeted' });
    const d = decide(b);
    expect(d.transaction(lineOf(b, 'O1/1'))).toBe('costOnly');
    expect(d.mayBillLine(lineOf(b, 'O1/1'))).toBe(true);
  });
});
