/**
 * Transactions (docs/billing-rules.md section 4): one entry, or one part of a split entry, on one
 * line item. Held column-wise in typed arrays: a million entries make a million
 * transactions, and objects per transaction would dominate time and memory. Besides the
 * entry, each transaction carries the few entry facts invoicing needs, so invoicing walks
 * these arrays in order instead of jumping between a million entry objects.
 */
import type { Seconds } from '../schema/model';

/** New billable time: goes on this run's invoice when its order may bill. */
export const BILL_NOW = 0;
/** Time settled on an earlier run, replayed so it keeps its cap room and its cost. */
export const SETTLED_EARLIER = 1;
/** Billable FALSE: costed on its order, never invoiced. */
export const NOT_BILLABLE = 2;
export type TransactionKind = typeof BILL_NOW | typeof SETTLED_EARLIER | typeof NOT_BILLABLE;

export interface TransactionEntry {
  /** Index of the entry in book.timeEntries. */
  entry: number;
  /** The entry's 0-based row in the TimeEntries table (source.index). */
  row: number;
  /** The entry's person, as an index into MatchedTime.people. */
  person: number;
  separateRow: boolean;
}

const INITIAL = 1024;

export class Transactions {
  count = 0;
  /** Index of the entry in book.timeEntries. */
  entry: Int32Array;
  /** The entry's 0-based row in the TimeEntries table (source.index). */
  row: Int32Array;
  /** The entry's person (index into MatchedTime.people). */
  person: Int32Array;
  /** Index of the line item in book.lineItems that took the time. */
  line: Int32Array;
  /** Billable (rounded) seconds of this part. */
  seconds: Int32Array;
  /** Recorded seconds attributed to this part, for cost. */
  costSeconds: Int32Array;
  kind: Uint8Array;
  /** 1 when the entry asks for a row of its own (SeparateRow). */
  separateRow: Uint8Array;

  /**
   * `capacity`: how many transactions are expected. Sizing the columns once matters at a
   * million: each doubling copies every column, and the discarded buffers count as external
   * memory that pushes the heap into full collections.
   */
  constructor(capacity = INITIAL) {
    const size = Math.max(capacity, 16);
    this.entry = new Int32Array(size);
    this.row = new Int32Array(size);
    this.person = new Int32Array(size);
    this.line = new Int32Array(size);
    this.seconds = new Int32Array(size);
    this.costSeconds = new Int32Array(size);
    this.kind = new Uint8Array(size);
    this.separateRow = new Uint8Array(size);
  }

  push(entry: TransactionEntry, line: number, seconds: Seconds, costSeconds: Seconds, kind: TransactionKind): void {
    if (this.count === this.entry.length) this.grow();
    const i = this.count++;
    this.entry[i] = entry.entry;
    this.row[i] = entry.row;
    this.person[i] = entry.person;
    this.line[i] = line;
    this.seconds[i] = seconds;
    this.costSeconds[i] = costSeconds;
    this.kind[i] = kind;
    this.separateRow[i] = entry.separateRow ? 1 : 0;
  }

  private grow(): void {
    const size = this.entry.length * 2;
    const int = (old: Int32Array) => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    const byte = (old: Uint8Array) => {
      const next = new Uint8Array(size);
      next.set(old);
      return next;
    };
    this.entry = int(this.entry);
    this.row = int(this.row);
    this.person = int(this.person);
    this.line = int(this.line);
    this.seconds = int(this.seconds);
    this.costSeconds = int(this.costSeconds);
    this.kind = byte(this.kind);
    this.separateRow = byte(this.separateRow);
  }
}
