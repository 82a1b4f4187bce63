/**
 * The pane's billing run as a small state machine: idle → reading → checking → billing →
 * writing → done, or failed (input errors, or a write refused or cut off). It is plain
 * TypeScript over a WorkbookSource, so it is tested in Node against the fake Excel.
 *
 * Generate after a preview issues exactly what the preview showed: it reads the tables
 * again and bills them only if they are the same as the preview read (the Preview sheets'
 * own tables aside) and the billing date is the same. Otherwise it issues nothing, previews
 * again and says why.
 *
 * Dates never go backwards with numbers (docs/billing-rules.md section 8, "Dates in order"):
 * a Generate dated before the latest issued invoice is refused before anything is written,
 * with the engine's check (`backdatedAfter`) as the ribbon and the command line use it. The
 * pane has no override (docs/task-pane.md says why). A preview numbers nothing, so it is not
 * refused, but it says that Generate will be.
 */
import { backdatedAfter, runBilling, WorkbookWriteError, type BillingOptions, type BillingResult, type Day, checkBillingWorkbook } from '../../engine';
import type { InputIssue } from '../../schema/inputIssue';
import type { BillingWorkbook } from '../../schema/model';
import type { RawWorkbook } from '../../schema/rawTable';
import { paneMessages } from '../paneMessages';
import type { WorkbookSource } from '../source/WorkbookSource';
import { tablesFingerprint } from './tablesFingerprint';

export type BillingAction = 'preview' | 'generate';
export type BillingPhase = 'reading' | 'checking' | 'billing' | 'writing';

export interface PhaseProgress {
  done: number;
  total: number;
  /** What is counted: `rows`, `time entries`, `agreements`. */
  unit: string;
  /** The engine's step, when billing: `matching`, `agreements`. */
  step?: string;
}

export interface BilledRun {
  result: BillingResult;
  /** The checked tables the run billed: the result view looks entries up in them. */
  workbook: BillingWorkbook;
  fingerprint: string;
  /** Said above the result, e.g. why Generate previewed again instead of issuing. */
  notice?: string;
  /** On a preview: the issued invoice dated after its billing date, for which Generate refuses that date. */
  laterInvoice?: LaterInvoice;
}

/** The latest issued invoice, when it is dated after the billing date. */
export interface LaterInvoice {
  invoiceNo: string;
  date: Day;
}

export type BillingState =
  | { status: 'idle' }
  | { status: BillingPhase; action: BillingAction; progress?: PhaseProgress; wait?: string }
  | { status: 'done'; action: BillingAction; run: BilledRun }
  | { status: 'failed'; action: BillingAction; message: string; issues: InputIssue[] };

/** What a preview showed, kept for the Generate that follows it. */
export interface PreviewMemo {
  fingerprint: string;
  billingDate: Day;
  invoiceKeys: string[];
}

export function previewMemo(run: BilledRun): PreviewMemo {
  return { fingerprint: run.fingerprint, billingDate: run.result.billingDate, invoiceKeys: invoiceKeys(run.result) };
}

