/**
 * What writing a result into a live workbook takes, worked out from the tables as read
 * before any call is queued: which tables grow and over which cells (those must be blank),
 * which columns a table gains, and the write steps in the contract's order. Building the
 * steps needs no round trip; the checks are loaded in one sync before anything is written.
 */
import {
  columnWidth,
  HIGHLIGHT_FILL_COLOR,
  writeRefusal,
  writeRefusalMessage,
  type GridCell,
  type InvoiceNoUpdate,
  type InvoiceSheet,
  type OutputCell,
  type OutputTable,
  type TemplateFill,
} from '../engine';
import { columnLetters, headerKey, type RawTable } from '../schema/rawTable';
import { dataRowCount, firstDataRow, type TableShape } from './readTables';
import { CALL_OVERHEAD_BYTES, payloadBytes, type WriteStep } from './syncBatcher';

/** Rows per values block: small enough that a block stays far under the request budget. */
const MAX_BLOCK_BYTES = 1_000_000;

/** A table as read: where it is and what it held. */
export interface ReadTable {
  shape: TableShape;
  raw: RawTable;
}

/** Cells that must be blank before a table may take them in, and what to tell the user otherwise. */
export interface BlankCheck {
  sheet: string;
  /** 0-based. */
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  /** Sentence for the first non-blank cell found, given its address. */
  message: (address: string) => string;
}

/** Office.js gives page margins in points; the layout in inches. */
export const POINTS_PER_INCH = 72;

/** Excel's column width is in points; the layout gives characters of the default font (7 px each, plus padding). */
export function pointsForCharacters(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 4) / 4;
}

/** `A1:D1` for 0-based row and column ranges. */
export function a1(row: number, column: number, rowCount = 1, columnCount = 1): string {
  const from = `${columnLetters(column + 1)}${row + 1}`;
  if (rowCount === 1 && columnCount === 1) return from;
  return `${from}:${columnLetters(column + columnCount)}${row + rowCount}`;
}

