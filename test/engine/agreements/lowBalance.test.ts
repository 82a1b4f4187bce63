/**
 * §7 LowBalance (docs/billing-rules.md section 7): TRUE when Remaining is at or
 * below the threshold, only for an agreement active on the billing date that has not rolled
 * its balance into a renewal. Expired, cancelled and rolled-over agreements are never flagged.
 */
import { agreementBalance } from '../../../src/engine/agreements/agreementBalance';
import { billAgreements } from '../../../src/engine/agreements/billAgreements';
import type { BillingWorkbook } from '../../../src/schema/model';
import { day, workbook, type AgreementInput, type SettingsInput } from '../../builders/workbook';
import { summaryOf } from '../../builders/results';

const run = (book: BillingWorkbook, date: string) => billAgreements(book, { billingDate: day(date), preview: false });
const lowOn = (book: BillingWorkbook, date: string, id: string) => summaryOf(run(book, date), id).lowBalance;
const balanceLowOn = (book: BillingWorkbook, date: string, id: string) => {
  const balance = agreementBalance(book, id, day(date));
  if ('error' in balance) throw new Error(balance.error);
  return balance.lowBalance;
};

/** AGR-1 (January to June, 10 h, threshold 2 h); with `used`, 9 h of it used in March. */
const agreement: AgreementInput = { start: '2025-01-01', end: '2025-06-30', hours: 10, rate: '100', lowBalanceHours: 2 };
const withAgreement = (changes: Partial<AgreementInput> = {}, used = true) => {
  const book = workbook().agreement('AGR-1', { ...agreement, ...changes });
  return used ? book.time('E1', { date: '2025-03-03', hours: 9, agreement: 'AGR-1' }) : book;
};

/** 8 h used of AGR-1 in January. */
const used8 = (agreement: AgreementInput, settings: SettingsInput = {}) =>
  workbook().settings(settings).agreement('AGR-1', agreement).time('E1', { date: '2025-01-06', hours: 8, agreement: 'AGR-1' }).build();

describe("§7 LowBalance: Remaining at or below the threshold, the agreement's own else Settings", () => {
  test('an active agreement at or below its own threshold is flagged, in the summary and by PSA.BALANCE', () => {
    const book = withAgreement().build();
    expect(lowOn(book, '2025-03-31', 'AGR-1')).toBe(true);
    expect(balanceLowOn(book, '2025-03-31', 'AGR-1')).toBe(true);
    expect(summaryOf(run(used8({ start: '2025-01-01', hours: 10, rate: '100', lowBalanceHours: 2 }), '2025-01-31'), 'AGR-1').lowBalance).toBe(true);
  });

  test('without its own threshold, the Settings LowBalanceHours is used', () => {
    const book = used8({ start: '2025-01-01', hours: 10, rate: '100' }, { lowBalanceHours: 1 });
    expect(summaryOf(run(book, '2025-01-31'), 'AGR-1').lowBalance).toBe(false);
  });

  test('without any threshold nothing is flagged', () => {
    const book = used8({ start: '2025-01-01', hours: 8, rate: '100' });
    expect(summaryOf(run(book, '2025-01-31'), 'AGR-1')).toMatchObject({ remaining: '0.00', lowBalance: false });
  });
});

describe('§7 LowBalance is TRUE only for an agreement in use on the billing date', () => {
  test('an expired agreement is never flagged, whatever its remaining hours', () => {
    const book = withAgreement().build();
    expect(summaryOf(run(book, '2025-07-31'), 'AGR-1')).toMatchObject({ remaining: '1.00', status: 'Expired', lowBalance: false });
    expect(balanceLowOn(book, '2025-07-31', 'AGR-1')).toBe(false);
  });

  test('a cancelled agreement is never flagged', () => {
    const book = withAgreement({ status: 'Cancelled', invoiceNo: 'INV-00001' }, false).build();
    expect(summaryOf(run(book, '2025-03-31'), 'AGR-1')).toMatchObject({ status: 'Cancelled', lowBalance: false });
    expect(balanceLowOn(book, '2025-03-31', 'AGR-1')).toBe(false);
  });

  test('an agreement that has not started is never flagged', () => {
    const book = withAgreement({ start: '2025-05-01', hours: 1 }, false).build();
    expect(summaryOf(run(book, '2025-03-31'), 'AGR-1')).toMatchObject({ status: 'NotStarted', lowBalance: false });
  });

  test('an agreement that rolled its balance into a renewal is never flagged; the renewal is judged on its own balance', () => {
    const book = withAgreement()
      .agreement('AGR-2', { start: '2025-06-01', hours: 0, rate: '100', renewalOf: 'AGR-1', rollover: true, lowBalanceHours: 2 })
      .build();
    // The renewal starts before the predecessor ends: from 2025-06-01 the balance is the renewal's, though AGR-1 is still active.
    const billing = run(book, '2025-06-15');
    expect(summaryOf(billing, 'AGR-1')).toMatchObject({ remaining: '0.00', status: 'Active', lowBalance: false });
    expect(summaryOf(billing, 'AGR-2')).toMatchObject({ remaining: '1.00', lowBalance: true });
    expect(balanceLowOn(book, '2025-06-15', 'AGR-1')).toBe(false);
  });

  test('before the transfer day the predecessor is judged on its own balance', () => {
    const book = withAgreement().agreement('AGR-2', { start: '2025-06-01', hours: 0, rate: '100', renewalOf: 'AGR-1', rollover: true }).build();
    expect(lowOn(book, '2025-05-31', 'AGR-1')).toBe(true);
  });
});
