/** The program of the second thread nodeSheetReader.ts starts: reads one job's rows, answers, and is done. */
import { workerData, type MessagePort } from 'worker_threads';
import type { RowThreadAnswer } from './nodeSheetReader';
import { packedBuffers, packRows, type RowJob } from './sheetHalves';

const { port, signal } = workerData as { port: MessagePort; signal: SharedArrayBuffer };

port.once('message', (job: RowJob) => {
  let answer: RowThreadAnswer;
  let transfer: ArrayBuffer[] = [];
  try {
    const packed = packRows(job);
    answer = { packed };
    transfer = packedBuffers(packed);
  } catch (error) {
    answer = { error: String((error as Error)?.message ?? error) };
  }
  port.postMessage(answer, transfer);
  const answered = new Int32Array(signal);
  Atomics.store(answered, 0, 1);
  Atomics.notify(answered, 0);
  port.close();
});
