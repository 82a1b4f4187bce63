/**
 * What every surface runs before billing: the schema reads and checks the tables, then the
 * registers are reconciled with the InvoiceNo marks (docs/billing-rules.md section 8: the
 * registers are the ledger). Either finding stops the run, and nothing is written.
 */
import type { RawWorkbook } from '../schema/rawTable';
import { readBillingWorkbook, sortIssues, type ReadBillingWorkbookResult } from '../schema/readBillingWorkbook';
import { reconcileLedger } from './ledger/reconcileLedger';

export function checkBillingWorkbook(raw: RawWorkbook): ReadBillingWorkbookResult {
  const read = readBillingWorkbook(raw);
  if (read.workbook === undefined || read.issues.length > 0) return read;
  const ledgerIssues = reconcileLedger(read.workbook);
  return ledgerIssues.length > 0 ? { issues: sortIssues(ledgerIssues) } : read;
}
