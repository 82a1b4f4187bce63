/**
 * Order invoices (docs/billing-rules.md sections 4, 5 and 6): price, cost and invoice rows of order
 * time, and what each billing mode and basis makes of them. Per order, on this run:
 * - Basis Actual: the rows of its time that its mode lets bill now (the gate);
 * - PaymentPlan: only its installments due by the billing date (time is cost only);
 * - AsBudgeted: only its budget rows for the lines its mode lets bill (time is cost only);
 * then MinimumBilling over the net: an invoice below it is held back whole, its time
 * stays unsettled. An entry is settled as a whole, so it bills only when each of its billable
 * parts may bill now: a part that waits holds the entry's other parts back too.
 *
 * Transactions arrive in (Date, EntryId) order, so a row's first appearance is simply the
 * first transaction that lands in it. Each row sums integer seconds per price; a row with one
 * price gets its amount in integer cents (money.ts, centsOfSeconds), a row with several one
 * Decimal product per price. Costs sum integer seconds per (order, cost rate). No Decimal
 * work happens per transaction.
 */
import type { BillingWorkbook, InvoiceTimes, Item, ItemKey, LineItem, OrderKey, PersonKey, TimeEntry } from '../schema/model';
import type { BillingException, BillingOptions, EntryLedger, InvoiceNoUpdate, InvoiceRow } from './billingResult';
import type { DraftInvoice, SettleTarget } from './draftInvoice';
import { VERDICTS, createBillingGate, orderBillingContext, type BillingDecision, type OrderBillingContext } from './orderBillingGate';
import { billedByLineItem, budgetParts, budgetRows } from './orders/budgetRows';
import { installmentAmounts, installmentRows } from './orders/installmentRows';
import { finalBillingCheck } from './orders/orderBillingDecision';
import type { OrderRunMoney } from './orders/orderStatusRow';
import { exceptionFor, type MatchedTime } from './matchTimeEntries';
import { exceptionMessages } from './exceptionMessages';
import { Decimal, ZERO, centsOfSeconds, exactRate, fromHundredths, hoursForDisplay, roundCentsHalfUp, sumDecimals, valueOfSeconds } from '../core/money';
import { BILL_NOW } from './transactions';

export interface OrderInvoices {
  /** One draft per order with billable time, in Orders table order. */
  drafts: DraftInvoice[];
  /** OrderBilled exceptions. */
  exceptions: BillingException[];
  /** InvoiceNo cells settled without an invoice: `No charge` on time priced at zero. */
  updates: InvoiceNoUpdate[];
  /**
   * Cost of all time on each order dated up to the billing date, billable or not, billed
   * earlier or now, half-up to cents. Orders without time are absent.
   */
  costByOrder: Map<OrderKey, Decimal>;
  /** Per order (every order of the book): this run's money, for OrderStatus. */
  figures: Map<OrderKey, OrderRunFigures>;
  /** The tree view and decisions the run used. */
  context: OrderBillingContext;
}

/** This run's money per order, for OrderStatus (see orders/orderStatusRow.ts). */
export type OrderRunFigures = OrderRunMoney;

/**
 * Sums of the invoice rows being filled, one slot per row, in typed arrays: a million
 * entries make hundreds of thousands of rows, and an accumulator object per row would be
 * as many more objects for the collector to copy. Pass 2 makes one order's rows one after
 * another, so an order's slots are adjacent, from its builder's `firstSlot`.
 */
class RowSums {
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

  clear(): void {
    this.count = 0;
    this.otherPrices.clear();
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

interface OrderBuilder {
  invoiceTimes: InvoiceTimes;
  /** The order's time rows; amounts, hours, person and line are filled in once all time is in. */
  rows: InvoiceRow[];
  /** RowSums slot of rows[0]; rows[r] sums in slot firstSlot + r. */
  firstSlot: number;
  /** Index in `rows` per grouping key. */
  rowByKey: Map<number, number>;
  /** TimeEntries rows (source.index) settled by this order's invoice. */
  settles: number[];
  lastSettled: number;
  /** Billable seconds per price id of time that waits. */
  waitingSeconds: Map<number, number>;
  /** The order's records in the run's ledger: [ledgerStart, ledgerEnd). */
  ledgerStart: number;
  ledgerEnd: number;
}

/** Interns values to small integers, so grouping keys are numbers, not strings. */
class Interner {
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
    }
    return id;
  }
}

