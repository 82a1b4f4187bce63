/**
 * Transactions (billing-rules section 4): one entry, or one part of a split entry, on one
 * line item. Held column-wise in typed arrays: a million entries make a million
 * transactions, and objects per transaction would dominate time and memory.
 */
import type { Seconds } from '../schema/model';

/** New billable time: goes on this run's invoice when its order may bill. */
export const BILL_NOW = 0;
/** Time settled on an earlier run, replayed so it keeps its cap room and its cost. */
export const SETTLED_EARLIER = 1;
/** Billable FALSE: costed on its order, never invoiced. */
export const NOT_BILLABLE = 2;
export type TransactionKind = typeof BILL_NOW | typeof SETTLED_EARLIER | typeof NOT_BILLABLE;

export class Transactions {
  count = 0;
  /** Index of the entry in book.timeEntries. */
  entry = new Int32Array(1024);
  /** Index of the line item in book.lineItems that took the time. */
  line = new Int32Array(1024);
  /** Billable (rounded) seconds of this part. */
  seconds = new Int32Array(1024);
  /** Recorded seconds attributed to this part, for cost. */
  costSeconds = new Int32Array(1024);
  kind = new Uint8Array(1024);

  push(entry: number, line: number, seconds: Seconds, costSeconds: Seconds, kind: TransactionKind): void {
    if (this.count === this.entry.length) this.grow();
    const i = this.count++;
    this.entry[i] = entry;
    this.line[i] = line;
    this.seconds[i] = seconds;
    this.costSeconds[i] = costSeconds;
    this.kind[i] = kind;
  }

  private grow(): void {
    const size = this.entry.length * 2;
    const widen = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.entry = widen(this.entry, (n) => new Int32Array(n));
    this.line = widen(this.line, (n) => new Int32Array(n));
    this.seconds = widen(this.seconds, (n) => new Int32Array(n));
    this.costSeconds = widen(this.costSeconds, (n) => new Int32Array(n));
    this.kind = widen(this.kind, (n) => new Uint8Array(n));
  }
}
