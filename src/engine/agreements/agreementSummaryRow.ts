/**
 * One AgreementSummary row from a ledger: hours as exact Decimal hours, deferred revenue
 * rounded half-up to cents. The billing run and PSA.BALANCE both read their figures here.
 */
import type { AgreementSummaryRow } from '../billingResult';
import { exactHours, roundCentsHalfUp } from '../../core/money';
import type { AgreementLedger } from './agreementLedger';

export function summaryRowOf(ledger: AgreementLedger): AgreementSummaryRow {
  return {
    agreementId: ledger.agreement.id,
    customer: ledger.agreement.customer,
    initial: exactHours(ledger.initialSeconds),
    added: exactHours(ledger.addedSeconds),
    rolledOver: exactHours(ledger.rolledInSeconds - ledger.rolledOutSeconds),
    used: exactHours(ledger.usedSeconds),
    remaining: exactHours(ledger.remainingSeconds),
    overrun: exactHours(ledger.overrunSeconds),
    recorded: exactHours(ledger.recordedSeconds),
    lowBalance: ledger.isLowBalance,
    deferredRevenue: roundCentsHalfUp(ledger.deferredRevenue),
    status: ledger.status,
  };
}