/** The columns of the transactions that pass 2 reads, grouped by order; `t` is the transaction's own index. */
interface GroupedTransactions {
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

/** What a row needs of each line item, computed once per line. */
interface LineFacts {
  order: number;
  item: Item | undefined;
  itemId: number;
  revenueAccount: string;
  groupName: string;
  /** Interned grouping keys, each with the revenue account in it. */
  accountKey: number;
  groupKey: number;
  itemKey: number;
  priceId: number;
  /** `Item: ` of a transaction row's description, made once per line rather than per row. */
  transactionPrefix: string;
}

interface PersonFacts {
  index: number;
  /** Cost rate id when the person has a CostPerHour. */
  costRate: number | undefined;
}

/** A transaction row's description: `Item: comment`, or the item alone. */
function describeTransaction(line: LineItem, facts: LineFacts, entry: TimeEntry): string {
  const comment = entry.comment?.trim();
  return comment ? facts.transactionPrefix + comment : line.itemId;
}

export function buildOrderInvoices(
  book: BillingWorkbook,
  matched: MatchedTime,
  options: BillingOptions,
  context: OrderBillingContext = orderBillingContext(book, options),
): OrderInvoices {
  const gate = createBillingGate(book, context);
  const { settings, orders, lineItems: lines, timeEntries: entries } = book;
  const { transactions: tx } = matched;

  const orderIndex = new Map<OrderKey, number>();
  orders.forEach((order, i) => orderIndex.set(order.key, i));
  const itemByKey = new Map<ItemKey, Item>();
  book.items.forEach((item) => itemByKey.set(item.key, item));

  // Prices and cost rates are interned: index = id.
  const prices: Decimal[] = [];
  const priceIds = new Map<string, number>();
  const costRates: Decimal[] = [];
  const costRateIds = new Map<string, number>();
  const costRateId = (rate: Decimal): number => {
    const text = rate.toString();
    let id = costRateIds.get(text);
    if (id === undefined) {
      id = costRates.length;
      costRates.push(rate);
      costRateIds.set(text, id);
    }
    return id;
  };
  const defaultCostRate = settings.defaultCostPerHour === undefined ? undefined : costRateId(settings.defaultCostPerHour);

  const keys = new Interner();
  const itemIds = new Interner();
  const lineFacts: LineFacts[] = lines.map((line) => {
    const item = itemByKey.get(line.item);
    const revenueAccount = item?.revenueAccount ?? settings.projectRevenueAccount;
    const groupName = item?.group ?? line.itemId;
    const priceText = line.unitPrice.toString();
    let priceId = priceIds.get(priceText);
    if (priceId === undefined) {
      priceId = prices.length;
      prices.push(line.unitPrice);
      priceIds.set(priceText, priceId);
    }
    return {
      order: orderIndex.get(line.orderKey) ?? -1,
      item,
      itemId: itemIds.id(line.item),
      revenueAccount,
      groupName,
      accountKey: keys.id('a\u0000' + revenueAccount),
      // Group names compare like ids (trimmed, ignoring case): an item without a Group is its
      // own group, and two lines spelling one item "Dev" and "dev" must give one row, as under
      // By Items. The row's text is the name as first met.
      groupKey: keys.id('g\u0000' + groupName.trim().toLowerCase() + '\u0000' + revenueAccount),
      itemKey: keys.id('i\u0000' + line.item + '\u0000' + revenueAccount),
      transactionPrefix: `${line.itemId}: `,
      priceId,
    };
  });
  // Item cost rate per line, resolved lazily: only needed when the person and Settings give none.
  const itemCostRate = new Map<number, number>();
  const itemCostRateOf = (facts: LineFacts): number => {
    let id = itemCostRate.get(facts.itemId);
    if (id === undefined) {
      const item = facts.item;
      id = costRateId((item?.costPrice ?? ZERO).plus(item?.extraCost ?? ZERO));
      itemCostRate.set(facts.itemId, id);
    }
    return id;
  };

  const personCost = new Map<PersonKey, Decimal>();
  for (const person of book.people) if (person.costPerHour !== undefined) personCost.set(person.key, person.costPerHour);
  const personKeys = matched.people;
  const personCount = Math.max(personKeys.length, 1);
  const people: (PersonFacts | undefined)[] = new Array(personKeys.length);
  /** The entry's person (its name is taken per row, from the row's first billed entry: see newRow). */
  const personOf = (index: number): PersonFacts => {
    let facts = people[index];
    if (facts === undefined) {
      const cost = personCost.get(personKeys[index]);
      facts = { index, costRate: cost === undefined ? undefined : costRateId(cost) };
      people[index] = facts;
    }
    return facts;
  };

  const builders: (OrderBuilder | undefined)[] = new Array(orders.length);
  const builderOf = (order: number): OrderBuilder => {
    let builder = builders[order];
    if (builder === undefined) {
      builder = {
        invoiceTimes: orders[order].invoiceTimes ?? settings.invoiceTimes,
        rows: [],
        firstSlot: sums.count,
        rowByKey: new Map(),
        settles: [],
        lastSettled: -1,
        waitingSeconds: new Map(),
        ledgerStart: ledger.count,
        ledgerEnd: ledger.count,
      };
      builders[order] = builder;
    }
    return builder;
  };

  const sums = new RowSums();
  /** The run's ledger records (billed entry per row), filled by pass 2: grouped index, row, seconds. */
  const ledger = { count: 0, k: new Int32Array(0), row: new Int32Array(0), seconds: new Int32Array(0) };
  /** One order's records as its invoice's EntryLedger. */
  const entryLedgerOf = (builder: OrderBuilder): EntryLedger => {
    const { ledgerStart: start, ledgerEnd: end } = builder;
    const n = end - start;
    const out: EntryLedger = {
      rows: ledger.row.slice(start, end),
      entryIds: new Array<string>(n),
      seconds: ledger.seconds.slice(start, end),
      recorded: new Int32Array(n),
      dates: new Int32Array(n),
      nodes: new Array<string | undefined>(n),
    };
    for (let i = 0; i < n; i++) {
      const k = ledger.k[start + i];
      out.entryIds[i] = grouped.id[k];
      out.recorded[i] = grouped.recorded[k];
      out.dates[i] = grouped.date[k];
      out.nodes[i] = grouped.node[k];
    }
    return out;
  };
  /**
   * A row made for the transaction of entry `ei`, which it lists first (sized for that one
   * id, not grown from empty); its money and hours are filled in by timeRowsOf. Fields in
   * the order invoice rows always had, so written results read the same.
   */
  const newRow = (builder: OrderBuilder, description: string, facts: LineFacts, item: string | undefined, ei: number, entryId: string): number => {
    builder.rows.push({
      row: builder.rows.length + 1,
      description,
      item,
      // The name as written on the row's first billed entry, not on time settled earlier or
      // non-billable time; cleared by timeRowsOf when the row holds several people.
      person: entries[ei].personName,
      quantity: ZERO,
      unitPrice: undefined,
      amount: ZERO,
      revenueAccount: facts.revenueAccount,
      source: orders[facts.order].id,
      lineItem: undefined,
      entryIds: [entryId],
    });
    return sums.add(ei);
  };

  /** The RowSums slot of the row a billed transaction goes on, made on first appearance. */
  const rowFor = (builder: OrderBuilder, li: number, ei: number, entryId: string, separateRow: boolean, person: PersonFacts): number => {
    const facts = lineFacts[li];
    const line = lines[li];
    if (separateRow || builder.invoiceTimes === 'ByTransactions') {
      return newRow(builder, describeTransaction(line, facts, entries[ei]), facts, line.itemId, ei, entryId);
    }
    let key: number;
    switch (builder.invoiceTimes) {
      case 'OneRowTotal':
        key = facts.accountKey;
        break;
      case 'ByGroups':
        key = facts.groupKey;
        break;
      case 'ByItems':
        key = facts.itemKey;
        break;
      case 'ByItemsPerson':
        // One number per (item, person), small enough to stay a small integer for the Map.
        key = facts.itemKey * personCount + person.index;
        break;
    }
    const known = builder.rowByKey.get(key);
    if (known !== undefined) return builder.firstSlot + known;
    builder.rowByKey.set(key, builder.rows.length);
    const order = orders[facts.order];
    switch (builder.invoiceTimes) {
      case 'OneRowTotal':
        return newRow(builder, order.timeDescription ?? settings.timeDescription, facts, undefined, ei, entryId);
      case 'ByGroups':
        return newRow(builder, facts.groupName, facts, undefined, ei, entryId);
      case 'ByItems':
        return newRow(builder, line.itemId, facts, line.itemId, ei, entryId);
      case 'ByItemsPerson':
        return newRow(builder, `${line.itemId}: ${entries[ei].personName}`, facts, line.itemId, ei, entryId);
    }
  };

  // Pass 1, once: cost of every transaction, and the mode's verdict on each new billable one.
  const exceptions: BillingException[] = [];
  const billingDate = options.billingDate;
  const costSeconds: (Map<number, number> | undefined)[] = new Array(orders.length);
  const NO_VERDICT = 255;
  const verdicts = new Uint8Array(tx.count).fill(NO_VERDICT);
  for (let t = 0; t < tx.count; t++) {
    const li = tx.line[t];
    const facts = lineFacts[li];
    if (facts.order < 0) continue;
    const ei = tx.entry[t];
    const person = personOf(tx.person[t]);

    const costRate = person.costRate ?? defaultCostRate ?? itemCostRateOf(facts);
    const costs = (costSeconds[facts.order] ??= new Map());
    costs.set(costRate, (costs.get(costRate) ?? 0) + tx.costSeconds[t]);

    if (tx.kind[t] !== BILL_NOW) continue;
    const verdict = gate.decideIndex(facts.order, li, ei);
    verdicts[t] = verdict;
    if (verdict === VERDICT_CODE.orderBilled) {
      const last = exceptions[exceptions.length - 1];
      const entry = entries[ei];
      if (last !== undefined && last.entryIndex === tx.row[t] && last.reason === 'OrderBilled') {
        last.seconds += tx.seconds[t];
        last.message = exceptionMessages.orderBilled(orders[facts.order].id, last.seconds);
      } else {
        const seconds = tx.seconds[t];
        exceptions.push(exceptionFor(entry, seconds, 'OrderBilled', exceptionMessages.orderBilled(orders[facts.order].id, seconds)));
      }
    }
  }
  // An entry is settled as a whole: when one of its parts waits, none of its parts bills yet.
  const holdBack = (held: (t: number) => boolean): boolean => {
    let changed = false;
    for (let start = 0; start < tx.count; ) {
      let end = start + 1;
      while (end < tx.count && tx.entry[end] === tx.entry[start] && tx.kind[end] === tx.kind[start]) end++;
      if (tx.kind[start] === BILL_NOW) {
        let hold = false;
        for (let t = start; t < end && !hold; t++) hold = held(t);
        if (hold) {
          for (let t = start; t < end; t++) {
            if (verdicts[t] === VERDICT_CODE.bill) {
              verdicts[t] = VERDICT_CODE.wait;
              changed = true;
            }
          }
        }
      }
      start = end;
    }
    return changed;
  };
  holdBack((t) => verdicts[t] === VERDICT_CODE.wait);

  // Pass 2 visits the transactions order by order, each order's in (Date, EntryId) order
  // (a stable counting sort): rows, row maps and settle lists of one order stay in cache
  // instead of jumping between a thousand orders on every transaction. The columns pass 2
  // reads, verdicts and entry ids included, are copied into that order once (each order's
  // bucket fills front to back, so the copy streams), and pass 2 reads them front to back.
  // Per order the sequence is the transactions' own, so rows, entry ids and settles come
  // out the same.
  const grouped = ((): GroupedTransactions => {
    const orderOfLine = Int32Array.from(lineFacts, (facts) => facts.order);
    const { line: txLine } = tx;
    const starts = new Int32Array(orders.length + 1);
    for (let t = 0; t < tx.count; t++) {
      const order = orderOfLine[txLine[t]];
      if (order >= 0) starts[order + 1]++;
    }
    for (let o = 0; o < orders.length; o++) starts[o + 1] += starts[o];
    const size = starts[orders.length];
    const g: GroupedTransactions = {
      t: new Int32Array(size), line: new Int32Array(size), entry: new Int32Array(size), seconds: new Int32Array(size),
      person: new Int32Array(size), row: new Int32Array(size), separateRow: new Uint8Array(size), verdict: new Uint8Array(size),
      id: new Array<string>(size), recorded: new Int32Array(size), date: new Int32Array(size), node: new Array<string | undefined>(size),
    };
    const { t: gT, line: gLine, entry: gEntry, seconds: gSeconds, person: gPerson, row: gRow, separateRow: gSeparate, verdict: gVerdict, id: gId } = g;
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
    // Ids read in a loop of their own: independent reads of scattered entries overlap there,
    // unlike inside pass 2.
    const { recorded: gRecorded, date: gDate, node: gNode } = g;
    for (let k = 0; k < size; k++) {
      const entry = entries[gEntry[k]];
      gId[k] = entry.id;
      gRecorded[k] = entry.seconds;
      gDate[k] = entry.date;
      gNode[k] = entry.nodeId;
    }
    return g;
  })();

  /** Pass 2: invoice rows of the time that bills; waiting time per price. */
  const buildTimeRows = (): void => {
    builders.fill(undefined);
    sums.clear();
    if (ledger.k.length < grouped.t.length) {
      ledger.k = new Int32Array(grouped.t.length);
      ledger.row = new Int32Array(grouped.t.length);
      ledger.seconds = new Int32Array(grouped.t.length);
    }
    ledger.count = 0;
    const { line: txLine, entry: txEntry, seconds: txSeconds, person: txPerson, separateRow: txSeparate, row: txRow, verdict: txVerdict, id: txId } = grouped;
    for (let k = 0; k < txLine.length; k++) {
      const verdict = txVerdict[k];
      if (verdict !== VERDICT_CODE.bill && verdict !== VERDICT_CODE.wait) continue;
      const li = txLine[k];
      const facts = lineFacts[li];
      const ei = txEntry[k];
      const builder = builderOf(facts.order);
      const seconds = txSeconds[k];
      if (verdict === VERDICT_CODE.wait) {
        builder.waitingSeconds.set(facts.priceId, (builder.waitingSeconds.get(facts.priceId) ?? 0) + seconds);
        continue;
      }
      const person = personOf(txPerson[k]);
      const slot = rowFor(builder, li, ei, txId[k], txSeparate[k] === 1, person);
      sums.seconds[slot] += seconds;
      const priceId = sums.priceId[slot];
      if (priceId === facts.priceId || priceId === -1) {
        sums.priceId[slot] = facts.priceId;
        sums.priceSeconds[slot] += seconds;
      } else {
        let others = sums.otherPrices.get(slot);
        if (others === undefined) {
          others = new Map();
          sums.otherPrices.set(slot, others);
        }
        others.set(facts.priceId, (others.get(facts.priceId) ?? 0) + seconds);
      }
      const rowPerson = sums.person[slot];
      sums.person[slot] = rowPerson === -1 || rowPerson === person.index ? person.index : -2;
      const rowLine = sums.line[slot];
      sums.line[slot] = rowLine === -1 || rowLine === li ? li : -2;
      if (sums.lastEntry[slot] !== ei) {
        builder.rows[slot - builder.firstSlot].entryIds.push(txId[k]);
        sums.lastEntry[slot] = ei;
        sums.lastRecord[slot] = -1;
      }
      // One ledger record per (row, entry); an order's records are adjacent (pass 2 goes order by order).
      let record = sums.lastRecord[slot];
      if (record < 0) {
        record = ledger.count++;
        ledger.k[record] = k;
        ledger.row[record] = slot - builder.firstSlot + 1;
        ledger.seconds[record] = 0;
        sums.lastRecord[slot] = record;
        builder.ledgerEnd = ledger.count;
      }
      ledger.seconds[record] += seconds;
      if (builder.lastSettled !== ei) {
        builder.settles.push(txRow[k]);
        builder.lastSettled = ei;
      }
    }
  };

  // Rows whose time has one price (nearly all) get their amount in integer cents; the
  // others, and prices too fine for safe integers, take the Decimal path.
  const exactPrices = prices.map(exactRate);
  const timeRowsOf = (builder: OrderBuilder): { rows: InvoiceRow[]; netCents: number | undefined; isZeroPriced: boolean } => {
    let netCents: number | undefined = 0;
    let isZeroPriced = true;
    const { rows, firstSlot } = builder;
    for (let r = 0; r < rows.length; r++) {
      const slot = firstSlot + r;
      const priceId = sums.priceId[slot];
      const others = sums.otherPrices.get(slot);
      const exact = exactPrices[priceId];
      if (!prices[priceId].isZero()) isZeroPriced = false;
      for (const other of others?.keys() ?? []) if (!prices[other].isZero()) isZeroPriced = false;
      const cents = others === undefined && exact !== undefined ? centsOfSeconds(sums.priceSeconds[slot], exact) : undefined;
      let amount: Decimal;
      if (cents !== undefined) {
        amount = fromHundredths(cents);
        if (netCents !== undefined) netCents += cents;
      } else {
        let value = valueOfSeconds(sums.priceSeconds[slot], prices[priceId]);
        for (const [other, seconds] of others ?? []) value = value.plus(valueOfSeconds(seconds, prices[other]));
        amount = roundCentsHalfUp(value);
        netCents = undefined;
      }
      const row = rows[r];
      const person = sums.person[slot];
      const line = sums.line[slot];
      if (person < 0) row.person = undefined;
      row.quantity = hoursForDisplay(sums.seconds[slot]);
      row.unitPrice = others === undefined ? prices[priceId] : undefined;
      row.amount = amount;
      row.lineItem = line >= 0 ? lines[line].ref : undefined;
    }
    // Summed in cents only while the sum stays exact.
    return { rows, netCents: netCents !== undefined && Number.isSafeInteger(netCents) ? netCents : undefined, isZeroPriced };
  };

  const { view, decisions } = context;
  const billedBefore = billedByLineItem(book);

  /** Rows and settle targets of one order's invoice on this run, by mode and basis. */
  /**
   * `netCents`: the rows' net in cents, when every row was priced in integers;
   * `isZeroPriced`: time rows whose every price is zero.
   */
  const invoiceContent = (oi: number): { rows: InvoiceRow[]; settles: SettleTarget[]; settlesTimeEntries?: number[]; netCents?: number; isZeroPriced?: boolean; entryLedger?: EntryLedger } => {
    const order = orders[oi];
    const decision = decisions.get(order.key)!;
    if (decision.mode === 'PaymentPlan') {
      if (!decision.mayBillSomething) return { rows: [], settles: [] };
      const due = installmentRows(book, order, billingDate);
      return {
        rows: due.map((d, r) => ({ ...d.row, row: r + 1 })),
        settles: due.map((d) => ({ table: 'PaymentPlan' as const, index: d.installmentIndex })),
      };
    }
    if (decision.basis === 'AsBudgeted') {
      if (!decision.mayBillSomething) return { rows: [], settles: [] };
      const budget = budgetRows(book, order, view, { mayBillLine: (line) => decision.mayBillLine(line), billedBefore });
      return {
        rows: budget.map(({ exactAmount: _exact, parts, ...row }, r) => ({
          ...row,
          row: r + 1,
          parts: parts.length > 1
            ? parts.map((p) => ({ lineItem: p.line.ref, quantity: p.hours.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), unitPrice: p.line.unitPrice, amount: p.amount }))
            : undefined,
        })),
        settles: [],
      };
    }
    const builder = builders[oi];
    if (builder === undefined) return { rows: [], settles: [] };
    const { rows, netCents, isZeroPriced } = timeRowsOf(builder);
    return { rows, netCents, isZeroPriced, settles: [], settlesTimeEntries: builder.settles, entryLedger: entryLedgerOf(builder) };
  };

