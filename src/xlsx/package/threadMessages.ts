/**
 * Waiting for a worker thread's next message while this thread stays synchronous, as the
 * package reader and writer do (nodeDeflater.ts, nodeSheetReader.ts): the thread adds one to a
 * shared counter after each message it posts, and this one sleeps on the counter
 * (`Atomics.wait`) until a message can be taken with `receiveMessageOnPort`.
 */
import { receiveMessageOnPort, type MessagePort } from 'worker_threads';

/** The next message on `port`, or undefined when none came for `stallMs` (the thread is taken for dead). */
export function awaitMessage(port: MessagePort, posted: Int32Array, stallMs: number): unknown {
  const since = Date.now();
  for (;;) {
    const seen = Atomics.load(posted, 0);
    const m = receiveMessageOnPort(port);
    if (m) return m.message;
    if (Date.now() - since > stallMs) return undefined;
    Atomics.wait(posted, 0, seen, 1000);
  }
}
