/**
 * The engine in a Web Worker, so the pane can paint the engine's progress while it bills
 * (on the page's one thread the browser would not repaint until runBilling returned). The
 * worker checks the raw tables again (the page checked them already, for the error list)
 * and bills; progress goes out at most ten times a second.
 */
import { runBilling, type BillingOptions, checkBillingWorkbook } from '../../engine';
import type { RawWorkbook } from '../../schema/rawTable';
import { decimalsToText } from './transferDecimals';

export interface WorkerRequest {
  raw: RawWorkbook;
  options: Pick<BillingOptions, 'billingDate' | 'preview'>;
}

export type WorkerMessage =
  | { kind: 'progress'; step: string; done: number; total: number }
  | { kind: 'result'; result: unknown }
  | { kind: 'error'; message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (message: WorkerMessage) => void;
};

scope.onmessage = (event) => {
  try {
    const { workbook, issues } = checkBillingWorkbook(event.data.raw);
    if (!workbook || issues.length > 0) throw new Error(`The tables have ${issues.length} input errors.`);
    let last = 0;
    const result = runBilling(workbook, {
      ...event.data.options,
      onProgress: (step, done, total) => {
        const now = Date.now();
        if (done === total || now - last >= 100) {
          last = now;
          scope.postMessage({ kind: 'progress', step, done, total });
        }
      },
    });
    scope.postMessage({ kind: 'result', result: decimalsToText(result) });
  } catch (error) {
    scope.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
