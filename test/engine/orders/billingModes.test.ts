/**
 * §5 When an order may bill (docs/billing-rules.md section 5), end to end through runBilling:
 * what each BillingMode lets an order invoice on a run, what stays unsettled, and what
 * OrderStatus says. The decision itself, one order at a time: orderBillingDecision.test.ts.
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

/** O1 with a work package for O1/1 (40 %, InProgress) and 2 h at 40: 80.00 when it bills. */
const criteria = (order: OrderInput) =>
  workbook()
    .order('O1', order)
    .node('P1', { order: 'O1', status: 'InProgress', progress: '0.4' })
    .node('W1', { parent: 'P1', order: 'O1', lineItem: 'O1/1' })
    .line('O1/1', { price: '40' })
    .time('E1', { date: '2025-06-02', person: 'Anna', node: 'W1', hours: 2 })
    .build();

describe('§5 Rules: every criterion given must hold', () => {
  test('progress below MinProgress bills nothing and leaves the time unsettled', () => {
    const result = runBilling(oneLine({ minProgress: '0.5' }).build(), JUNE);
    expect([result.invoices, result.invoiceNoUpdates, result.exceptions]).toEqual([[], [], []]);
  });

  test('with progress below MinProgress, OrderStatus says so and counts the time as unbilled', () => {
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

  test('every failed criterion is listed with its numbers, in the order progress, status, date, net, joined by "; "', () => {
    const result = runBilling(criteria({ minProgress: '0.5', requiredStatus: 'Completed', earliestBillingDate: '2025-07-01', minimumBilling: '100' }), JUNE);
    expect(statusOf(result, 'O1')).toMatchObject({
      canBill: false,
      reason: 'progress 40 % < 50 %; status InProgress, required Completed; billing date 2025-06-30 < earliest 2025-07-01; net 80.00 < minimum 100.00',
      unbilled: '80.00',
    });
  });
});

describe('§5 MinimumBilling: an invoice below it is dropped; nothing is settled, the time waits', () => {
  const held = () => oneLine({ minimumBilling: '300' });

  test('an invoice below the minimum is held back: nothing issued, nothing settled', () => {
    const result = runBilling(held().build(), JUNE);
    expect([result.invoices, result.invoiceNoUpdates]).toEqual([[], []]);
    expect(statusOf(result, 'O1')).toMatchObject({ canBill: false, reason: 'net 200.00 < minimum 300.00', unbilled: '200.00' });
  });

  test('with every other criterion met, a net below MinimumBilling still holds the invoice back', () => {
    const result = runBilling(criteria({ minProgress: '0.4', requiredStatus: 'InProgress', earliestBillingDate: '2025-06-30', minimumBilling: '80.01' }), JUNE);
    expect(result.invoices).toEqual([]);
    expect(statusOf(result, 'O1')).toMatchObject({ canBill: false, reason: 'net 80.00 < minimum 80.01' });
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

describe('§5 SubprojectBasis: progress and status are judged per child of the project node', () => {
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

  test('only the time of the subproject that passes bills', () => {
    const result = runBilling(twoSubprojects(), JUNE);
    expect(rowsOf(onlyInvoice(result))).toEqual([['Dev', '1.00', '100.00', '100.00', 'E1']]);
    expect(settledEntries(result)).toEqual([[0, 'INV-00001']]);
  });

  test('the reason names the waiting subproject, and its time counts as unbilled', () => {
    expect(statusOf(runBilling(twoSubprojects(), JUNE), 'O1')).toMatchObject({
      canBill: true, reason: 'Test: progress 20 % < 50 %', unbilled: '80.00', billed: '100.00',
    });
  });

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

describe('§5 Manual: only when BillNow is TRUE', () => {
  test('without BillNow nothing bills: "BillNow is not set"', () => {
    const result = runBilling(oneLine({ billingMode: 'Manual' }).build(), JUNE);
    expect(result.invoices).toEqual([]);
    expect(statusOf(result, 'O1')).toMatchObject({ canBill: false, reason: 'BillNow is not set', unbilled: '200.00' });
  });

  test('with BillNow the time bills', () => {
    expect(onlyInvoice(runBilling(oneLine({ billingMode: 'Manual', billNow: true }).build(), JUNE)).net.toFixed(2)).toBe('200.00');
  });
});

describe('§5 PaymentPlan: the installments due and not invoiced bill; time is cost only', () => {
  /** O1: budget 10 h x 100 = 1,000.00; Anna's 2 h are fixed-price work. */
  const plan = () => oneLine({ billingMode: 'PaymentPlan' });

  test('the installments due by the billing date bill by Amount, and their PaymentPlan rows are settled', () => {
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

  test('time on the order is never invoiced or marked', () => {
    const book = plan().installment('O1', { dueDate: '2025-06-01', amount: '300' }).build();
    const result = runBilling(book, JUNE);
    expect(onlyInvoice(result).rows.flatMap((r) => r.entryIds)).toEqual([]);
    expect(settledEntries(result)).toEqual([]);
    expect(result.exceptions).toEqual([]);
  });

  test('an installment is never billed twice', () => {
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

  test('in OrderStatus, billed and open installments make the plan value and time is the cost', () => {
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

describe('§5 BillingRules: each line on its own rule', () => {
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

describe('§5 Billed, and an order without a project node', () => {
  test('a Billed order bills nothing: its new time is an OrderBilled exception and OrderStatus says the order is closed', () => {
    const result = runBilling(oneLine({ billingMode: 'Billed' }).build(), JUNE);
    expect(result.invoices).toEqual([]);
    expect(exceptionsOf(result)).toEqual([['E1', 'OrderBilled', 7200]]);
    expect(statusOf(result, 'O1')).toMatchObject({ canBill: false, reason: 'the order is closed (BillingMode Billed)', unbilled: '0.00' });
  });

  test('an order with no project node cannot bill: "no project yet" at 0 % progress', () => {
    const book = workbook()
      .order('O1')
      .line('O1/1', { link: 'MainProject' })
      .build();
    expect(statusOf(runBilling(book, JUNE), 'O1')).toMatchObject({ canBill: false, reason: 'no project yet', progress: '0' });
  });
});

describe('§5 OrderStatus: CanBill and Reason, Progress, Billed, Unbilled, Cost, Margin', () => {
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

  test('an order that waits shows what it billed earlier, its unbilled new time, the cost of all its time and the margin', () => {
    // Margin = 300 + 200 - 360
    expect(statusOf(runBilling(story({ minProgress: '0.5' }), JUNE), 'O1')).toEqual({
      canBill: false, reason: 'progress 40 % < 50 %', progress: '0.4', unbilled: '200.00', billed: '300.00', cost: '360.00', margin: '140.00',
    });
  });

  test("an order that bills counts this run's invoice in Billed", () => {
    expect(statusOf(runBilling(story({}), JUNE), 'O1')).toMatchObject({ unbilled: '0.00', billed: '500.00', cost: '360.00', margin: '140.00' });
  });

  test('Billed counts an earlier invoice by the register\'s Net when it has no InvoiceLines rows', () => {
    const book = oneLine({ minProgress: '0.5' })
      .issuedInvoice('INV-00001', { source: 'O1', kind: 'Order', net: '250' })
      .issuedInvoice('INV-00002', { source: 'O9', kind: 'Order', net: '999' })
      .build();
    expect(statusOf(runBilling(book, JUNE), 'O1')).toMatchObject({ billed: '250.00', unbilled: '200.00' });
  });

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

  test('a preview shows the same status without issuing anything', () => {
    const book = story({});
    const preview = runBilling(book, billOn('2025-06-30', true));
    expect(preview.orderStatus).toEqual(runBilling(book, JUNE).orderStatus);
    expect(preview.invoiceNoUpdates).toEqual([]);
  });

  test('OrderStatus lists every order, in Orders table order', () => {
    const book = oneLine().order('O0', { customer: 'Zeta' }).build();
    expect(runBilling(book, JUNE).orderStatus.map((o) => [o.orderId, o.customer, o.billingMode])).toEqual([
      ['O1', 'Acme', 'Rules'],
      ['O0', 'Zeta', 'Rules'],
    ]);
  });
});
