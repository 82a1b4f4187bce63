import { runBilling } from '../../src/engine/runBilling';
import { billOn, workbook } from '../builders/workbook';
import { exceptionsOf, onlyInvoice } from '../builders/results';

const JANUARY = billOn('2025-01-31');

/** Main project P1 of order O1, a subproject S1 for section Conception, a work package WP1 under it. */
const tree = () =>
  workbook()
    .order('O1')
    .node('P1', { order: 'O1' })
    .node('S1', { parent: 'P1', order: 'O1', section: 'Conception' })
    .node('WP1', { parent: 'S1', order: 'O1', lineItem: 'O1/1' });

describe('where a line item docks (Link)', () => {
  it('docks OriginalLineItem on the work package created from it', () => {
    const book = tree()
      .line('O1/1', { link: 'OriginalLineItem' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    expect(onlyInvoice(runBilling(book, JANUARY)).rows[0].lineItem).toBe('O1/1');
  });

  it('does not find an OriginalLineItem line from above its work package', () => {
    const book = tree()
      .line('O1/1', { link: 'OriginalLineItem' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'S1', hours: 1 })
      .build();
    expect(exceptionsOf(runBilling(book, JANUARY))).toEqual([['E1', 'NoLineItem', 3600]]);
  });

  it('docks MainProject on the order project node', () => {
    const book = tree()
      .line('O1/2', { link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1 })
      .build();
    expect(onlyInvoice(runBilling(book, JANUARY)).rows[0].lineItem).toBe('O1/2');
  });

  it('docks Section on the subproject made from its section, whatever the case of the text', () => {
    const book = tree()
      .line('O1/2', { link: 'Section', section: 'conception' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'S1', hours: 1 })
      .build();
    expect(onlyInvoice(runBilling(book, JANUARY)).rows[0].lineItem).toBe('O1/2');
  });

  it('docks None nowhere: time never finds the line', () => {
    const book = tree()
      .line('O1/2', { link: 'None' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(result.invoices).toEqual([]);
    expect(exceptionsOf(result)).toEqual([['E1', 'NoLineItem', 3600]]);
  });

  it('docks a line whose work package does not exist nowhere', () => {
    const book = tree()
      .line('O1/7', { link: 'OriginalLineItem' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    expect(exceptionsOf(runBilling(book, JANUARY))).toEqual([['E1', 'NoLineItem', 3600]]);
  });
});
