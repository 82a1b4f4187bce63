import fc from 'fast-check';
import { MONEY_FORMAT } from '../../src/engine/resultTables';
import { shownLength } from '../../src/engine/tableColumnWidths';

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('§10 Invoice documents: the width of a money value is the characters #,##0.00 shows', () => {
  test('the width counts the characters of the value as #,##0.00 shows it, whole cents or not', () => {
    const cents = fc.integer({ min: -1e14, max: 1e14 }).map((c) => c / 100);
    const any = fc.double({ min: -1e15, max: 1e15, noNaN: true });
    fc.assert(fc.property(fc.oneof(cents, any), (value) => shownLength(value, MONEY_FORMAT) === money.format(value).length));
  });

  test('the width counts the sign of a value that rounds to zero, and of minus zero', () => {
    expect([-0.004, -0, 99999.995, 999.99, -1234567.8].map((v) => shownLength(v, MONEY_FORMAT))).toEqual(
      [-0.004, -0, 99999.995, 999.99, -1234567.8].map((v) => money.format(v).length),
    );
  });
});
