import { agreementBalance } from '../../../src/engine/agreements/agreementBalance';
import { workbook, day } from '../../builders/workbook';
import { text } from '../../builders/results';

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
