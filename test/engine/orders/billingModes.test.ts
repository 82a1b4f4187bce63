/**
 * Billing modes end to end through runBilling (billing-rules section 5): what each mode lets
 * an order invoice on a run, what stays unsettled, and what OrderStatus says.
 */
import type { BillingResult, OrderStatusRow } from '../../../src/engine/billingResult';
import { runBilling } from '../../../src/engine/runBilling';
import type { BillingWorkbook } from '../../../src/schema/model';
import { billOn, workbook, type OrderInput } from '../../builders/workbook';
import { afterRun } from '../../builders/runs';
import { exceptionsOf, onlyInvoice, rowsOf } from '../../builders/results';

const JUNE = billOn('2025-06-30');

/** The settled TimeEntries rows of a run, as entry row index -> invoice number. */
const settledEntries = (result: BillingResult) =>
  result.invoiceNoUpdates.filter((u) => u.table === 'TimeEntries').map((u) => [u.index, u.invoiceNo]);

/** OrderStatus of one order with money as strings. */
function statusOf(result: BillingResult, orderId: string) {
  const row = result.orderStatus.find((o) => o.orderId === orderId) as OrderStatusRow;
  return {
    canBill: row.canBill, reason: row.reason, progress: row.progress.toString(),
    unbilled: row.unbilled.toFixed(2), billed: row.billed.toFixed(2), cost: row.cost.toFixed(2), margin: row.margin.toFixed(2),
  };
}

/**
 * Order O1 (Acme): project node P1 (InProgress, 40 %), work package W1 for line O1/1 at 100
 * per hour; Anna books 2 h on W1 on 2 June: 200.00 when it bills.
 */
function oneLine(order: OrderInput = {}) {
  return workbook()
    .order('O1', order)
    .node('P1', { order: 'O1', status: 'InProgress', progress: '0.4' })
    .node('W1', { parent: 'P1', order: 'O1', lineItem: 'O1/1' })
    .line('O1/1', { price: '100', quantity: 10 })
    .time('E1', { date: '2025-06-02', person: 'Anna', node: 'W1', hours: 2 });
}

describe('Rules', () => {
  test('progress below MinProgress bills nothing and leaves the time unsettled', () => {
    const result = runBilling(oneLine({ minProgress: '0.5' }).build(), JUNE);
    expect([result.invoices, result.invoiceNoUpdates, result.exceptions]).toEqual([[], [], []]);
  });

  test('progress below MinProgress: OrderStatus says so and counts the time as unbilled', () => {
    const result = runBilling(oneLine({ minProgress: '0.5' }).build(), JUNE);
    expect(statusOf(result, 'O1')).toMatchObject({ canBill: false, reason: 'progress 40 % < 50 %', unbilled: '200.00', billed: '0.00' });
  });

  test('progress at MinProgress bills the time', () => {
    const result = runBilling(oneLine({ minProgress: '0.4' }).build(), JUNE);
    expect(onlyInvoice(result).net.toFixed(2)).toBe('200.00');
    expect(statusOf(result, 'O1')).toMatchObject({ canBill: true, reason: '', unbilled: '0.00', billed: '200.00' });
  });

  test('a status other than RequiredStatus waits', () => {
    const result = runBilling(oneLine({ requiredStatus: 'Completed' }).build(), JUNE);
    expect(result.invoices).toEqual([]);
    expect(statusOf(result, 'O1').reason).toBe('status InProgress, required Completed');
  });

  test('the RequiredStatus reached bills', () => {
    expect(runBilling(oneLine({ requiredStatus: 'InProgress' }).build(), JUNE).invoices).toHaveLength(1);
  });

  test('a billing date before EarliestBillingDate waits; on that date it bills', () => {
    const book = oneLine({ earliestBillingDate: '2025-07-01' }).build();
    expect(runBilling(book, JUNE).invoices).toEqual([]);
    expect(statusOf(runBilling(book, JUNE), 'O1').reason).toBe('billing date 2025-06-30 < earliest 2025-07-01');
    expect(runBilling(book, billOn('2025-07-01')).invoices).toHaveLength(1);
  });

  test('every failed criterion is listed, joined by "; ", with the net the pending time would carry', () => {
    const result = runBilling(oneLine({ minProgress: '0.5', requiredStatus: 'Completed', minimumBilling: '300' }).build(), JUNE);
    expect(statusOf(result, 'O1').reason).toBe('progress 40 % < 50 %; status InProgress, required Completed; net 200.00 < minimum 300.00');
  });
});

