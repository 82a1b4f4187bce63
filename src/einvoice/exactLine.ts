/**
 * Quantity, net price and price base quantity of an e-invoice line such that
 * quantity × price ÷ base quantity equals the line's net amount exactly (Peppol R120).
 * docs/e-invoices.md, "Quantities".
 */
import { Decimal } from '../core/money';

export interface ExactLine {
  /** BT-129. */
  quantity: Decimal;
  /** BT-146: never negative (BR-27). */
  price: Decimal;
  /** BT-149, when the price is for more than one unit. */
  baseQuantity?: Decimal;
  /** True when no quantity could be kept and the line is one piece (C62) at its net. */
  asOnePiece?: boolean;
}

/** Decimals a quantity may take when it is the net divided by the price (20 min at 100.00 is 0.3333 h). */
const MAX_QUANTITY_DECIMALS = 6;

/**
 * `net` and `quantity` carry the line's sign (a credit note's lines are positive after
 * the sign turn, an invoice's too); `price` is the row's unit price when it has one.
 */
export function exactLine(net: Decimal, quantity: Decimal, price: Decimal | undefined): ExactLine {
  if (price !== undefined && !price.isNegative()) {
    if (quantity.mul(price).equals(net)) return { quantity, price };
    if (!price.isZero()) {
      const exact = net.div(price).toDecimalPlaces(MAX_QUANTITY_DECIMALS);
      if (exact.mul(price).equals(net) && !exact.isZero()) return { quantity: exact, price };
    }
  }
  // Mixed prices on one row, or a price the net does not divide: the net per the row's quantity.
  if (!quantity.isZero()) return { quantity, price: net.abs(), baseQuantity: quantity.abs() };
  return { quantity: new Decimal(1), price: net, asOnePiece: true };
}
