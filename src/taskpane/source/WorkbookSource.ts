/**
 * What the pane needs of a workbook, whichever it is: the open workbook inside Excel
 * (excelSource, over the Office.js adapter) or an .xlsx file opened in a plain browser
 * (fileSource, over the command line's file adapter). The pane's components and hooks
 * only ever see this interface, so they never call Office and run the same on a file.
 */
import type { BillingResult, CellValue, CreditResult, OutputCell } from '../../engine';
import type { RawWorkbook } from '../../schema/rawTable';

export type SourceKind = 'excel' | 'file';

export interface SessionCallbacks {
  /** Data rows read so far of all the tables' data rows. */
  onRowsRead?: (rowsRead: number, totalRows: number) => void;
  /** A wait the user can end, e.g. Excel refusing requests while a cell is being edited. */
  onWait?: (message: string) => void;
}

/**
 * One read and what is written after it. A write is planned against the tables as this
 * session read them, so each run (and each Create project) opens its own session.
 */
export interface WorkbookSession {
  readTables(): Promise<RawWorkbook>;
  writeResult(result: BillingResult): Promise<void>;
  appendRows(tableName: string, headers: string[], rows: OutputCell[][]): Promise<void>;
  /** Writes a credit note (the engine's creditInvoice) as `psa-billing credit` does. */
  writeCredit(credit: CreditResult): Promise<void>;
  /**
   * Inside Excel: the value in `column` of the `tableName` data row where the selection
   * starts, or undefined when the selection is elsewhere. Absent for a file.
   */
  selectedRowValue?: (tableName: string, column: string) => Promise<CellValue | undefined>;
}

export interface WorkbookSource {
  readonly kind: SourceKind;
  /** How the pane names the workbook: the file's name, or "This workbook" inside Excel. */
  readonly name: string;
  session(callbacks?: SessionCallbacks): WorkbookSession;
  /** The billing date last chosen (`YYYY-MM-DD`), kept with the workbook inside Excel; undefined when none was. */
  readBillingDate(): Promise<string | undefined>;
  writeBillingDate(iso: string): Promise<void>;
  /** Selects a cell (`TimeEntries!F7`) or a whole table (`Orders`) in the workbook; absent for a file. */
  selectCell?: (address: string) => Promise<void>;
  /** The file's bytes as it now stands (file mode only), for the download. */
  fileBytes?: () => Promise<Uint8Array>;
}
