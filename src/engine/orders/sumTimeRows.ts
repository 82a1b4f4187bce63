/**
 * Stage 4 of order invoicing: the invoice rows of the time that bills, per order in its
 * Invoice Times layout (docs/billing-rules.md section 6; invoiceTimesLayouts.ts), and the billable seconds per price of the
 * time that waits. Rows sum whole seconds; money and hours are worked out afterwards, once
 * per row (priceTimeRows.ts). Transactions arrive grouped by order, each order's in
 * (Date, EntryId) order, so a row's first appearance is simply the first transaction that
 * lands in it, and one order's rows are made one after another.
 */
import type { BillingWorkbook, InvoiceTimes } from '../../schema/model';
import type { InvoiceRow } from '../billingResult';
import { ZERO } from '../../core/money';
import type { GroupedTransactions } from './groupByOrder';
import { INVOICE_TIMES_LAYOUTS, type InvoiceTimesLayout } from './invoiceTimesLayouts';
import { VERDICT_CODE } from './judgeTransactions';
import type { LineFacts } from './orderLineFacts';

/**
 * Sums of the invoice rows being filled, one slot per row, in typed arrays: a million
 * entries make hundreds of thousands of rows, and an accumulator object per row would be
 * as many more objects for the collector to copy. One order's slots are adjacent, from its
 * OrderTimeRows' `firstSlot`.
 */
export class RowSums {
  count = 0;
  /** Billable seconds of the row. */
  seconds = new Float64Array(1024);
  /** Seconds at the row's first price; further prices (rare) in `otherPrices`. */
  priceId = new Int32Array(1024);
  priceSeconds = new Float64Array(1024);
  /** Person index, -1 before the first, -2 when mixed. */
  person = new Int32Array(1024);
  /** Line item index, -1 before the first, -2 when mixed. */
  line = new Int32Array(1024);
  /** Entry index of the row's last transaction, so each entry is listed once. */
  lastEntry = new Int32Array(1024);
  /** The ledger record of the row's last entry, -1 before its first transaction. */
  lastRecord = new Int32Array(1024);
  /** Seconds per further price id, in the order the prices came, per slot. */
  readonly otherPrices = new Map<number, Map<number, number>>();

  /** A new row whose first transaction is of entry `entry`. */
  add(entry: number): number {
    if (this.count === this.seconds.length) this.grow();
    const slot = this.count++;
    this.seconds[slot] = 0;
    this.priceId[slot] = -1;
    this.priceSeconds[slot] = 0;
    this.person[slot] = -1;
    this.line[slot] = -1;
    this.lastEntry[slot] = entry;
    this.lastRecord[slot] = -1;
    return slot;
  }

  /** Adds a billed transaction's seconds at its price, person and line to row `slot`. */
  addTime(slot: number, seconds: number, priceId: number, person: number, line: number): void {
    this.seconds[slot] += seconds;
    const rowPrice = this.priceId[slot];
    if (rowPrice === priceId || rowPrice === -1) {
      this.priceId[slot] = priceId;
      this.priceSeconds[slot] += seconds;
    } else {
      let others = this.otherPrices.get(slot);
      if (others === undefined) {
        others = new Map();
        this.otherPrices.set(slot, others);
      }
      others.set(priceId, (others.get(priceId) ?? 0) + seconds);
    }
    const rowPerson = this.person[slot];
    this.person[slot] = rowPerson === -1 || rowPerson === person ? person : -2;
    const rowLine = this.line[slot];
    this.line[slot] = rowLine === -1 || rowLine === line ? line : -2;
  }

  private grow(): void {
    const size = this.seconds.length * 2;
    const wider = <T extends Float64Array | Int32Array>(old: T, next: T): T => {
      next.set(old);
      return next;
    };
    this.seconds = wider(this.seconds, new Float64Array(size));
    this.priceId = wider(this.priceId, new Int32Array(size));
    this.priceSeconds = wider(this.priceSeconds, new Float64Array(size));
    this.person = wider(this.person, new Int32Array(size));
    this.line = wider(this.line, new Int32Array(size));
    this.lastEntry = wider(this.lastEntry, new Int32Array(size));
    this.lastRecord = wider(this.lastRecord, new Int32Array(size));
  }
}