/** An invoice as a preview shows it, without its number (a preview consumes none). */
function invoiceKeys(result: BillingResult): string[] {
  return result.invoices.map((i) => [i.customer, i.source, i.kind, i.currency, i.net.toFixed(2), i.gross.toFixed(2), i.rows.length].join('|'));
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const ENGINE_UNITS: Record<string, string> = { matching: 'time entries', agreements: 'agreements' };

/**
 * Bills the checked tables. On the page by default (and in Node tests); the browser bundle
 * passes billInWorker, which bills in a Web Worker so the progress can be painted.
 */
export type Biller = (raw: RawWorkbook, workbook: BillingWorkbook, options: BillingOptions) => Promise<BillingResult>;

export const billInPage: Biller = async (_raw, workbook, options) => runBilling(workbook, options);

export interface BillingRequest {
  action: BillingAction;
  billingDate: Day;
  /** The preview this Generate follows, if the last run was one. */
  lastPreview?: PreviewMemo;
}

/** What a request runs once the tables are checked: its action and what to say above the result, or a refusal. */
type RunDecision =
  | { action: BillingAction; notice?: string; laterInvoice?: LaterInvoice }
  | { refusal: string };

/**
 * A Generate whose preview no longer matches the tables or the date previews again instead;
 * a Generate dated before the latest issued invoice is refused; a preview so dated says that
 * Generate will be refused.
 */
function whatToRun(request: BillingRequest, workbook: BillingWorkbook, fingerprint: string): RunDecision {
  let action = request.action;
  const notices: string[] = [];
  const memo = request.lastPreview;
  if (action === 'generate' && memo) {
    if (memo.fingerprint !== fingerprint) {
      action = 'preview';
      notices.push(paneMessages.TablesChangedSincePreview());
    } else if (memo.billingDate !== request.billingDate) {
      action = 'preview';
      notices.push(paneMessages.DateChangedSincePreview(memo.billingDate, request.billingDate));
    }
  }
  const laterInvoice = backdatedAfter(workbook, request.billingDate);
  if (laterInvoice !== undefined) {
    if (action === 'generate') return { refusal: paneMessages.Backdated(request.billingDate, laterInvoice.invoiceNo, laterInvoice.date) };
    notices.push(paneMessages.BackdatedPreview(request.billingDate, laterInvoice.invoiceNo, laterInvoice.date));
  }
  return { action, notice: notices.length > 0 ? notices.join(' ') : undefined, laterInvoice };
}

/**
 * Runs one Preview or Generate, telling every state on the way through `report`; returns
 * the final one. A failure of the workbook (a write refused, the connection lost) ends in
 * `failed` with its sentence; it does not throw.
 */
export async function runBillingFlow(
  source: WorkbookSource,
  request: BillingRequest,
  report: (state: BillingState) => void,
  bill: Biller = billInPage,
): Promise<BillingState> {
  let action = request.action;
  let current: BillingState = { status: 'reading', action };
  const tell = (state: BillingState): void => {
    current = state;
    report(state);
  };
  const session = source.session({
    onRowsRead: (done, total) => {
      if (current.status === 'reading') tell({ status: 'reading', action, progress: { done, total, unit: 'rows' } });
    },
    onWait: (message) => {
      if (current.status !== 'done' && current.status !== 'failed' && current.status !== 'idle') tell({ ...current, wait: message });
    },
  });
  try {
    tell({ status: 'reading', action });
    const raw = await session.readTables();
    tell({ status: 'checking', action });
    await nextTask();
    const { workbook, issues } = checkBillingWorkbook(raw);
    if (!workbook || issues.length > 0) {
      const final: BillingState = {
        status: 'failed',
        action,
        issues,
        message: paneMessages.InputErrorsToFix(issues.length),
      };
      tell(final);
      return final;
    }
    const fingerprint = tablesFingerprint(raw);
    const decided = whatToRun(request, workbook, fingerprint);
    if ('refusal' in decided) {
      const final: BillingState = { status: 'failed', action, issues: [], message: decided.refusal };
      tell(final);
      return final;
    }
    action = decided.action;
    const { notice, laterInvoice } = decided;
    const memo = request.lastPreview;
    tell({ status: 'billing', action });
    await nextTask();
    const result = await bill(raw, workbook, {
      billingDate: request.billingDate,
      preview: action === 'preview',
      onProgress: (step, done, total) => tell({ status: 'billing', action, progress: { done, total, unit: ENGINE_UNITS[step] ?? 'items', step } }),
    });
    if (action === 'generate' && memo && invoiceKeys(result).join('\n') !== memo.invoiceKeys.join('\n')) {
      // Same tables, same date: the engine gives the same invoices. If not, issue nothing.
      throw new Error(paneMessages.PreviewDiffers());
    }
    tell({ status: 'writing', action });
    await session.writeResult(result);
    const final: BillingState = { status: 'done', action, run: { result, workbook, fingerprint, notice, laterInvoice } };
    tell(final);
    return final;
  } catch (error) {
    let message = error instanceof Error ? error.message : String(error);
    if (current.status === 'writing' && action === 'generate' && !(error instanceof WorkbookWriteError)) {
      message += ` ${paneMessages.CutOffGenerate()}`;
    }
    const final: BillingState = { status: 'failed', action, issues: [], message };
    tell(final);
    return final;
  }
}