  const compose = () => {
    const drafts: DraftInvoice[] = [];
    const nets: Decimal[] = new Array(orders.length).fill(ZERO);
    const held = new Uint8Array(orders.length);
    /** Per order whose time is all priced at zero: the TimeEntries rows it settles as `No charge`. */
    const noCharge = new Map<number, readonly number[]>();
    orders.forEach((order, oi) => {
      const { rows, settles, settlesTimeEntries, netCents, isZeroPriced, entryLedger } = invoiceContent(oi);
      if (rows.length === 0) return;
      let net = ZERO;
      if (netCents !== undefined) net = fromHundredths(netCents);
      else for (const row of rows) net = net.plus(row.amount);
      nets[oi] = net;
      if (!finalBillingCheck(decisions.get(order.key)!, net).canBill) {
        held[oi] = 1;
        return;
      }
      // Zero-priced time is settled without an invoice (docs/billing-rules.md section 8).
      if (isZeroPriced === true && net.isZero()) {
        noCharge.set(oi, settlesTimeEntries ?? []);
        return;
      }
      const taxRate = order.taxRate ?? settings.taxRate;
      const tax = roundCentsHalfUp(net.mul(taxRate));
      drafts.push({
        date: billingDate,
        customer: order.customer,
        source: order.id,
        kind: 'Order',
        currency: settings.currency,
        taxRate,
        rows,
        entryLedger,
        net,
        tax,
        gross: net.plus(tax),
        settles,
        settlesTimeEntries,
        sequenceInSource: 0,
      });
    });
    return { drafts, nets, held, noCharge };
  };

