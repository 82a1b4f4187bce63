/** The program of the second thread nodeSheetReader.ts starts: reads one job's rows, answers, and is done. */
import { workerData, type MessagePort } from 'worker_threads';
import type { RowThreadAnswer } from './nodeSheetReader';
import type { RowJob } from './sheetHalves';

const { port, signal } = workerData as { port: MessagePort; signal: SharedArrayBuffer };

port.once('message', (job: RowJob) => {
  void answer(job);
});

async function answer(job: RowJob): Promise<void> {
  let reply: RowThreadAnswer;
  let transfer: ArrayBuffer[] = [];
  try {
    // Loaded here, not at the top: a reader that fails to load is an answer too (the rows are then
    // read in one pass), not a thread the command waits for until it gives up.
    const { packedBuffers, packRows } = await import('./sheetHalves');
    const packed = packRows(job);
    reply = { packed };
    transfer = packedBuffers(packed);
  } catch (error) {
    reply = { error: String((error as Error)?.message ?? error) };
  }
  port.postMessage(reply, transfer);
  const answered = new Int32Array(signal);
  Atomics.add(answered, 0, 1);
  Atomics.notify(answered, 0);
  port.close();
}
