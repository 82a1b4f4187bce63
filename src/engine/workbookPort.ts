/**
 * The one seam between the engine and a workbook. The Office.js adapter (inside Excel)
 * and the .xlsx adapter (the command line) both implement it, so the schema layer and
 * the engine cannot tell a live workbook from a file.
 */
import type { RawWorkbook } from '../schema/rawTable';
import type { BillingResult } from './billingResult';
import type { OutputCell } from '../core/cellFormats';

export interface WorkbookPort {
  /** Every Excel table (ListObject) of the workbook, with its real position on its sheet. */
  readTables(): Promise<RawWorkbook>;
  /**
   * Writes one run's result as `buildResultTables` lays it out. A preview writes only
   * `Preview …` sheets; a real run writes the outputs and the InvoiceNo cells and
   * deletes stale Preview sheets. Nothing else is changed.
   */
  writeResult(result: BillingResult): Promise<void>;
  /**
   * Appends rows to an input table (ProjectTree, for Create project) under its last filled
   * row, `headers` naming each row's cells. A column the table lacks is added at its right
   * end only when a new row has a value for it. Refused with a WorkbookWriteError when the
   * table is missing or cannot grow; then nothing is written. (The file adapter does it in
   * memory, hence `void` as well as a promise.)
   */
  appendRows(tableName: string, headers: string[], rows: OutputCell[][]): Promise<void> | void;
}

/**
 * A result that cannot be written without overwriting something of the user's (a sheet
 * named like a new invoice, cells in the way of a growing table). Every adapter refuses
 * such a write with this error and its sentence; nothing of the run is written.
 */
export class WorkbookWriteError extends Error {
  override readonly name = 'WorkbookWriteError';
}
