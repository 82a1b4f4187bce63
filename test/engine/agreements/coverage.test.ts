import { billAgreements } from '../../../src/engine/agreements/billAgreements';
import type { BillingWorkbook } from '../../../src/schema/model';
import { workbook, day, seconds } from '../../builders/workbook';
import { rowFiguresOf, summaryOf } from '../../builders/results';

const run = (book: BillingWorkbook, date: string, preview = false) => billAgreements(book, { billingDate: day(date), preview });
const updatedEntries = (billing: ReturnType<typeof run>) => billing.updates.filter((u) => u.table === 'TimeEntries').map((u) => [u.index, u.invoiceNo]);
const allocationOf = (billing: ReturnType<typeof run>, entryId: string) => {
  const a = billing.allocations.find((x) => x.entry.id === entryId);
  if (!a) throw new Error(`no allocation for ${entryId}`);
  return { covered: a.coveredSeconds, overrun: a.overrunSeconds };
};

describe('drawing a block down', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100', overageRate: '150' })
    .time('E1', { date: '2025-01-06', hours: 6, agreement: 'AGR-1' })
    .time('E2', { date: '2025-01-07', hours: 3, agreement: 'AGR-1' })
    .time('E3', { date: '2025-01-08', hours: '2:30', agreement: 'AGR-1' })
    .build();

  test('time within the block is marked with the AgreementId', () => {
    expect(updatedEntries(run(book, '2025-01-31'))).toEqual([
      [0, 'AGR-1'],
      [1, 'AGR-1'],
    ]);
  });

  test('the entry that crosses zero bills only its part beyond the block on the overage invoice', () => {
    const overage = run(book, '2025-01-31').drafts.find((d) => d.kind === 'Overage')!;
    expect(rowFiguresOf(overage)).toEqual([['Hours beyond the block AGR-1', '1.50', '150.00', '225.00']]);
    expect(overage.rows[0].entryIds).toEqual(['E3']);
    expect(overage.settles).toEqual([{ table: 'TimeEntries', index: 2 }]);
  });

  test('the summary shows the block used up and the hours beyond it', () => {
    expect(summaryOf(run(book, '2025-01-31'), 'AGR-1')).toMatchObject({ used: '10.00', remaining: '0.00', overrun: '1.50' });
  });
});

test('the crossing entry is split to the second', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 1, rate: '100', overageRate: '360' })
    .time('E1', { date: '2025-01-06', hours: '0:59:55', agreement: 'AGR-1' })
    .time('E2', { date: '2025-01-06', hours: '0:00:10', agreement: 'AGR-1' })
    .build();
  const billing = run(book, '2025-01-31');
  expect(allocationOf(billing, 'E2')).toEqual({ covered: 5, overrun: 5 });
  // 5 s at 360.00 an hour = 0.50
  expect(rowFiguresOf(billing.drafts.find((d) => d.kind === 'Overage')!)).toEqual([['Hours beyond the block AGR-1', '0.00', '360.00', '0.50']]);
});

test('entries of one day draw on the block in natural id order, E9 before E10', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 1, rate: '100' })
    .time('E10', { date: '2025-01-06', hours: 1, agreement: 'AGR-1' })
    .time('E9', { date: '2025-01-06', hours: 1, agreement: 'AGR-1' })
    .build();
  const billing = run(book, '2025-01-31');
  expect(updatedEntries(billing)).toEqual([[1, 'AGR-1']]);
  expect(billing.exceptions.map((e) => [e.entryId, e.reason, e.seconds])).toEqual([['E10', 'Overrun', 3600]]);
});

test('a split entry without OverageRate is marked with the AgreementId and its overrun is reported', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 2, rate: '100' })
    .time('E1', { date: '2025-01-06', hours: 3, agreement: 'AGR-1' })
    .build();
  const billing = run(book, '2025-01-31');
  expect(updatedEntries(billing)).toEqual([[0, 'AGR-1']]);
  expect(billing.exceptions.map((e) => [e.entryId, e.reason, e.seconds])).toEqual([['E1', 'Overrun', 3600]]);
  expect(billing.drafts.filter((d) => d.kind === 'Overage')).toEqual([]);
});

