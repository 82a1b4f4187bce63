import type { LineItemKey, OrderKey } from './model';
import { idKey } from '../core/idKey';

/** Key of the line `line` of an order: `orderkey/line`, trimmed and lower-cased. */
export function lineItemKey(orderKey: OrderKey | string, line: string): LineItemKey {
  return `${idKey(orderKey)}/${idKey(line)}` as LineItemKey;
}

/**
 * Key of an `OrderId/Line` reference as a user writes it (`O-100/10`, `o-100 / 10`); the
 * last `/` separates the line, so order ids may hold a `/` themselves. Undefined when the
 * text has no order or no line part.
 */
export function lineItemKeyOfRef(ref: string): LineItemKey | undefined {
  const at = ref.lastIndexOf('/');
  if (at < 0) return undefined;
  const order = ref.slice(0, at).trim();
  const line = ref.slice(at + 1).trim();
  if (order.length === 0 || line.length === 0) return undefined;
  return lineItemKey(order, line);
}
