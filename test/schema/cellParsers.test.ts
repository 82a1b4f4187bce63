import fc from 'fast-check';
import {
  INVALID,
  parseBoolean,
  parseCapPeriod,
  parseDate,
  parseDuration,
  parseEnum,
  parseInteger,
  parseList,
  parseMoney,
  parsePercent,
  parseText,
} from '../../src/schema/cellParsers';
import { billingModeWords, projectRoleWords } from '../../src/schema/enumWords';
import { dayFromParts } from '../../src/core/day';
import type { Decimal } from '../../src/core/money';
import type { CellValue } from '../../src/schema/rawTable';

const JAN_31_2025 = dayFromParts(2025, 1, 31);

describe('date cells', () => {
  it.each<[string, CellValue, number | null]>([
    ['an Excel serial', 45688, JAN_31_2025],
    ['a serial with a time of day, time dropped', 45688.75, JAN_31_2025],
    ['a Date at UTC midnight', new Date(Date.UTC(2025, 0, 31)), JAN_31_2025],
    ['a Date late in the UTC day, time dropped', new Date(Date.UTC(2025, 0, 31, 23, 59)), JAN_31_2025],
    ['YYYY-MM-DD text', '2025-01-31', JAN_31_2025],
    ['YYYY-MM-DD text with spaces around', '  2025-01-31 ', JAN_31_2025],
    ['a blank cell', null, null],
    ['whitespace only', '   ', null],
  ])('accepts %s', (_, cell, expected) => {
    expect(parseDate(cell)).toBe(expected);
  });

  it.each<[string, CellValue]>([
    ['a day that does not exist', '2025-02-30'],
    ['day-first text', '31/01/2025'],
    ['a word', 'tomorrow'],
    ['a boolean', true],
    ['a serial before March 1900', 10],
    ['a negative number', -5],
    ['an invalid Date', new Date(NaN)],
  ])('rejects %s', (_, cell) => {
    expect(parseDate(cell)).toBe(INVALID);
  });
});

describe('duration cells (whole seconds)', () => {
  it.each<[string, CellValue, number | null]>([
    ['hours as a number', 1.25, 4500],
    ['hours that are not whole seconds, rounded to the nearest second', 0.1234, 444],
    ['h:mm text', '1:15', 4500],
    ['h:mm:ss text', '0:00:30', 30],
    ['minutes text', '75m', 4500],
    ['minutes text with a word', '90 min', 5400],
    ['hours text', '1.25h', 4500],
    ['hours text with a decimal comma', '1,5h', 5400],
    ['hours and minutes', '1h 15m', 4500],
    ['hours and minutes without a space, upper case', '2H30M', 9000],
    ['a bare number as text', '2.5', 9000],
    ['a negative number, kept for the sign check', -1.5, -5400],
    ['a blank cell', null, null],
    ['an empty text', '', null],
  ])('accepts %s', (_, cell, expected) => {
    expect(parseDuration(cell)).toBe(expected);
  });

  it.each<[string, CellValue]>([
    ['minutes of 60 or more on a clock', '1:75'],
    ['a one-digit minute on a clock', '1:5'],
    ['a word', 'all day'],
    ['a unit without a number', 'h'],
    ['minutes before hours', '15m 1h'],
    ['a number after units', '1h 15'],
    ['a time-of-day cell (a Date)', new Date(Date.UTC(1899, 11, 30, 1, 15))],
    ['a boolean', true],
  ])('rejects %s', (_, cell) => {
    expect(parseDuration(cell)).toBe(INVALID);
  });

  it('reads h:mm text of any whole-minute count as exactly minutes x 60 seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (minutes) => {
        const text = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
        expect(parseDuration(text)).toBe(minutes * 60);
      }),
    );
  });

  it('reads any number of hours as a whole number of seconds within half a second', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10_000, noNaN: true }), (hours) => {
        const seconds = parseDuration(hours) as number;
        expect(Number.isInteger(seconds)).toBe(true);
        expect(Math.abs(seconds - hours * 3600)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});

describe('money cells', () => {
  const asText = (d: Decimal | null | typeof INVALID) => (d === null || d === INVALID ? d : d.toFixed());

  it.each<[string, CellValue, string | null]>([
    ['a number', 95, '95'],
    ['a double, as Excel shows it', 0.1 + 0.2, '0.3'],
    ['a euro amount with thousands separators', '€1,234.50', '1234.5'],
    ['a spaced amount with a code after it', '1 234.50 EUR', '1234.5'],
    ['a dollar sign and a space', '$ 95', '95'],
    ['European separators', '1.234,50 €', '1234.5'],
    ['a decimal comma', '12,5', '12.5'],
    ['a lone comma before three digits, read as thousands', '1,234', '1234'],
    ['Swiss apostrophes', "CHF 1'234.50", '1234.5'],
    ['a minus before the symbol', '-€5.00', '-5'],
    ['accounting brackets', '(12.00)', '-12'],
    ['a blank cell', '  ', null],
  ])('accepts %s', (_, cell, expected) => {
    expect(asText(parseMoney(cell))).toBe(expected);
  });

  it.each<[string, CellValue]>([
    ['a word', 'ninety'],
    ['digits with a word after them', '12 apples'],
    ['thousands groups of the wrong size', '1,23,4.00'],
    ['two currencies', '€5 EUR'],
    ['a currency alone', 'EUR'],
    ['a boolean', false],
  ])('rejects %s', (_, cell) => {
    expect(parseMoney(cell)).toBe(INVALID);
  });
});

