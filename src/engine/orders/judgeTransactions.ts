/**
 * Stage 1 of order invoicing: the billing mode's verdict on each new billable transaction
 * (docs/billing-rules.md section 5, through the one gate, orderBillingGate.ts), and an
 * OrderBilled exception for time that lands on a closed order.
 */
import type { BillingWorkbook } from '../../schema/model';
import type { BillingException } from '../billingResult';
import { VERDICTS, type BillingDecision, type BillingGate } from '../orderBillingGate';
import { exceptionFor } from '../matchTimeEntries';
import { exceptionMessage } from '../exceptionMessages';
import { BILL_NOW, type Transactions } from '../transactions';

/** Verdicts as the gate's indexes, kept in a Uint8Array per transaction. */
export const VERDICT_CODE = Object.fromEntries(VERDICTS.map((verdict, index) => [verdict, index])) as Record<BillingDecision, number>;
/** The verdict slot of a transaction that is not new billable time of a known order. */
export const NO_VERDICT = 255;

export interface JudgedTransactions {
  /** Per transaction: a VERDICT_CODE, or NO_VERDICT. */
  verdicts: Uint8Array;
  /** OrderBilled exceptions, one per entry (its parts' seconds added up). */
  exceptions: BillingException[];
}

export function judgeTransactions(book: BillingWorkbook, tx: Transactions, orderOfLine: Int32Array, gate: BillingGate): JudgedTransactions {
  const { orders, timeEntries: entries } = book;
  const verdicts = new Uint8Array(tx.count).fill(NO_VERDICT);
  const exceptions: BillingException[] = [];
  for (let t = 0; t < tx.count; t++) {
    const li = tx.line[t];
    const order = orderOfLine[li];
    if (order < 0 || tx.kind[t] !== BILL_NOW) continue;
    const ei = tx.entry[t];
    const verdict = gate.decideIndex(order, li, ei);
    verdicts[t] = verdict;
    if (verdict !== VERDICT_CODE.orderBilled) continue;
    // The parts of a split entry are adjacent: they make one exception.
    const last = exceptions[exceptions.length - 1];
    if (last !== undefined && last.entryIndex === tx.row[t] && last.reason === 'OrderBilled') {
      last.seconds += tx.seconds[t];
      last.message = exceptionMessage('OrderBilled', orders[order].id, last.seconds);
    } else {
      const seconds = tx.seconds[t];
      exceptions.push(exceptionFor(entries[ei], seconds, 'OrderBilled', orders[order].id, seconds));
    }
  }
  return { verdicts, exceptions };
}