describe('MinimumBilling', () => {
  const held = () => oneLine({ minimumBilling: '300' });

  test('an invoice below the minimum is held back: nothing issued, nothing settled', () => {
    const result = runBilling(held().build(), JUNE);
    expect([result.invoices, result.invoiceNoUpdates]).toEqual([[], []]);
    expect(statusOf(result, 'O1')).toMatchObject({ canBill: false, reason: 'net 200.00 < minimum 300.00', unbilled: '200.00' });
  });

  test('the held time bills once the order reaches the minimum on a later run', () => {
    const june = held().build();
    const julyBook = held().time('E2', { date: '2025-07-03', person: 'Anna', node: 'W1', hours: 1.5 }).build();
    const july = runBilling(afterRun(julyBook, runBilling(june, JUNE)), billOn('2025-07-31'));
    expect(rowsOf(onlyInvoice(july))).toEqual([['Consulting', '3.50', '100.00', '350.00', 'E1,E2']]);
    expect(settledEntries(july)).toEqual([[0, 'INV-00001'], [1, 'INV-00001']]);
  });

  test('an entry shared with a held-back invoice waits on the other order too', () => {
    // E1 (3 h) fills O2's 1 h cap on W2 and runs up to O1's collector for the rest.
    const book = workbook()
      .order('O1')
      .order('O2', { projectRole: 'Subproject', parentNode: 'P1', minimumBilling: '500' })
      .node('P1', { order: 'O1' })
      .node('P2', { parent: 'P1', order: 'O2' })
      .line('O1/1', { price: '100', link: 'MainProject' })
      .line('O2/1', { price: '100', link: 'MainProject', max: 1 })
      .time('E1', { date: '2025-06-02', person: 'Anna', node: 'P2', hours: 3 })
      .build();
    const result = runBilling(book, JUNE);
    expect([result.invoices, result.invoiceNoUpdates]).toEqual([[], []]);
    expect([statusOf(result, 'O1').unbilled, statusOf(result, 'O2').unbilled]).toEqual(['200.00', '100.00']);
  });
});

describe('SubprojectBasis', () => {
  /** P1 with subprojects Build (80 %) and Test (20 %), a work package each, 1 h of time on each. */
  const twoSubprojects = () =>
    workbook()
      .order('O1', { minProgress: '0.5', subprojectBasis: true })
      .node('P1', { order: 'O1' })
      .node('S1', { parent: 'P1', name: 'Build', progress: '0.8' })
      .node('S2', { parent: 'P1', name: 'Test', progress: '0.2' })
      .node('W1', { parent: 'S1', order: 'O1', lineItem: 'O1/1' })
      .node('W2', { parent: 'S2', order: 'O1', lineItem: 'O1/2' })
      .line('O1/1', { item: 'Dev', price: '100' })
      .line('O1/2', { item: 'QA', price: '80' })
      .time('E1', { date: '2025-06-02', person: 'Anna', node: 'W1', hours: 1 })
      .time('E2', { date: '2025-06-03', person: 'Ben', node: 'W2', hours: 1 })
      .build();

  test('bills only the time of the subproject that passes', () => {
    const result = runBilling(twoSubprojects(), JUNE);
    expect(rowsOf(onlyInvoice(result))).toEqual([['Dev', '1.00', '100.00', '100.00', 'E1']]);
    expect(settledEntries(result)).toEqual([[0, 'INV-00001']]);
  });

  test('names the waiting subproject in the reason and counts its time as unbilled', () => {
    expect(statusOf(runBilling(twoSubprojects(), JUNE), 'O1')).toMatchObject({
      canBill: true, reason: 'Test: progress 20 % < 50 %', unbilled: '80.00', billed: '100.00',
    });
  });
});

describe('Manual', () => {
  test('without BillNow nothing bills: "BillNow is not set"', () => {
    const result = runBilling(oneLine({ billingMode: 'Manual' }).build(), JUNE);
    expect(result.invoices).toEqual([]);
    expect(statusOf(result, 'O1')).toMatchObject({ canBill: false, reason: 'BillNow is not set', unbilled: '200.00' });
  });

  test('with BillNow the time bills', () => {
    expect(onlyInvoice(runBilling(oneLine({ billingMode: 'Manual', billNow: true }).build(), JUNE)).net.toFixed(2)).toBe('200.00');
  });
});