  // An invoice held back by MinimumBilling settles nothing; when it shares an entry with
  // another order's invoice, that entry waits too, and the invoices are made again.
  let composed: ReturnType<typeof compose>;
  for (;;) {
    buildTimeRows();
    composed = compose();
    const { held } = composed;
    if (!held.includes(1)) break;
    const heldEntries = new Set<number>();
    for (let t = 0; t < tx.count; t++) {
      if (verdicts[t] === VERDICT_CODE.bill && held[lineFacts[tx.line[t]].order] === 1) heldEntries.add(tx.entry[t]);
    }
    const shared = (t: number) => heldEntries.has(tx.entry[t]);
    let crosses = false;
    for (let t = 0; t < tx.count && !crosses; t++) {
      crosses = verdicts[t] === VERDICT_CODE.bill && held[lineFacts[tx.line[t]].order] === 0 && shared(t);
    }
    if (!crosses || !holdBack(shared)) break;
    for (let k = 0; k < grouped.t.length; k++) grouped.verdict[k] = verdicts[grouped.t[k]];
  }
  const { drafts, nets, held, noCharge } = composed;
  const noChargeUpdates = noChargeMarks(drafts, noCharge, options.preview);

  const costByOrder = new Map<OrderKey, Decimal>();
  costSeconds.forEach((costs, oi) => {
    if (costs === undefined) return;
    let cost = ZERO;
    for (const [rate, seconds] of costs) cost = cost.plus(valueOfSeconds(seconds, costRates[rate]));
    costByOrder.set(orders[oi].key, roundCentsHalfUp(cost));
  });

