/**
 * Price, cost and invoice rows of order time (billing-rules sections 4 and 6, Basis Actual).
 *
 * Transactions arrive in (Date, EntryId) order, so a row's first appearance is simply the
 * first transaction that lands in it. Each row sums integer seconds per price and makes one
 * Decimal product per (row, price); costs sum integer seconds per (order, cost rate). No
 * Decimal work happens per transaction.
 */
import type { BillingWorkbook, InvoiceTimes, Item, ItemKey, LineItem, OrderKey, PersonKey, TimeEntry } from '../schema/model';
import type { BillingException, BillingOptions, InvoiceNoUpdate, InvoiceRow } from './billingResult';
import type { DraftInvoice } from './draftInvoice';
import { createBillingGate, type BillingGate } from './orderBillingGate';
import { exceptionFor, type MatchedTime } from './matchTimeEntries';
import { exceptionMessages } from './exceptionMessages';
import { Decimal, ZERO, hoursForDisplay, roundCentsHalfUp, valueOfSeconds } from './money';
import { BILL_NOW } from './transactions';

export interface OrderInvoices {
  /** One draft per order with billable time, in Orders table order. */
  drafts: DraftInvoice[];
  /** OrderBilled exceptions. */
  exceptions: BillingException[];
  /** InvoiceNo cells settled without an invoice (none for orders yet). */
  updates: InvoiceNoUpdate[];
  /**
   * Cost of all time on each order dated up to the billing date, billable or not, billed
   * earlier or now, half-up to cents. Orders without time are absent.
   */
  costByOrder: Map<OrderKey, Decimal>;
}

/** One invoice row being filled. */
interface RowBuilder {
  description: string;
  revenueAccount: string;
  /** Item id when the row shows an item. */
  item: string | undefined;
  /** Person index, -1 before the first, -2 when mixed. */
  person: number;
  /** Line item index, -1 before the first, -2 when mixed. */
  line: number;
  /** Seconds per price: the first price inline, further ones (rare) in arrays. */
  priceId: number;
  priceSeconds: number;
  otherPriceIds: number[] | undefined;
  otherPriceSeconds: number[] | undefined;
  seconds: number;
  entryIds: string[];
  lastEntry: number;
}

interface OrderBuilder {
  invoiceTimes: InvoiceTimes;
  rows: RowBuilder[];
  rowByKey: Map<number, RowBuilder>;
  /** TimeEntries rows (source.index) settled by this order's invoice. */
  settles: number[];
  lastSettled: number;
  /** Recorded seconds per cost rate id. */
  costSeconds: Map<number, number>;
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
}

interface PersonFacts {
  index: number;
  name: string;
  /** Cost rate id when the person has a CostPerHour. */
  costRate: number | undefined;
}

function describeTransaction(line: LineItem, entry: TimeEntry): string {
  const comment = entry.comment?.trim();
  return comment ? `${line.itemId}: ${comment}` : line.itemId;
}

