/**
 * §7 Block-time agreements, rollover (docs/billing-rules.md section 7): a renewal with
 * Rollover TRUE takes the predecessor's balance on the transfer day, once, and carried value
 * runs down a chain first in first out.
 */
import { workbook } from '../../builders/workbook';
import { summaryOf } from '../../builders/results';
import { runAgreements } from '../../builders/runs';

/** AGR-1 (January to June, 10 h at 100, 6 h used) renewed by AGR-2 from 1 July (10 h at 110). */
const renewed = (rollover: boolean, predecessorEnd = '2025-06-30') =>
  workbook()
    .agreement('AGR-1', { start: '2025-01-01', end: predecessorEnd, hours: 10, rate: '100' })
    .agreement('AGR-2', { start: '2025-07-01', hours: 10, rate: '110', renewalOf: 'AGR-1', rollover })
    .time('E1', { date: '2025-03-01', hours: 6, agreement: 'AGR-1' });
const withRollover = renewed(true).build();

/**
 * AGR-1 (Jan–Mar, 10 h at 100) uses 4 h; AGR-2 renews it from 10 April with Rollover
 * (10 h at 120); AGR-3 renews AGR-1 too, later, also with Rollover. AGR-2 uses 8 h.
 */
const twoRenewals = workbook()
  .agreement('AGR-1', { start: '2025-01-01', end: '2025-03-31', hours: 10, rate: '100' })
  .agreement('AGR-2', { start: '2025-04-10', hours: 10, rate: '120', rollover: true, renewalOf: 'AGR-1' })
  .agreement('AGR-3', { start: '2025-05-01', hours: 5, rate: '130', rollover: true, renewalOf: 'AGR-1' })
  .time('E1', { date: '2025-02-01', hours: 4, agreement: 'AGR-1' })
  .time('E2', { date: '2025-04-15', hours: 8, agreement: 'AGR-2' })
  .build();

describe("§7 Rollover: a renewal with Rollover TRUE takes the predecessor's balance on the transfer day", () => {
  test("a renewal with Rollover takes the predecessor's unused hours and their value", () => {
    const billing = runAgreements(withRollover, '2025-07-31').billing;
    expect(summaryOf(billing, 'AGR-2')).toMatchObject({ initial: '10.00', rolledOver: '4.00', remaining: '14.00', deferredRevenue: '1500.00', status: 'Active' });
  });

  test('the predecessor is left at zero, its carried hours negative and its deferred revenue gone', () => {
    const billing = runAgreements(withRollover, '2025-07-31').billing;
    expect(summaryOf(billing, 'AGR-1')).toMatchObject({ rolledOver: '-4.00', used: '6.00', remaining: '0.00', deferredRevenue: '0.00', status: 'Expired' });
  });

  test("when the renewal starts after the predecessor's End, the balance at the End carries over", () => {
    const { billing } = runAgreements(twoRenewals, '2025-05-31');
    // 6 h carried; AGR-2 uses the carried hours first: 6 × 100 + 2 × 120 = 840 of 600 + 1200.
    expect(summaryOf(billing, 'AGR-2')).toMatchObject({ rolledOver: '6.00', used: '8.00', remaining: '8.00', deferredRevenue: '960.00' });
    expect(summaryOf(billing, 'AGR-1')).toMatchObject({ rolledOver: '-6.00', used: '4.00', remaining: '0.00', deferredRevenue: '0.00' });
  });

  test("when the renewal starts before the predecessor's End, the balance at the renewal's Start carries over", () => {
    const book = renewed(true, '2025-07-31')
      .time('E2', { date: '2025-07-15', hours: 1, agreement: 'AGR-1' })
      .build();
    const billing = runAgreements(book, '2025-07-31').billing;
    expect(summaryOf(billing, 'AGR-2').rolledOver).toBe('4.00');
    expect(billing.exceptions.map((e) => [e.entryId, e.reason])).toEqual([['E2', 'Overrun']]);
  });

  test('nothing carries before the predecessor End, and the predecessor keeps its balance', () => {
    const billing = runAgreements(renewed(true).build(), '2025-06-15').billing;
    expect([summaryOf(billing, 'AGR-1').remaining, summaryOf(billing, 'AGR-2').rolledOver]).toEqual(['4.00', '0.00']);
    const early = runAgreements(twoRenewals, '2025-03-30').billing;
    expect(summaryOf(early, 'AGR-1')).toMatchObject({ rolledOver: '0.00', remaining: '6.00', deferredRevenue: '600.00' });
    expect(summaryOf(early, 'AGR-2')).toMatchObject({ rolledOver: '0.00', status: 'NotStarted' });
  });

  test("the renewal uses the carried hours first, at the predecessor's rate", () => {
    const book = renewed(true)
      .time('E2', { date: '2025-07-10', hours: 5, agreement: 'AGR-2' })
      .build();
    // 4 h x 100 + 1 h x 110 = 510 used of 400 + 1100 invoiced
    expect(summaryOf(runAgreements(book, '2025-07-31').billing, 'AGR-2')).toMatchObject({ used: '5.00', remaining: '9.00', deferredRevenue: '990.00' });
  });

  test('the balance is carried once: a second renewal of the same predecessor gets nothing', () => {
    const { billing } = runAgreements(twoRenewals, '2025-05-31');
    expect(summaryOf(billing, 'AGR-3')).toMatchObject({ rolledOver: '0.00', remaining: '5.00' });
  });

  test('carried value runs down a chain, each lot at its own rate, first in first out', () => {
    const chain = workbook()
      .agreement('A', { start: '2025-01-01', end: '2025-01-31', hours: 10, rate: '100' })
      .agreement('B', { start: '2025-02-01', end: '2025-02-28', hours: 10, rate: '200', rollover: true, renewalOf: 'A' })
      .agreement('C', { start: '2025-03-01', hours: 10, rate: '300', rollover: true, renewalOf: 'B' })
      .time('E1', { date: '2025-03-05', hours: 15, agreement: 'C' })
      .build();
    const { billing } = runAgreements(chain, '2025-03-31');
    // C holds 10 h at 100 (from A via B), 10 h at 200 (B), 10 h at 300: 15 h use 1000 + 1000.
    expect(summaryOf(billing, 'C')).toMatchObject({ rolledOver: '20.00', used: '15.00', remaining: '15.00', deferredRevenue: '4000.00' });
    expect(summaryOf(billing, 'A')).toMatchObject({ remaining: '0.00', deferredRevenue: '0.00' });
    expect(summaryOf(billing, 'B')).toMatchObject({ remaining: '0.00', deferredRevenue: '0.00' });
  });

  test("a renewal without Rollover leaves the predecessor's balance where it was", () => {
    const book = renewed(false).build();
    const billing = runAgreements(book, '2025-07-31').billing;
    expect([summaryOf(billing, 'AGR-1').remaining, summaryOf(billing, 'AGR-1').deferredRevenue]).toEqual(['4.00', '400.00']);
    expect(summaryOf(billing, 'AGR-2')).toMatchObject({ rolledOver: '0.00', remaining: '10.00', deferredRevenue: '1100.00' });
  });
});