  const figures = new Map<OrderKey, OrderRunFigures>();
  orders.forEach((order, oi) => {
    const decision = decisions.get(order.key)!;
    const net = nets[oi];
    const billedNow = held[oi] === 1 ? ZERO : net;
    let unbilled: Decimal;
    if (decision.mode === 'Billed') {
      unbilled = ZERO;
    } else if (decision.mode === 'PaymentPlan') {
      let open = ZERO;
      for (const [installment, amount] of installmentAmounts(book, order)) if (installment.invoiceNo === undefined) open = open.plus(amount);
      unbilled = open.minus(billedNow);
    } else if (decision.basis === 'AsBudgeted') {
      unbilled = sumDecimals(budgetParts(book, order, view, { billedBefore }).map((p) => p.amount)).minus(billedNow);
    } else {
      let waiting = ZERO;
      for (const [priceId, seconds] of builders[oi]?.waitingSeconds ?? []) waiting = waiting.plus(valueOfSeconds(seconds, prices[priceId]));
      unbilled = roundCentsHalfUp(waiting).plus(held[oi] === 1 ? net : ZERO);
    }
    unbilled = Decimal.max(ZERO, unbilled);
    // When other criteria hold the whole order back, the net MinimumBilling is judged on is
    // what the invoice would carry if they held: the order's pending value.
    const noChargeEntries = noChargeUpdates.countByOrder.get(oi);
    figures.set(order.key, { net: decision.mayBillSomething ? net : unbilled, billedNow, unbilled, ...(noChargeEntries !== undefined && { noChargeEntries }) });
  });

