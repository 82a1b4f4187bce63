/**
 * What a run issued or would issue: one sentence with the totals, then the invoices, the
 * orders that cannot bill now, agreements low on balance, and time no line item takes.
 */
import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { Decimal, type BillingResult } from '../../engine';
import type { BilledRun } from '../billing/billingFlow';
import { moneyIn } from '../format';
import { paneMessages } from '../paneMessages';
import { InvoiceList } from './InvoiceList';
import { ResultSection } from './ResultSection';
import { LowBalanceAgreements, OrdersOnHold, TimeExceptions } from './RunLists';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
});

function totals(result: BillingResult, pick: 'net' | 'gross'): string {
  const sums = new Map<string, Decimal>();
  for (const invoice of result.invoices) sums.set(invoice.currency, (sums.get(invoice.currency) ?? new Decimal(0)).plus(invoice[pick]));
  return [...sums].map(([currency, sum]) => moneyIn(sum, currency)).join(' + ');
}

/** The result in one sentence, as the live region announces it. */
export function resultSentence(result: BillingResult): string {
  const n = result.invoices.length;
  const money = n === 0 ? undefined : { net: totals(result, 'net'), gross: totals(result, 'gross') };
  if (result.preview) return paneMessages.PreviewResult(result.billingDate, n, money);
  if (n === 0) return paneMessages.NothingToBill(result.billingDate);
  return paneMessages.IssuedResult(result.billingDate, result.invoices.map((i) => i.invoiceNo), money);
}

function resultDetail(run: BilledRun, kind: 'excel' | 'file'): string {
  return run.result.preview ? paneMessages.PreviewDetail(kind === 'excel', run.laterInvoice === undefined) : paneMessages.IssuedDetail(kind === 'excel');
}

export interface ResultViewProps {
  run: BilledRun;
  sourceKind: 'excel' | 'file';
  /** The download button in file mode, shown under the summary. */
  actions?: ReactNode;
}

export function ResultView({ run, sourceKind, actions }: ResultViewProps) {
  const styles = useStyles();
  const { result, workbook, notice } = run;
  const onHold = result.orderStatus.filter((o) => !o.canBill);
  const low = result.agreementSummary.filter((a) => a.lowBalance);
  return (
    <div className={styles.view}>
      {notice && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <MessageBar intent={result.exceptions.length > 0 ? 'warning' : 'success'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{resultSentence(result)}</MessageBarTitle> {resultDetail(run, sourceKind)}
        </MessageBarBody>
      </MessageBar>
      {actions}
      <ResultSection id="result-invoices" title={result.preview ? 'Invoices it would issue' : 'Invoices issued'} count={result.invoices.length} color="brand" empty="No invoice is due as of this date.">
        <InvoiceList invoices={result.invoices} entries={workbook.timeEntries} />
      </ResultSection>
      <ResultSection id="result-orders" title="Orders that cannot bill now" count={onHold.length} color="important" empty="Every order with something to bill may bill now.">
        <OrdersOnHold orders={onHold} currency={result.currency} />
      </ResultSection>
      <ResultSection id="result-agreements" title="Agreements low on balance" count={low.length} color="important" empty="No block-time agreement is low on hours.">
        <LowBalanceAgreements agreements={low} />
      </ResultSection>
      <ResultSection id="result-exceptions" title="Time no line item takes" count={result.exceptions.length} color="danger" empty="Every billable time entry found its line item.">
        <TimeExceptions exceptions={result.exceptions} />
      </ResultSection>
    </div>
  );
}
