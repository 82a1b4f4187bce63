/**
 * Stage 5 of order invoicing: money and hours of one order's time rows (docs/billing-rules.md
 * section 4), and its invoice's InvoiceEntries records. Rows whose time
 * has one price (nearly all) get their amount in integer cents (money.ts, centsOfSeconds);
 * the others, and prices too fine for safe integers, one exact Decimal product per price.
 */
import type { BillingWorkbook } from '../../schema/model';
import type { EntryLedger, InvoiceRow } from '../billingResult';
import { centsOfSeconds, fromHundredths, hoursForDisplay, roundCentsHalfUp, valueOfSeconds, type Decimal } from '../../core/money';
import type { GroupedTransactions } from './groupByOrder';
import type { OrderLineFacts } from './orderLineFacts';
import type { OrderTimeRows, TimeRows } from './sumTimeRows';

export interface PricedTimeRows {
  rows: InvoiceRow[];
  /** The rows' net in cents, when every row was priced in integers and the sum stays exact. */
  netCents: number | undefined;
  /** Whether every price of the rows' time is zero. */
  isZeroPriced: boolean;
}

export function priceTimeRows(book: BillingWorkbook, order: OrderTimeRows, timeRows: TimeRows, facts: OrderLineFacts): PricedTimeRows {
  const { sums } = timeRows;
  const { prices, exactPrices } = facts;
  let netCents: number | undefined = 0;
  let isZeroPriced = true;
  const { rows, firstSlot } = order;
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
    row.lineItem = line >= 0 ? book.lineItems[line].ref : undefined;
  }
  return { rows, netCents: netCents !== undefined && Number.isSafeInteger(netCents) ? netCents : undefined, isZeroPriced };
}

/** One order's records of the run's ledger, as its invoice's EntryLedger (InvoiceEntries). */
export function entryLedgerOf(order: OrderTimeRows, timeRows: TimeRows, grouped: GroupedTransactions): EntryLedger {
  const { ledger } = timeRows;
  const { ledgerStart: start, ledgerEnd: end } = order;
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
}
