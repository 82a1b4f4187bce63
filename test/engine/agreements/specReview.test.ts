/**
 * Spec review of billing-rules section 7: one small, hand-checkable case per sentence not
 * already pinned down by the other agreement tests.
 */
import { workbook } from '../../builders/workbook';
import { rowFiguresOf, summaryOf, text } from '../../builders/results';
import { runAgreements } from '../../builders/runs';

describe('active on a date', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-10', end: '2025-01-20', hours: 10, rate: '100' })
    .time('E1', { date: '2025-01-09', hours: 1, agreement: 'AGR-1' })
    .time('E2', { date: '2025-01-10', hours: 1, agreement: 'AGR-1' })
    .time('E3', { date: '2025-01-20', hours: 1, agreement: 'AGR-1' })
    .time('E4', { date: '2025-01-21', hours: 1, agreement: 'AGR-1' })
    .build();

  test('Start and End are both inclusive; the day before and after are AgreementInactive', () => {
    const { billing } = runAgreements(book, '2025-01-31');
    expect(billing.updates.filter((u) => u.table === 'TimeEntries').map((u) => [u.index, u.invoiceNo])).toEqual([[1, 'AGR-1'], [2, 'AGR-1']]);
    expect(billing.exceptions.map((e) => [e.entryId, e.reason])).toEqual([['E1', 'AgreementInactive'], ['E4', 'AgreementInactive']]);
    expect(summaryOf(billing, 'AGR-1')).toMatchObject({ used: '2.00', remaining: '8.00' });
  });
});

describe('rollover', () => {
  /**
   * AGR-1 (Jan–Mar, 10 h at 100) uses 4 h; AGR-2 renews it from 10 April with Rollover
   * (10 h at 120); AGR-3 renews AGR-1 too, later, also with Rollover. AGR-2 uses 8 h.
   */
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', end: '2025-03-31', hours: 10, rate: '100' })
    .agreement('AGR-2', { start: '2025-04-10', hours: 10, rate: '120', rollover: true, renewalOf: 'AGR-1' })
    .agreement('AGR-3', { start: '2025-05-01', hours: 5, rate: '130', rollover: true, renewalOf: 'AGR-1' })
    .time('E1', { date: '2025-02-01', hours: 4, agreement: 'AGR-1' })
    .time('E2', { date: '2025-04-15', hours: 8, agreement: 'AGR-2' })
    .build();

  test('the balance at the predecessor End carries over when the renewal starts later', () => {
    const { billing } = runAgreements(book, '2025-05-31');
    // 6 h carried; AGR-2 uses the carried hours first: 6 × 100 + 2 × 120 = 840 of 600 + 1200.
    expect(summaryOf(billing, 'AGR-2')).toMatchObject({ rolledOver: '6.00', used: '8.00', remaining: '8.00', deferredRevenue: '960.00' });
    expect(summaryOf(billing, 'AGR-1')).toMatchObject({ rolledOver: '-6.00', used: '4.00', remaining: '0.00', deferredRevenue: '0.00' });
  });

  test('is carried once: a second renewal of the same predecessor gets nothing', () => {
    const { billing } = runAgreements(book, '2025-05-31');
    expect(summaryOf(billing, 'AGR-3')).toMatchObject({ rolledOver: '0.00', remaining: '5.00' });
  });

  test('nothing carries before the predecessor End, and the predecessor keeps its balance', () => {
    const { billing } = runAgreements(book, '2025-03-30');
    expect(summaryOf(billing, 'AGR-1')).toMatchObject({ rolledOver: '0.00', remaining: '6.00', deferredRevenue: '600.00' });
    expect(summaryOf(billing, 'AGR-2')).toMatchObject({ rolledOver: '0.00', status: 'NotStarted' });
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
});

describe('back-dated time', () => {
  /**
   * Block 10 h; an addition of 5 h on 15 Feb. Run 1 (28 Feb) covers E1, 8 h on 10 Feb.
   * Run 2 gets E2, 4 h back-dated to 5 Feb, and E3, 3 h on 20 Feb.
   */
  const first = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100', overageRate: '150' })
    .addition('AGR-1', { date: '2025-02-15', hours: 5 })
    .time('E1', { date: '2025-02-10', hours: 8, agreement: 'AGR-1' })
    .build();

  test('covers only block + additions up to its date − all settled covered time − covered before it in this run', () => {
    const { book } = runAgreements(first, '2025-02-28');
    const second = workbook(book)
      .time('E2', { date: '2025-02-05', hours: 4, agreement: 'AGR-1' })
      .time('E3', { date: '2025-02-20', hours: 3, agreement: 'AGR-1' })
      .build();
    const run = runAgreements(second, '2025-03-31');
    // E2: 10 − 8 = 2 h covered, 2 h beyond. E3: 15 − 8 − 2 = 5 h left, 3 h covered.
    const cover = run.billing.allocations.map((a) => [a.entry.id, a.coveredSeconds / 3600, a.overrunSeconds / 3600]);
    expect(cover).toEqual([['E2', 2, 2], ['E3', 3, 0]]);
    expect(rowFiguresOf(run.invoices[0])).toEqual([['Hours beyond the block AGR-1', '2.00', '150.00', '300.00']]);
    expect(summaryOf(run.billing, 'AGR-1')).toMatchObject({ used: '13.00', overrun: '2.00', remaining: '2.00' });
  });
});

describe('agreement invoices', () => {
  test('prepaid and overage invoices use the Settings TaxRate; rows read as the spec writes them', () => {
    const book = workbook()
      .settings({ taxRate: '0.2' })
      .agreement('AGR-1', { start: '2025-01-01', hours: 2, rate: '100', overageRate: '150', excludedCategories: ['Travel'] })
      .addition('AGR-1', { date: '2025-01-05', hours: 1, rate: '90' })
      .time('E1', { date: '2025-01-10', hours: 4, agreement: 'AGR-1' })
      .time('E2', { date: '2025-01-11', hours: 1, agreement: 'AGR-1', category: 'Travel' })
      .build();
    const { invoices } = runAgreements(book, '2025-01-31');
    expect(invoices.map((i) => [i.kind, rowFiguresOf(i), text(i.net), text(i.tax), text(i.gross)])).toEqual([
      ['Prepaid', [['Prepaid hours AGR-1', '2.00', '100.00', '200.00']], '200.00', '40.00', '240.00'],
      ['Prepaid', [['Additional hours AGR-1', '1.00', '90.00', '90.00']], '90.00', '18.00', '108.00'],
      ['Overage', [['Hours beyond the block AGR-1', '1.00', '150.00', '150.00'], ['Work not covered: Travel', '1.00', '150.00', '150.00']], '300.00', '60.00', '360.00'],
    ]);
  });

  test('deferred revenue values the additions at their own rate after the block', () => {
    const book = workbook()
      .agreement('AGR-1', { start: '2025-01-01', hours: 2, rate: '100' })
      .addition('AGR-1', { date: '2025-01-05', hours: 2, rate: '90' })
      .time('E1', { date: '2025-01-10', hours: 3, agreement: 'AGR-1' })
      .build();
    // Invoiced 200 + 180; used 2 × 100 + 1 × 90 = 290.
    expect(summaryOf(runAgreements(book, '2025-01-31').billing, 'AGR-1')).toMatchObject({ deferredRevenue: '90.00', remaining: '1.00' });
  });
});
