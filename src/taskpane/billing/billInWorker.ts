/**
 * Bills in a Web Worker (billingWorker.ts), reporting the engine's progress as it goes; the
 * page bills in its own thread instead where a worker cannot start. Only the browser bundle
 * imports this module: webpack turns the `new Worker(new URL(...))` below into a chunk of
 * its own.
 */
import type { BillingResult } from '../../engine';
import type { Biller } from './billingFlow';
import { billInPage } from './billingFlow';
import type { WorkerMessage, WorkerRequest } from './billingWorker';
import { decimalsFromText } from './transferDecimals';

function startWorker(): Worker | undefined {
  try {
    // @ts-expect-error import.meta: webpack bundles this file as an ES module; tsc checks the repository as CommonJS.
    return new Worker(/* webpackChunkName: "billing-worker" */ new URL('./billingWorker.ts', import.meta.url));
  } catch (error) {
    console.warn('PSA Billing: no Web Worker; billing on the page', error);
    return undefined;
  }
}

export const billInWorker: Biller = (raw, workbook, options) => {
  const worker = startWorker();
  if (!worker) return billInPage(raw, workbook, options);
  return new Promise<BillingResult>((resolve, reject) => {
    let heard = false;
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      heard = true;
      const message = event.data;
      if (message.kind === 'progress') options.onProgress?.(message.step, message.done, message.total);
      else if (message.kind === 'result') resolve(decimalsFromText(message.result) as BillingResult);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      // A worker that never started (its script blocked or missing): bill on the page instead.
      if (!heard) {
        console.warn('PSA Billing: the billing worker did not start; billing on the page', event.message);
        resolve(billInPage(raw, workbook, options));
      } else {
        reject(new Error(event.message || 'The billing worker failed.'));
      }
    };
    const request: WorkerRequest = { raw, options: { billingDate: options.billingDate, preview: options.preview } };
    worker.postMessage(request);
  }).finally(() => worker.terminate());
};
