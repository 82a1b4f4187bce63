/**
 * The worksheet function behind `=PSA.BALANCE("AGR-7")`: an agreement's figures as a
 * billing run on `date` would show them in AgreementSummary (same ledger, same row code).
 * Pure; the custom-function adapter turns the error into an Excel #N/A with its message.
 */
import type { BillingWorkbook } from '../../schema/model';
import type { Day } from '../../core/day';
import type { Decimal } from '../../core/money';
import { agreementKeyOf, buildAgreementLedgers } from './agreementLedger';
import { summaryRowOf } from './agreementSummaryRow';

export interface AgreementBalance {
  agreementId: string;
  customer: string;
  initialHours: Decimal;
  addedHours: Decimal;
  rolledOverHours: Decimal;
  usedHours: Decimal;
  remainingHours: Decimal;
  overrunHours: Decimal;
  /** Used + overrun hours as entered, before billing rounding. */
  recordedHours: Decimal;
  lowBalance: boolean;
  /** As a real (non-preview) run on `date` would show it. */
  deferredRevenue: Decimal;
  status: string;
}

export function agreementBalance(book: BillingWorkbook, agreementId: string, date: Day): AgreementBalance | { error: 'UnknownAgreement' } {
  const key = agreementKeyOf(agreementId);
  const { ledgers } = buildAgreementLedgers(book, { asOf: date, preview: false, only: new Set([key]) });
  const ledger = ledgers.find((l) => l.agreement.key === key);
  if (ledger === undefined) return { error: 'UnknownAgreement' };
  const row = summaryRowOf(ledger);
  return {
    agreementId: row.agreementId,
    customer: row.customer,
    initialHours: row.initial,
    addedHours: row.added,
    rolledOverHours: row.rolledOver,
    usedHours: row.used,
    remainingHours: row.remaining,
    overrunHours: row.overrun,
    recordedHours: row.recorded,
    lowBalance: row.lowBalance,
    deferredRevenue: row.deferredRevenue,
    status: row.status,
  };
}