export function buildOrderInvoices(
  book: BillingWorkbook,
  matched: MatchedTime,
  options: BillingOptions,
  gate: BillingGate = createBillingGate(book, options),
): OrderInvoices {
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
      groupKey: keys.id('g\u0000' + groupName + '\u0000' + revenueAccount),
      itemKey: keys.id('i\u0000' + line.item + '\u0000' + revenueAccount),
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
  const people: (PersonFacts | undefined)[] = new Array(personKeys.length);
  const personNames: string[] = new Array(personKeys.length);
  /** The entry's person; the name as first written on a billed entry. */
  const personOf = (index: number, ei: number): PersonFacts => {
    let facts = people[index];
    if (facts === undefined) {
      const cost = personCost.get(personKeys[index]);
      facts = { index, name: entries[ei].personName, costRate: cost === undefined ? undefined : costRateId(cost) };
      personNames[index] = facts.name;
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
        rowByKey: new Map(),
        settles: [],
        lastSettled: -1,
        costSeconds: new Map(),
      };
      builders[order] = builder;
    }
    return builder;
  };

  const newRow = (description: string, facts: LineFacts, item: string | undefined): RowBuilder => ({
    description,
    revenueAccount: facts.revenueAccount,
    item,
    person: -1,
    line: -1,
    priceId: -1,
    priceSeconds: 0,
    otherPriceIds: undefined,
    otherPriceSeconds: undefined,
    seconds: 0,
    entryIds: [],
    lastEntry: -1,
  });

  /** The row a billed transaction goes on, made on first appearance. */
  const rowFor = (builder: OrderBuilder, li: number, entry: TimeEntry, separateRow: boolean, person: PersonFacts): RowBuilder => {
    const facts = lineFacts[li];
    const line = lines[li];
    if (separateRow || builder.invoiceTimes === 'ByTransactions') {
      const row = newRow(describeTransaction(line, entry), facts, line.itemId);
      builder.rows.push(row);
      return row;
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
        // Cantor-free pairing: item keys and people both stay far below 2^26.
        key = facts.itemKey * 67_108_864 + person.index;
        break;
    }
    let row = builder.rowByKey.get(key);
    if (row === undefined) {
      const order = orders[facts.order];
      switch (builder.invoiceTimes) {
        case 'OneRowTotal':
          row = newRow(order.timeDescription ?? settings.timeDescription, facts, undefined);
          break;
        case 'ByGroups':
          row = newRow(facts.groupName, facts, undefined);
          break;
        case 'ByItems':
          row = newRow(line.itemId, facts, line.itemId);
          break;
        case 'ByItemsPerson':
          row = newRow(`${line.itemId}: ${person.name}`, facts, line.itemId);
          break;
      }
      builder.rowByKey.set(key, row);
      builder.rows.push(row);
    }
    return row;
  };

  const exceptions: BillingException[] = [];
  const billingDate = options.billingDate;
  for (let t = 0; t < tx.count; t++) {
    const li = tx.line[t];
    const facts = lineFacts[li];
    if (facts.order < 0) continue;
    const ei = tx.entry[t];
    const builder = builderOf(facts.order);
    const person = personOf(tx.person[t], ei);

    const costRate = person.costRate ?? defaultCostRate ?? itemCostRateOf(facts);
    builder.costSeconds.set(costRate, (builder.costSeconds.get(costRate) ?? 0) + tx.costSeconds[t]);

    if (tx.kind[t] !== BILL_NOW) continue;
    const decision = gate.decide(facts.order, li, ei);
    if (decision === 'orderBilled') {
      const last = exceptions[exceptions.length - 1];
      const entry = entries[ei];
      if (last !== undefined && last.entryIndex === tx.row[t] && last.reason === 'OrderBilled') {
        last.seconds += tx.seconds[t];
        last.message = exceptionMessages.orderBilled(orders[facts.order].id, last.seconds);
      } else {
        const seconds = tx.seconds[t];
        exceptions.push(exceptionFor(entry, seconds, 'OrderBilled', exceptionMessages.orderBilled(orders[facts.order].id, seconds)));
      }
      continue;
    }
    if (decision !== 'bill') continue;

    const entry = entries[ei];
    const row = rowFor(builder, li, entry, tx.separateRow[t] === 1, person);
    const seconds = tx.seconds[t];
    row.seconds += seconds;
    if (row.priceId === facts.priceId || row.priceId === -1) {
      row.priceId = facts.priceId;
      row.priceSeconds += seconds;
    } else {
      const others = (row.otherPriceIds ??= []);
      const otherSeconds = (row.otherPriceSeconds ??= []);
      const slot = others.indexOf(facts.priceId);
      if (slot < 0) {
        others.push(facts.priceId);
        otherSeconds.push(seconds);
      } else {
        otherSeconds[slot] += seconds;
      }
    }
    row.person = row.person === -1 || row.person === person.index ? person.index : -2;
    row.line = row.line === -1 || row.line === li ? li : -2;
    if (row.lastEntry !== ei) {
      row.entryIds.push(entry.id);
      row.lastEntry = ei;
    }
    if (builder.lastSettled !== ei) {
      builder.settles.push(tx.row[t]);
      builder.lastSettled = ei;
    }
  }

  const drafts: DraftInvoice[] = [];
  const costByOrder = new Map<OrderKey, Decimal>();
  builders.forEach((builder, oi) => {
    if (builder === undefined) return;
    const order = orders[oi];
    let cost = ZERO;
    for (const [rate, seconds] of builder.costSeconds) cost = cost.plus(valueOfSeconds(seconds, costRates[rate]));
    costByOrder.set(order.key, roundCentsHalfUp(cost));

    // AsBudgeted (later issue): budget rows join here instead of time rows.
    if (builder.rows.length === 0) return;
    const rows: InvoiceRow[] = builder.rows.map((row, r) => {
      let exact = valueOfSeconds(row.priceSeconds, prices[row.priceId]);
      const others = row.otherPriceIds ?? [];
      for (let p = 0; p < others.length; p++) exact = exact.plus(valueOfSeconds(row.otherPriceSeconds![p], prices[others[p]]));
      return {
        row: r + 1,
        description: row.description,
        item: row.item,
        person: row.person >= 0 ? personNames[row.person] : undefined,
        quantity: hoursForDisplay(row.seconds),
        unitPrice: row.otherPriceIds === undefined ? prices[row.priceId] : undefined,
        amount: roundCentsHalfUp(exact),
        revenueAccount: row.revenueAccount,
        source: order.id,
        lineItem: row.line >= 0 ? lines[row.line].ref : undefined,
        entryIds: row.entryIds,
      };
    });
    let net = ZERO;
    for (const row of rows) net = net.plus(row.amount);
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
      net,
      tax,
      gross: net.plus(tax),
      settles: builder.settles.map((index) => ({ table: 'TimeEntries' as const, index })),
      sequenceInSource: 0,
    });
  });

  return { drafts, exceptions, updates: [], costByOrder };
}
