/**
 * §7 Block-time agreements, which time they cover (docs/billing-rules.md section 7): agreement
 * time is an entry with an Agreement and no NodeId, covered only while the agreement is active.
 */
import { billAgreements } from '../../../src/engine/agreements/billAgreements';
import type { BillingWorkbook } from '../../../src/schema/model';
import { day, workbook } from '../../builders/workbook';
import { summaryOf } from '../../builders/results';

const run = (book: BillingWorkbook, date: string, preview = false) => billAgreements(book, { billingDate: day(date), preview });
const reasons = (billing: ReturnType<typeof run>) => billing.exceptions.map((e) => [e.entryId, e.reason, e.seconds]);
const updatedEntries = (billing: ReturnType<typeof run>) => billing.updates.filter((u) => u.table === 'TimeEntries').map((u) => [u.index, u.invoiceNo]);

describe('§7 Agreements: agreement time is an entry with an Agreement and no NodeId', () => {
  test('time naming an agreement that does not exist is an UnknownAgreement exception', () => {
    const book = workbook()
      .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100' })
      .time('E1', { date: '2025-01-06', hours: 1, agreement: 'AGR-9', person: 'Volker' })
      .build();
    const [exception] = run(book, '2025-01-31').exceptions;
    expect([exception.entryId, exception.reason, exception.agreement, exception.person, exception.entryIndex]).toEqual(['E1', 'UnknownAgreement', 'AGR-9', 'Volker', 0]);
    expect(exception.message).toContain('AGR-9');
  });

  test('an entry with a NodeId is order time, left to the orders engine', () => {
    const book = workbook()
      .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100' })
      .time('E1', { date: '2025-01-06', hours: 1, agreement: 'AGR-1', node: 'P1' })
      .build();
    const billing = run(book, '2025-01-31');
    expect(billing.updates).toEqual([]);
    expect(summaryOf(billing, 'AGR-1')).toMatchObject({ used: '0.00' });
  });

  test('non-billable agreement time uses no hours, is never marked and never an exception', () => {
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

  test('a preview marks no agreement time', () => {
    const book = workbook()
      .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100' })
      .time('E1', { date: '2025-01-06', hours: 1, agreement: 'AGR-1' })
      .build();
    const billing = run(book, '2025-01-31', true);
    expect(billing.updates).toEqual([]);
    expect(summaryOf(billing, 'AGR-1')).toMatchObject({ used: '1.00', remaining: '9.00' });
  });
});

describe('§7 Agreements: active on a date when Status is Active, Start ≤ date and End blank or ≥ date', () => {
  test('an agreement is active from Start to End, both days included; time dated before or after is an AgreementInactive exception and stays unsettled', () => {
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
    expect(billing.updates.map((u) => [u.table, u.index, u.invoiceNo])).toEqual([
      ['TimeEntries', 1, 'AGR-1'],
      ['TimeEntries', 2, 'AGR-1'],
    ]);
    expect(billing.exceptions[1].message).toContain('2025-01-10 to 2025-01-20');
    expect(summaryOf(billing, 'AGR-1')).toMatchObject({ used: '2.00', remaining: '8.00' });
  });
});

describe('§7 Agreements: a cancelled agreement invoices nothing new and covers no time', () => {
  const book = workbook()
    .agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100', status: 'Cancelled', overageRate: '150' })
    .addition('AGR-1', { date: '2025-01-10', hours: 5 })
    .time('E1', { date: '2025-01-06', hours: 1, agreement: 'AGR-1' })
    .build();

  test('a cancelled agreement invoices neither its block nor its additions', () => {
    expect(run(book, '2025-01-31').drafts).toEqual([]);
  });

  test('a cancelled agreement covers no time: its time is an AgreementInactive exception', () => {
    const billing = run(book, '2025-01-31');
    expect(reasons(billing)).toEqual([['E1', 'AgreementInactive', 3600]]);
    expect(billing.updates).toEqual([]);
  });

  test('a cancelled agreement shows as Cancelled in AgreementSummary', () => {
    expect(summaryOf(run(book, '2025-01-31'), 'AGR-1')).toMatchObject({ status: 'Cancelled', used: '0.00' });
  });
});
