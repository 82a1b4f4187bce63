/**
 * Loops in a "points at one other" relation (a node's parent, an agreement's predecessor).
 * Each loop is returned once, starting at its member that comes first in `keys`, followed
 * by what it points at, up to that member again: [A, B, A] when A's parent is B and B's is A.
 */
export function findCycles(keys: readonly string[], next: (key: string) => string | undefined): string[][] {
  const order = new Map<string, number>();
  keys.forEach((key, i) => order.set(key, i));
  const state = new Map<string, 'walking' | 'done'>();
  const cycles: string[][] = [];
  for (const start of keys) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let key: string | undefined = start;
    while (key !== undefined && order.has(key) && !state.has(key)) {
      state.set(key, 'walking');
      path.push(key);
      key = next(key);
    }
    if (key !== undefined && state.get(key) === 'walking') {
      const loop = path.slice(path.indexOf(key));
      let first = 0;
      for (let i = 1; i < loop.length; i++) if (order.get(loop[i])! < order.get(loop[first])!) first = i;
      const rotated = [...loop.slice(first), ...loop.slice(0, first)];
      cycles.push([...rotated, rotated[0]]);
    }
    for (const k of path) state.set(k, 'done');
  }
  return cycles;
}
