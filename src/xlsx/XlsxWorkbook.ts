/**
 * The .xlsx adapter: the WorkbookPort over a workbook file, through exceljs. It reads the
 * file's real Excel tables and writes the blocks `buildResultTables` lays out; it
 * computes nothing. Table facts exceljs misreads are taken from the table parts
 * (see tableParts.ts). Every write happens in memory; nothing reaches a file before
 * `toBuffer`, so a write that fails half way leaves no file behind.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { BillingResult } from '../engine/billingResult';
import { WorkbookWriteError, type WorkbookPort } from '../engine/workbookPort';
import {
  buildResultTables,
  freeSheetName,
  EXCEPTION_FILL_COLOR,
  HIGHLIGHT_FILL_COLOR,
  isPreviewSheetName,
  type GridCell,
  type InvoiceSheet,
  type OutputCell,
  type OutputTable,
  type PreviewSheet,
} from '../engine/resultTables';
import { cellAddress, columnLetters, headerKey, type RawTable, type RawWorkbook } from '../schema/rawTable';
import { readCell } from './readCellValue';
import { bytesForExcelJs, readTableParts, type TablePart } from './tableParts';
import { findUnsupportedParts, type UnsupportedPart } from './findUnsupportedParts';
import { StylePool } from './stylePool';
import { columnWidth } from '../engine/tableColumnWidths';

/** exceljs's table model, as it holds it after loading a file or `addTable`. */
interface TableModel {
  name: string;
  displayName?: string;
  tableRef: string;
  autoFilterRef?: string;
  headerRow: boolean;
  totalsRow: boolean;
  columns: { name: string; filterButton?: boolean }[];
  style?: Record<string, unknown>;
}

interface TableHandle {
  sheet: ExcelJS.Worksheet;
  model: TableModel;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** ARGB form of the exception fill, as exceljs stores colours. */
export const EXCEPTION_FILL_ARGB = 'FF' + EXCEPTION_FILL_COLOR.slice(1).toUpperCase();

const SET_BOLD: Partial<ExcelJS.Style> = { font: { bold: true } };
const EXCEPTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: EXCEPTION_FILL_ARGB } };

/** Style changes, one object each, so the style pool finds them by identity. */
const ADD_EXCEPTION_FILL: Partial<ExcelJS.Style> = { fill: EXCEPTION_FILL };
const REMOVE_FILL: Partial<ExcelJS.Style> = { fill: undefined };
const HIGHLIGHT_FILL_ARGB = 'FF' + HIGHLIGHT_FILL_COLOR.slice(1).toUpperCase();
const ADD_HIGHLIGHT_FILL: Partial<ExcelJS.Style> = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT_FILL_ARGB } } };
const numFmtChanges = new Map<string, Partial<ExcelJS.Style>>();
function numFmtChange(numFmt: string): Partial<ExcelJS.Style> {
  let change = numFmtChanges.get(numFmt);
  if (!change) {
    change = { numFmt };
    numFmtChanges.set(numFmt, change);
  }
  return change;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function decodeRange(ref: string): Box {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref.trim());
  if (!m) throw new Error(`Not a cell range: ${ref}`);
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  return { top, left, right: m[3] ? columnNumber(m[3]) : left, bottom: m[4] ? Number(m[4]) : top };
}

function encodeRange(box: Box): string {
  return `${columnLetters(box.left)}${box.top}:${columnLetters(box.right)}${box.bottom}`;
}

function isEmptyStyle(style: object | undefined): boolean {
  if (!style) return true;
  for (const _key in style) return false;
  return true;
}

/** The cell if the sheet has it; unlike getCell, never creates one (a million blank cells cost memory and write time). */
function findCell(sheet: ExcelJS.Worksheet, row: number, column: number): ExcelJS.Cell | undefined {
  return sheet.findRow(row)?.findCell(column);
}

function isBlankAt(sheet: ExcelJS.Worksheet, row: number, column: number): boolean {
  const cell = findCell(sheet, row, column);
  return readCell(cell) === null;
}

