/**
 * §2 Where a line item docks (docs/billing-rules.md section 2): the Link of a line names the
 * node its time is found on.
 */
import { runBilling } from '../../../src/engine/runBilling';
import { workbook } from '../../builders/workbook';
import { exceptionsOf, onlyInvoice } from '../../builders/results';
import { JANUARY } from '../../builders/scenarios';

/** Main project P1 of order O1, a subproject S1 for section Conception, a work package WP1 under it. */
const tree = () =>
  workbook()
    .order('O1')
    .node('P1', { order: 'O1' })
    .node('S1', { parent: 'P1', order: 'O1', section: 'Conception' })
    .node('WP1', { parent: 'S1', order: 'O1', lineItem: 'O1/1' });

describe('§2 Docking: where a line item docks (Link)', () => {
  it('an OriginalLineItem line docks on the work package made from it', () => {
    const book = tree()
      .line('O1/1', { link: 'OriginalLineItem' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    expect(onlyInvoice(runBilling(book, JANUARY)).rows[0].lineItem).toBe('O1/1');
  });

  it('time booked above that work package does not find an OriginalLineItem line', () => {
    const book = tree()
      .line('O1/1', { link: 'OriginalLineItem' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'S1', hours: 1 })
      .build();
    expect(exceptionsOf(runBilling(book, JANUARY))).toEqual([['E1', 'NoLineItem', 3600]]);
  });

  it("a MainProject line docks on the order's project node", () => {
    const book = tree()
      .line('O1/2', { link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1 })
      .build();
    expect(onlyInvoice(runBilling(book, JANUARY)).rows[0].lineItem).toBe('O1/2');
  });

  it('a Section line docks on the subproject of its Section, the text compared ignoring case', () => {
    const book = tree()
      .line('O1/2', { link: 'Section', section: 'conception' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'S1', hours: 1 })
      .build();
    expect(onlyInvoice(runBilling(book, JANUARY)).rows[0].lineItem).toBe('O1/2');
  });

  it('a None line docks nowhere: time never finds it', () => {
    const book = tree()
      .line('O1/2', { link: 'None' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'P1', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(result.invoices).toEqual([]);
    expect(exceptionsOf(result)).toEqual([['E1', 'NoLineItem', 3600]]);
  });

  it('a line whose node does not exist docks nowhere', () => {
    const book = tree()
      .line('O1/7', { link: 'OriginalLineItem' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    expect(exceptionsOf(runBilling(book, JANUARY))).toEqual([['E1', 'NoLineItem', 3600]]);
  });
});