/** Runs of consecutive numbers (`[1,2,3,7]` -> `[[1,3],[7,7]]`), for writing neighbours as one range. */
export function runsOf(sorted: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

/** Cuts rows into blocks of at most MAX_BLOCK_BYTES of JSON, each with its size. */
export function blocksOf<T>(rows: T[][]): { start: number; rows: T[][]; bytes: number }[] {
  const blocks: { start: number; rows: T[][]; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const size = payloadBytes(row) + 1;
    if (i > start && bytes + size > MAX_BLOCK_BYTES) {
      blocks.push({ start, rows: rows.slice(start, i), bytes });
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (rows.length > start) blocks.push({ start, rows: rows.slice(start), bytes });
  return blocks;
}

/** Addresses joined for `getRanges`, in groups short enough for one call each. */
function addressGroups(addresses: string[]): string[] {
  const groups: string[] = [];
  for (let i = 0; i < addresses.length; i += 500) groups.push(addresses.slice(i, i + 500).join(','));
  return groups;
}

/** Steps that give these areas of one sheet a fill colour (or clear it, with `null`). */
export function fillSteps(sheet: string, addresses: string[], color: string | null): WriteStep[] {
  return addressGroups(addresses).map((list) => ({
    bytes: list.length + CALL_OVERHEAD_BYTES,
    queue: (context) => {
      const fill = context.workbook.worksheets.getItem(sheet).getRanges(list).format.fill;
      if (color === null) fill.clear();
      else fill.color = color;
    },
  }));
}

/**
 * Text that Excel would not keep as text when it is written through `range.values`: it
 * reads such strings as typed input, so `00012` would become 12, `TRUE` a boolean,
 * `2026-01` a date and `=x` a formula. A leading apostrophe keeps them as the text they
 * are, as it does when a person types it (the file adapter writes text cells as text anyway).
 */
const TYPED_INPUT = /^\s*([=+\-@']|[($€£¥]*[\d.,]+\s*%?\)?\s*$|(true|false)\s*$|\d{1,4}[-/.]\d{1,2}|\d{1,2}:\d{2})/i;

export function asWrittenText(value: OutputCell): OutputCell {
  return typeof value === 'string' && TYPED_INPUT.test(value) ? `'${value}` : value;
}

/** Steps that write a block of values (null leaves a cell as it is) and, where given, number formats. */
export function blockSteps(sheet: string, row: number, column: number, values: OutputCell[][], formats?: (string | null)[][]): WriteStep[] {
  const width = values[0]?.length ?? 0;
  return blocksOf(values.map((r) => r.map(asWrittenText))).map((block) => {
    const blockFormats = formats?.slice(block.start, block.start + block.rows.length);
    return {
      bytes: block.bytes + (blockFormats ? payloadBytes(blockFormats) : 0) + CALL_OVERHEAD_BYTES,
      queue: (context) => {
        const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row + block.start, column, block.rows.length, width);
        range.values = block.rows as unknown[][];
        if (blockFormats) range.numberFormat = blockFormats as unknown[][];
      },
    };
  });
}

/** Number formats for rows written at these column positions (null where the contract sets none). */
function formatsFor(table: OutputTable, positions: number[], width: number, rowCount: number): (string | null)[][] | undefined {
  if (!table.columns.some((c) => c.numFmt)) return undefined;
  const row: (string | null)[] = new Array<string | null>(width).fill(null);
  table.columns.forEach((c, i) => {
    if (c.numFmt) row[positions[i]] = c.numFmt;
  });
  return Array.from({ length: rowCount }, () => row);
}

/** Output rows spread over a table's columns, null (left as it is) under the user's own columns. */
function spread(rows: OutputCell[][], positions: number[], width: number): OutputCell[][] {
  return rows.map((values) => {
    const row: OutputCell[] = new Array<OutputCell>(width).fill(null);
    positions.forEach((p, i) => {
      // Office.js reads null as "leave the cell"; a blank result cell must really be cleared.
      row[p] = values[i] ?? '';
    });
    return row;
  });
}

/**
 * Writes into an existing table. Knows where the table is and which contract columns it
 * lacks; collects the blank checks its growth needs and the steps that write.
 */
export class TableWriter {
  readonly checks: BlankCheck[] = [];
  readonly steps: WriteStep[] = [];
  /** Position of each header in the table, including columns this writer adds. */
  private readonly headers: string[];
  private dataRows: number;

  constructor(private readonly table: ReadTable) {
    this.headers = [...table.shape.headers];
    this.dataRows = dataRowCount(table.shape);
  }

  /** The table's rows as they were read. */
  get raw(): RawTable {
    return this.table.raw;
  }

  /** Each header's column index in the table, adding the missing ones at its right end. */
  positionsOf(headers: string[]): number[] {
    return headers.map((header) => {
      const found = this.headers.findIndex((h) => headerKey(h) === headerKey(header));
      return found >= 0 ? found : this.addColumn(header);
    });
  }

  private addColumn(header: string): number {
    const { shape } = this.table;
    if (!shape.showHeaders) throw writeRefusal('NoHeaderRow', shape.name, header);
    this.checks.push({
      sheet: shape.sheet, row: shape.rowIndex, column: shape.columnIndex + this.headers.length, rowCount: shape.rowCount, columnCount: 1,
      message: (address) => writeRefusalMessage('ColumnInTheWay', shape.name, header, address),
    });
    this.headers.push(header);
    this.steps.push({
      bytes: CALL_OVERHEAD_BYTES,
      queue: (context) => {
        context.workbook.tables.getItem(shape.name).columns.add(null as unknown as number, undefined, header);
      },
    });
    return this.headers.length - 1;
  }

  /** Grows (or shrinks) the table to `rows` data rows; growth takes in only blank cells. */
  private resize(rows: number): void {
    const { shape } = this.table;
    const wanted = Math.max(rows, 1);
    const totals = shape.showTotals ? 1 : 0;
    const top = firstDataRow(shape);
    if (wanted > this.dataRows) {
      const from = top + this.dataRows + totals;
      this.checks.push({
        sheet: shape.sheet, row: from, column: shape.columnIndex, rowCount: wanted - this.dataRows, columnCount: this.headers.length,
        message: (address) => writeRefusalMessage('RowsInTheWay', shape.name, top + wanted + totals, address),
      });
    }
    if (wanted === this.dataRows) return;
    const address = a1(shape.rowIndex, shape.columnIndex, top - shape.rowIndex + wanted + totals, this.headers.length);
    this.dataRows = wanted;
    this.steps.push({
      bytes: CALL_OVERHEAD_BYTES,
      queue: (context) => {
        context.workbook.tables.getItem(shape.name).resize(`'${shape.sheet.replace(/'/g, "''")}'!${address}`);
      },
    });
  }

  /** Adds the rows under the last row that holds anything. */
  append(table: OutputTable): void {
    if (table.rows.length === 0) return;
    const positions = this.positionsOf(table.columns.map((c) => c.header));
    const old = this.table.raw.rows;
    let used = old.length;
    while (used > 0 && old[used - 1].every((v) => v === null)) used--;
    this.resize(Math.max(used + table.rows.length, this.dataRows));
    this.writeRows(used, table, positions);
  }

  /** Rewrites the contract's columns; the user's own columns keep their cells. */
  replace(table: OutputTable, previouslyHighlighted: number[]): void {
    const positions = this.positionsOf(table.columns.map((c) => c.header));
    const { shape } = this.table;
    const top = firstDataRow(shape);
    const oldRows = this.table.raw.rows.length;
    if (oldRows > 0) {
      const blanks = spread(Array.from({ length: oldRows }, () => positions.map(() => '')), positions, this.headers.length);
      this.steps.push(...blockSteps(shape.sheet, top, shape.columnIndex, blanks));
      this.steps.push(...fillSteps(shape.sheet, this.rowAreas(previouslyHighlighted, positions), null));
    }
    this.resize(table.rows.length);
    this.writeRows(0, table, positions);
    if (table.highlightedRows?.length) this.steps.push(...fillSteps(shape.sheet, this.rowAreas(table.highlightedRows, positions), HIGHLIGHT_FILL_COLOR));
  }

  private writeRows(at: number, table: OutputTable, positions: number[]): void {
    const { shape } = this.table;
    const width = this.headers.length;
    const values = spread(table.rows, positions, width);
    const formats = formatsFor(table, positions, width, values.length);
    this.steps.push(...blockSteps(shape.sheet, firstDataRow(shape) + at, shape.columnIndex, values, formats));
  }

  /** A1 areas covering these data rows under these columns, neighbouring columns joined. */
  rowAreas(rows: number[], positions: number[]): string[] {
    const { shape } = this.table;
    const top = firstDataRow(shape);
    const runs = runsOf([...positions].sort((a, b) => a - b));
    return rows.flatMap((r) => runs.map(([from, to]) => a1(top + r, shape.columnIndex + from, 1, to - from + 1)));
  }

  /** Gives these data rows a fill across the whole table (or clears it, with `null`). */
  fillRows(rows: number[], color: string | null): void {
    const all = this.headers.map((_, i) => i);
    this.steps.push(...fillSteps(this.table.shape.sheet, this.rowAreas(rows, all), color));
  }

  /** The InvoiceNo cells ('' clears one: a credit note), as one block from the first to the last row marked. */
  writeInvoiceNos(updates: InvoiceNoUpdate[]): void {
    this.writeColumn('InvoiceNo', updates.map((u) => ({ index: u.index, value: u.invoiceNo })));
  }

  /** Cells of one column (added when missing), as one block from the first to the last row given (null leaves the rows between). */
  writeColumn(header: string, updates: { index: number; value: string }[]): void {
    if (updates.length === 0) return;
    const [column] = this.positionsOf([header]);
    const { shape } = this.table;
    let first = Infinity;
    let last = -Infinity;
    for (const u of updates) {
      if (u.index >= this.dataRows) throw new Error(`${header} for row ${u.index + 1} of ${shape.name}, which has fewer rows.`);
      first = Math.min(first, u.index);
      last = Math.max(last, u.index);
    }
    const cells: OutputCell[][] = Array.from({ length: last - first + 1 }, () => [null]);
    for (const u of updates) cells[u.index - first] = [u.value];
    this.steps.push(...blockSteps(shape.sheet, firstDataRow(shape) + first, shape.columnIndex + column, cells));
  }
}

/** Steps that make a new sheet holding the table at A1, as a real Excel table with filter buttons. */
export function createTableSteps(sheetName: string, tableName: string, table: OutputTable): WriteStep[] {
  const width = table.columns.length;
  const rows = table.rows.length > 0 ? table.rows : [new Array<OutputCell>(width).fill(null)];
  const values = [table.columns.map((c) => c.header), ...rows.map((r) => r.map((v) => v ?? ''))];
  const positions = table.columns.map((_, i) => i);
  const formats = formatsFor(table, positions, width, rows.length);
  const steps: WriteStep[] = [{
    bytes: CALL_OVERHEAD_BYTES * 2,
    queue: (context) => {
      context.workbook.worksheets.add(sheetName);
    },
  }];
  steps.push(...blockSteps(sheetName, 0, 0, values));
  if (formats) steps.push(...blockSteps(sheetName, 1, 0, rows.map((r) => r.map(() => null)), formats));
  // Wide enough for header and values, as the file adapter makes them (tableColumnWidths.ts).
  const columnWidths = table.columns.map((c, i) => pointsForCharacters(columnWidth(c.header, c.numFmt, rows, i)));
  steps.push({
    bytes: CALL_OVERHEAD_BYTES * (3 + width),
    queue: (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const created = sheet.tables.add(a1(0, 0, rows.length + 1, width), true);
      created.name = tableName;
      created.style = 'TableStyleMedium2';
      columnWidths.forEach((points, i) => {
        sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = points;
      });
    },
  });
  const highlighted = (table.highlightedRows ?? []).map((r) => a1(r + 1, 0, 1, width));
  steps.push(...fillSteps(sheetName, highlighted, HIGHLIGHT_FILL_COLOR));
  return steps;
}

/** Steps that add one invoice's printable sheet: values, formats, bold labels, widths, and its print setup (ExcelApi 1.9 pageLayout). */
export function invoiceSheetSteps(invoice: InvoiceSheet): WriteStep[] {
  const width = Math.max(...invoice.grid.map((row) => row.length), 1);
  const cellAt = (row: (GridCell | null)[], c: number): GridCell | null => row[c] ?? null;
  const values = invoice.grid.map((row) => Array.from({ length: width }, (_, c) => cellAt(row, c)?.value ?? null));
  const formats = invoice.grid.map((row) => Array.from({ length: width }, (_, c) => cellAt(row, c)?.numFmt ?? null));
  const bold = invoice.grid.flatMap((row, r) => row.flatMap((cell, c) => (cell?.bold ? [a1(r, c)] : [])));
  const name = invoice.sheetName;
  return [
    {
      bytes: CALL_OVERHEAD_BYTES * (16 + invoice.columnWidths.length),
      queue: (context) => {
        const sheet = context.workbook.worksheets.add(name);
        // Printed or saved as PDF as the layout says: A4, one page wide, header rows repeated, page n of m.
        const { print } = invoice;
        const layout = sheet.pageLayout;
        layout.orientation = 'Portrait';
        layout.paperSize = print.paperSize;
        layout.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight };
        layout.leftMargin = print.margins.left * POINTS_PER_INCH;
        layout.rightMargin = print.margins.right * POINTS_PER_INCH;
        layout.topMargin = print.margins.top * POINTS_PER_INCH;
        layout.bottomMargin = print.margins.bottom * POINTS_PER_INCH;
        layout.headerMargin = print.margins.header * POINTS_PER_INCH;
        layout.footerMargin = print.margins.footer * POINTS_PER_INCH;
        layout.setPrintArea(print.area);
        layout.setPrintTitleRows(print.titleRows);
        layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
        invoice.columnWidths.forEach((w, i) => {
          sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = pointsForCharacters(w);
        });
      },
    },
    ...blockSteps(name, 0, 0, values, formats),
    ...addressGroups(bold).map((list) => ({
      bytes: list.length + CALL_OVERHEAD_BYTES,
      queue: (context: Excel.RequestContext) => {
        context.workbook.worksheets.getItem(name).getRanges(list).format.font.bold = true;
      },
    })),
  ];
}

/**
 * Steps that make one invoice sheet from the firm's template (docs/invoice-documents.md, "The
 * firm's own template"): `worksheet.copy` (ExcelApi 1.7) carries the template's styles, merged
 * cells, column widths, print setup and pictures; the repeated row's copies are inserted as
 * whole rows below it (pushing everything below down, the print area and pictures with it)
 * and given its formats, merged cells and height with `copyFrom` (ExcelApi 1.9); then one block
 * writes every filled cell, values and the number formats the fill plan sets (null leaves a
 * cell as the copy has it).
 */
export function templateSheetSteps(name: string, fill: TemplateFill): WriteStep[] {
  const steps: WriteStep[] = [{
    bytes: CALL_OVERHEAD_BYTES * 3,
    queue: (context) => {
      const copy = context.workbook.worksheets.getItem(fill.templateSheet).copy('End');
      copy.name = name;
      // A template kept hidden still gives visible invoices.
      copy.visibility = 'Visible';
    },
  }];
  const repeated = fill.repeatedRow;
  if (repeated !== undefined && fill.insertedRows > 0) {
    const rows = `${repeated + 1}:${repeated + fill.insertedRows}`;
    steps.push({
      bytes: CALL_OVERHEAD_BYTES * 3,
      queue: (context) => {
        const sheet = context.workbook.worksheets.getItem(name);
        sheet.getRange(rows).insert('Down');
        sheet.getRange(rows).copyFrom(sheet.getRange(`${repeated}:${repeated}`), 'Formats');
      },
    });
  }
  if (fill.cells.length === 0) return steps;
  const top = Math.min(...fill.cells.map((c) => c.row));
  const bottom = Math.max(...fill.cells.map((c) => c.row));
  const left = Math.min(...fill.cells.map((c) => c.column));
  const right = Math.max(...fill.cells.map((c) => c.column));
  const values: OutputCell[][] = Array.from({ length: bottom - top + 1 }, () => new Array<OutputCell>(right - left + 1).fill(null));
  const formats: (string | null)[][] = values.map((row) => row.map(() => null));
  for (const cell of fill.cells) {
    // Office.js reads null as "leave the cell"; a placeholder without a value must really be cleared.
    values[cell.row - top][cell.column - left] = cell.value ?? '';
    if (cell.numFmt !== undefined) formats[cell.row - top][cell.column - left] = cell.numFmt;
  }
  const hasFormats = fill.cells.some((c) => c.numFmt !== undefined);
  steps.push(...blockSteps(name, top - 1, left - 1, values, hasFormats ? formats : undefined));
  return steps;
}

/** Refuses an invoice sheet whose name is taken, in the command line's words. */
export function checkInvoiceSheetName(name: string, sheetNames: string[]): void {
  if (sheetNames.some((s) => s.toLowerCase() === name.toLowerCase())) {
    throw writeRefusal('SheetNameTaken', name);
  }
}