export class XlsxWorkbook implements WorkbookPort {
  /** Every style the adapter gives a cell comes from here; no style object is changed in place. */
  private readonly styles = new StylePool();

  private constructor(
    private readonly workbook: ExcelJS.Workbook,
    /** Table parts of the file as loaded, keyed by lower-cased name. */
    private readonly parts: Map<string, TablePart>,
    /** Parts exceljs would drop or damage on writing. */
    readonly unsupportedParts: UnsupportedPart[],
  ) {}

  /**
   * Loads a workbook from the bytes of an .xlsx file; throws when they are not one. A Node
   * Buffer is a Uint8Array, so the command line and the browser (an ArrayBuffer from a
   * File) both call this.
   */
  static async load(data: Uint8Array | ArrayBuffer): Promise<XlsxWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const zip = await JSZip.loadAsync(bytes);
    // exceljs reads the workbook from this part only, and makes an empty workbook of any zip without it.
    if (!zip.file('xl/workbook.xml')) throw new Error('The file has no workbook part.');
    const parts = await readTableParts(zip);
    const unsupported = await findUnsupportedParts(zip);
    const calculated = [...parts.values()].filter((p) => p.hasCalculatedColumns).map((p) => p.path);
    if (calculated.length > 0) unsupported.push({ kind: 'calculated columns or totals formulas in tables', paths: calculated.sort() });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesForExcelJs(zip, parts, bytes)) as unknown as ArrayBuffer);
    const book = new XlsxWorkbook(workbook, parts, unsupported);
    book.correctLoadedTables();
    return book;
  }

  /** The file's bytes as the workbook now stands; in the browser too. */
  async toBytes(): Promise<Uint8Array> {
    this.shareEmptyStyles();
    const written: unknown = await this.workbook.xlsx.writeBuffer();
    return written instanceof Uint8Array ? written : new Uint8Array(written as ArrayBuffer);
  }

  /** The file's bytes as a Node Buffer (the command line). */
  async toBuffer(): Promise<Buffer> {
    const bytes = await this.toBytes();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Gives every row and cell without a style the one shared empty style object. exceljs
   * makes a new empty object for each of them (on loading and for each new cell) and, when
   * writing, looks each style object up in a WeakMap: past a million or so distinct keys
   * those lookups slow down sharply (most of the write time at 100k time entries).
   * A date cell keeps its own: exceljs gives an unformatted date a date format, per object.
   */
  private shareEmptyStyles(): void {
    const empty = this.styles.of(undefined);
    for (const sheet of this.workbook.worksheets) {
      const rows = sheet.rowCount;
      for (let r = 1; r <= rows; r++) {
        const row = sheet.findRow(r);
        if (!row) continue;
        // Typed by exceljs as row properties only, but a Row has its style object too.
        const styled = row as unknown as { style: object };
        if (isEmptyStyle(styled.style)) styled.style = empty;
        const cells = row.cellCount;
        for (let c = 1; c <= cells; c++) {
          const cell = row.findCell(c);
          if (cell && cell.style !== empty && cell.type !== ExcelJS.ValueType.Date && isEmptyStyle(cell.style)) cell.style = empty;
        }
      }
    }
  }

  /** Names of the worksheets, in tab order. */
  sheetNames(): string[] {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  async readTables(): Promise<RawWorkbook> {
    const tables: RawTable[] = [];
    for (const { sheet, model } of this.tables()) {
      const box = decodeRange(model.tableRef);
      const headerRow = model.headerRow ? box.top : box.top - 1;
      const lastDataRow = box.bottom - (model.totalsRow ? 1 : 0);
      const headers = model.columns.map((c) => c.name);
      const rows = [];
      for (let r = headerRow + 1; r <= lastDataRow; r++) {
        const row = sheet.findRow(r);
        const values = [];
        for (let c = 0; c < headers.length; c++) values.push(readCell(row?.findCell(box.left + c)));
        rows.push(values);
      }
      tables.push({ name: model.name, sheet: sheet.name, headerRow, firstColumn: box.left, headers, rows });
    }
    return { tables, sheets: this.sheetNames() };
  }

  async writeResult(result: BillingResult): Promise<void> {
    const layout = buildResultTables(result);
    this.deletePreviewSheets();
    if (layout.preview) {
      for (const sheet of layout.invoiceSheets) this.writeInvoiceSheet(sheet);
      for (const preview of layout.previewSheets) this.writePreviewSheet(preview);
      return;
    }
    for (const table of layout.tables) {
      if (table.mode === 'append') this.appendTable(table);
      else this.replaceTable(table);
    }
    for (const sheet of layout.invoiceSheets) this.writeInvoiceSheet(sheet);
    this.writeInvoiceNos(layout.invoiceNoCells);
    this.markExceptionRows(layout.exceptionRows);
  }

  /**
   * Appends rows to an existing input table (ProjectTree for Create project) under its last
   * filled row; the table grows to hold them. A column the table lacks is added at its right
   * end only when a new row has a value for it. Refuses (WorkbookWriteError) to grow over
   * cells that hold something.
   */
  appendRows(tableName: string, headers: string[], rows: OutputCell[][]): void {
    const handle = this.findTable(tableName);
    if (!handle) throw new WorkbookWriteError(`The workbook has no ${tableName} table to add rows to.`);
    const has = (header: string) => handle.model.columns.some((c) => headerKey(c.name) === headerKey(header));
    const keep = headers.map((h, i) => has(h) || rows.some((row) => row[i] !== null && row[i] !== ''));
    const columns = headers.filter((_, i) => keep[i]).map((header) => ({ header }));
    const kept = rows.map((row) => row.filter((_, i) => keep[i]).map((v) => (v === '' ? null : v)));
    this.appendTable({ name: tableName as OutputTable['name'], mode: 'append', columns, rows: kept });
  }

  // ---- tables -------------------------------------------------------------------

  /**
   * Every table on every sheet, built once and kept until a sheet or a table is added or
   * removed: a run looks tables up per InvoiceNo cell, over 1,000+ invoice sheets.
   */
  private tableList: TableHandle[] | undefined;

  private tables(): TableHandle[] {
    if (this.tableList) return this.tableList;
    const out: TableHandle[] = [];
    for (const sheet of this.workbook.worksheets) {
      for (const t of Object.values((sheet as unknown as { tables: Record<string, { model: TableModel }> }).tables)) {
        out.push({ sheet, model: t.model });
      }
    }
    this.tableList = out;
    return out;
  }

  private findTable(name: string): TableHandle | undefined {
    const wanted = name.toLowerCase();
    return this.tables().find((t) => t.model.name.toLowerCase() === wanted);
  }

  /** Puts back what exceljs misread (header row, totals row, filter buttons), from the parts. */
  private correctLoadedTables(): void {
    for (const { model } of this.tables()) {
      const part = this.parts.get(model.name.toLowerCase());
      if (!part) continue;
      model.tableRef = part.ref;
      model.headerRow = part.headerRowCount !== 0;
      model.totalsRow = part.totalsRowCount > 0;
      // A table without a style element (LibreOffice writes none) loads with style null, on
      // which exceljs's writer fails ("reading 'theme'"): keep it unstyled, as it was.
      if (!model.style) model.style = { theme: null, showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
      // Columns come from the part: exceljs may have lost some (see tableParts.ts).
      const loaded = [...model.columns];
      model.columns = part.columns.map((name, i) => {
        const at = loaded.findIndex((c) => c.name === name);
        const column = at >= 0 ? loaded.splice(at, 1)[0] : { name };
        return { ...column, filterButton: !part.hiddenButtons[i] };
      });
      this.resetAutoFilter(model);
    }
  }

  /** The filter range covers the header and the data, never the totals row. */
  private resetAutoFilter(model: TableModel): void {
    const box = decodeRange(model.tableRef);
    if (!model.headerRow) {
      model.autoFilterRef = undefined;
      return;
    }
    model.autoFilterRef = encodeRange({ ...box, bottom: box.bottom - (model.totalsRow ? 1 : 0) });
  }

  private dataBox(model: TableModel): Box {
    const box = decodeRange(model.tableRef);
    return { ...box, top: box.top + (model.headerRow ? 1 : 0), bottom: box.bottom - (model.totalsRow ? 1 : 0) };
  }

  /** Index of each contract column in the table, adding any missing one at the right end. */
  private columnIndexes(handle: TableHandle, headers: string[]): number[] {
    return headers.map((h) => {
      const found = handle.model.columns.findIndex((c) => headerKey(c.name) === headerKey(h));
      return found >= 0 ? found : this.addColumn(handle, h);
    });
  }

  /** Widens the table by one column at its right end; refuses to take in cells that hold data. */
  private addColumn(handle: TableHandle, header: string): number {
    const { sheet, model } = handle;
    if (!model.headerRow) throw new WorkbookWriteError(`Table ${model.name} has no header row, so column ${header} cannot be added.`);
    const box = decodeRange(model.tableRef);
    const column = box.right + 1;
    for (let r = box.top; r <= box.bottom; r++) {
      if (!isBlankAt(sheet, r, column)) {
        throw new WorkbookWriteError(
          `Table ${model.name} needs a new column ${header} at its right end, but ${cellAddress(sheet.name, r, column)} is not empty. Clear that column or add a ${header} column to the table.`,
        );
      }
    }
    sheet.getCell(box.top, column).value = header;
    const left = sheet.getCell(box.top, box.right);
    if (left.style) sheet.getCell(box.top, column).style = this.styles.of(left.style);
    model.columns.push({ name: header, filterButton: true });
    model.tableRef = encodeRange({ ...box, right: column });
    this.resetAutoFilter(model);
    return model.columns.length - 1;
  }

  /**
   * Moves the table's bottom edge so it holds `dataRows` data rows, checking the cells it
   * takes in. A totals row moves along under the data, formulas and look unchanged.
   */
  private resizeRows(handle: TableHandle, dataRows: number): void {
    const { sheet, model } = handle;
    const box = decodeRange(model.tableRef);
    const data = this.dataBox(model);
    const totals = model.totalsRow ? 1 : 0;
    const newBottom = data.top + Math.max(dataRows, 1) - 1;
    for (let r = box.bottom + 1; r <= newBottom + totals; r++) {
      for (let c = box.left; c <= box.right; c++) {
        if (!isBlankAt(sheet, r, c)) {
          throw new WorkbookWriteError(
            `Table ${model.name} must grow to row ${newBottom + totals}, but ${cellAddress(sheet.name, r, c)} below it is not empty. Move what is below the table.`,
          );
        }
      }
    }
    if (totals === 1 && newBottom !== data.bottom) {
      const from = data.bottom + 1;
      const to = newBottom + 1;
      for (let c = box.left; c <= box.right; c++) {
        const source = sheet.getCell(from, c);
        const target = sheet.getCell(to, c);
        target.value = source.value;
        target.style = this.styles.of(source.style);
        source.value = null;
        // The old totals row becomes a data row when the table grows: give it the look of the row above.
        source.style = this.styles.of(from <= newBottom ? sheet.getCell(from - 1, c).style : undefined);
      }
    }
    model.tableRef = encodeRange({ ...box, bottom: newBottom + totals });
    this.resetAutoFilter(model);
  }

  private writeRow(
    sheet: ExcelJS.Worksheet, row: number, left: number, indexes: number[], table: OutputTable,
    values: (string | number | boolean | null)[], highlight = false,
  ): void {
    indexes.forEach((index, i) => {
      const cell = sheet.getCell(row, left + index);
      cell.value = values[i];
      const numFmt = table.columns[i].numFmt;
      if (numFmt) cell.style = this.styles.with(cell.style, numFmtChange(numFmt));
      if (highlight) cell.style = this.styles.with(cell.style, ADD_HIGHLIGHT_FILL);
    });
  }

  /** Adds the rows under the last non-blank row of the table (creating the table when missing). */
  private appendTable(table: OutputTable): void {
    const handle = this.findTable(table.name);
    if (!handle) {
      if (table.rows.length > 0) this.createTable(table.name, table.name, table);
      return;
    }
    if (table.rows.length === 0) return;
    const indexes = this.columnIndexes(handle, table.columns.map((c) => c.header));
    const data = this.dataBox(handle.model);
    let used = 0;
    for (let r = data.bottom; r >= data.top; r--) {
      let blank = true;
      for (let c = data.left; c <= data.right && blank; c++) blank = isBlankAt(handle.sheet, r, c);
      if (!blank) {
        used = r - data.top + 1;
        break;
      }
    }
    this.resizeRows(handle, Math.max(used + table.rows.length, data.bottom - data.top + 1));
    table.rows.forEach((values, i) => this.writeRow(handle.sheet, data.top + used + i, data.left, indexes, table, values));
  }

  /** Rewrites the contract's columns of the table; columns a user added keep their cells. */
  private replaceTable(table: OutputTable): void {
    const handle = this.findTable(table.name);
    if (!handle) {
      this.createTable(table.name, table.name, table);
      return;
    }
    const indexes = this.columnIndexes(handle, table.columns.map((c) => c.header));
    const old = this.dataBox(handle.model);
    for (let r = old.top; r <= old.bottom; r++) {
      for (const index of indexes) {
        const cell = findCell(handle.sheet, r, old.left + index);
        if (!cell) continue;
        cell.value = null;
        if (hasFill(cell, HIGHLIGHT_FILL_ARGB)) cell.style = this.styles.with(cell.style, REMOVE_FILL);
      }
    }
    // Clear first, so the old rows' own cells do not count as "in the way" when the table grows.
    this.resizeRows(handle, table.rows.length);
    const highlighted = new Set(table.highlightedRows);
    table.rows.forEach((values, i) => this.writeRow(handle.sheet, old.top + i, old.left, indexes, table, values, highlighted.has(i)));
  }

  /** A new sheet holding the table at A1, as a real Excel table with filter buttons. */
  private createTable(sheetName: string, tableName: string, table: OutputTable): void {
    const sheet = this.workbook.addWorksheet(this.freeSheetName(sheetName));
    const width = table.columns.length;
    const rows = table.rows.length > 0 ? table.rows : [new Array<null>(width).fill(null)];
    sheet.addTable({
      name: tableName,
      ref: 'A1',
      headerRow: true,
      totalsRow: false,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: table.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows,
    });
    this.tableList = undefined;
    table.columns.forEach((c, i) => {
      sheet.getColumn(i + 1).width = columnWidth(c.header, c.numFmt, rows, i);
      if (!c.numFmt) return;
      const change = numFmtChange(c.numFmt);
      for (let r = 0; r < rows.length; r++) {
        const cell = sheet.getRow(2 + r).getCell(i + 1);
        cell.style = this.styles.with(cell.style, change);
      }
    });
    for (const r of table.highlightedRows ?? []) {
      for (let c = 1; c <= width; c++) {
        const cell = sheet.getRow(2 + r).getCell(c);
        cell.style = this.styles.with(cell.style, ADD_HIGHLIGHT_FILL);
      }
    }
  }

  private freeSheetName(wanted: string): string {
    return freeSheetName(wanted, this.workbook.worksheets.map((ws) => ws.name));
  }

  // ---- sheets -------------------------------------------------------------------

  private deletePreviewSheets(): void {
    for (const ws of [...this.workbook.worksheets]) {
      if (isPreviewSheetName(ws.name)) this.workbook.removeWorksheet(ws.id);
    }
    this.tableList = undefined;
  }

  private writeInvoiceSheet(invoice: InvoiceSheet): void {
    if (this.workbook.getWorksheet(invoice.sheetName)) {
      throw new WorkbookWriteError(`A sheet named ${invoice.sheetName} already exists; rename it so invoice ${invoice.sheetName} can get its own sheet.`);
    }
    // Printed or saved as PDF as the layout says: A4, one page wide, header rows repeated, page n of m.
    const { print } = invoice;
    const sheet = this.workbook.addWorksheet(invoice.sheetName, {
      pageSetup: {
        paperSize: 9 as ExcelJS.PaperSize.A4, orientation: print.orientation, fitToPage: true, fitToWidth: print.fitToWidth, fitToHeight: print.fitToHeight,
        margins: { ...print.margins }, printArea: print.area, printTitlesRow: print.titleRows.replace(/\$/g, ''),
      },
      headerFooter: { oddFooter: `&C${print.footer}` } as Partial<ExcelJS.HeaderFooter>,
    });
    invoice.columnWidths.forEach((w, i) => {
      sheet.getColumn(i + 1).width = w;
    });
    invoice.grid.forEach((row, r) => {
      row.forEach((cell: GridCell | null, c) => {
        if (!cell) return;
        const target = sheet.getCell(r + 1, c + 1);
        target.value = cell.value;
        if (cell.numFmt && cell.bold) target.style = this.styles.with(this.styles.with(target.style, numFmtChange(cell.numFmt)), SET_BOLD);
        else if (cell.numFmt) target.style = this.styles.with(target.style, numFmtChange(cell.numFmt));
        else if (cell.bold) target.style = this.styles.with(target.style, SET_BOLD);
      });
    });
  }

  private writePreviewSheet(preview: PreviewSheet): void {
    this.createTable(preview.sheetName, preview.tableName, preview.table);
  }

  // ---- write-backs ----------------------------------------------------------------

  /** Writes the InvoiceNo cells, looking each table and its InvoiceNo column up once. */
  private writeInvoiceNos(updates: { table: string; index: number; invoiceNo: string }[]): void {
    const targets = new Map<string, { handle: TableHandle; column: number; data: Box }>();
    for (const { table: tableName, index, invoiceNo } of updates) {
      let target = targets.get(tableName);
      if (!target) {
        const handle = this.findTable(tableName);
        if (!handle) throw new Error(`Invoice number for table ${tableName}, which the workbook does not have.`);
        const [column] = this.columnIndexes(handle, ['InvoiceNo']);
        target = { handle, column, data: this.dataBox(handle.model) };
        targets.set(tableName, target);
      }
      const { handle, column, data } = target;
      const row = data.top + index;
      if (row > data.bottom) throw new Error(`Invoice number for row ${index + 1} of ${tableName}, which has fewer rows.`);
      handle.sheet.getCell(row, data.left + column).value = invoiceNo;
    }
  }

  /** Fills exception rows of TimeEntries; clears the engine's own fill from every other row. */
  private markExceptionRows(rows: number[]): void {
    const handle = this.findTable('TimeEntries');
    if (!handle) return;
    const marked = new Set(rows);
    const data = this.dataBox(handle.model);
    for (let r = data.top; r <= data.bottom; r++) {
      if (marked.has(r - data.top)) {
        for (let c = data.left; c <= data.right; c++) {
          const cell = handle.sheet.getCell(r, c);
          cell.style = this.styles.with(cell.style, ADD_EXCEPTION_FILL);
        }
        continue;
      }
      // Other rows: only cells the sheet has can carry the fill; blank ones are not created.
      const row = handle.sheet.findRow(r);
      if (!row) continue;
      for (let c = data.left; c <= data.right; c++) {
        const cell = row.findCell(c);
        if (cell && hasFill(cell, EXCEPTION_FILL_ARGB)) cell.style = this.styles.with(cell.style, REMOVE_FILL);
      }
    }
  }
}

/** A solid fill of exactly this colour: the engine's own, which it may clear; a user's colour is left alone. */
function hasFill(cell: ExcelJS.Cell, argb: string): boolean {
  const fill = cell.style?.fill;
  return fill?.type === 'pattern' && fill.pattern === 'solid' && (fill.fgColor?.argb ?? '').toUpperCase() === argb;
}
