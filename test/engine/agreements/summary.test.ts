/**
 * §7 AgreementSummary (docs/billing-rules.md section 7), replaced each run as of the billing
 * date: Initial, Added, RolledOver, Used, Remaining, Overrun, DeferredRevenue, Status.
 */
import { billAgreements } from '../../../src/engine/agreements/billAgreements';
import type { BillingWorkbook } from '../../../src/schema/model';
import { day, workbook } from '../../builders/workbook';
import { rowFiguresOf, summaryOf } from '../../builders/results';
import { runAgreements } from '../../builders/runs';

const run = (book: BillingWorkbook, date: string, preview = false) => billAgreements(book, { billingDate: day(date), preview });

describe('§7 AgreementSummary over three monthly runs: the balance falls, deferred revenue is prepaid minus used, first in first out', () => {
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

  test('in a preview, only prepaid invoices already issued count as invoiced', () => {
    const preview = billAgreements(start, { billingDate: day('2025-01-31'), preview: true });
    // nothing issued yet: 0 - 4 h x 100
    expect(summaryOf(preview, 'AGR-1').deferredRevenue).toBe('-400.00');
  });
});

describe('§7 AgreementSummary: deferred revenue and status', () => {
  test('deferred revenue values the additions at their own rate, after the block', () => {
    const book = workbook()
      .agreement('AGR-1', { start: '2025-01-01', hours: 2, rate: '100' })
      .addition('AGR-1', { date: '2025-01-05', hours: 2, rate: '90' })
      .time('E1', { date: '2025-01-10', hours: 3, agreement: 'AGR-1' })
      .build();
    // Invoiced 200 + 180; used 2 × 100 + 1 × 90 = 290.
    expect(summaryOf(runAgreements(book, '2025-01-31').billing, 'AGR-1')).toMatchObject({ deferredRevenue: '90.00', remaining: '1.00' });
  });

  test('Status tells NotStarted, Active and Expired apart', () => {
    const book = workbook().agreement('AGR-1', { start: '2025-02-01', end: '2025-02-28', hours: 10, rate: '100' }).build();
    expect(['2025-01-31', '2025-02-01', '2025-02-28', '2025-03-01'].map((d) => summaryOf(run(book, d), 'AGR-1').status)).toEqual([
      'NotStarted',
      'Active',
      'Active',
      'Expired',
    ]);
  });
});
