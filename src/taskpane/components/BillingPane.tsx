/**
 * The task pane: billing date, Preview and Generate invoices, the run's progress, input
 * errors or the result, and Create project. It works on whatever WorkbookSource it is
 * given (the open workbook inside Excel, or a file opened in the browser) and never calls
 * Office itself.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  Button,
  Caption1,
  Divider,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { dayFromIso } from '../../engine';
import type { Biller, BillingState } from '../billing/billingFlow';
import { useBilling } from '../hooks/useBilling';
import { useBillingDate } from '../hooks/useBillingDate';
import { useCreateProject } from '../hooks/useCreateProject';
import { useCreditInvoice } from '../hooks/useCreditInvoice';
import { lastOutcome, subscribeOutcome } from '../ribbonOutcome';
import type { WorkbookSource } from '../source/WorkbookSource';
import { CreateProjectSection } from './CreateProjectSection';
import { CreditInvoiceSection } from './CreditInvoiceSection';
import { InputErrorList } from './InputErrorList';
import { downloadWorkbook, OpenWorkbook } from './OpenWorkbook';
import { EInvoiceDownload } from './EInvoiceDownload';
import { phaseSentence, ProgressStatus } from './ProgressStatus';
import { ResultSection } from './ResultSection';
import { resultSentence, ResultView } from './ResultView';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: '48rem',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  headerText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  icon: { width: '32px', height: '32px', flexShrink: 0 },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  /** Fluent's Input keeps a minimum width; the pane may be far narrower at 200 % zoom. */
  input: { minWidth: 0, maxWidth: '100%' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** What the live region says about the run: its phase while it works, then its outcome. */
function announcement(state: BillingState): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'done':
      return `${state.run.notice ? `${state.run.notice} ` : ''}${resultSentence(state.run.result)}`;
    case 'failed':
      return state.message;
    default:
      return `${phaseSentence(state, false)}…`;
  }
}

export interface BillingPaneProps {
  /** Inside Excel: the open workbook. In file mode: undefined, and the pane offers Open workbook. */
  excel?: WorkbookSource;
  /** How to run the engine: in a Web Worker in the browser (progress painted), on the page by default. */
  bill?: Biller;
}

export function BillingPane({ excel, bill }: BillingPaneProps) {
  const styles = useStyles();
  const [file, setFile] = useState<WorkbookSource | undefined>(undefined);
  const source = excel ?? file;
  const isFileMode = excel === undefined;
  const billing = useBilling(source, bill);
  const date = useBillingDate(source);
  const project = useCreateProject(source);
  const credit = useCreditInvoice(source);
  const ribbon = useSyncExternalStore(subscribeOutcome, lastOutcome);
  // The ribbon's outcome is shown until the pane runs something itself, and again when the ribbon runs after it.
  const ribbonAtRun = useRef<typeof ribbon>(undefined);
  const [fileChanged, setFileChanged] = useState(false);
  const { state } = billing;

  useEffect(() => setFileChanged(false), [file]);
  useEffect(() => {
    if ((state.status === 'done' && !state.run.result.preview) || project.state.status === 'added' || credit.state.status === 'done') setFileChanged(true);
  }, [state, project.state, credit.state]);

  const billingDay = dayFromIso(date.iso);
  const isCrediting = credit.state.status === 'reading' || credit.state.status === 'writing';
  const canRun = source !== undefined && billingDay !== undefined && !billing.isBusy && !isCrediting;
  const run = (action: 'preview' | 'generate') => {
    ribbonAtRun.current = ribbon;
    // A credit being chosen was worked out on the tables before this run writes.
    if (credit.state.status === 'choosing' || credit.state.status === 'confirming') credit.cancel();
    if (billingDay !== undefined) void billing.start(action, billingDay);
  };
  const issues = state.status === 'failed' ? state.issues : [];
  const orderIds = state.status === 'done' ? state.run.workbook.orders.map((o) => o.id) : [];
  const download = isFileMode && file && fileChanged
    ? <div className={styles.buttons}><Button appearance="primary" onClick={() => void downloadWorkbook(file)}>Download billed workbook</Button></div>
    : undefined;
  const downloads = state.status === 'done'
    ? <>{download}<EInvoiceDownload run={state.run} /></>
    : undefined;

  return (
    <main className={styles.pane}>
      <header className={styles.header}>
        <img className={styles.icon} src="assets/icon-32.png" srcSet="assets/icon-64.png 2x" alt="" />
        <div className={styles.headerText}>
          <Title2 as="h1" className={styles.title}>PSA Billing</Title2>
          <Caption1 className={styles.subtitle}>
            {source ? source.name : 'No workbook open'}{isFileMode ? ' · in your browser' : ''}
          </Caption1>
        </div>
      </header>

      {issues.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Nothing is written while the workbook has input errors:</MessageBarTitle>
            fix the {issues.length === 1 ? 'cell' : `${issues.length} cells`} listed below, then run again.
          </MessageBarBody>
        </MessageBar>
      )}

      {!isFileMode && ribbon && ribbon !== ribbonAtRun.current && !billing.isBusy && (
        <MessageBar intent={ribbon.kind} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{ribbon.title}</MessageBarTitle> {ribbon.detail}
          </MessageBarBody>
        </MessageBar>
      )}

      {isFileMode && <OpenWorkbook current={file} onOpened={setFile} />}

      <section className={styles.card} aria-label="Billing">
        <Field
          label="Billing date"
          hint={isFileMode ? 'Bills everything due up to this date.' : 'Bills everything due up to this date. Kept in the workbook: the ribbon bills as of it too.'}
          validationMessage={billingDay === undefined ? 'Enter a date as YYYY-MM-DD.' : undefined}
        >
          <Input className={styles.input} type="date" value={date.iso} onChange={(_, data) => date.setIso(data.value)} disabled={source === undefined || billing.isBusy} />
        </Field>
        <div className={styles.buttons}>
          <Button onClick={() => run('preview')} disabled={!canRun}>Preview</Button>
          <Button appearance="primary" onClick={() => run('generate')} disabled={!canRun}>Generate invoices</Button>
        </div>
        {billing.hasPreview && <Caption1>Generate invoices issues exactly what this preview shows, unless the tables change first.</Caption1>}
        {billing.isBusy && <ProgressStatus state={state} />}
      </section>

      <div role="status" aria-live="polite" aria-atomic="true" className={styles.visuallyHidden}>{announcement(state)}</div>

      {state.status === 'failed' && issues.length === 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{state.action === 'generate' ? 'Generate invoices stopped' : 'Preview stopped'}</MessageBarTitle> {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {issues.length > 0 && (
        <ResultSection id="input-errors" title="Input errors" count={issues.length} color="danger" empty="">
          <InputErrorList issues={issues} onSelectCell={source?.selectCell ? (address) => void source.selectCell?.(address) : undefined} />
        </ResultSection>
      )}
      {state.status === 'done' && <ResultView run={state.run} sourceKind={source?.kind ?? 'file'} actions={downloads} />}
      {state.status !== 'done' && download}

      {source && (
        <>
          <Divider />
          <CreateProjectSection project={project} orderIds={orderIds} disabled={billing.isBusy} />
          <Divider />
          <CreditInvoiceSection
            credit={credit}
            billingDay={billingDay}
            billingIso={date.iso}
            disabled={billing.isBusy}
            onShowSheet={source.selectCell ? (sheetName) => void source.selectCell?.(`'${sheetName.replace(/'/g, "''")}'!A1`) : undefined}
          />
        </>
      )}
    </main>
  );
}
