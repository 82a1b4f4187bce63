/**
 * What the ribbon's buttons do, without opening the pane first: Generate invoices and
 * Preview bill the open workbook as of the billing date (the one last chosen in the pane,
 * kept in the workbook's settings, else today); Create project adds the project of the
 * order whose Orders row is selected. Each says what happened in a finance user's words
 * and opens the pane on that outcome. Office is reached only through the adapter and the
 * functions passed in, so all of it runs in Node against the fake Excel.
 */
import {
  backdatedAfter,
  createProject,
  dayFromIso,
  dayFromParts,
  PROJECT_TREE_COLUMNS,
  projectTreeCells,
  runBilling,
  WorkbookWriteError,
  type BillingResult,
  type Day,
  checkBillingWorkbook,
} from '../engine';
import { rowIdLabel } from '../schema/issueCatalogue';
import type { InputIssue } from '../schema/inputIssue';
import type { ExcelRun } from '../excel/excelRun';
import { ExcelWorkbook, INPUT_ERRORS_SHEET, type InputErrorLine } from '../excel/ExcelWorkbook';
import type { RibbonOutcome } from '../taskpane/ribbonOutcome';
import { ribbonOutcomeOf } from './ribbonMessages';
import type { RibbonActionId } from './ribbonActionIds';

/** Workbook setting holding the billing date last chosen in the pane (`YYYY-MM-DD`). */
export const BILLING_DATE_SETTING = 'PSA.BillingDate';

export interface RibbonHost {
  /** `Excel.run`, or the fake's. */
  run: ExcelRun;
  now: () => Date;
  /** Shows the outcome (the pane listens to it). */
  publish: (outcome: RibbonOutcome) => void;
  /** Opens the task pane. */
  showPane: () => Promise<void>;
  /** Progress and waits, e.g. while a person is editing a cell. */
  onProgress?: (message: string) => void;
}

export type RibbonAction = (event: { completed: () => void }) => Promise<void>;

function todayOf(now: Date): Day {
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

async function billingDateOf(book: ExcelWorkbook, host: RibbonHost): Promise<Day> {
  const chosen = await book.readSetting(BILLING_DATE_SETTING);
  const day = typeof chosen === 'string' ? dayFromIso(chosen) : undefined;
  return day ?? todayOf(host.now());
}

export function inputErrorLine(issue: InputIssue): InputErrorLine {
  const label = rowIdLabel[issue.table] ?? 'row';
  return {
    cell: issue.cell ?? issue.table,
    table: issue.table,
    row: issue.rowId !== undefined && issue.rowId !== '' ? `${label} ${issue.rowId}` : '',
    message: issue.message,
  };
}

function billedOutcome(result: BillingResult): RibbonOutcome {
  if (result.preview) return ribbonOutcomeOf('Previewed', result.billingDate, result.invoices.length, result.exceptions.length);
  const warnings = result.warnings ?? [];
  return ribbonOutcomeOf(
    'Billed',
    result.billingDate,
    result.invoices.map((i) => i.invoiceNo),
    result.exceptions.length,
    warnings.filter((w) => w.code !== 'MISSING_INVOICE_FIELD').map((w) => w.message),
    warnings.filter((w) => w.code === 'MISSING_INVOICE_FIELD').map((w) => w.message),
  );
}

/** Reads and checks the tables; lists input errors on their sheet instead of billing. */
async function checkedWorkbook(book: ExcelWorkbook) {
  const raw = await book.readTables();
  const { workbook, issues } = checkBillingWorkbook(raw);
  if (!workbook || issues.length > 0) {
    await book.writeInputErrors(issues.map(inputErrorLine));
    return { outcome: ribbonOutcomeOf('InputErrors', issues.length, INPUT_ERRORS_SHEET) };
  }
  return { workbook, raw };
}

export async function billFromRibbon(host: RibbonHost, preview: boolean): Promise<RibbonOutcome> {
  const book = new ExcelWorkbook(host.run, { onProgress: host.onProgress });
  const billingDate = await billingDateOf(book, host);
  const checked = await checkedWorkbook(book);
  if (!checked.workbook) return checked.outcome;
  // Dates never go backwards with numbers (docs/billing-rules.md section 8); a preview numbers nothing.
  const later = preview ? undefined : backdatedAfter(checked.workbook, billingDate);
  if (later !== undefined) return ribbonOutcomeOf('Backdated', billingDate, later.invoiceNo, later.date);
  const result = runBilling(checked.workbook, { billingDate, preview });
  await book.writeResult(result);
  return billedOutcome(result);
}

/** Create project for the order of the selected Orders row; undefined when no such row is selected. */
export async function createProjectFromRibbon(host: RibbonHost): Promise<RibbonOutcome | undefined> {
  const book = new ExcelWorkbook(host.run, { onProgress: host.onProgress });
  const checked = await checkedWorkbook(book);
  if (!checked.workbook) return checked.outcome;
  const orderId = await book.selectedRowValue('Orders', 'OrderId');
  if (orderId === undefined || orderId === null || String(orderId).trim() === '') return undefined;
  const made = createProject(checked.workbook, String(orderId));
  if (made.issues.length > 0) return ribbonOutcomeOf('ProjectNotCreated', String(orderId), made.issues.map((i) => i.message));
  if (made.nodes.length === 0) return ribbonOutcomeOf('ProjectExists', String(orderId));
  await book.appendRows('ProjectTree', PROJECT_TREE_COLUMNS, made.nodes.map(projectTreeCells));
  return ribbonOutcomeOf('ProjectCreated', String(orderId), made.nodes.length);
}

function failureOutcome(error: unknown): RibbonOutcome {
  if (error instanceof WorkbookWriteError) return ribbonOutcomeOf('WriteRefused', error.message);
  return ribbonOutcomeOf('Stopped', error instanceof Error ? error.message : String(error));
}

/**
 * Wraps an action so it always tells its outcome, opens the pane on it, and calls
 * `event.completed()`, whatever happens: Office waits for that call and would otherwise
 * show the button as busy.
 */
function ribbonAction(host: RibbonHost, work: () => Promise<RibbonOutcome>): RibbonAction {
  return async (event) => {
    try {
      let outcome: RibbonOutcome;
      try {
        outcome = await work();
      } catch (error) {
        outcome = failureOutcome(error);
      }
      host.publish(outcome);
      await host.showPane();
    } catch (error) {
      console.error('PSA Billing: a ribbon command could not report its outcome', error);
    } finally {
      event.completed();
    }
  };
}

export function ribbonActions(host: RibbonHost): Record<RibbonActionId, RibbonAction> {
  return {
    generateInvoices: ribbonAction(host, () => billFromRibbon(host, false)),
    previewInvoices: ribbonAction(host, () => billFromRibbon(host, true)),
    createProject: ribbonAction(host, async () =>
      (await createProjectFromRibbon(host)) ?? ribbonOutcomeOf('NoOrderSelected')),
    openPane: ribbonAction(host, async () => ribbonOutcomeOf('PaneOpened')),
  };
}