/** One order's time on this run. */
export interface OrderTimeRows {
  layout: InvoiceTimesLayout;
  /** The order's time rows; amounts, hours, person and line are filled in by priceTimeRows. */
  rows: InvoiceRow[];
  /** RowSums slot of rows[0]; rows[r] sums in slot firstSlot + r. */
  firstSlot: number;
  /** Index in `rows` per grouping key. */
  rowByKey: Map<number, number>;
  /** The grouping key of each line under this order's layout (shared per layout), -1 until known. */
  lineKeys: Int32Array;
  /** TimeEntries rows (source.index) settled by this order's invoice. */
  settles: number[];
  lastSettled: number;
  /** Billable seconds per price id of time that waits. */
  waitingSeconds: Map<number, number>;
  /** The order's records in the run's ledger: [ledgerStart, ledgerEnd). */
  ledgerStart: number;
  ledgerEnd: number;
}

/** The run's ledger records (billed entry per invoice row): grouped index, 1-based row, seconds. */
export interface RunLedger {
  count: number;
  k: Int32Array;
  row: Int32Array;
  seconds: Int32Array;
}

export interface TimeRows {
  /** Per order (Orders table index): its time on this run, undefined when it has none. */
  orders: (OrderTimeRows | undefined)[];
  sums: RowSums;
  ledger: RunLedger;
}

/** Makes the rows of one run: the state the per-transaction steps share. */
class TimeRowMaker {
  readonly sums = new RowSums();
  readonly orders: (OrderTimeRows | undefined)[];
  readonly ledger: RunLedger;
  private readonly lineKeys = new Map<InvoiceTimes, Int32Array>();
  private readonly keyIds = new Map<string, number>();

  constructor(
    private readonly book: BillingWorkbook,
    private readonly lineFacts: readonly LineFacts[],
    private readonly personCount: number,
    transactions: number,
  ) {
    this.orders = new Array(book.orders.length);
    this.ledger = { count: 0, k: new Int32Array(transactions), row: new Int32Array(transactions), seconds: new Int32Array(transactions) };
  }

  orderOf(order: number): OrderTimeRows {
    let rows = this.orders[order];
    if (rows === undefined) {
      const invoiceTimes = this.book.orders[order].invoiceTimes ?? this.book.settings.invoiceTimes;
      let lineKeys = this.lineKeys.get(invoiceTimes);
      if (lineKeys === undefined) {
        lineKeys = new Int32Array(this.lineFacts.length).fill(-1);
        this.lineKeys.set(invoiceTimes, lineKeys);
      }
      rows = {
        layout: INVOICE_TIMES_LAYOUTS[invoiceTimes],
        rows: [],
        firstSlot: this.sums.count,
        rowByKey: new Map(),
        lineKeys,
        settles: [],
        lastSettled: -1,
        waitingSeconds: new Map(),
        ledgerStart: this.ledger.count,
        ledgerEnd: this.ledger.count,
      };
      this.orders[order] = rows;
    }
    return rows;
  }

