/**
 * §7 Block-time agreements, the balance (docs/billing-rules.md section 7): Hours + additions
 * dated up to then + rollover − covered time up to then; covered time is taken in
 * (Date, EntryId) order, settled time first; the entry that crosses zero is split.
 */
import { agreementBalance } from '../../../src/engine/agreements/agreementBalance';
import { billAgreements } from '../../../src/engine/agreements/billAgreements';
import type { BillingWorkbook } from '../../../src/schema/model';
import { day, seconds, workbook, type AgreementInput } from '../../builders/workbook';
import { rowFiguresOf, summaryOf, text } from '../../builders/results';
import { runAgreements } from '../../builders/runs';

const run = (book: BillingWorkbook, date: string, preview = false) => billAgreements(book, { billingDate: day(date), preview });
const updatedEntries = (billing: ReturnType<typeof run>) => billing.updates.filter((u) => u.table === 'TimeEntries').map((u) => [u.index, u.invoiceNo]);
const allocationOf = (billing: ReturnType<typeof run>, entryId: string) => {
  const a = billing.allocations.find((x) => x.entry.id === entryId);
  if (!a) throw new Error(`no allocation for ${entryId}`);
  return { covered: a.coveredSeconds, overrun: a.overrunSeconds };
};

describe('§7 Agreements: covered time draws the balance down; the entry that crosses zero is split', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100', overageRate: '150' })
    .time('E1', { date: '2025-01-06', hours: 6, agreement: 'AGR-1' })
    .time('E2', { date: '2025-01-07', hours: 3, agreement: 'AGR-1' })
    .time('E3', { date: '2025-01-08', hours: '2:30', agreement: 'AGR-1' })
    .build();

  test('time within the block is covered and marked with the AgreementId', () => {
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

  test('AgreementSummary shows the block used up and the hours beyond it', () => {
    expect(summaryOf(run(book, '2025-01-31'), 'AGR-1')).toMatchObject({ used: '10.00', remaining: '0.00', overrun: '1.50' });
  });

  test('the entry that crosses zero is split to the second', () => {
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

  test('entries of one day draw on the block in (Date, EntryId) order, E9 before E10', () => {
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
});

describe('§7 Agreements: time dated before an addition cannot use its hours; settled time counts first', () => {
  test('time dated before an addition cannot use the added hours', () => {
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

  test('settled time counts first: a back-dated entry uses only the block and additions dated up to it, less all settled covered time and what this run covered before it', () => {
    // E1 (settled, 12 h on 20 Jan) used the block and the 15 Jan addition; on 10 Jan only the 10 h block existed.
    const settled = workbook()
      .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100', invoiceNo: 'INV-00001' })
      .addition('AGR-1', { date: '2025-01-15', hours: 5, invoiceNo: 'INV-00002' })
      .time('E1', { date: '2025-01-20', hours: 12, agreement: 'AGR-1', invoiceNo: 'AGR-1' })
      .time('E2', { date: '2025-01-10', hours: 4, agreement: 'AGR-1' })
      .build();
    const billing = run(settled, '2025-02-28');
    expect(allocationOf(billing, 'E2')).toEqual({ covered: 0, overrun: seconds(4) });
    expect(summaryOf(billing, 'AGR-1')).toMatchObject({ used: '12.00', remaining: '3.00', overrun: '4.00' });

    // Block 10 h; 5 h added on 15 Feb. Run 1 (28 Feb) covers E1, 8 h on 10 Feb. Run 2 gets
    // E2, 4 h back-dated to 5 Feb, and E3, 3 h on 20 Feb.
    const first = workbook()
      .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100', overageRate: '150' })
      .addition('AGR-1', { date: '2025-02-15', hours: 5 })
      .time('E1', { date: '2025-02-10', hours: 8, agreement: 'AGR-1' })
      .build();
    const second = workbook(runAgreements(first, '2025-02-28').book)
      .time('E2', { date: '2025-02-05', hours: 4, agreement: 'AGR-1' })
      .time('E3', { date: '2025-02-20', hours: 3, agreement: 'AGR-1' })
      .build();
    const next = runAgreements(second, '2025-03-31');
    // E2: 10 − 8 = 2 h covered, 2 h beyond. E3: 15 − 8 − 2 = 5 h left, 3 h covered.
    const cover = next.billing.allocations.map((a) => [a.entry.id, a.coveredSeconds / 3600, a.overrunSeconds / 3600]);
    expect(cover).toEqual([['E2', 2, 2], ['E3', 3, 0]]);
    expect(rowFiguresOf(next.invoices[0])).toEqual([['Hours beyond the block AGR-1', '2.00', '150.00', '300.00']]);
    expect(summaryOf(next.billing, 'AGR-1')).toMatchObject({ used: '13.00', overrun: '2.00', remaining: '2.00' });
  });
});

describe("§4 Billing rounding of agreement time: rounded up and lifted to the minimum, the agreement's own values first", () => {
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

  test("an agreement's own RoundUpMinutes wins over the Settings one", () => {
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

describe('§7 PSA.BALANCE gives the balance on the date asked', () => {
  const book = workbook()
    .agreement('AGR-7', { start: '2025-01-01', hours: 10, rate: '100', lowBalanceHours: 7 })
    .addition('AGR-7', { date: '2025-02-01', hours: 5 })
    .time('E1', { date: '2025-01-10', hours: 2, agreement: 'AGR-7', invoiceNo: 'AGR-7' })
    .time('E2', { date: '2025-01-20', hours: '1:30', agreement: 'AGR-7' })
    .time('E3', { date: '2025-02-10', hours: 4, agreement: 'AGR-7' })
    .build();
  
  const figures = (date: string) => {
    const balance = agreementBalance(book, ' agr-7 ', day(date));
    if ('error' in balance) throw new Error(balance.error);
    return [text(balance.usedHours), text(balance.remainingHours), balance.lowBalance];
  };

  test('PSA.BALANCE gives the balance on the date asked, settled and new time alike', () => {
    expect(figures('2025-01-31')).toEqual(['3.50', '6.50', true]);
  });

  test('PSA.BALANCE counts additions from their date on', () => {
    expect(figures('2025-02-28')).toEqual(['7.50', '7.50', false]);
  });

  test('PSA.BALANCE of an agreement that does not exist is an UnknownAgreement error', () => {
    expect(agreementBalance(book, 'AGR-8', day('2025-01-31'))).toEqual({ error: 'UnknownAgreement' });
  });
});
