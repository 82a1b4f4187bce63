/**
 * Invoices before numbering. Each billing part (orders, agreements) returns drafts;
 * numbering (section 8) orders them across the run, drops zero-net drafts and turns
 * each draft's `settles` into InvoiceNo write-backs.
 */
import type { Invoice, InvoiceNoUpdate } from './billingResult';

export interface SettleTarget {
  table: InvoiceNoUpdate['table'];
  /** 0-based data row index in that table. */
  index: number;
}

export interface DraftInvoice extends Omit<Invoice, 'invoiceNo'> {
  /** Cells that get this invoice's number once it is numbered. */
  settles: SettleTarget[];
  /**
   * More TimeEntries rows (0-based) that get the number, after `settles`: the compact form
   * order invoices use, since together they settle up to a million rows.
   */
  settlesTimeEntries?: readonly number[];
  /** Tie-break inside one source (a source's prepaid invoices by date, then this). */
  sequenceInSource: number;
}
