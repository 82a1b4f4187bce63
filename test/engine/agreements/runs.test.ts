import { billAgreements } from '../../../src/engine/agreements/billAgreements';
import { workbook, day } from '../../builders/workbook';
import { rowFiguresOf, summaryOf } from '../../builders/results';
import { runAgreements } from '../../builders/runs';

describe('a renewal', () => {
  /** AGR-1 (January to June, 10 h at 100, 6 h used) renewed by AGR-2 from 1 July (10 h at 110). */
  const renewed = (rollover: boolean, predecessorEnd = '2025-06-30') =>
    workbook()
      .agreement('AGR-1', { start: '2025-01-01', end: predecessorEnd, hours: 10, rate: '100' })
      .agreement('AGR-2', { start: '2025-07-01', hours: 10, rate: '110', renewalOf: 'AGR-1', rollover })
      .time('E1', { date: '2025-03-01', hours: 6, agreement: 'AGR-1' });
  const withRollover = renewed(true).build();

  test('with Rollover takes the predecessor unused hours and value', () => {
    const billing = runAgreements(withRollover, '2025-07-31').billing;
    expect(summaryOf(billing, 'AGR-2')).toMatchObject({ initial: '10.00', rolledOver: '4.00', remaining: '14.00', deferredRevenue: '1500.00', status: 'Active' });
  });

  test('with Rollover leaves the predecessor at zero, its carried hours negative and its deferred revenue gone', () => {
    const billing = runAgreements(withRollover, '2025-07-31').billing;
    expect(summaryOf(billing, 'AGR-1')).toMatchObject({ rolledOver: '-4.00', used: '6.00', remaining: '0.00', deferredRevenue: '0.00', status: 'Expired' });
  });

  test('with Rollover uses the carried hours first, at the predecessor rate', () => {
    const book = renewed(true)
      .time('E2', { date: '2025-07-10', hours: 5, agreement: 'AGR-2' })
      .build();
    // 4 h x 100 + 1 h x 110 = 510 used of 400 + 1100 invoiced
    expect(summaryOf(runAgreements(book, '2025-07-31').billing, 'AGR-2')).toMatchObject({ used: '5.00', remaining: '9.00', deferredRevenue: '990.00' });
  });

  test('with Rollover carries nothing before the predecessor End', () => {
    const billing = runAgreements(withRollover, '2025-06-15').billing;
    expect([summaryOf(billing, 'AGR-1').remaining, summaryOf(billing, 'AGR-2').rolledOver]).toEqual(['4.00', '0.00']);
  });

  test('with Rollover carries the balance at the renewal Start when it starts before the predecessor ends', () => {
    const book = renewed(true, '2025-07-31')
      .time('E2', { date: '2025-07-15', hours: 1, agreement: 'AGR-1' })
      .build();
    const billing = runAgreements(book, '2025-07-31').billing;
    expect(summaryOf(billing, 'AGR-2').rolledOver).toBe('4.00');
    expect(billing.exceptions.map((e) => [e.entryId, e.reason])).toEqual([['E2', 'Overrun']]);
  });

  test('without Rollover keeps the predecessor balance where it was', () => {
    const book = renewed(false).build();
    const billing = runAgreements(book, '2025-07-31').billing;
    expect([summaryOf(billing, 'AGR-1').remaining, summaryOf(billing, 'AGR-1').deferredRevenue]).toEqual(['4.00', '400.00']);
    expect(summaryOf(billing, 'AGR-2')).toMatchObject({ rolledOver: '0.00', remaining: '10.00', deferredRevenue: '1100.00' });
  });
});

describe('three monthly runs', () => {
  // 10 h block at 100 (1000.00) and 5 h added on 10 Feb at 120 (600.00).
  const start = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100' })
    .addition('AGR-1', { date: '2025-02-10', hours: 5, rate: '120' })
    .time('E1', { date: '2025-01-15', hours: 4, agreement: 'AGR-1' })
    .time('E2', { date: '2025-02-15', hours: 7, agreement: 'AGR-1' })
    .time('E3', { date: '2025-03-10', hours: '3:30', agreement: 'AGR-1' })
    .build();
  const january = runAgreements(start, '2025-01-31');
  const february = runAgreements(january.book, '2025-02-28');
  const march = runAgreements(february.book, '2025-03-31');

  test('deferred revenue is what was prepaid minus the time used, first in first out', () => {
    // Jan: 1000 - 4 x 100; Feb: 1600 - (10 x 100 + 1 x 120); Mar: 1600 - (1000 + 4.5 x 120)
    expect([january, february, march].map((r) => summaryOf(r.billing, 'AGR-1').deferredRevenue)).toEqual(['600.00', '480.00', '60.00']);
  });

  test('the block is invoiced in the first run and the addition in the run after its date', () => {
    expect([january, february, march].map((r) => r.invoices.map((i) => `${i.invoiceNo} ${rowFiguresOf(i)[0][0]}`))).toEqual([
      ['INV-00001 Prepaid hours AGR-1'],
      ['INV-00002 Additional hours AGR-1'],
      [],
    ]);
  });

  test('each run marks only its own new time', () => {
    expect([january, february, march].map((r) => r.billing.updates.map((u) => u.index))).toEqual([[0], [1], [2]]);
  });

  test('the balance falls run by run', () => {
    expect([january, february, march].map((r) => summaryOf(r.billing, 'AGR-1').remaining)).toEqual(['6.00', '4.00', '0.50']);
  });

  test('a rerun on the same date bills nothing twice', () => {
    const rerun = runAgreements(march.book, '2025-03-31');
    expect([rerun.invoices, rerun.billing.updates, rerun.billing.exceptions]).toEqual([[], [], []]);
    expect(summaryOf(rerun.billing, 'AGR-1')).toEqual(summaryOf(march.billing, 'AGR-1'));
  });

  test('a preview counts only prepaid invoices already issued as invoiced', () => {
    const preview = billAgreements(start, { billingDate: day('2025-01-31'), preview: true });
    // nothing issued yet: 0 - 4 h x 100
    expect(summaryOf(preview, 'AGR-1').deferredRevenue).toBe('-400.00');
  });
});

test('a rerun does not bill overage twice', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 1, rate: '100', overageRate: '150' })
    .time('E1', { date: '2025-01-06', hours: 2, agreement: 'AGR-1' })
    .build();
  const first = runAgreements(book, '2025-01-31');
  const second = runAgreements(first.book, '2025-01-31');
  expect(first.invoices.map((i) => i.kind)).toEqual(['Prepaid', 'Overage']);
  expect(first.book.timeEntries[0].invoiceNo).toBe('INV-00002');
  expect(second.invoices).toEqual([]);
  expect(summaryOf(second.billing, 'AGR-1')).toMatchObject({ used: '1.00', overrun: '1.00' });
});