describe('PaymentPlan', () => {
  /** O1: budget 10 h x 100 = 1,000.00; Anna's 2 h are fixed-price work. */
  const plan = () => oneLine({ billingMode: 'PaymentPlan' });

  test('bills the installments due by the billing date, by Amount, and settles their PaymentPlan rows', () => {
    const book = plan()
      .installment('O1', { dueDate: '2025-06-01', amount: '300', description: 'Kick-off' })
      .installment('O1', { dueDate: '2025-06-30', amount: '200' })
      .installment('O1', { dueDate: '2025-07-01', amount: '500' })
      .build();
    const result = runBilling(book, JUNE);
    expect(rowsOf(onlyInvoice(result))).toEqual([
      ['Kick-off', '1.00', '300.00', '300.00', ''],
      ['Installment due 2025-06-30', '1.00', '200.00', '200.00', ''],
    ]);
    expect(result.invoiceNoUpdates).toEqual([
      { table: 'PaymentPlan', index: 0, invoiceNo: 'INV-00001' },
      { table: 'PaymentPlan', index: 1, invoiceNo: 'INV-00001' },
    ]);
  });

  test('never invoices or marks the time on the order', () => {
    const book = plan().installment('O1', { dueDate: '2025-06-01', amount: '300' }).build();
    const result = runBilling(book, JUNE);
    expect(onlyInvoice(result).rows.flatMap((r) => r.entryIds)).toEqual([]);
    expect(settledEntries(result)).toEqual([]);
    expect(result.exceptions).toEqual([]);
  });

  test('does not bill an installment twice', () => {
    const book = plan().installment('O1', { dueDate: '2025-06-01', amount: '300' }).build();
    const second = runBilling(afterRun(book, runBilling(book, JUNE)), JUNE);
    expect(second.invoices).toEqual([]);
    expect(statusOf(second, 'O1')).toMatchObject({ canBill: false, reason: 'every installment is invoiced', billed: '300.00' });
  });

  test('Percent installments over three runs add up to the budget to the cent', () => {
    // 7 h x 99.99 = 699.93: 30 % is 209.979, 40 % more is 279.972, the rest 209.979.
    const book = workbook()
      .order('O1', { billingMode: 'PaymentPlan' })
      .node('P1', { order: 'O1' })
      .line('O1/1', { price: '99.99', quantity: 7, link: 'MainProject' })
      .installment('O1', { dueDate: '2025-06-01', percent: '0.3' })
      .installment('O1', { dueDate: '2025-07-01', percent: '0.4' })
      .installment('O1', { dueDate: '2025-08-01', percent: '0.3' })
      .build();
    let current: BillingWorkbook = book;
    const nets: string[] = [];
    for (const date of ['2025-06-30', '2025-07-31', '2025-08-31']) {
      const result = runBilling(current, billOn(date));
      nets.push(onlyInvoice(result).net.toFixed(2));
      current = afterRun(current, result);
    }
    expect(nets).toEqual(['209.98', '279.97', '209.98']);
    expect(statusOf(runBilling(current, billOn('2025-09-30')), 'O1')).toMatchObject({ billed: '699.93', unbilled: '0.00' });
  });

  test('OrderStatus: billed and open installments make the plan value; time is the cost', () => {
    const book = plan()
      .person('Anna', { costPerHour: '60' })
      .installment('O1', { dueDate: '2025-06-01', amount: '300' })
      .installment('O1', { dueDate: '2025-09-30', amount: '700' })
      .build();
    // Billed 300 + Unbilled 700 - Cost 2 h x 60 = 880
    expect(statusOf(runBilling(book, JUNE), 'O1')).toEqual({
      canBill: true, reason: '', progress: '0.4', unbilled: '700.00', billed: '300.00', cost: '120.00', margin: '880.00',
    });
  });

  test('an order without a project bills no installment: "no project yet"', () => {
    const book = workbook().order('O1', { billingMode: 'PaymentPlan' }).line('O1/1', { quantity: 10 })
      .installment('O1', { dueDate: '2025-06-01', amount: '300' }).build();
    const result = runBilling(book, JUNE);
    expect(result.invoices).toEqual([]);
    expect(statusOf(result, 'O1')).toMatchObject({ canBill: false, reason: 'no project yet', unbilled: '300.00' });
  });
});

