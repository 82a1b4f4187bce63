/**
 * Tables as an adapter hands them over: the same shape whether they come from
 * Office.js (`range.values`) or from an .xlsx file. Positions are the table's real
 * place on its sheet, so every issue can name the cell a user must fix.
 */

/** One cell as read: Office.js gives numbers for dates; a file reader may give Date objects. */
export type CellValue = string | number | boolean | Date | null;

export interface RawTable {
  /** Table (ListObject) name as the workbook spells it. */
  name: string;
  /** Worksheet that holds the table. */
  sheet: string;
  /** 1-based sheet row of the header row. */
  headerRow: number;
  /** 1-based sheet column of the table's first column. */
  firstColumn: number;
  headers: string[];
  /** Data rows, top to bottom, each as wide as `headers`. Blank rows included. */
  rows: CellValue[][];
}

/** One non-empty cell of a sheet as an adapter reads it: its place, its value and its number format. */
export interface RawSheetCell {
  /** 1-based sheet row and column. */
  row: number;
  column: number;
  value: CellValue;
  /** The cell's number format code (`yyyy-mm-dd`, `#,##0.00`); absent or `General` when it has none. */
  numFmt?: string;
}

/** Every non-empty cell of one sheet, top to bottom, left to right. */
export interface RawSheet {
  name: string;
  cells: RawSheetCell[];
}

export interface RawWorkbook {
  tables: RawTable[];
  /** Names of every worksheet, when the adapter knows them (the ledger check looks for invoice sheets). */
  sheets?: string[];
  /**
   * The sheet Settings InvoiceTemplate names (`invoiceTemplateSheetName`), when the workbook
   * has it: the firm's own invoice layout (docs/invoice-documents.md). Absent: the built-in layout.
   */
  invoiceTemplate?: RawSheet;
}

/** Finds a table by name, case-insensitively, as the contract says. */
export function findTable(book: RawWorkbook, name: string): RawTable | undefined {
  const wanted = name.toLowerCase();
  return book.tables.find((t) => t.name.toLowerCase() === wanted);
}

/**
 * Header match key: ignores case, spaces, dashes, underscores and a trailing dot
 * ("Valid From" = "valid_from" = "ValidFrom"; "Invoice No." = "InvoiceNo").
 */
export function headerKey(header: string): string {
  return String(header).replace(/[\s\-_\u2010-\u2015]+/g, '').replace(/\.$/, '').toLowerCase();
}

/** Column letters of a 1-based column number (1 -> A, 28 -> AB). */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Excel address of a cell, quoting the sheet name when Excel would ("'Time Entries'!D14"). */
export function cellAddress(sheet: string, row: number, column: number): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  const name = plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetters(column)}${row}`;
}