  /** The RowSums slot of the row a billed transaction goes on, made on its first appearance. */
  rowFor(order: OrderTimeRows, li: number, ei: number, entryId: string, isSeparateRow: boolean, person: number): number {
    const { layout } = order;
    if (isSeparateRow || layout.lineKey === undefined) return this.newRow(order, INVOICE_TIMES_LAYOUTS.ByTransactions, li, ei, entryId);
    let lineKey = order.lineKeys[li];
    if (lineKey < 0) {
      const facts = this.lineFacts[li];
      const text = layout.lineKey(this.book.lineItems[li], facts) + '\u0000' + facts.revenueAccount;
      lineKey = this.keyIds.get(text) ?? this.keyIds.size;
      this.keyIds.set(text, lineKey);
      order.lineKeys[li] = lineKey;
    }
    // One number per (line key, person), small enough to stay a small integer for the Map.
    const key = layout.isPerPerson ? lineKey * this.personCount + person : lineKey;
    const known = order.rowByKey.get(key);
    if (known !== undefined) return order.firstSlot + known;
    order.rowByKey.set(key, order.rows.length);
    return this.newRow(order, layout, li, ei, entryId);
  }

  /**
   * A row made for the transaction of entry `ei`, which it lists first (sized for that one
   * id, not grown from empty); its money and hours are filled in by priceTimeRows. Fields in
   * the order invoice rows always had, so written results read the same.
   */
  private newRow(order: OrderTimeRows, layout: InvoiceTimesLayout, li: number, ei: number, entryId: string): number {
    const { lineItems, timeEntries, orders, settings } = this.book;
    const line = lineItems[li];
    const facts = this.lineFacts[li];
    const entry = timeEntries[ei];
    const source = orders[facts.order];
    order.rows.push({
      row: order.rows.length + 1,
      description: layout.description(line, facts, entry, source, settings),
      item: layout.showsItem ? line.itemId : undefined,
      // The name as written on the row's first billed entry, not on time settled earlier or
      // non-billable time; cleared by priceTimeRows when the row holds several people.
      person: entry.personName,
      quantity: ZERO,
      unitPrice: undefined,
      amount: ZERO,
      revenueAccount: facts.revenueAccount,
      source: source.id,
      lineItem: undefined,
      entryIds: [entryId],
    });
    return this.sums.add(ei);
  }
}

export function sumTimeRows(book: BillingWorkbook, lineFacts: readonly LineFacts[], grouped: GroupedTransactions, personCount: number): TimeRows {
  const maker = new TimeRowMaker(book, lineFacts, Math.max(personCount, 1), grouped.t.length);
  const { sums, ledger } = maker;
  const { line: txLine, entry: txEntry, seconds: txSeconds, person: txPerson, separateRow: txSeparate, row: txRow, verdict: txVerdict, id: txId } = grouped;
  for (let k = 0; k < txLine.length; k++) {
    const verdict = txVerdict[k];
    if (verdict !== VERDICT_CODE.bill && verdict !== VERDICT_CODE.wait) continue;
    const li = txLine[k];
    const facts = lineFacts[li];
    const ei = txEntry[k];
    const order = maker.orderOf(facts.order);
    const seconds = txSeconds[k];
    if (verdict === VERDICT_CODE.wait) {
      order.waitingSeconds.set(facts.priceId, (order.waitingSeconds.get(facts.priceId) ?? 0) + seconds);
      continue;
    }
    const person = txPerson[k];
    const slot = maker.rowFor(order, li, ei, txId[k], txSeparate[k] === 1, person);
    sums.addTime(slot, seconds, facts.priceId, person, li);
    if (sums.lastEntry[slot] !== ei) {
      order.rows[slot - order.firstSlot].entryIds.push(txId[k]);
      sums.lastEntry[slot] = ei;
      sums.lastRecord[slot] = -1;
    }
    // One ledger record per (row, entry); an order's records are adjacent.
    let record = sums.lastRecord[slot];
    if (record < 0) {
      record = ledger.count++;
      ledger.k[record] = k;
      ledger.row[record] = slot - order.firstSlot + 1;
      ledger.seconds[record] = 0;
      sums.lastRecord[slot] = record;
      order.ledgerEnd = ledger.count;
    }
    ledger.seconds[record] += seconds;
    if (order.lastSettled !== ei) {
      order.settles.push(txRow[k]);
      order.lastSettled = ei;
    }
  }
  return { orders: maker.orders, sums, ledger };
}
