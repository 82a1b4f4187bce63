/**
 * Stage 3 of order invoicing: the transactions of known orders, order by order, each
 * order's in (Date, EntryId) order. A stable counting sort copies the columns the row
 * stage reads (verdicts and entry ids included) into per-order buckets, so that stage reads
 * them front to back and one order's rows, row maps and settle lists stay in cache instead
 * of jumping between a thousand orders on every transaction. Each bucket fills front to
 * back, so the copy streams. Per order the sequence is the transactions' own, so rows,
 * entry ids and settles come out as if read in run order.
 */
import type { BillingWorkbook } from '../../schema/model';
import type { Transactions } from '../transactions';

/** The columns of the grouped transactions; `t` is the transaction's own index. */
export interface GroupedTransactions {
  t: Int32Array;
  line: Int32Array;
  entry: Int32Array;
  seconds: Int32Array;
  person: Int32Array;
  row: Int32Array;
  separateRow: Uint8Array;
  verdict: Uint8Array;
  id: string[];
  /** The entry's recorded seconds, date and node, for InvoiceEntries (the ledger). */
  recorded: Int32Array;
  date: Int32Array;
  node: (string | undefined)[];
}

export function groupByOrder(book: BillingWorkbook, tx: Transactions, orderOfLine: Int32Array, verdicts: Uint8Array): GroupedTransactions {
  const orderCount = book.orders.length;
  const { line: txLine } = tx;
  const starts = new Int32Array(orderCount + 1);
  for (let t = 0; t < tx.count; t++) {
    const order = orderOfLine[txLine[t]];
    if (order >= 0) starts[order + 1]++;
  }
  for (let o = 0; o < orderCount; o++) starts[o + 1] += starts[o];
  const size = starts[orderCount];
  const g: GroupedTransactions = {
    t: new Int32Array(size), line: new Int32Array(size), entry: new Int32Array(size), seconds: new Int32Array(size),
    person: new Int32Array(size), row: new Int32Array(size), separateRow: new Uint8Array(size), verdict: new Uint8Array(size),
    id: new Array<string>(size), recorded: new Int32Array(size), date: new Int32Array(size), node: new Array<string | undefined>(size),
  };
  const { t: gT, line: gLine, entry: gEntry, seconds: gSeconds, person: gPerson, row: gRow, separateRow: gSeparate, verdict: gVerdict } = g;
  for (let t = 0; t < tx.count; t++) {
    const order = orderOfLine[txLine[t]];
    if (order < 0) continue;
    const k = starts[order]++;
    gT[k] = t;
    gLine[k] = txLine[t];
    gEntry[k] = tx.entry[t];
    gSeconds[k] = tx.seconds[t];
    gPerson[k] = tx.person[t];
    gRow[k] = tx.row[t];
    gSeparate[k] = tx.separateRow[t];
    gVerdict[k] = verdicts[t];
  }
  // Entry facts read in a loop of their own: independent reads of scattered entries overlap
  // there, unlike inside the row stage.
  const entries = book.timeEntries;
  const { id: gId, recorded: gRecorded, date: gDate, node: gNode } = g;
  for (let k = 0; k < size; k++) {
    const entry = entries[gEntry[k]];
    gId[k] = entry.id;
    gRecorded[k] = entry.seconds;
    gDate[k] = entry.date;
    gNode[k] = entry.nodeId;
  }
  return g;
}

/** Copies changed verdicts (after a hold-back) into the grouped columns. */
export function regroupVerdicts(grouped: GroupedTransactions, verdicts: Uint8Array): void {
  for (let k = 0; k < grouped.t.length; k++) grouped.verdict[k] = verdicts[grouped.t[k]];
}