describe('percent cells (fraction, 1 = 100 %)', () => {
  it.each<[string, CellValue, string | null]>([
    ['a fraction, as a 50 % cell holds it', 0.5, '0.5'],
    ['a number above 1, read as points', 50, '0.5'],
    ['exactly 1, read as 100 %', 1, '1'],
    ['text with a percent sign', '50 %', '0.5'],
    ['text with a percent sign below 1 point', '0.5%', '0.005'],
    ['fraction text', '0.25', '0.25'],
    ['a blank cell', null, null],
  ])('accepts %s', (_, cell, expected) => {
    const parsed = parsePercent(cell);
    expect(parsed === null || parsed === INVALID ? parsed : parsed.toFixed()).toBe(expected);
  });

  it.each<[string, CellValue]>([
    ['a word', 'half'],
    ['a percent sign alone', '%'],
    ['a boolean', true],
  ])('rejects %s', (_, cell) => {
    expect(parsePercent(cell)).toBe(INVALID);
  });
});

describe('boolean cells', () => {
  it.each<[CellValue, boolean | null]>([
    [true, true], [false, false], ['TRUE', true], ['false', false], ['Yes', true], ['no', false],
    ['y', true], ['N', false], ['x', true], ['X', true], [1, true], [0, false], ['1', true], ['0', false],
    [null, null], [' ', null],
  ])('reads %p as %p', (cell, expected) => {
    expect(parseBoolean(cell)).toBe(expected);
  });

  it.each<CellValue>(['maybe', 2, 'ja'])('rejects %p', (cell) => {
    expect(parseBoolean(cell)).toBe(INVALID);
  });
});

describe('enum cells', () => {
  it.each<[CellValue, string]>([
    ['MainProject', 'MainProject'],
    ['Main project', 'MainProject'],
    ['main-project', 'MainProject'],
    ['MAIN_PROJECT', 'MainProject'],
    ['  work package ', 'WorkPackage'],
  ])('reads %p as %p', (cell, expected) => {
    expect(parseEnum(cell, projectRoleWords)).toBe(expected);
  });

  it('reads a billing mode in any spelling as the contract word', () => {
    expect(parseEnum('payment plan', billingModeWords)).toBe('PaymentPlan');
  });

  it.each<CellValue>(['Main', 'Project main', 3])('rejects %p', (cell) => {
    expect(parseEnum(cell, projectRoleWords)).toBe(INVALID);
  });
});

describe('list cells', () => {
  it.each<[CellValue, string[] | null]>([
    ['Travel, Training', ['Travel', 'Training']],
    ['Travel;Training; ', ['Travel', 'Training']],
    ['Travel', ['Travel']],
    [null, null],
  ])('reads %p', (cell, expected) => {
    expect(parseList(cell)).toEqual(expected);
  });
});

describe('cap period cells (MaxPer)', () => {
  it.each<[CellValue, unknown]>([
    ['day', { unit: 'day', count: 1 }],
    ['Weeks', { unit: 'week', count: 1 }],
    ['2 weeks', { unit: 'week', count: 2 }],
    ['3months', { unit: 'month', count: 3 }],
    [' quarter ', { unit: 'quarter', count: 1 }],
    ['year', { unit: 'year', count: 1 }],
    [null, null],
  ])('reads %p', (cell, expected) => {
    expect(parseCapPeriod(cell)).toEqual(expected);
  });

  it.each<CellValue>(['fortnight', '0 weeks', '2.5 weeks', 'week 2', 7])('rejects %p', (cell) => {
    expect(parseCapPeriod(cell)).toBe(INVALID);
  });
});

describe('text and whole-number cells', () => {
  it('reads an id typed as a number as Excel shows it', () => {
    expect(parseText(1001)).toBe('1001');
  });

  it('trims text and reads whitespace as blank', () => {
    expect([parseText('  E1 '), parseText(' \u00a0 ')]).toEqual(['E1', null]);
  });

  it('rejects a cell showing an Excel error', () => {
    expect(parseText('#N/A')).toBe(INVALID);
  });

  it('rejects a fraction where a whole number is needed', () => {
    expect([parseInteger(3), parseInteger('4'), parseInteger(2.5)]).toEqual([3, 4, INVALID]);
  });
});
