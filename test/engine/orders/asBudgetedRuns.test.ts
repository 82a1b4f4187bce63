/**
 * §6 AsBudgeted rows (docs/billing-rules.md section 6) through runBilling over several runs:
 * each run bills the budget earned since the last, read back from the InvoiceLines records the
 * previous runs wrote.
 */
import type { BillingResult } from '../../../src/engine/billingResult';
import { buildResultTables } from '../../../src/engine/resultTables';
import { runBilling } from '../../../src/engine/runBilling';
import type { BillingWorkbook, InvoiceTimes, NodeStatus } from '../../../src/schema/model';
import { Decimal } from '../../../src/core/money';
import { billOn, workbook } from '../../builders/workbook';
import { afterRun } from '../../builders/runs';
import { onlyInvoice, rowsOf } from '../../builders/results';

/**
 * O1, AsBudgeted, two lines of the same item Consulting:
 *   O1/1 10 h x 100   = 1,000.00 on W1
 *   O1/2  3 h x 33.33 =    99.99 on W2
 * Anna's 4 h on W1 are costed, never invoiced.
 */
const budgeted = (invoiceTimes: InvoiceTimes = 'ByItems') =>
  workbook()
    .order('O1', { basis: 'AsBudgeted', invoiceTimes })
    .node('P1', { order: 'O1' })
    .node('W1', { parent: 'P1', order: 'O1', lineItem: 'O1/1' })
    .node('W2', { parent: 'P1', order: 'O1', lineItem: 'O1/2' })
    .line('O1/1', { price: '100', quantity: 10, description: 'Design' })
    .line('O1/2', { price: '33.33', quantity: 3, description: 'Review' })
    .time('E1', { date: '2025-06-02', person: 'Anna', node: 'W1', hours: 4 })
    .build();

/** Both work packages at a progress, or done. */
function at(book: BillingWorkbook, progress: string | NodeStatus): BillingWorkbook {
  const nodes = book.nodes.map((n) => {
    if (n.lineItem === undefined) return n;
    return progress === 'Completed' ? { ...n, status: 'Completed' as const } : { ...n, progress: new Decimal(progress) };
  });
  return { ...book, nodes };
}

/** Runs at 30 %, 70 % and Completed, each on the book the previous run left. */
function threeRuns(invoiceTimes: InvoiceTimes = 'ByItems'): BillingResult[] {
  const results: BillingResult[] = [];
  let book = budgeted(invoiceTimes);
  const steps: [string, string][] = [['0.3', '2025-06-30'], ['0.7', '2025-07-31'], ['Completed', '2025-08-31']];
  for (const [progress, date] of steps) {
    const result = runBilling(at(book, progress), billOn(date));
    results.push(result);
    book = afterRun(book, result);
  }
  return results;
}

describe('§6 AsBudgeted: three runs at 30 %, 70 % and Completed bill the budget value, each line earned minus billed', () => {
  test('By Items: one row per run, and the runs add up to the budget to the cent', () => {
    const nets = threeRuns().map((r) => onlyInvoice(r).net.toFixed(2));
    // 300.00 + 30.00 | 400.00 + 39.99 (69.993 - 30.00) | 300.00 + 30.00 (99.99 - 69.99)
    expect(nets).toEqual(['330.00', '439.99', '330.00']);
    expect(nets.reduce((sum, n) => sum.plus(n), new Decimal(0)).toFixed(2)).toBe('1099.99');
  });

  test('By Items shows one row for the item, with the budget hours of both lines', () => {
    // 3 h + 0.9 h (29.997 / 33.33), no unit price: the lines' prices differ
    expect(rowsOf(onlyInvoice(threeRuns()[0]))).toEqual([['Consulting', '3.90', '', '330.00', '']]);
  });

  test('InvoiceLines records a combined row once per line item, same Row, amounts adding up to the row', () => {
    const lines = buildResultTables(threeRuns()[0]).tables.find((t) => t.name === 'InvoiceLines')!;
    const pick = ['Row', 'Description', 'Amount', 'LineItem'].map((h) => lines.columns.findIndex((c) => c.header === h));
    expect(lines.rows.map((row) => pick.map((i) => row[i]))).toEqual([
      [1, 'Consulting', 300, 'O1/1'],
      [1, 'Consulting', 30, 'O1/2'],
    ]);
  });

  test('By Transactions: a row per line item, named by its Description, same totals', () => {
    const results = threeRuns('ByTransactions');
    expect(rowsOf(onlyInvoice(results[1]))).toEqual([
      ['Design', '4.00', '100.00', '400.00', ''],
      ['Review', '1.20', '33.33', '39.99', ''],
    ]);
    expect(results.map((r) => onlyInvoice(r).net.toFixed(2))).toEqual(['330.00', '439.99', '330.00']);
  });

  test('One Row Total: the same totals through one row per run', () => {
    expect(threeRuns('OneRowTotal').map((r) => rowsOf(onlyInvoice(r))[0][3])).toEqual(['330.00', '439.99', '330.00']);
  });

  test('the time on the order is costed, never invoiced, never marked', () => {
    const first = threeRuns()[0];
    expect(first.invoiceNoUpdates).toEqual([]);
    expect(first.exceptions).toEqual([]);
  });

  test('a fourth run after completion bills nothing more', () => {
    let book = budgeted();
    for (const [progress, date] of [['0.3', '2025-06-30'], ['Completed', '2025-07-31']]) book = afterRun(book, runBilling(at(book, progress), billOn(date)));
    expect(runBilling(at(book, 'Completed'), billOn('2025-09-30')).invoices).toEqual([]);
  });

  test('OrderStatus: Unbilled is the budget earned and not yet invoiced', () => {
    // Manual without BillNow: nothing bills at 30 %; earned 330.00 stays unbilled.
    const book = at(budgeted(), '0.3');
    book.orders[0] = { ...book.orders[0], billingMode: 'Manual' };
    const status = runBilling(book, billOn('2025-06-30')).orderStatus[0];
    expect([status.canBill, status.unbilled.toFixed(2), status.billed.toFixed(2)]).toEqual([false, '330.00', '0.00']);
  });

  test('OrderStatus after the second run: Billed counts earlier and this run, Unbilled is zero', () => {
    const status = threeRuns()[1].orderStatus[0];
    expect([status.billed.toFixed(2), status.unbilled.toFixed(2)]).toEqual(['769.99', '0.00']);
  });

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
    const result = runBilling(book, billOn('2025-06-30'));
    // Design: 1000 × 20 % − 500 < 0: nothing. Build: 800 × 50 % = 400.00, 5 h.
    expect(rowsOf(onlyInvoice(result))).toEqual([['Build', '5.00', '80.00', '400.00', '']]);
  });
});
