import { formatHours } from '../../src/engine/exceptionMessages';
import { hoursForDisplay } from '../../src/engine/money';

describe('hours in exception messages', () => {
  it.each([
    [0, '0.00'],
    [900, '0.25'],
    [17, '0.00'], // 0.0047 h
    [18, '0.01'], // 0.005 h rounds half-up
    [5400, '1.50'],
    [360_000, '100.00'],
  ])('%i seconds read %s h', (seconds, text) => {
    expect(formatHours(seconds)).toBe(text);
  });

  it('reads like the hours on invoice rows for every duration up to a day', () => {
    for (let s = 0; s <= 86_400; s += 7) expect(formatHours(s)).toBe(hoursForDisplay(s).toFixed(2));
  });
});
