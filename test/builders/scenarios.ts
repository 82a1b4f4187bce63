/**
 * Small workbooks the engine's rule tests start from, so each rule file does not redefine
 * them. Each is a BookBuilder the test goes on adding rows to.
 */
import type { InvoiceTimes } from '../../src/schema/model';
import { billOn, workbook } from './workbook';

/** The billing date most rule tests bill on. */
export const JANUARY = billOn('2025-01-31');

/** Order O1 with main project P1 and a work package WP1 that has no line of its own. */
export const project = (invoiceTimes: InvoiceTimes = 'ByTransactions') =>
  workbook()
    .order('O1', { invoiceTimes })
    .node('P1', { order: 'O1' })
    .node('WP1', { parent: 'P1', kind: 'WorkPackage' });

/** `project()` with one collector line on P1: Support at 100.00. */
export const oneCollector = () => project().line('O1/1', { item: 'Support', price: '100', link: 'MainProject' });

/** Two 15-minute entries on one Support line at 27.50: sums whose rounding shows. */
export const twoQuarterHours = (invoiceTimes: InvoiceTimes) =>
  workbook()
    .order('O1', { invoiceTimes })
    .node('P1', { order: 'O1' })
    .line('O1/1', { item: 'Support', price: '27.50', link: 'MainProject' })
    .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: '15m' })
    .time('E2', { date: '2025-01-07', person: 'Anna', node: 'P1', hours: '15m' })
    .build();
