import { capPeriodIndex } from '../../src/engine/capPeriod';
import { capPeriod, day } from '../builders/workbook';

/** Whether two days share a cap period. */
const same = (a: string, b: string, per: string, validFrom?: string) =>
  capPeriodIndex(day(a), capPeriod(per), validFrom === undefined ? undefined : day(validFrom)) ===
  capPeriodIndex(day(b), capPeriod(per), validFrom === undefined ? undefined : day(validFrom));

describe('cap periods', () => {
  it.each([
    ['2025-01-06', '2025-01-12', 'week', true], // Monday..Sunday
    ['2025-01-05', '2025-01-06', 'week', false], // Sunday | Monday
    ['2025-01-01', '2025-01-31', 'month', true],
    ['2025-01-31', '2025-02-01', 'month', false],
    ['2025-01-01', '2025-03-31', 'quarter', true],
    ['2025-03-31', '2025-04-01', 'quarter', false],
    ['2024-01-01', '2024-12-31', 'year', true],
    ['2024-12-31', '2025-01-01', 'year', false],
    ['2025-01-06', '2025-01-06', 'day', true],
    ['2025-01-06', '2025-01-07', 'day', false],
    ['2024-02-28', '2024-02-29', 'day', false],
  ])('%s and %s share a calendar %s: %s', (a, b, per, expected) => {
    expect(same(a, b, per)).toBe(expected);
  });

  it.each([
    ['2025-01-01', '2025-01-14', true], // Wednesday .. the second Tuesday
    ['2025-01-14', '2025-01-15', false],
    ['2024-12-31', '2025-01-01', false], // before ValidFrom is another period
  ])('"2 weeks" from Wednesday 2025-01-01: %s and %s together: %s', (a, b, expected) => {
    expect(same(a, b, '2 weeks', '2025-01-01')).toBe(expected);
  });

  it.each([
    ['2025-01-15', '2025-03-14', true],
    ['2025-03-14', '2025-03-15', false],
  ])('"2 months" from 2025-01-15: %s and %s together: %s', (a, b, expected) => {
    expect(same(a, b, '2 months', '2025-01-15')).toBe(expected);
  });

  it('runs "2 weeks" without ValidFrom in fortnights from Monday 2000-01-03', () => {
    // 2025-01-06 is 1305 weeks after 2000-01-03: an odd week, so it pairs with the week before.
    expect([same('2024-12-30', '2025-01-12', '2 weeks'), same('2025-01-12', '2025-01-13', '2 weeks')]).toEqual([true, false]);
  });

  it('runs a cap without MaxPer over the whole life of the line', () => {
    expect(capPeriodIndex(day('2001-01-01'), undefined, undefined)).toBe(capPeriodIndex(day('2031-07-15'), undefined, undefined));
  });
});
