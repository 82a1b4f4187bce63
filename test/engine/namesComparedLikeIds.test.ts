/**
 * §3 and §6: names used as keys compare like ids (src/core/idKey.ts: trimmed, ignoring case),
 * whatever spaces a user typed around them: a line's Category filter (matching) and an
 * item's Group (By Groups rows).
 */
import { runBilling } from '../../src/engine/runBilling';
import { billOn, workbook } from '../builders/workbook';
import { exceptionsOf, onlyInvoice, rowsOf } from '../builders/results';

const JANUARY = billOn('2025-01-31');

describe('§3 Matching: a Category filter compares like an id', () => {
  /** Line O1/1 takes only category " Dev " (typed with spaces); E1 is booked with `category`. */
  const bookedAs = (category: string) =>
    workbook()
      .order('O1')
      .node('P1', { order: 'O1' })
      .line('O1/1', { item: 'Dev', price: '100', link: 'MainProject', category: ' Dev ' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1, category })
      .build();

  it('a category differing only in case and surrounding spaces passes the filter', () => {
    expect(rowsOf(onlyInvoice(runBilling(bookedAs('DEV'), JANUARY)))).toEqual([['Dev', '1.00', '100.00', '100.00', 'E1']]);
  });

  it('another category does not pass: the time has no line item', () => {
    const result = runBilling(bookedAs('Design'), JANUARY);
    expect([result.invoices, exceptionsOf(result)]).toEqual([[], [['E1', 'NoLineItem', 3600]]]);
  });
});

describe('§6 By Groups: a group name compares like an id', () => {
  it('groups differing only in case and surrounding spaces make one row, named as first met', () => {
    const book = workbook()
      .item('Dev', { group: 'Engineering' })
      .item('Test', { group: ' engineering ' })
      .order('O1', { invoiceTimes: 'ByGroups' })
      .node('P1', { order: 'O1' })
      .line('O1/1', { item: 'Dev', price: '100', link: 'MainProject', category: 'dev' })
      .line('O1/2', { item: 'Test', price: '80', link: 'MainProject', category: 'test' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1, category: 'test' })
      .time('E2', { date: '2025-01-07', person: 'Anna', node: 'P1', hours: 1, category: 'dev' })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))).toEqual([[' engineering ', '2.00', '', '180.00', 'E1,E2']]);
  });
});
