import { Decimal } from '../../src/core/money';
import { exactLine } from '../../src/einvoice/exactLine';

const d = (s: string) => new Decimal(s);
const shown = (l: ReturnType<typeof exactLine>) => [l.quantity.toFixed(), l.price.toFixed(), l.baseQuantity?.toFixed(), l.asOnePiece ?? false];

test.each([
  // net, row quantity (two decimals), unit price -> quantity, price, base quantity, one piece
  ['keeps hours and price when they give the net: 4.5 h at 180.00', '810', '4.5', '180', ['4.5', '180', undefined, false]],
  ['20 minutes at 100.00 is 0.3333 h, not 0.33 h', '33.33', '0.33', '100', ['0.3333', '100', undefined, false]],
  ['20 minutes at 90.00 (30.00 / 90 never ends): 30.00 per 0.33 h', '30', '0.33', '90', ['0.33', '30', '0.33', false]],
  ['a row of two prices: its net per its hours', '550', '5', undefined, ['5', '550', '5', false]],
  ['an installment: one piece at its amount', '1500', '1', '1500', ['1', '1500', undefined, false]],
  ['no quantity at all: one piece at the net', '12.5', '0', undefined, ['1', '12.5', undefined, true]],
] as const)('%s', (_name, net, quantity, price, expected) => {
  const line = exactLine(d(net), d(quantity), price === undefined ? undefined : d(price));
  expect(shown(line)).toEqual(expected);
  expect(line.quantity.mul(line.price).div(line.baseQuantity ?? 1).equals(d(net))).toBe(true);
});
