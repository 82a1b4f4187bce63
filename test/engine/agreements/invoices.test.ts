import { billAgreements } from '../../../src/engine/agreements/billAgreements';
import type { BillingWorkbook } from '../../../src/schema/model';
import { day, workbook, type AgreementInput, type SettingsInput } from '../../builders/workbook';
import { rowFiguresOf, summaryOf, text } from '../../builders/results';

const run = (book: BillingWorkbook, date: string) => billAgreements(book, { billingDate: day(date), preview: false });
const reasons = (billing: ReturnType<typeof run>) => billing.exceptions.map((e) => [e.entryId, e.reason, e.seconds]);

describe('prepaid invoices', () => {
  test('the initial block is invoiced as Hours x Rate once its Start has come, with Settings tax', () => {
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
});

describe('excluded work types', () => {
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
});

test('an overage row amount is exact, then rounded half-up to cents once', () => {
  // 3 x 0:10 at 27.50 = 0.5 h x 27.50 = 13.75 (per entry it would be 3 x 4.58 = 13.74)
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 0, rate: '100', invoiceNo: 'INV-00001', overageRate: '27.50' })
    .time('E1', { date: '2025-01-06', hours: '0:10', agreement: 'AGR-1' })
    .time('E2', { date: '2025-01-06', hours: '0:10', agreement: 'AGR-1' })
    .time('E3', { date: '2025-01-06', hours: '0:10', agreement: 'AGR-1' })
    .build();
  expect(rowFiguresOf(run(book, '2025-01-31').drafts[0])).toEqual([['Hours beyond the block AGR-1', '0.50', '27.50', '13.75']]);
});

describe('a cancelled agreement', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100', status: 'Cancelled', overageRate: '150' })
    .addition('AGR-1', { date: '2025-01-10', hours: 5 })
    .time('E1', { date: '2025-01-06', hours: 1, agreement: 'AGR-1' })
    .build();

  test('is not invoiced, neither its block nor its additions', () => {
    expect(run(book, '2025-01-31').drafts).toEqual([]);
  });

  test('covers no time: its time is an AgreementInactive exception', () => {
    const billing = run(book, '2025-01-31');
    expect(reasons(billing)).toEqual([['E1', 'AgreementInactive', 3600]]);
    expect(billing.updates).toEqual([]);
  });

  test('shows as Cancelled in the summary', () => {
    expect(summaryOf(run(book, '2025-01-31'), 'AGR-1')).toMatchObject({ status: 'Cancelled', used: '0.00' });
  });
});

test('time dated before Start or after End is an AgreementInactive exception', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-10', end: '2025-01-20', hours: 10, rate: '100' })
    .time('E1', { date: '2025-01-09', hours: 1, agreement: 'AGR-1' })
    .time('E2', { date: '2025-01-10', hours: 1, agreement: 'AGR-1' })
    .time('E3', { date: '2025-01-20', hours: 1, agreement: 'AGR-1' })
    .time('E4', { date: '2025-01-21', hours: 1, agreement: 'AGR-1' })
    .build();
  const billing = run(book, '2025-01-31');
  expect(reasons(billing)).toEqual([
    ['E1', 'AgreementInactive', 3600],
    ['E4', 'AgreementInactive', 3600],
  ]);
  expect(billing.updates.map((u) => u.index)).toEqual([1, 2]);
  expect(billing.exceptions[1].message).toContain('2025-01-10 to 2025-01-20');
});

test('time naming an agreement that does not exist is an UnknownAgreement exception', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100' })
    .time('E1', { date: '2025-01-06', hours: 1, agreement: 'AGR-9', person: 'Volker' })
    .build();
  const [exception] = run(book, '2025-01-31').exceptions;
  expect([exception.entryId, exception.reason, exception.agreement, exception.person, exception.entryIndex]).toEqual(['E1', 'UnknownAgreement', 'AGR-9', 'Volker', 0]);
  expect(exception.message).toContain('AGR-9');
});

