/** How the pane writes money, hours and counts: from the Decimal's own digits, never through a float. */
import { hoursText, type Decimal } from '../engine';

/** `12345.5` → `12,345.50`. */
export function money(value: Decimal): string {
  const fixed = value.toFixed(2);
  const negative = fixed.startsWith('-');
  const [whole, cents] = (negative ? fixed.slice(1) : fixed).split('.');
  return `${negative ? '−' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

export function moneyIn(value: Decimal, currency: string): string {
  return `${money(value)} ${currency}`;
}

/** Whole seconds as hours with two decimals, as every message of the engine writes them: `5400` → `1.50 h`. */
export const hoursOf = hoursText;

export function count(n: number, word: string, plural = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : plural}`;
}
