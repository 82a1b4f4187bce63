/**
 * Reads every Excel table of the workbook as the schema layer wants it: headers, data rows
 * and the table's real place on its sheet (so an input error names the cell a person must
 * fix). Two small syncs find the tables and their sizes; the values follow in row blocks
 * sized so no response passes the request budget or Excel's 5,000,000-cell read limit.
 * Only `values` are read: formats and formulas would multiply the payload.
 *
 * The firm's invoice template (the sheet Settings InvoiceTemplate names) is read with its
 * number formats, only its cells holding a value: a sheet named `InvoiceTemplate` rides in
 * the second sync; a template under another name costs one sync more.
 */
import { invoiceTemplateSheetName } from '../engine';
import type { CellValue, RawSheet, RawTable } from '../schema/rawTable';
import { DEFAULT_TEMPLATE_SHEET, isSheetNamed } from '../schema/readInvoiceTemplate';
import { payloadBytes, REQUEST_BUDGET_BYTES, syncRetrying, type SyncOptions } from './syncBatcher';

/** Where a table sits, as read: everything the writer needs to find its cells again. */
export interface TableShape {
  name: string;
  sheet: string;
  /** `Sheet!A1:F20` as Excel gives it: compared before writing, to notice a table that moved. */
  address: string;
  showHeaders: boolean;
  showTotals: boolean;
  /** 0-based sheet row and column of the table's top-left cell (its header when shown). */
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  headers: string[];
}

export interface TablesRead {
  shapes: TableShape[];
  tables: RawTable[];
  /** Names of every worksheet (the ledger check looks for each issued invoice's sheet). */
  sheets: string[];
  /** The invoice template's cells, when the workbook has the sheet Settings names. */
  invoiceTemplate?: RawSheet;
}

/** A template sheet's cells holding a value, as loaded (values and number formats of its used range). */
interface TemplateRange {
  sheet: string;
  range: Excel.Range;
}

/** 0-based sheet row of the first data row. */
export function firstDataRow(shape: TableShape): number {
  return shape.rowIndex + (shape.showHeaders ? 1 : 0);
}

export function dataRowCount(shape: TableShape): number {
  return shape.rowCount - (shape.showHeaders ? 1 : 0) - (shape.showTotals ? 1 : 0);
}

/** A guess of one cell's size in a response before any was measured: generous, so the first block fits. */
const FIRST_GUESS_BYTES_PER_CELL = 40;
/** Never more cells in one response than this, far under Excel's 5,000,000-cell limit. */
const MAX_CELLS_PER_SYNC = 1_000_000;

/** Queues the load of a sheet's cells holding a value: values, number formats and where they start. */
function queueTemplateRange(context: Excel.RequestContext, sheet: string): TemplateRange {
  const range = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true).load('values, numberFormat, rowIndex, columnIndex');
  return { sheet, range };
}

/** The loaded template range as the schema reads a sheet: every non-empty cell, 1-based, with its format. */
function rawSheetOf({ sheet, range }: TemplateRange): RawSheet {
  if (range.isNullObject) return { name: sheet, cells: [] };
  const cells: RawSheet['cells'] = [];
  range.values.forEach((row, r) => row.forEach((value, c) => {
    const cell = cellOf(value);
    if (cell === null) return;
    const format = range.numberFormat[r]?.[c];
    const numFmt = typeof format === 'string' && format !== '' && format !== 'General' ? format : undefined;
    cells.push({ row: range.rowIndex + r + 1, column: range.columnIndex + c + 1, value: cell, ...(numFmt === undefined ? {} : { numFmt }) });
  }));
  return { name: sheet, cells };
}

async function loadShapes(context: Excel.RequestContext, options: SyncOptions): Promise<{ shapes: TableShape[]; sheets: string[]; template?: TemplateRange }> {
  // The sheet names ride along in the first sync: no extra round trip.
  const { tables, worksheets } = await syncRetrying(context, () => ({
    tables: context.workbook.tables.load('items/name, items/showHeaders, items/showTotals'),
    worksheets: context.workbook.worksheets.load('items/name'),
  }), options);
  const sheets = worksheets.items.map((ws) => ws.name);
  // The usual template name needs no Settings to know: its cells ride along.
  const defaultTemplate = sheets.find((name) => isSheetNamed(name, DEFAULT_TEMPLATE_SHEET));
  const { queued, template } = await syncRetrying(context, () => ({
    queued: tables.items.map((table) => ({
      table,
      sheet: table.worksheet.load('name'),
      range: table.getRange().load('address, rowIndex, columnIndex, rowCount, columnCount'),
      columns: table.columns.load('items/name'),
    })),
    template: defaultTemplate === undefined ? undefined : queueTemplateRange(context, defaultTemplate),
  }), options);
  const shapes = queued.map(({ table, sheet, range, columns }) => ({
    name: table.name,
    sheet: sheet.name,
    address: range.address,
    showHeaders: table.showHeaders,
    showTotals: table.showTotals,
    rowIndex: range.rowIndex,
    columnIndex: range.columnIndex,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
    headers: columns.items.map((c) => c.name),
  }));
  return { shapes, sheets, template };
}

