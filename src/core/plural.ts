/** A count with its noun, as every message writes one: `1 invoice`, `3 invoices`, `2 entries`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