describe('BillingRules', () => {
  /** Line 1 bills at Completed (W1 is Completed), line 2 at 50 % (W2 is at 20 %). */
  const perLine = () =>
    workbook()
      .order('O1', { billingMode: 'BillingRules' })
      .node('P1', { order: 'O1' })
      .node('W1', { parent: 'P1', order: 'O1', lineItem: 'O1/1', status: 'Completed' })
      .node('W2', { parent: 'P1', order: 'O1', lineItem: 'O1/2', progress: '0.2' })
      .line('O1/1', { item: 'Dev', price: '100', billAtStatus: 'Completed' })
      .line('O1/2', { item: 'QA', price: '80', billAtProgress: '0.5' })
      .time('E1', { date: '2025-06-02', person: 'Anna', node: 'W1', hours: 1 })
      .time('E2', { date: '2025-06-03', person: 'Ben', node: 'W2', hours: 1 })
      .build();

  test('each line bills on its own rule', () => {
    expect(rowsOf(onlyInvoice(runBilling(perLine(), JUNE)))).toEqual([['Dev', '1.00', '100.00', '100.00', 'E1']]);
  });

  test('the waiting line is named in the reason', () => {
    expect(statusOf(runBilling(perLine(), JUNE), 'O1')).toMatchObject({ reason: 'line 2: progress 20 % < 50 %', unbilled: '80.00' });
  });
});

describe('Billed and no project', () => {
  test('a Billed order shows it is closed and bills nothing', () => {
    const result = runBilling(oneLine({ billingMode: 'Billed' }).build(), JUNE);
    expect(exceptionsOf(result)).toEqual([['E1', 'OrderBilled', 7200]]);
    expect(statusOf(result, 'O1')).toMatchObject({ canBill: false, reason: 'the order is closed (BillingMode Billed)', unbilled: '0.00' });
  });

  test('an order with no project node cannot bill: "no project yet"', () => {
    const book = workbook()
      .order('O1')
      .line('O1/1', { link: 'MainProject' })
      .build();
    expect(statusOf(runBilling(book, JUNE), 'O1')).toMatchObject({ canBill: false, reason: 'no project yet', progress: '0' });
  });
});

describe('OrderStatus', () => {
  /**
   * O1 at 100 per hour, Anna costs 60 per hour. E1 3 h was invoiced earlier (INV-00001,
   * 300.00); E2 2 h is new; E3 1 h is not billable. Cost 6 h x 60 = 360.00.
   */
  const story = (order: OrderInput) =>
    oneLine(order)
      .person('Anna', { costPerHour: '60' })
      .time('E0', { date: '2025-05-05', person: 'Anna', node: 'W1', hours: 3, invoiceNo: 'INV-00001' })
      .time('E3', { date: '2025-06-04', person: 'Anna', node: 'W1', hours: 1, billable: false })
      .issuedInvoice('INV-00001', { source: 'O1', kind: 'Order' })
      .issuedInvoiceLine('INV-00001', { lineItem: 'O1/1', amount: '300' })
      .build();

  test('an order that waits: billed earlier, unbilled new time, cost of all time, margin', () => {
    // Margin = 300 + 200 - 360
    expect(statusOf(runBilling(story({ minProgress: '0.5' }), JUNE), 'O1')).toEqual({
      canBill: false, reason: 'progress 40 % < 50 %', progress: '0.4', unbilled: '200.00', billed: '300.00', cost: '360.00', margin: '140.00',
    });
  });

  test('an order that bills: this run counts in Billed', () => {
    expect(statusOf(runBilling(story({}), JUNE), 'O1')).toMatchObject({ unbilled: '0.00', billed: '500.00', cost: '360.00', margin: '140.00' });
  });

  test('Billed counts an earlier invoice by the register\'s Net when it has no InvoiceLines rows', () => {
    const book = oneLine({ minProgress: '0.5' })
      .issuedInvoice('INV-00001', { source: 'O1', kind: 'Order', net: '250' })
      .issuedInvoice('INV-00002', { source: 'O9', kind: 'Order', net: '999' })
      .build();
    expect(statusOf(runBilling(book, JUNE), 'O1')).toMatchObject({ billed: '250.00', unbilled: '200.00' });
  });

  test('a preview shows the same status without issuing anything', () => {
    const book = story({});
    const preview = runBilling(book, billOn('2025-06-30', true));
    expect(preview.orderStatus).toEqual(runBilling(book, JUNE).orderStatus);
    expect(preview.invoiceNoUpdates).toEqual([]);
  });

  test('lists every order, in Orders table order', () => {
    const book = oneLine().order('O0', { customer: 'Zeta' }).build();
    expect(runBilling(book, JUNE).orderStatus.map((o) => [o.orderId, o.customer, o.billingMode])).toEqual([
      ['O1', 'Acme', 'Rules'],
      ['O0', 'Zeta', 'Rules'],
    ]);
  });
});
