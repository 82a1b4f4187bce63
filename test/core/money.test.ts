import fc from 'fast-check';
import { Decimal, centsOfSeconds, exactRate, fromHundredths, hoursForDisplay, roundCentsHalfUp, valueOfSeconds } from '../../src/core/money';

/** The Decimal path the integer helpers stand in for, as it was written before them. */
const decimalAmount = (seconds: number, rate: Decimal): Decimal => roundCentsHalfUp(valueOfSeconds(seconds, rate));
const decimalHours = (seconds: number): Decimal => new Decimal(seconds).div(3600).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** A non-negative rate with up to `places` decimals, as a cell would give it. */
const rateArb = (places: number) =>
  fc.tuple(fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.bigInt({ min: 0n, max: 10n ** 12n })), fc.integer({ min: 0, max: places })).map(([units, p]) => new Decimal(units.toString()).div(new Decimal(10).pow(p)));

const secondsArb = fc.oneof(
  fc.integer({ min: 0, max: 8 * 3600 }),
  fc.integer({ min: 0, max: 2_000_000_000 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
);

describe('Integer money equals the Decimal path', () => {
  test('fromHundredths makes the very Decimal a division by 100 makes, small or large', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })), (hundredths) => {
        const made = fromHundredths(hundredths);
        expect(made).toEqual(new Decimal(hundredths).div(100));
        expect(fromHundredths(hundredths)).toEqual(made);
      }),
      { numRuns: 3000 },
    );
    expect(fromHundredths(0).isNegative()).toBe(false);
  });

  test('a row amount in integer cents equals roundCentsHalfUp(valueOfSeconds(...)), or is left to Decimal', () => {
    let integerCases = 0;
    fc.assert(
      fc.property(secondsArb, rateArb(8), (seconds, rate) => {
        const exact = exactRate(rate);
        const cents = exact === undefined ? undefined : centsOfSeconds(seconds, exact);
        if (cents === undefined) return;
        integerCases++;
        expect(fromHundredths(cents).toString()).toBe(decimalAmount(seconds, rate).toString());
      }),
      { numRuns: 5000 },
    );
    // Most cases must have gone the integer way, or this test shows nothing.
    expect(integerCases).toBeGreaterThan(2500);
  });

  test('half cents round up, just below stays down', () => {
    const rate = new Decimal('0.18'); // 0.005 cents per 1/10 s: a half cent every 100 s
    const exact = exactRate(rate)!;
    expect(centsOfSeconds(100, exact)).toBe(1); // 0.005 -> 0.01
    expect(centsOfSeconds(99, exact)).toBe(0); // 0.00495 -> 0.00
    expect(centsOfSeconds(300, exact)).toBe(2); // 0.015 -> 0.02
    const third = exactRate(new Decimal('100'))!;
    expect(centsOfSeconds(1, third)).toBe(3); // 0.02777… -> 0.03
  });

  test('rates and seconds beyond safe integers are left to Decimal', () => {
    expect(exactRate(new Decimal('1e-15'))).toBeUndefined();
    expect(exactRate(new Decimal('12345678901234567'))).toBeUndefined();
    expect(exactRate(new Decimal('-90'))).toBeUndefined();
    expect(exactRate(new Decimal('-0'))).toBeUndefined();
    expect(centsOfSeconds(Number.MAX_SAFE_INTEGER, exactRate(new Decimal(2))!)).toBeUndefined();
    expect(centsOfSeconds(1.5, exactRate(new Decimal(2))!)).toBeUndefined();
    expect(centsOfSeconds(-3600, exactRate(new Decimal(2))!)).toBeUndefined();
  });

  test('hours for display equal the Decimal division rounded half-up, whatever the seconds', () => {
    fc.assert(
      fc.property(fc.oneof(secondsArb, fc.integer({ min: -100_000, max: -1 })), (seconds) => {
        expect(hoursForDisplay(seconds).toString()).toBe(decimalHours(seconds).toString());
        expect(hoursForDisplay(seconds).isNegative()).toBe(decimalHours(seconds).isNegative());
      }),
      { numRuns: 5000 },
    );
    for (const seconds of [0, 17, 18, 35, 36, 53, 54, 3599, 3600]) expect(hoursForDisplay(seconds).toString()).toBe(decimalHours(seconds).toString());
  });
});
