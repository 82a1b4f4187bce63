/**
 * §3 Time finds its line item, steps 3 and 4 (docs/billing-rules.md section 3): time nothing
 * on its node takes goes up the tree, across orders; a split entry's rest searches on.
 */
import type { BillingResult, OrderStatusRow } from '../../../src/engine/billingResult';
import { runBilling } from '../../../src/engine/runBilling';
import { billOn, workbook, type OrderInput } from '../../builders/workbook';
import { invoiceFor, onlyInvoice, rowsOf } from '../../builders/results';
import { JANUARY, sectionAndCollector } from '../../builders/scenarios';

describe('§3 Matching, step 3: time nothing on its node takes goes up the tree', () => {
  /** Main order O1: P1 > S1 (section Build) > WP1 (line O1/2, Dev only); collector O1/1 on P1. */
  const mainOrder = () =>
    workbook()
      .order('O1', { customer: 'Acme', invoiceTimes: 'ByTransactions' })
      .node('P1', { order: 'O1' })
      .node('S1', { parent: 'P1', order: 'O1', section: 'Build' })
      .node('WP1', { parent: 'S1', order: 'O1', lineItem: 'O1/2' })
      .line('O1/1', { item: 'Hourly rate', price: '100', link: 'MainProject' })
      .line('O1/2', { item: 'Development', price: '150', category: 'Dev' });

  it("time the work package's line refuses bills on the main project's collector", () => {
    const book = mainOrder()
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'Meeting' })
      .time('E2', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'Dev' })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))).toEqual([
      ['Hourly rate', '1.00', '100.00', '100.00', 'E1'],
      ['Development', '1.00', '150.00', '150.00', 'E2'],
    ]);
  });

  it('a child node\'s lines come before a parent\'s line of higher priority', () => {
    const book = workbook()
      .order('O1', { invoiceTimes: 'ByItems' })
      .node('P1', { order: 'O1' })
      .node('WP1', { parent: 'P1', order: 'O1', lineItem: 'O1/1' })
      .line('O1/1', { item: 'Package', price: '100' })
      .line('O1/2', { item: 'Collector', price: '80', link: 'MainProject', priority: 10 })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))).toEqual([['Package', '1.00', '100.00', '100.00', 'E1']]);
  });
});

describe("§3 Matching, step 3: lines of any order count on the way up; each piece bills on its line's order", () => {
  const JUNE = billOn('2025-06-30');

  /** OrderStatus of one order with money as strings. */
  const statusOf = (result: BillingResult, orderId: string) => {
    const row = result.orderStatus.find((o) => o.orderId === orderId) as OrderStatusRow;
    return { canBill: row.canBill, unbilled: row.unbilled.toFixed(2) };
  };

  /** Main order O1 (collector at 100 on P1), extension O2 as subproject P2 taking only dev time at 150. */
  const extension = (o2: OrderInput = {}) =>
    workbook()
      .order('O1')
      .order('O2', { projectRole: 'Subproject', parentNode: 'P1', ...o2 })
      .node('P1', { order: 'O1' })
      .node('P2', { parent: 'P1', order: 'O2' })
      .line('O1/1', { item: 'Support', price: '100', link: 'MainProject' })
      .line('O2/1', { item: 'Dev', price: '150', link: 'MainProject', category: 'dev' })
      .time('E1', { date: '2025-06-02', person: 'Anna', node: 'P2', hours: 1, category: 'dev' })
      .time('E2', { date: '2025-06-03', person: 'Anna', node: 'P2', hours: 1, category: 'test' });

  test("an extension order's lines take the time they accept, on the extension's invoice", () => {
    const result = runBilling(extension().build(), JUNE);
    expect(rowsOf(invoiceFor(result, 'O2'))).toEqual([['Dev', '1.00', '150.00', '150.00', 'E1']]);
  });

  test("time an extension order's lines refuse walks up and bills on the main order's invoice", () => {
    const result = runBilling(extension().build(), JUNE);
    expect(rowsOf(invoiceFor(result, 'O1'))).toEqual([['Support', '1.00', '100.00', '100.00', 'E2']]);
  });

  test("time that walked up bills by the main order's BillingMode while the extension waits", () => {
    const result = runBilling(extension({ billingMode: 'Manual' }).build(), JUNE);
    expect(result.invoices.map((i) => i.source)).toEqual(['O1']);
    expect(statusOf(result, 'O2')).toMatchObject({ canBill: false, unbilled: '150.00' });
  });
});

describe('§3 Caps: the rest of a split entry searches on, to the next candidate, then up the tree', () => {
  it("the best line fills first, then the next on the node, then the parent's collector", () => {
    const book = sectionAndCollector('ByTransactions').time('E1', { date: '2025-01-06', person: 'Anna', node: 'S1', hours: 2, comment: 'Build' }).build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result))).toEqual([
      ['Senior: Build', '1.00', '150.00', '150.00', 'E1'],
      ['Junior: Build', '0.50', '90.00', '45.00', 'E1'],
      ['Hourly: Build', '0.50', '100.00', '50.00', 'E1'],
    ]);
    expect(result.exceptions).toEqual([]);
  });
});
