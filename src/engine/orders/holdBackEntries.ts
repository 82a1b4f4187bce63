/**
 * An entry is settled as a whole (docs/billing-rules.md section 5): when one of its billable
 * parts waits, none of its parts bills yet. Used once after judging, with the parts that
 * wait, and again for entries an invoice held back by MinimumBilling shares with another.
 */
import { BILL_NOW, type Transactions } from '../transactions';
import { VERDICT_CODE } from './judgeTransactions';

/**
 * Turns `bill` into `wait` for every part of each new entry with a part for which
 * `isHeld(t)` is true; returns whether any verdict changed. An entry's parts are adjacent.
 */
export function holdBackEntries(tx: Transactions, verdicts: Uint8Array, isHeld: (t: number) => boolean): boolean {
  let changed = false;
  for (let start = 0; start < tx.count; ) {
    let end = start + 1;
    while (end < tx.count && tx.entry[end] === tx.entry[start] && tx.kind[end] === tx.kind[start]) end++;
    if (tx.kind[start] === BILL_NOW) {
      let hold = false;
      for (let t = start; t < end && !hold; t++) hold = isHeld(t);
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
}

/** Holds back each entry with a part that waits. */
export function holdBackWaitingEntries(tx: Transactions, verdicts: Uint8Array): void {
  holdBackEntries(tx, verdicts, (t) => verdicts[t] === VERDICT_CODE.wait);
}

/**
 * After MinimumBilling held back the invoices of the orders marked in `held`: holds back
 * every entry that bills on a held invoice when it also bills on an invoice that is not
 * held. Returns whether anything changed (then the rows must be made again).
 */
export function holdBackSharedEntries(tx: Transactions, verdicts: Uint8Array, orderOfLine: Int32Array, held: Uint8Array): boolean {
  const bill = VERDICT_CODE.bill;
  const heldEntries = new Set<number>();
  for (let t = 0; t < tx.count; t++) {
    if (verdicts[t] === bill && held[orderOfLine[tx.line[t]]] === 1) heldEntries.add(tx.entry[t]);
  }
  const isShared = (t: number) => heldEntries.has(tx.entry[t]);
  let crosses = false;
  for (let t = 0; t < tx.count && !crosses; t++) {
    crosses = verdicts[t] === bill && held[orderOfLine[tx.line[t]]] === 0 && isShared(t);
  }
  return crosses && holdBackEntries(tx, verdicts, isShared);
}