  return { drafts, exceptions, updates: noChargeUpdates.updates, costByOrder, figures, context };
}

/** The mark of time priced at zero: settled, on no invoice (docs/billing-rules.md section 8). */
export const NO_CHARGE = 'No charge';

/**
 * `No charge` marks for the entries of orders whose time is all priced at zero, and how
 * many entries each such order settles so. An entry that also bills on another order's
 * invoice gets that invoice's number instead. A preview counts them and marks nothing.
 */
function noChargeMarks(
  drafts: readonly DraftInvoice[],
  noCharge: ReadonlyMap<number, readonly number[]>,
  preview: boolean,
): { updates: InvoiceNoUpdate[]; countByOrder: Map<number, number> } {
  const updates: InvoiceNoUpdate[] = [];
  const countByOrder = new Map<number, number>();
  if (noCharge.size === 0) return { updates, countByOrder };
  const onInvoices = new Set<number>();
  for (const draft of drafts) for (const index of draft.settlesTimeEntries ?? []) onInvoices.add(index);
  const marked = new Set<number>();
  for (const [oi, indexes] of noCharge) {
    let count = 0;
    for (const index of indexes) {
      if (onInvoices.has(index)) continue;
      count++;
      if (marked.has(index)) continue;
      marked.add(index);
      if (!preview) updates.push({ table: 'TimeEntries', index, invoiceNo: NO_CHARGE });
    }
    if (count > 0) countByOrder.set(oi, count);
  }
  // In TimeEntries order, whatever the order of the Orders table.
  updates.sort((a, b) => a.index - b.index);
  return { updates, countByOrder };
}

/** Verdicts as the gate's indexes, kept in a Uint8Array per transaction. */
const VERDICT_CODE = Object.fromEntries(VERDICTS.map((verdict, index) => [verdict, index])) as Record<BillingDecision, number>;
