/**
 * What the ribbon's buttons say when they are done (docs/billing-engine.md, "Messages"): one
 * outcome per reason code, its kind, title and detail together, picked with
 * `ribbonOutcomeOf(code, ...facts)`. The sentences of input issues, exceptions, warnings and
 * write refusals inside a detail come from their own catalogues and are only quoted here.
 */
import { isoFromDay, type Day } from '../engine';
import { plural } from '../core/plural';
import { paneMessages } from '../taskpane/paneMessages';
import type { RibbonOutcome } from '../taskpane/ribbonOutcome';

/** The invoice numbers of a run as a title names them: ` (INV-1)`, ` (INV-1 to INV-3)`, or nothing. */
function numberRange(invoiceNos: readonly string[]): string {
  if (invoiceNos.length === 0) return '';
  return invoiceNos.length === 1 ? ` (${invoiceNos[0]})` : ` (${invoiceNos[0]} to ${invoiceNos[invoiceNos.length - 1]})`;
}

/** The run's warnings after a Generate: the first entry changed after billing, the first field the law requires. */
function warningsSaid(changedEntries: readonly string[], missingFields: readonly string[]): string {
  const changed = changedEntries.length === 0
    ? ''
    : ` ${plural(changedEntries.length, 'billed entry', 'billed entries')} changed after billing; the first: ${changedEntries[0]}.`;
  const missing = missingFields.length === 0
    ? ''
    : ` The invoices lack ${missingFields.length === 1 ? 'a field' : `${missingFields.length} fields`} the law requires: ${missingFields[0]}${missingFields.length > 1 ? ` (and ${missingFields.length - 1} more)` : ''}.`;
  return changed + missing;
}

/** Every outcome of a ribbon command. */
export const ribbonOutcomes = {
  /** `sheet`: the sheet that lists them. */
  InputErrors: (count: number, sheet: string): RibbonOutcome => ({
    kind: 'error',
    title: `${plural(count, 'input error')}: nothing was written`,
    detail: `The ${sheet} sheet lists each one with the cell to fix. Fix them and run again.`,
  }),
  Previewed: (billingDate: Day, invoices: number, exceptions: number): RibbonOutcome => ({
    kind: exceptions > 0 ? 'warning' : 'success',
    title: `Preview as of ${isoFromDay(billingDate)}: ${plural(invoices, 'invoice')} would be issued`,
    detail: `The Preview sheets show them${exceptions > 0 ? `, and ${plural(exceptions, 'time entry exception')}` : ''}. Nothing was numbered or marked.`,
  }),
  /** `changedEntries`, `missingFields`: the messages of the run's warnings of each kind. */
  Billed: (billingDate: Day, invoiceNos: readonly string[], exceptions: number, changedEntries: readonly string[], missingFields: readonly string[]): RibbonOutcome => ({
    kind: exceptions > 0 || changedEntries.length + missingFields.length > 0 ? 'warning' : 'success',
    title: invoiceNos.length === 0
      ? `Nothing to bill as of ${isoFromDay(billingDate)}`
      : `Billed ${plural(invoiceNos.length, 'invoice')}${numberRange(invoiceNos)} as of ${isoFromDay(billingDate)}`,
    detail: (exceptions > 0
      ? `${plural(exceptions, 'time entry exception')} could not be billed: see BillingExceptions (their rows are filled red in TimeEntries).`
      : 'Every billable entry found its line item. Invoices and InvoiceLines hold the register.') + warningsSaid(changedEntries, missingFields),
  }),
  /** A run dated before the latest invoice (docs/billing-rules.md section 8). */
  Backdated: (billingDate: Day, laterInvoiceNo: string, laterDate: Day): RibbonOutcome => ({
    kind: 'error',
    title: `Not billed: ${isoFromDay(billingDate)} is before the last invoice`,
    detail: `${laterInvoiceNo} is dated ${isoFromDay(laterDate)}; new invoices would be numbered after it but dated before it. Bill on or after ${isoFromDay(laterDate)}. Nothing was written.`,
  }),
  /** `issues`: the sentences of the Create project issues (projectMessages.ts). */
  ProjectNotCreated: (orderId: string, issues: readonly string[]): RibbonOutcome => ({
    kind: 'error', title: `The project of order ${orderId} was not created`, detail: issues.join(' '),
  }),
  ProjectExists: (orderId: string): RibbonOutcome => ({
    kind: 'warning', title: `Order ${orderId} already has its project`, detail: 'Nothing was added to ProjectTree.',
  }),
  ProjectCreated: (orderId: string, rows: number): RibbonOutcome => ({
    kind: 'success', title: `Created the project of order ${orderId}`, detail: `Added ${plural(rows, 'ProjectTree row')}.`,
  }),
  NoOrderSelected: (): RibbonOutcome => ({
    kind: 'warning', title: 'Select an order first', detail: 'Click a row of the Orders table, then Create project; or choose the order in the pane.',
  }),
  /** `refusal`: the write refusal's sentence (writeRefusals.ts). */
  WriteRefused: (refusal: string): RibbonOutcome => ({ kind: 'error', title: 'Nothing was written', detail: refusal }),
  /** Failed while writing: what the user should look at before billing again. */
  Stopped: (reason: string): RibbonOutcome => ({ kind: 'error', title: 'Billing stopped before it finished', detail: `${reason} ${paneMessages.CutOffGenerate()}` }),
  PaneOpened: (): RibbonOutcome => ({ kind: 'success', title: 'PSA Billing', detail: 'Preview or generate invoices from here.' }),
};

export type RibbonOutcomeCode = keyof typeof ribbonOutcomes;
export type RibbonOutcomeFacts<C extends RibbonOutcomeCode> = Parameters<(typeof ribbonOutcomes)[C]>;

/** The outcome of one reason code. */
export function ribbonOutcomeOf<C extends RibbonOutcomeCode>(code: C, ...facts: RibbonOutcomeFacts<C>): RibbonOutcome {
  return (ribbonOutcomes[code] as (...args: RibbonOutcomeFacts<C>) => RibbonOutcome)(...facts);
}
