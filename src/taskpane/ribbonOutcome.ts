/**
 * The last thing a ribbon command (or anything else) did, for the task pane to show.
 *
 * The task pane, the ribbon commands and the custom functions run in one shared runtime page
 * (taskpane.html, manifest Runtime lifetime="long") and webpack gives its bundles a single
 * runtime chunk, so this module is one instance for all of them: a command publishes, the pane
 * subscribes. It lives only in memory: closing the workbook forgets it.
 */
export type OutcomeKind = 'success' | 'warning' | 'error';

export interface RibbonOutcome {
  /** One line, e.g. "3 invoices generated". */
  title: string;
  /** What the finance user should know or do next. */
  detail: string;
  kind: OutcomeKind;
}

export type OutcomeListener = (outcome: RibbonOutcome) => void;

let last: RibbonOutcome | undefined;
const listeners = new Set<OutcomeListener>();

/** Records the outcome and tells every subscriber. A listener that throws does not stop the others. */
export function publishOutcome(outcome: RibbonOutcome): void {
  last = { title: outcome.title, detail: outcome.detail, kind: outcome.kind };
  for (const listener of [...listeners]) {
    try {
      listener(last);
    } catch (error) {
      console.error('PSA Billing: a ribbon outcome listener failed', error);
    }
  }
}

/** Calls `listener` on every later outcome; returns the function that unsubscribes it. */
export function subscribeOutcome(listener: OutcomeListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The latest outcome, or undefined before the first one. The same object until the next publish. */
export function lastOutcome(): RibbonOutcome | undefined {
  return last;
}
