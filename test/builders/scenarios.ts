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

/**
 * P1 (collector O1/3, Hourly) > S1 (section Dev: O1/1 Senior, priority 1, 1 h a month;
 * O1/2 Junior, 30 min a month): an entry on S1 fills the lines by priority and caps, the rest
 * goes up to the collector.
 */
export const sectionAndCollector = (invoiceTimes: InvoiceTimes) =>
  workbook()
    .order('O1', { invoiceTimes })
    .node('P1', { order: 'O1' })
    .node('S1', { parent: 'P1', order: 'O1', section: 'Dev' })
    .line('O1/1', { item: 'Senior', price: '150', link: 'Section', section: 'Dev', priority: 1, max: '1h', per: 'month' })
    .line('O1/2', { item: 'Junior', price: '90', link: 'Section', section: 'Dev', max: '30m', per: 'month' })
    .line('O1/3', { item: 'Hourly', price: '100', link: 'MainProject' });
