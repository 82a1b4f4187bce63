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
  isoFromDay,
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
import { CUT_OFF_ADVICE, type RibbonOutcome } from '../taskpane/ribbonOutcome';
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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

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

function inputErrorsOutcome(count: number): RibbonOutcome {
  return {
    kind: 'error',
    title: `${plural(count, 'input error')}: nothing was written`,
    detail: `The ${INPUT_ERRORS_SHEET} sheet lists each one with the cell to fix. Fix them and run again.`,
  };
}

function billedOutcome(result: BillingResult): RibbonOutcome {
  const count = result.invoices.length;
  const numbers = result.invoices.map((i) => i.invoiceNo);
  const range = count === 0 ? '' : count === 1 ? ` (${numbers[0]})` : ` (${numbers[0]} to ${numbers[count - 1]})`;
  const exceptions = result.exceptions.length;
  const date = isoFromDay(result.billingDate);
  if (result.preview) {
    return {
      kind: exceptions > 0 ? 'warning' : 'success',
      title: `Preview as of ${date}: ${plural(count, 'invoice')} would be issued`,
      detail: `The Preview sheets show them${exceptions > 0 ? `, and ${plural(exceptions, 'time entry exception')}` : ''}. Nothing was numbered or marked.`,
    };
  }
  const warnings = result.warnings ?? [];
  const changedEntries = warnings.filter((w) => w.code !== 'MISSING_INVOICE_FIELD');
  const missingFields = warnings.filter((w) => w.code === 'MISSING_INVOICE_FIELD');
  const changed = (changedEntries.length === 0 ? '' : ` ${changedEntries.length} billed ${changedEntries.length === 1 ? 'entry' : 'entries'} changed after billing; the first: ${changedEntries[0].message}.`)
    + (missingFields.length === 0 ? '' : ` The invoices lack ${missingFields.length === 1 ? 'a field' : `${missingFields.length} fields`} the law requires: ${missingFields[0].message}${missingFields.length > 1 ? ` (and ${missingFields.length - 1} more)` : ''}.`);
  return {
    kind: exceptions > 0 || warnings.length > 0 ? 'warning' : 'success',
    title: count === 0 ? `Nothing to bill as of ${date}` : `Billed ${plural(count, 'invoice')}${range} as of ${date}`,
    detail: (exceptions > 0
      ? `${plural(exceptions, 'time entry exception')} could not be billed: see BillingExceptions (their rows are filled red in TimeEntries).`
      : 'Every billable entry found its line item. Invoices and InvoiceLines hold the register.') + changed,
  };
}

/** Reads and checks the tables; lists input errors on their sheet instead of billing. */
async function checkedWorkbook(book: ExcelWorkbook) {
  const raw = await book.readTables();
  const { workbook, issues } = checkBillingWorkbook(raw);
  if (!workbook || issues.length > 0) {
    await book.writeInputErrors(issues.map(inputErrorLine));
    return { outcome: inputErrorsOutcome(issues.length) };
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
  if (later !== undefined) {
    return {
      kind: 'error',
      title: `Not billed: ${isoFromDay(billingDate)} is before the last invoice`,
      detail: `${later.invoiceNo} is dated ${isoFromDay(later.date)}; new invoices would be numbered after it but dated before it. Bill on or after ${isoFromDay(later.date)}. Nothing was written.`,
    };
  }
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
  if (made.issues.length > 0) {
    return {
      kind: 'error',
      title: `The project of order ${orderId} was not created`,
      detail: made.issues.map((i) => i.message).join(' '),
    };
  }
  if (made.nodes.length === 0) {
    return { kind: 'warning', title: `Order ${orderId} already has its project`, detail: 'Nothing was added to ProjectTree.' };
  }
  await book.appendRows('ProjectTree', PROJECT_TREE_COLUMNS, made.nodes.map(projectTreeCells));
  return {
    kind: 'success',
    title: `Created the project of order ${orderId}`,
    detail: `Added ${plural(made.nodes.length, 'ProjectTree row')}.`,
  };
}

function failureOutcome(error: unknown): RibbonOutcome {
  if (error instanceof WorkbookWriteError) return { kind: 'error', title: 'Nothing was written', detail: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: 'error',
    title: 'Billing stopped before it finished',
    detail: `${message} ${CUT_OFF_ADVICE}`,
  };
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
      (await createProjectFromRibbon(host)) ?? {
        kind: 'warning',
        title: 'Select an order first',
        detail: 'Click a row of the Orders table, then Create project; or choose the order in the pane.',
      }),
    openPane: ribbonAction(host, async () => ({ kind: 'success', title: 'PSA Billing', detail: 'Preview or generate invoices from here.' })),
  };
}
