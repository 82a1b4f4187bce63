/**
 * The Description the engine gives an invoice row when the workbook does not give one, one per
 * row kind (docs/billing-engine.md, "Messages"). The ledger check (ledger/reconcileLedger.ts)
 * recognises prepaid and installment rows in InvoiceLines by these same texts, so writer and
 * reader cannot drift apart.
 */
import { isoFromDay, type Day } from '../core/day';

export const invoiceRowTexts = {
  /** The prepaid block of an agreement. */
  PrepaidBlock: (agreementId: string): string => `Prepaid hours ${agreementId}`,
  /** An AgreementAdditions row, prepaid. */
  Addition: (agreementId: string): string => `Additional hours ${agreementId}`,
  /** Overage: time beyond the agreement's balance. */
  Overrun: (agreementId: string): string => `Hours beyond the block ${agreementId}`,
  /** Overage: time of a category the agreement excludes. */
  ExcludedWork: (category: string): string => `Work not covered: ${category}`,
  /** A PaymentPlan installment without a Description. */
  Installment: (dueDate: Day): string => `Installment due ${isoFromDay(dueDate)}`,
};

/** The text every PrepaidBlock / Addition row starts with, whatever the agreement. */
export const PREPAID_BLOCK_TEXT = invoiceRowTexts.PrepaidBlock('').trim();
export const ADDITION_TEXT = invoiceRowTexts.Addition('').trim();
