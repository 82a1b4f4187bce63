/**
 * Zero-priced time is settled too (docs/billing-rules.md section 8): when every row of an
 * order's invoice is priced at zero, no invoice is issued, and its entries get `No charge`
 * in InvoiceNo.
 */
import type { InvoiceNoUpdate } from '../billingResult';
import type { DraftInvoice } from '../draftInvoice';

/** The mark of time priced at zero: settled, on no invoice. */
export const NO_CHARGE = 'No charge';

/**
 * `No charge` marks for the entries of orders whose time is all priced at zero, and how
 * many entries each such order settles so. An entry that also bills on another order's
 * invoice gets that invoice's number instead. A preview counts them and marks nothing.
 */
export function noChargeMarks(
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
