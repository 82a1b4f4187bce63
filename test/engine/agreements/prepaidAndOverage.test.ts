/**
 * §7 Block-time agreements, invoices (docs/billing-rules.md section 7): Prepaid invoices for
 * the block and each addition, once each; one Overage invoice per agreement per run, with
 * the hours beyond the block and the work of excluded categories.
 */
import { billAgreements } from '../../../src/engine/agreements/billAgreements';
import type { BillingWorkbook } from '../../../src/schema/model';
import { day, workbook } from '../../builders/workbook';
import { rowFiguresOf, summaryOf, text } from '../../builders/results';
import { runAgreements } from '../../builders/runs';

const run = (book: BillingWorkbook, date: string, preview = false) => billAgreements(book, { billingDate: day(date), preview });
const reasons = (billing: ReturnType<typeof run>) => billing.exceptions.map((e) => [e.entryId, e.reason, e.seconds]);

describe('§7 Prepaid: the block from its Start and each addition from its Date are invoiced once each', () => {
  test('the block is invoiced as Hours × Rate once its Start has come, with the Settings tax', () => {
    const book = workbook()
      .settings({ taxRate: '0.19' })
      .agreement('AGR-1', { customer: 'Birch Ltd', start: '2025-01-01', hours: 10, rate: '95.50' })
      .build();
    const [draft] = run(book, '2025-01-31').drafts;
    expect(rowFiguresOf(draft)).toEqual([['Prepaid hours AGR-1', '10.00', '95.50', '955.00']]);
    expect([draft.kind, draft.customer, draft.source, draft.rows[0].revenueAccount]).toEqual(['Prepaid', 'Birch Ltd', 'AGR-1', 'Managed Services']);
    expect([text(draft.net), text(draft.tax), text(draft.gross)]).toEqual(['955.00', '181.45', '1136.45']);
    expect(draft.settles).toEqual([{ table: 'Agreements', index: 0 }]);
  });

  test('a block starting after the billing date is not invoiced yet', () => {
    const book = workbook().agreement('AGR-1', { start: '2025-02-01', hours: 10, rate: '100' }).build();
    expect(run(book, '2025-01-31').drafts).toEqual([]);
  });

  test('a block already invoiced (InvoiceNo set) is not invoiced again', () => {
    const book = workbook().agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100', invoiceNo: 'INV-00007' }).build();
    expect(run(book, '2025-01-31').drafts).toEqual([]);
  });

  test('each addition that has come is its own prepaid invoice, at its own rate or else the agreement rate', () => {
    const book = workbook()
      .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100', invoiceNo: 'INV-00001' })
      .addition('AGR-1', { date: '2025-01-20', hours: 5, rate: '90' })
      .addition('AGR-1', { date: '2025-01-10', hours: '2:30' })
      .addition('AGR-1', { date: '2025-02-05', hours: 5 })
      .build();
    const drafts = run(book, '2025-01-31').drafts;
    expect(drafts.map(rowFiguresOf)).toEqual([
      [['Additional hours AGR-1', '2.50', '100.00', '250.00']],
      [['Additional hours AGR-1', '5.00', '90.00', '450.00']],
    ]);
    expect(drafts.map((d) => d.settles)).toEqual([[{ table: 'AgreementAdditions', index: 1 }], [{ table: 'AgreementAdditions', index: 0 }]]);
    expect(drafts.map((d) => d.sequenceInSource)).toEqual([1, 2]);
  });

  test('an agreement with Prepaid FALSE gets no prepaid invoice and carries no deferred revenue', () => {
    const book = workbook()
      .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100', prepaid: false })
      .addition('AGR-1', { date: '2025-01-10', hours: 5 })
      .build();
    const billing = run(book, '2025-01-31');
    expect(billing.drafts).toEqual([]);
    expect(summaryOf(billing, 'AGR-1').deferredRevenue).toBe('0.00');
  });

  test('prepaid and overage invoices use the Settings TaxRate, their rows "Prepaid hours A", "Additional hours A", "Hours beyond the block A", "Work not covered: CATEGORY"', () => {
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
});

describe('§7 Overage and excluded categories: one overage invoice per agreement per run', () => {
  /** AGR-1 (10 h, block invoiced) excludes Onsite; E1 is 2 h onsite, E2 1 h remote. */
  const onsiteExcluded = (overageRate?: string) =>
    workbook()
      .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100', invoiceNo: 'INV-00001', excludedCategories: ['Onsite'], overageRate })
      .time('E1', { date: '2025-01-06', hours: 2, agreement: 'AGR-1', category: 'onsite' })
      .time('E2', { date: '2025-01-07', hours: 1, agreement: 'AGR-1', category: 'Remote' })
      .build();

  test('with an OverageRate, excluded work bills on the overage invoice and leaves the balance alone', () => {
    const billing = run(onsiteExcluded('120'), '2025-01-31');
    const overage = billing.drafts.find((d) => d.kind === 'Overage')!;
    expect(rowFiguresOf(overage)).toEqual([['Work not covered: Onsite', '2.00', '120.00', '240.00']]);
    expect(overage.settles).toEqual([{ table: 'TimeEntries', index: 0 }]);
    expect(summaryOf(billing, 'AGR-1')).toMatchObject({ used: '1.00', remaining: '9.00' });
  });

  test('without an OverageRate, excluded work is an ExcludedCategory exception and stays unsettled', () => {
    const billing = run(onsiteExcluded(), '2025-01-31');
    expect(reasons(billing)).toEqual([['E1', 'ExcludedCategory', 7200]]);
    expect(billing.updates.map((u) => u.index)).toEqual([1]);
    expect(billing.drafts).toEqual([]);
  });

  test('overage rows come in order of first appearance, one per excluded category', () => {
    const book = workbook()
      .agreement('AGR-1', { start: '2025-01-01', hours: 1, rate: '100', invoiceNo: 'INV-00001', overageRate: '100', excludedCategories: ['Onsite', 'Travel'] })
      .time('E1', { date: '2025-01-06', hours: 1, agreement: 'AGR-1', category: 'Travel' })
      .time('E2', { date: '2025-01-07', hours: '1:30', agreement: 'AGR-1' })
      .time('E3', { date: '2025-01-08', hours: '0:15', agreement: 'AGR-1', category: 'Onsite' })
      .time('E4', { date: '2025-01-09', hours: '0:15', agreement: 'AGR-1', category: 'Travel' })
      .build();
    expect(rowFiguresOf(run(book, '2025-01-31').drafts.find((d) => d.kind === 'Overage')!)).toEqual([
      ['Work not covered: Travel', '1.25', '100.00', '125.00'],
      ['Hours beyond the block AGR-1', '0.50', '100.00', '50.00'],
      ['Work not covered: Onsite', '0.25', '100.00', '25.00'],
    ]);
  });

  test("an overage row's amount is exact, then rounded half-up to cents once", () => {
    // 3 x 0:10 at 27.50 = 0.5 h x 27.50 = 13.75 (per entry it would be 3 x 4.58 = 13.74)
    const book = workbook()
      .agreement('AGR-1', { start: '2025-01-01', hours: 0, rate: '100', invoiceNo: 'INV-00001', overageRate: '27.50' })
      .time('E1', { date: '2025-01-06', hours: '0:10', agreement: 'AGR-1' })
      .time('E2', { date: '2025-01-06', hours: '0:10', agreement: 'AGR-1' })
      .time('E3', { date: '2025-01-06', hours: '0:10', agreement: 'AGR-1' })
      .build();
    expect(rowFiguresOf(run(book, '2025-01-31').drafts[0])).toEqual([['Hours beyond the block AGR-1', '0.50', '27.50', '13.75']]);
  });

  test('a rerun does not bill overage twice: time on an overage invoice is marked with its number', () => {
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
});
