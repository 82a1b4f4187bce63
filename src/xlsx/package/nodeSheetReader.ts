/**
 * The second thread that reads the rows after the cut of a large sheet (sheetHalves.ts), for
 * the command line: a worker running `rowThreadWorker.js` beside this file, driven
 * synchronously as the reader is (the job posted, this thread reads its own half, then waits
 * for the packed rows, threadMessages.ts). The task pane's browser bundle reads in one pass.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { MessageChannel, Worker } from 'worker_threads';
import type { PackedRows, RowJob, RowThread } from './sheetHalves';
import { awaitMessage } from './threadMessages';

/** A thread that answers nothing for this long is taken for dead (the rows are then read here). */
const STALL_MS = 120_000;

export type RowThreadAnswer = { packed: PackedRows } | { error: string };

/**
 * The second thread, or undefined where its compiled program is not beside this file (the
 * sources run by ts-jest): the reader then reads in one pass.
 */
export function nodeRowThread(program = path.join(__dirname, 'rowThreadWorker.js')): RowThread | undefined {
  if (!existsSync(program)) return undefined;
  return (job: RowJob) => {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const worker = new Worker(program, { workerData: { port: port2, signal }, transferList: [port2] });
    worker.unref();
    port1.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    return {
      take(): PackedRows | undefined {
        try {
          const answer = awaitMessage(port1, new Int32Array(signal), STALL_MS) as RowThreadAnswer | undefined;
          return answer && 'packed' in answer ? answer.packed : undefined;
        } finally {
          port1.close();
          void worker.terminate();
        }
      },
    };
  };
}
