/**
 * Node's zlib as the package writer's deflate: several times faster than fflate's
 * JavaScript deflate on the large sheets of a million-entry workbook, and run in a second
 * thread, so a large part is deflated while its next pieces are being written (the machine's
 * second core does the deflating). Command line only (the task pane's browser bundle keeps
 * fflate's).
 *
 * The thread is driven synchronously, as the writer is: a piece is posted to it, its
 * deflated data is taken back with `receiveMessageOnPort` as it comes, and at the end of the
 * package the writer waits (`Atomics.wait`) for the rest (`finish`); at most a few pieces are
 * in flight. A small part of one piece is deflated on the spot, which costs less than the
 * round trip.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'worker_threads';
import * as zlib from 'zlib';
import { awaitMessage } from './threadMessages';
import type { Deflater } from './zipPackage';

type Out = (data: Uint8Array, last: boolean, crc: number, size: number) => void;

type Deflated = { data: Uint8Array; last: boolean; crc: number; size: number } | { error: string };

/** Pieces posted and not yet taken back, at most: bounds the memory a fast writer can tie up. */
const IN_FLIGHT = 4;
/**
 * A part smaller than this, in one piece, is deflated on the spot: the round trip to the
 * thread costs more. Larger ones go to the thread, and the writer goes on with the next part
 * meanwhile (a thousand invoice sheets).
 */
const ON_THE_SPOT_BYTES = 4096;
/** A thread that answers nothing for this long is taken for dead. */
const STALL_MS = 120_000;

// zlib.crc32 came with Node 20.15; before it, fflate does both.
const crc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** The thread's program: deflates each piece as it comes, keeping the part's CRC and size. */
const WORKER_SOURCE = `
const { workerData } = require('worker_threads');
const zlib = require('zlib');
const { port, signal, level } = workerData;
const posted = new Int32Array(signal);
let crc = 0;
let size = 0;
port.on('message', ({ piece, last }) => {
  try {
    crc = zlib.crc32(piece, crc);
    size += piece.length;
    const deflated = zlib.deflateRawSync(piece, { level, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
    const data = new Uint8Array(deflated);
    port.postMessage({ data, last, crc: crc >>> 0, size }, [data.buffer]);
  } catch (error) {
    port.postMessage({ error: String(error && error.message || error) });
  }
  if (last) crc = size = 0;
  Atomics.add(posted, 0, 1);
  Atomics.notify(posted, 0);
});
`;

const finishFlush = (last: boolean) => (last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH);

class ThreadDeflater implements Deflater {
  private thread: { worker: Worker; port: MessagePort; posted: Int32Array } | undefined;
  /** Who gets each posted piece's result, in order. */
  private readonly waiting: Out[] = [];

  constructor(private readonly level: number) {}

  part(out: Out) {
    let started = false;
    let crc = 0;
    let size = 0;
    return {
      push: (piece: Uint8Array, last: boolean, owned: boolean): void => {
        if (!started && last && piece.length < ON_THE_SPOT_BYTES) {
          crc = crc32!(piece, crc);
          size += piece.length;
          out(zlib.deflateRawSync(piece, { level: this.level, finishFlush: finishFlush(true) }), true, crc >>> 0, size);
          return;
        }
        started = true;
        this.post(piece, last, owned, out);
        this.takeReady();
        while (this.waiting.length > IN_FLIGHT) this.takeOne();
      },
    };
  }

  private post(piece: Uint8Array, last: boolean, owned: boolean, out: Out): void {
    if (!this.thread) {
      const { port1, port2 } = new MessageChannel();
      const signal = new SharedArrayBuffer(4);
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, signal, level: this.level }, transferList: [port2] });
      worker.unref();
      this.thread = { worker, port: port1, posted: new Int32Array(signal) };
    }
    // Handed over to the thread when it is the writer's to give (a whole array of its own), else copied.
    const given = owned && piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength ? piece : piece.slice();
    this.waiting.push(out);
    this.thread.port.postMessage({ piece: given, last }, [given.buffer as ArrayBuffer]);
  }

  private deliver(message: Deflated): void {
    const out = this.waiting.shift()!;
    if ('error' in message) throw new Error(`Deflating the workbook failed: ${message.error}`);
    out(message.data, message.last, message.crc, message.size);
  }

  /** Hands on whatever the thread has finished, without waiting. */
  private takeReady(): void {
    for (let m = receiveMessageOnPort(this.thread!.port); m; m = receiveMessageOnPort(this.thread!.port)) this.deliver(m.message as Deflated);
  }

  /** Waits for the oldest piece posted. */
  private takeOne(): void {
    const { port, posted } = this.thread!;
    const message = awaitMessage(port, posted, STALL_MS) as Deflated | undefined;
    if (!message) throw new Error('The deflate thread stopped answering.');
    this.deliver(message);
  }

  finish(): void {
    while (this.waiting.length > 0) this.takeOne();
  }

  close(): void {
    if (!this.thread) return;
    void this.thread.worker.terminate();
    this.thread.port.close();
    this.thread = undefined;
    this.waiting.length = 0;
  }
}

export function nodeDeflater(level = 6): Deflater | undefined {
  if (typeof crc32 !== 'function') return undefined;
  return new ThreadDeflater(level);
}