describe('billing rounding', () => {
  /** Settings round up to 15 minutes with a 30-minute minimum; E1 is 0:10, E2 0:50. */
  const rounded = (agreement: AgreementInput, entries = ['E1', 'E2']) => {
    const book = workbook().settings({ roundUpMinutes: 15, minimumMinutes: 30 }).agreement('AGR-1', agreement);
    if (entries.includes('E1')) book.time('E1', { date: '2025-01-06', hours: '0:10', agreement: 'AGR-1' });
    if (entries.includes('E2')) book.time('E2', { date: '2025-01-07', hours: '0:50', agreement: 'AGR-1' });
    return book.build();
  };

  test('each entry is rounded up to 15 minutes and lifted to a 30-minute minimum before it draws on the block', () => {
    const billing = run(rounded({ start: '2025-01-01', hours: 10, rate: '100' }), '2025-01-31');
    expect(summaryOf(billing, 'AGR-1')).toMatchObject({ used: '1.50', remaining: '8.50' });
  });

  test('the recorded time stays as entered and is reported beside the billable time', () => {
    const book = rounded({ start: '2025-01-01', hours: 10, rate: '100' });
    const billing = run(book, '2025-01-31');
    expect(billing.allocations.map((a) => [a.entry.id, a.recordedSeconds, a.billableSeconds])).toEqual([
      ['E1', 600, 1800],
      ['E2', 3000, 3600],
    ]);
    expect(book.timeEntries.map((e) => e.seconds)).toEqual([600, 3000]);
    // 0:10 + 0:50 as entered; 0:30 + 1:00 billed.
    expect(summaryOf(billing, 'AGR-1')).toMatchObject({ recorded: '1.00', used: '1.50' });
  });

  test('an agreement own RoundUpMinutes overrides the Settings one', () => {
    const book = rounded({ start: '2025-01-01', hours: 10, rate: '100', roundUpMinutes: 60 });
    expect(summaryOf(run(book, '2025-01-31'), 'AGR-1')).toMatchObject({ used: '2.00' });
  });

  test('an overrun exception names both the recorded and the billed time', () => {
    const book = rounded({ start: '2025-01-01', hours: 0, rate: '100' }, ['E1']);
    const [exception] = run(book, '2025-01-31').exceptions;
    expect([exception.reason, exception.seconds]).toEqual(['Overrun', 1800]);
    expect(exception.message).toContain('recorded 0.17 h, billed as 0.50 h');
  });
});

describe('low balance', () => {
  /** 8 h used of AGR-1. */
  const used8 = (agreement: AgreementInput, settings: SettingsInput = {}) =>
    workbook()
      .settings(settings)
      .agreement('AGR-1', agreement)
      .time('E1', { date: '2025-01-06', hours: 8, agreement: 'AGR-1' })
      .build();

  test('is flagged when Remaining is at or below the agreement threshold', () => {
    const book = used8({ start: '2025-01-01', hours: 10, rate: '100', lowBalanceHours: 2 });
    expect(summaryOf(run(book, '2025-01-31'), 'AGR-1').lowBalance).toBe(true);
  });

  test('falls back to the Settings threshold', () => {
    const book = used8({ start: '2025-01-01', hours: 10, rate: '100' }, { lowBalanceHours: 1 });
    expect(summaryOf(run(book, '2025-01-31'), 'AGR-1').lowBalance).toBe(false);
  });

  test('is never flagged without any threshold', () => {
    const book = used8({ start: '2025-01-01', hours: 8, rate: '100' });
    expect(summaryOf(run(book, '2025-01-31'), 'AGR-1')).toMatchObject({ remaining: '0.00', lowBalance: false });
  });
});

test('the summary status tells NotStarted, Active and Expired apart', () => {
  const book = workbook().agreement('AGR-1', { start: '2025-02-01', end: '2025-02-28', hours: 10, rate: '100' }).build();
  expect(['2025-01-31', '2025-02-01', '2025-02-28', '2025-03-01'].map((d) => summaryOf(run(book, d), 'AGR-1').status)).toEqual([
    'NotStarted',
    'Active',
    'Active',
    'Expired',
  ]);
});
