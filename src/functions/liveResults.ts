/**
 * Streaming results that stay current. Each live cell (a streaming invocation) is computed
 * from the cache's snapshot; when the cache is invalidated (a table changed) every live cell
 * is computed again, all from the one new snapshot. Invalidations that come close together
 * (a paste fires several table events) are gathered into one recomputation by `schedule`.
 * A cell that Excel cancels (formula deleted or changed) is dropped.
 *
 * Nothing here throws into Excel: a read that fails and a computation that throws both
 * become an #N/A with a message.
 */
import { toExcelValue, type FunctionFailure } from './excelErrors';
import { functionFailure } from './functionMessages';
import type { WorkbookCache, WorkbookSnapshot } from './workbookCache';

/** What the add-in needs of `CustomFunctions.StreamingInvocation`. */
export interface LiveInvocation<T> {
  setResult(value: T | CustomFunctions.Error): void;
  onCanceled?: () => void;
}

export interface StreamOptions<T> {
  /** The result when the tables cannot be read at all (else #N/A naming the failure). */
  withoutWorkbook?: () => T | FunctionFailure;
}

export interface LiveResults {
  stream<T>(invocation: LiveInvocation<T>, compute: (snapshot: WorkbookSnapshot) => T | FunctionFailure, options?: StreamOptions<T>): void;
  /** Live invocations now (for tests and diagnostics). */
  readonly size: number;
  /** Stops listening to the cache. */
  dispose(): void;
}

/** Runs `task` later; returns a function that cancels it. */
export type Schedule = (task: () => void) => () => void;

/** Table events of one edit arrive within a few milliseconds; 100 ms gathers them. */
export const defaultSchedule: Schedule = (task) => {
  const timer = setTimeout(task, 100);
  return () => clearTimeout(timer);
};

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

export function createLiveResults(cache: WorkbookCache, schedule: Schedule = defaultSchedule): LiveResults {
  const live = new Set<() => void>();
  let cancelPending: (() => void) | undefined;

  const recomputeAll = () => {
    cancelPending = undefined;
    for (const run of [...live]) run();
  };
  const stopListening = cache.onInvalidate(() => {
    cancelPending?.();
    cancelPending = schedule(recomputeAll);
  });

  return {
    stream<T>(invocation: LiveInvocation<T>, compute: (snapshot: WorkbookSnapshot) => T | FunctionFailure, options: StreamOptions<T> = {}) {
      let latest = 0;
      let alive = true;
      const run = () => {
        const mine = ++latest;
        cache
          .get()
          .then(
            (snapshot) => {
              try {
                return compute(snapshot);
              } catch (error) {
                return functionFailure('ComputeFailed', messageOf(error));
              }
            },
            (error) => options.withoutWorkbook?.() ?? functionFailure('TablesUnreadable', messageOf(error)),
          )
          .then((result) => {
            // Only the newest computation of a live cell may answer: an older one may have
            // read the tables before the last change.
            if (alive && mine === latest) invocation.setResult(toExcelValue(result));
          })
          .catch(() => undefined);
      };
      live.add(run);
      invocation.onCanceled = () => {
        alive = false;
        live.delete(run);
      };
      run();
    },
    get size() {
      return live.size;
    },
    dispose() {
      stopListening();
      cancelPending?.();
      live.clear();
    },
  };
}
