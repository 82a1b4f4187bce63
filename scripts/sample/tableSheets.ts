/**
 * A workbook described as data: one sheet per Excel table, each column with the kind of
 * value it holds. The writer turns a kind into a real cell (dates as date cells, money and
 * hours as numbers with a format), so the sample reads like a workbook finance keeps by hand.
 * Adding a table, a column or a row is adding data here; the writer needs no change.
 */
import ExcelJS from 'exceljs';

/** What a column holds: decides the cell value written and its number format. */
export type ColumnKind = 'text' | 'date' | 'hours' | 'money' | 'percent' | 'boolean' | 'integer' | 'auto';

/** A cell as the sample author writes it: dates as `YYYY-MM-DD` text, hours as decimal hours. */
export type SampleValue = string | number | boolean | undefined;
export type SampleRow = Record<string, SampleValue>;

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  /** Characters; computed from the content when left out. */
  width?: number;
}

export interface TableSheet {
  /** Table (ListObject) name as the contract spells it; also the sheet name. */
  table: string;
  columns: ColumnSpec[];
  rows: SampleRow[];
  /** A per-cell number format, for a column of mixed values (Settings' Value). */
  formatOf?: (row: SampleRow, column: string) => string | undefined;
}

export interface TextSheet {
  name: string;
  /** Lines of text; a line starting with `# ` is a heading. */
  lines: string[];
}

export const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: '@',
  date: 'yyyy-mm-dd',
  hours: '0.00 "h"',
  money: '#,##0.00',
  percent: '0%',
  boolean: undefined,
  integer: '0',
  auto: undefined,
};

const TABLE_STYLE = 'TableStyleMedium2';
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** The `YYYY-MM-DD` date as a JS Date at UTC midnight, which exceljs stores as the same Excel serial. */
export function utcDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`sample date must be YYYY-MM-DD, got "${iso}"`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** The value exceljs should store for one sample cell. */
export function cellValue(kind: ColumnKind, value: SampleValue): ExcelJS.CellValue {
  if (value === undefined || value === '') return null;
  if (kind === 'date') {
    if (typeof value !== 'string') throw new Error(`date cells are written as YYYY-MM-DD text, got ${String(value)}`);
    return utcDate(value);
  }
  return value;
}

function shownLength(kind: ColumnKind, value: SampleValue): number {
  if (value === undefined) return 0;
  if (kind === 'date') return 10;
  if (kind === 'money' && typeof value === 'number') return value.toFixed(2).length + Math.floor(String(Math.trunc(value)).length / 3);
  if (kind === 'hours' && typeof value === 'number') return value.toFixed(2).length + 2;
  if (typeof value === 'boolean') return 5;
  return String(value).length;
}

function columnWidth(sheet: TableSheet, column: ColumnSpec): number {
  if (column.width !== undefined) return column.width;
  // Header plus room for the filter button; content as Excel would show it.
  let longest = column.name.length + 3;
  for (const row of sheet.rows) longest = Math.max(longest, shownLength(column.kind, row[column.name]));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

function addTableSheet(workbook: ExcelJS.Workbook, sheet: TableSheet): void {
  const ws = workbook.addWorksheet(sheet.table, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addTable({
    name: sheet.table,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: sheet.columns.map((c) => ({ name: c.name, filterButton: true })),
    rows: sheet.rows.map((row) => sheet.columns.map((c) => cellValue(c.kind, row[c.name]))),
  });
  sheet.columns.forEach((column, j) => {
    ws.getColumn(j + 1).width = columnWidth(sheet, column);
    sheet.rows.forEach((row, i) => {
      const format = sheet.formatOf?.(row, column.name) ?? NUMBER_FORMATS[column.kind];
      const cell = ws.getCell(i + 2, j + 1);
      if (format !== undefined && cell.value !== null) cell.numFmt = format;
      if (column.kind === 'text' || column.name === 'About this row') cell.alignment = { vertical: 'top' };
    });
  });
  ws.getRow(1).font = { bold: true };
}

function addTextSheet(workbook: ExcelJS.Workbook, sheet: TextSheet): void {
  const ws = workbook.addWorksheet(sheet.name, { pageSetup: { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.getColumn(1).width = 110;
  sheet.lines.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    const heading = line.startsWith('# ');
    cell.value = heading ? line.slice(2) : line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (heading) cell.font = { bold: true, size: i === 0 ? 16 : 12 };
    // Not every spreadsheet program grows a row for wrapped text on opening: give each row the
    // height of its wrapped lines (about 100 characters a line at this column width).
    const lines = Math.max(1, Math.ceil(String(cell.value).length / 100));
    ws.getRow(i + 1).height = heading ? (i === 0 ? 24 : 20) : 15 * lines + 2;
  });
}

/** Builds the workbook in memory: text sheets first (the "Read me"), then one sheet per table. */
export function buildTablesWorkbook(textSheets: TextSheet[], tables: TableSheet[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PSA Billing for Excel';
  // Fixed dates keep the generated file the same from run to run.
  workbook.created = utcDate('2026-10-01');
  workbook.modified = utcDate('2026-10-01');
  for (const sheet of textSheets) addTextSheet(workbook, sheet);
  for (const sheet of tables) addTableSheet(workbook, sheet);
  return workbook;
}