/** Office.js gives an empty cell as ""; the schema layer reads blank as null. */
function cellOf(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

interface Block {
  table: number;
  /** 0-based data row where the block starts, and its length. */
  start: number;
  count: number;
}

/** Cuts every table's data rows into blocks of at most `cells` cells, one table after another. */
function nextBlocks(shapes: TableShape[], from: { table: number; row: number }, cells: number): Block[] {
  const blocks: Block[] = [];
  let left = cells;
  while (from.table < shapes.length && left > 0) {
    const shape = shapes[from.table];
    const rows = dataRowCount(shape);
    const width = Math.max(shape.columnCount, 1);
    const take = Math.min(rows - from.row, Math.max(1, Math.floor(left / width)));
    if (take > 0) {
      if (take * width > left && blocks.length > 0) break;
      blocks.push({ table: from.table, start: from.row, count: take });
      left -= take * width;
      from.row += take;
    }
    if (from.row >= rows) {
      from.table += 1;
      from.row = 0;
    }
  }
  return blocks;
}

export async function readTables(context: Excel.RequestContext, options: SyncOptions = {}): Promise<TablesRead> {
  const { shapes, sheets, template: preloaded } = await loadShapes(context, options);
  const rows: CellValue[][][] = shapes.map(() => []);
  const from = { table: 0, row: 0 };
  const totalRows = shapes.reduce((sum, shape) => sum + dataRowCount(shape), 0);
  let rowsRead = 0;
  options.onReadProgress?.(0, totalRows);
  let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
  while (from.table < shapes.length) {
    const cells = Math.min(MAX_CELLS_PER_SYNC, Math.floor(REQUEST_BUDGET_BYTES / bytesPerCell));
    const blocks = nextBlocks(shapes, from, cells);
    if (blocks.length === 0) continue;
    const loaded = await syncRetrying(context, () =>
      blocks.map((block) => {
        const shape = shapes[block.table];
        const sheet = context.workbook.worksheets.getItem(shape.sheet);
        return sheet.getRangeByIndexes(firstDataRow(shape) + block.start, shape.columnIndex, block.count, shape.columnCount).load('values');
      }), options);
    let bytes = 0;
    let cellCount = 0;
    blocks.forEach((block, i) => {
      const values = loaded[i].values;
      bytes += payloadBytes(values);
      cellCount += block.count * shapes[block.table].columnCount;
      const target = rows[block.table];
      for (const row of values) target.push(row.map(cellOf));
      rowsRead += block.count;
    });
    options.onReadProgress?.(rowsRead, totalRows);
    // Size the next blocks by what these weighed, with room for heavier rows further down.
    if (cellCount > 0) bytesPerCell = Math.max(bytesPerCell / 2, (1.5 * bytes) / cellCount, 4);
  }
  const tables = shapes.map((shape, i): RawTable => ({
    name: shape.name,
    sheet: shape.sheet,
    headerRow: shape.rowIndex + (shape.showHeaders ? 1 : 0),
    firstColumn: shape.columnIndex + 1,
    headers: shape.headers,
    rows: rows[i],
  }));
  const invoiceTemplate = await readTemplate(context, tables, sheets, preloaded, options);
  return { shapes, tables, sheets, ...(invoiceTemplate === undefined ? {} : { invoiceTemplate }) };
}

/** The sheet Settings InvoiceTemplate names, when the workbook has it; read already when it is the usual name. */
async function readTemplate(context: Excel.RequestContext, tables: RawTable[], sheets: string[], preloaded: TemplateRange | undefined, options: SyncOptions): Promise<RawSheet | undefined> {
  const wanted = invoiceTemplateSheetName({ tables });
  const sheet = sheets.find((name) => isSheetNamed(name, wanted));
  if (sheet === undefined) return undefined;
  if (preloaded?.sheet === sheet) return rawSheetOf(preloaded);
  return rawSheetOf(await syncRetrying(context, () => queueTemplateRange(context, sheet), options));
}
