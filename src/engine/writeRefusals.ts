/**
 * Why a workbook adapter refuses to write a result (WorkbookWriteError, workbookPort.ts), one
 * sentence per reason code (docs/billing-engine.md, "Messages"). Both adapters, the file
 * (src/xlsx) and Excel's (src/excel), take their sentences from here, so the same refusal reads
 * the same in the command line and in the pane. Each names the sheet, table or cell in the way
 * and what to do; nothing of the run is written.
 */
import { WorkbookWriteError } from './workbookPort';

/** Every reason a write is refused, with its sentence. */
export const writeRefusalSentences = {
  /** A new invoice's sheet name is taken by a sheet of the user's. */
  SheetNameTaken: (sheet: string): string => `A sheet named ${sheet} already exists; rename it so invoice ${sheet} can get its own sheet.`,
  NoSuchTable: (table: string): string => `The workbook has no ${table} table to add rows to.`,
  NoHeaderRow: (table: string, column: string): string => `Table ${table} has no header row, so column ${column} cannot be added.`,
  /** `cell`: the first filled cell of the column the table would take in. */
  ColumnInTheWay: (table: string, column: string, cell: string): string =>
    `Table ${table} needs a new column ${column} at its right end, but ${cell} is not empty. Clear that column or add a ${column} column to the table.`,
  /** `lastRow`: the sheet row the table would end on; `cell`: the first filled cell below it. */
  RowsInTheWay: (table: string, lastRow: number, cell: string): string =>
    `Table ${table} must grow to row ${lastRow}, but ${cell} below it is not empty. Move what is below the table.`,
  // Inside Excel the workbook can change while billing runs; a file cannot.
  TemplateSheetGone: (sheet: string): string =>
    `The invoice template sheet ${sheet} was deleted or renamed while billing ran, so nothing was written. Run billing again.`,
  TableChanged: (table: string): string => `The ${table} table moved or changed size while billing ran, so nothing was written. Run billing again.`,
  TableGone: (): string => 'A table was deleted or renamed while billing ran, so nothing was written. Run billing again.',
};

export type WriteRefusal = keyof typeof writeRefusalSentences;
export type WriteRefusalFacts<C extends WriteRefusal> = Parameters<(typeof writeRefusalSentences)[C]>;

/** The sentence of one reason code. */
export function writeRefusalMessage<C extends WriteRefusal>(code: C, ...facts: WriteRefusalFacts<C>): string {
  return (writeRefusalSentences[code] as (...args: WriteRefusalFacts<C>) => string)(...facts);
}

/** The refusal of one reason code, to throw. */
export function writeRefusal<C extends WriteRefusal>(code: C, ...facts: WriteRefusalFacts<C>): WorkbookWriteError {
  return new WorkbookWriteError(writeRefusalMessage(code, ...facts));
}
