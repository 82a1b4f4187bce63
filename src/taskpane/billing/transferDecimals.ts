/**
 * A billing result across a Worker boundary. `Decimal` values cannot be structured-cloned
 * (each carries its constructor), so they travel as their exact digits and come back as
 * Decimals of the project's clone; everything else the result holds is plain data.
 */
import { Decimal } from '../../engine';

interface DecimalText {
  $decimal: string;
}

function isDecimalText(value: object): value is DecimalText {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$decimal';
}

/** Values the structured clone carries as they are: primitives, dates, typed arrays. */
function isClonedAsIs(value: unknown): value is null | Date | ArrayBufferView | string | number | boolean | undefined {
  return value === null || typeof value !== 'object' || value instanceof Date || ArrayBuffer.isView(value);
}

export function decimalsToText(value: unknown): unknown {
  if (value instanceof Decimal) return { $decimal: value.toString() } satisfies DecimalText;
  if (Array.isArray(value)) return value.map(decimalsToText);
  if (isClonedAsIs(value)) return value;
  if (value instanceof Map || value instanceof Set) throw new Error('decimalsToText: a Map or Set in a billing result');
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = decimalsToText(inner);
  return out;
}

export function decimalsFromText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decimalsFromText);
  if (isClonedAsIs(value)) return value;
  if (isDecimalText(value)) return new Decimal(value.$decimal);
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = decimalsFromText(inner);
  return out;
}
