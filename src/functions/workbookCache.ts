/**
 * One read and one validation of the input tables per workbook state, shared by every cell.
 *
 * The cache holds one Promise of the parsed workbook: the first caller starts the read,
 * every caller after it (concurrent or later) gets the same Promise, until `invalidate()`
 * drops it (a table changed). Listeners hear of each invalidation so streaming functions can
 * compute again; the first of them to ask starts the one new read.
 *
 * A read that fails is dropped as soon as it fails, so the next caller tries again; callers
 * already waiting on it share its failure.
 */
import { type ReadBillingWorkbookResult } from '../schema/readBillingWorkbook';
import type { RawWorkbook } from '../schema/rawTable';
import { checkBillingWorkbook } from '../engine';

/** The tables as read once, their validation, and figures derived from them (computed once each). */
export class WorkbookSnapshot {
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly raw: RawWorkbook,
    readonly read: ReadBillingWorkbookResult,
  ) {}

  /** `compute()` once per key for this snapshot: a preview run per date, the matching of all time... */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }
}

export interface WorkbookCache {
  /** The current snapshot: shared while valid, read (once) when there is none. */
  get(): Promise<WorkbookSnapshot>;
  /** Drops the snapshot (the tables changed) and tells every listener. */
  invalidate(): void;
  /** Called on every invalidation; returns the function that removes the listener. */
  onInvalidate(listener: () => void): () => void;
}

export function createWorkbookCache(readTables: () => Promise<RawWorkbook>): WorkbookCache {
  let current: Promise<WorkbookSnapshot> | undefined;
  const listeners = new Set<() => void>();

  const load = (): Promise<WorkbookSnapshot> => {
    const loading = Promise.resolve()
      .then(readTables)
      .then((raw) => new WorkbookSnapshot(raw, checkBillingWorkbook(raw)));
    loading.catch(() => {
      if (current === loading) current = undefined;
    });
    return loading;
  };

  return {
    get() {
      if (current === undefined) current = load();
      return current;
    },
    // An arrow function: `watchTables(run, cache.invalidate)` passes it unbound.
    invalidate: () => {
      current = undefined;
      for (const listener of [...listeners]) listener();
    },
    onInvalidate(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