test('time before an addition date cannot use the added hours', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 2, rate: '100' })
    .addition('AGR-1', { date: '2025-01-20', hours: 2 })
    .time('E1', { date: '2025-01-10', hours: 3, agreement: 'AGR-1' })
    .time('E2', { date: '2025-01-25', hours: 1, agreement: 'AGR-1' })
    .build();
  const billing = run(book, '2025-01-31');
  expect(allocationOf(billing, 'E1')).toEqual({ covered: seconds(2), overrun: seconds(1) });
  expect(allocationOf(billing, 'E2')).toEqual({ covered: seconds(1), overrun: 0 });
  expect(summaryOf(billing, 'AGR-1')).toMatchObject({ added: '2.00', used: '3.00', remaining: '1.00', overrun: '1.00' });
});

test('a back-dated entry cannot use hours already used by time settled on an earlier run', () => {
  // E1 (settled, 12 h on 20 Jan) used the block and the 15 Jan addition; on 10 Jan only the 10 h block existed.
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100', invoiceNo: 'INV-00001' })
    .addition('AGR-1', { date: '2025-01-15', hours: 5, invoiceNo: 'INV-00002' })
    .time('E1', { date: '2025-01-20', hours: 12, agreement: 'AGR-1', invoiceNo: 'AGR-1' })
    .time('E2', { date: '2025-01-10', hours: 4, agreement: 'AGR-1' })
    .build();
  const billing = run(book, '2025-02-28');
  expect(allocationOf(billing, 'E2')).toEqual({ covered: 0, overrun: seconds(4) });
  expect(summaryOf(billing, 'AGR-1')).toMatchObject({ used: '12.00', remaining: '3.00', overrun: '4.00' });
});

test('non-billable time uses no hours, is never marked and never an exception', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 1, rate: '100' })
    .time('E1', { date: '2025-01-06', hours: 1, agreement: 'AGR-1', billable: false })
    .time('E2', { date: '2025-01-07', hours: 1, agreement: 'AGR-1' })
    .build();
  const billing = run(book, '2025-01-31');
  expect(updatedEntries(billing)).toEqual([[1, 'AGR-1']]);
  expect(billing.exceptions).toEqual([]);
  expect(summaryOf(billing, 'AGR-1')).toMatchObject({ used: '1.00', remaining: '0.00' });
});

test('time dated after the billing date waits for a later run', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100' })
    .time('E1', { date: '2025-01-06', hours: 1, agreement: 'AGR-1' })
    .time('E2', { date: '2025-02-03', hours: 2, agreement: 'AGR-1' })
    .build();
  const billing = run(book, '2025-01-31');
  expect(updatedEntries(billing)).toEqual([[0, 'AGR-1']]);
  expect(summaryOf(billing, 'AGR-1')).toMatchObject({ used: '1.00', remaining: '9.00' });
});

test('time booked on a project node is left to the orders engine', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100' })
    .time('E1', { date: '2025-01-06', hours: 1, agreement: 'AGR-1', node: 'P1' })
    .build();
  const billing = run(book, '2025-01-31');
  expect(billing.updates).toEqual([]);
  expect(summaryOf(billing, 'AGR-1')).toMatchObject({ used: '0.00' });
});

test('a preview marks nothing', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100' })
    .time('E1', { date: '2025-01-06', hours: 1, agreement: 'AGR-1' })
    .build();
  const billing = run(book, '2025-01-31', true);
  expect(billing.updates).toEqual([]);
  expect(summaryOf(billing, 'AGR-1')).toMatchObject({ used: '1.00', remaining: '9.00' });
});
