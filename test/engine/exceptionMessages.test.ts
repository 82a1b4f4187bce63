import { exceptionMessage } from '../../src/engine/exceptionMessages';
import { dayFromIso } from '../../src/core/day';
import { formatHours, hoursForDisplay, hoursText } from '../../src/core/money';
import { workbook } from '../builders/workbook';

describe('§0 A duration in a sentence reads the same in every message: decimal hours, two places', () => {
  it.each([
    [0, '0.00'],
    [900, '0.25'],
    [17, '0.00'], // 0.0047 h
    [18, '0.01'], // 0.005 h rounds half-up
    [5400, '1.50'],
    [360_000, '100.00'],
  ])('%i seconds read %s h', (seconds, text) => {
    expect(formatHours(seconds)).toBe(text);
    expect(hoursText(seconds)).toBe(`${text} h`);
  });

  it('a duration reads like the hours on invoice rows, for every duration up to a day', () => {
    for (let s = 0; s <= 86_400; s += 7) expect(formatHours(s)).toBe(hoursForDisplay(s).toFixed(2));
  });

  it('order exceptions and agreement exceptions write 1 h 30 min as 1.50 h', () => {
    const agreement = workbook().agreement('AGR-1', { start: '2025-01-01', hours: 10, rate: '100' }).build().agreements[0];
    const messages = [
      exceptionMessage('NoLineItem', 'P1', 5400),
      exceptionMessage('OverLimit', 5400),
      exceptionMessage('OrderBilled', 'O1', 5400),
      exceptionMessage('AgreementInactive', { ...agreement, status: 'Cancelled' }, dayFromIso('2025-02-01')!, 5400, 5400),
      exceptionMessage('Overrun', agreement, 5400, 5400, 5400),
      exceptionMessage('ExcludedCategory', agreement, 'Travel', 5400, 5400),
    ];
    for (const message of messages) expect(message.startsWith('1.50 h ')).toBe(true);
  });

  it('an agreement exception names recorded and billed time in the same hours', () => {
    const agreement = workbook().agreement('AGR-1', { start: '2025-01-01', hours: 0, rate: '100' }).build().agreements[0];
    expect(exceptionMessage('Overrun', agreement, 1800, 600, 1800)).toMatch(/^0\.50 h \(recorded 0\.17 h, billed as 0\.50 h\) beyond/);
  });
});
