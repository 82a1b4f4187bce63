/**
 * One fixture, two adapters: a workbook file is loaded into the fake Excel cell for cell,
 * and both sides are read back as plain cell maps (value, number format, fill, bold), so a
 * test can compare what the Office.js adapter wrote with what the command line wrote.
 */
import ExcelJS from 'exceljs';
import { FakeExcel } from '../fakeExcel/FakeExcel';
import type { SheetModel } from '../fakeExcel/model';
import { readCell } from './readCellValue';
import { pointsForCharacters } from '../../src/excel/writePlan';
import { columnLetters } from '../../src/schema/rawTable';

export interface CellLook {
  value: string | number | boolean;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
}

/** sheet -> address -> look. */
export type WorkbookCells = Map<string, Map<string, CellLook>>;

/** How a sheet prints, in one set of units: inches, addresses without `$`. */
export interface PrintLook {
  paper: string;
  orientation: string;
  area: string;
  titleRows: string;
  margins: number[];
  footer: string;
  fitToWidth?: number;
  fitToHeight?: number;
}

export interface WorkbookLook {
  cells: WorkbookCells;
  /** sheet -> print setup, for sheets given a print area. */
  print: Map<string, PrintLook>;
  /** `name@sheet!A1:B2`, sorted. */
  tables: string[];
  /** sheet -> column widths in points, for the columns given one. */
  widths: Map<string, Map<number, number>>;
  /** sheet -> merged areas (`A10:B10`), sorted. */
  merges: Map<string, string[]>;
  /** sheet -> the pictures' top-left anchor cells (`A1`), top to bottom. */
  pictures: Map<string, string[]>;
  /** sheet -> row heights in points, for the rows given one. */
  heights: Map<string, Map<number, number>>;
}

const MS_PER_DAY = 86_400_000;
/** Days from Excel's day 0 (1899-12-30) to 1970-01-01. */
const EPOCH_SERIAL = 25_569;

function serialOf(date: Date): number {
  return date.getTime() / MS_PER_DAY + EPOCH_SERIAL;
}

/** A cell as Excel shows it (a formula by its cached result), dates as serials. */
function plainValue(cell: ExcelJS.Cell): string | number | boolean | null {
  const v = readCell(cell);
  if (v instanceof Date) return serialOf(v);
  return v;
}

function look(value: string | number | boolean, numberFormat: string | undefined, fill: string | undefined, bold: boolean | undefined): CellLook {
  const out: CellLook = { value };
  if (numberFormat && numberFormat !== 'General') out.numberFormat = numberFormat;
  if (fill && fill.toUpperCase() !== '#FFFFFF') out.fill = fill.toUpperCase();
  if (bold) out.bold = true;
  return out;
}

export async function loadXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function tablesOf(sheet: ExcelJS.Worksheet): { name: string; ref: string; headerRow: boolean; columns: string[] }[] {
  const tables = (sheet as unknown as { tables: Record<string, { model: { name: string; tableRef: string; headerRow?: boolean; columns: { name: string }[] } }> }).tables;
  return Object.values(tables).map((t) => ({
    name: t.model.name,
    ref: t.model.tableRef,
    headerRow: t.model.headerRow !== false,
    columns: t.model.columns.map((c) => c.name),
  }));
}

const noDollars = (address: string | undefined) => (address ?? '').replace(/\$/g, '');
const inches = (values: number[]) => values.map((v) => Math.round(v * 1000) / 1000);

function xlsxPrint(sheet: ExcelJS.Worksheet): PrintLook | undefined {
  const setup = sheet.pageSetup;
  if (!setup.printArea) return undefined;
  const m = setup.margins;
  return {
    paper: setup.paperSize === 9 ? 'A4' : String(setup.paperSize ?? 'Letter'),
    orientation: setup.orientation ?? 'portrait',
    area: noDollars(setup.printArea),
    titleRows: noDollars(setup.printTitlesRow),
    margins: inches(m ? [m.left, m.right, m.top, m.bottom, m.header, m.footer] : []),
    footer: (sheet.headerFooter?.oddFooter ?? '').replace(/^&C/, ''),
    fitToWidth: setup.fitToPage ? setup.fitToWidth : undefined,
    fitToHeight: setup.fitToPage ? setup.fitToHeight : undefined,
  };
}

/** A cell of a merged area other than its top-left one: exceljs reports the top-left's value there, Excel holds nothing. */
const isMergedAway = (cell: ExcelJS.Cell): boolean => cell.type === ExcelJS.ValueType.Merge;

const mergesOf = (sheet: ExcelJS.Worksheet): string[] => [...(sheet.model as unknown as { merges: string[] }).merges ?? []].sort();

/** The pictures' anchor cells, as exceljs reads them (0-based native row and column). */
function picturesOf(sheet: ExcelJS.Worksheet): { row: number; column: number }[] {
  return sheet.getImages().map((image) => ({ row: Math.round(image.range.tl.nativeRow) + 1, column: Math.round(image.range.tl.nativeCol) + 1 }));
}

const anchorList = (pictures: { row: number; column: number }[]) => pictures.map((p) => `${columnLetters(p.column)}${p.row}`).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

/** What a file holds, cell for cell. */
export async function xlsxLook(bytes: Buffer): Promise<WorkbookLook> {
  const wb = await loadXlsx(bytes);
  const print = new Map<string, PrintLook>();
  const cells: WorkbookCells = new Map();
  const widths = new Map<string, Map<number, number>>();
  const merges = new Map<string, string[]>();
  const pictures = new Map<string, string[]>();
  const heights = new Map<string, Map<number, number>>();
  const tables: string[] = [];
  for (const sheet of wb.worksheets) {
    const map = new Map<string, CellLook>();
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (isMergedAway(cell)) return;
        const value = plainValue(cell);
        if (value === null || value === '') return;
        const argb = cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;
        map.set(cell.address, look(value, cell.numFmt, argb ? `#${argb.slice(2)}` : undefined, cell.font?.bold));
      });
    });
    cells.set(sheet.name, map);
    const sheetWidths = new Map<number, number>();
    sheet.columns?.forEach((column, i) => {
      if (column.width !== undefined) sheetWidths.set(i + 1, pointsForCharacters(column.width));
    });
    widths.set(sheet.name, sheetWidths);
    for (const t of tablesOf(sheet)) tables.push(`${t.name}@${sheet.name}!${t.ref}`);
    const printed = xlsxPrint(sheet);
    if (printed) print.set(sheet.name, printed);
    merges.set(sheet.name, mergesOf(sheet));
    pictures.set(sheet.name, anchorList(picturesOf(sheet)));
    heights.set(sheet.name, rowHeightsOf(sheet));
  }
  return { cells, print, tables: tables.sort(), widths, merges, pictures, heights };
}

function rowHeightsOf(sheet: ExcelJS.Worksheet): Map<number, number> {
  const heights = new Map<number, number>();
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height !== undefined && row.height > 0) heights.set(r, row.height);
  });
  return heights;
}

const PAPER: Record<number, string> = { 9: 'A4', 1: 'Letter' };

/** What the fake needs of a sheet besides its cells: merged areas, widths, heights, print setup, pictures, visibility. */
function copySheetSetup(sheet: ExcelJS.Worksheet, model: SheetModel): void {
  for (const merge of mergesOf(sheet)) {
    const [from, to] = merge.split(':');
    const a = sheet.getCell(from).fullAddress;
    const b = sheet.getCell(to ?? from).fullAddress;
    model.merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
  }
  sheet.columns?.forEach((column, i) => {
    if (column.width !== undefined) model.columnWidths.set(i + 1, pointsForCharacters(column.width));
  });
  for (const [row, height] of rowHeightsOf(sheet)) model.rowHeights.set(row, height);
  model.pictures.push(...picturesOf(sheet).map((p, i) => ({ name: `Picture ${i + 1}`, ...p })));
  if (sheet.state === 'hidden') model.visibility = 'Hidden';
  if (sheet.state === 'veryHidden') model.visibility = 'VeryHidden';
  const setup = sheet.pageSetup;
  if (setup.printArea) model.pageLayout.printArea = setup.printArea;
  if (setup.printTitlesRow) model.pageLayout.printTitleRows = setup.printTitlesRow;
  if (setup.paperSize !== undefined) model.pageLayout.paperSize = PAPER[setup.paperSize] ?? String(setup.paperSize);
  if (setup.orientation) model.pageLayout.orientation = setup.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  if (setup.fitToPage) model.pageLayout.zoom = { horizontalFitToPages: setup.fitToWidth, verticalFitToPages: setup.fitToHeight };
  const m = setup.margins;
  if (m) model.pageLayout.margins = { left: m.left * 72, right: m.right * 72, top: m.top * 72, bottom: m.bottom * 72, header: m.header * 72, footer: m.footer * 72 };
  const footer = (sheet.headerFooter?.oddFooter ?? '').replace(/^&C/, '');
  if (footer) model.pageLayout.centerFooter = footer;
}

/**
 * Puts a workbook file into a new fake Excel: every sheet, every cell value, every table.
 * With `setup`, also what the sheets carry besides values: number formats, fills and bold,
 * merged areas, widths, heights, print setup, pictures and visibility (as a template needs).
 */
export async function fakeFromXlsx(bytes: Buffer, options: { setup?: boolean } = {}): Promise<FakeExcel> {
  const wb = await loadXlsx(bytes);
  const fake = new FakeExcel();
  for (const sheet of wb.worksheets) {
    fake.addSheet(sheet.name);
    const model = fake.model.findSheet(sheet.name)!;
    const all = { includeEmpty: Boolean(options.setup) };
    sheet.eachRow(all, (row) => {
      row.eachCell(all, (cell) => {
        if (isMergedAway(cell)) return;
        const value = plainValue(cell);
        if (value !== null) fake.setCells(sheet.name, cell.address, [[value]]);
        if (!options.setup) return;
        const argb = cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;
        const stored = fake.model.getCell(model, Number(cell.row), Number(cell.col));
        fake.model.putCell(model, Number(cell.row), Number(cell.col), {
          ...stored,
          ...(cell.numFmt && cell.numFmt !== 'General' ? { numberFormat: cell.numFmt } : {}),
          ...(argb ? { fill: `#${argb.slice(2)}`.toUpperCase() } : {}),
          ...(cell.font?.bold ? { bold: true } : {}),
        });
      });
    });
    if (options.setup) copySheetSetup(sheet, model);
  }
  for (const sheet of wb.worksheets) {
    for (const t of tablesOf(sheet)) {
      const [from, to] = t.ref.split(':');
      const top = sheet.getCell(from).fullAddress;
      const bottom = sheet.getCell(to ?? from).fullAddress;
      const rows: (string | number | boolean | null)[][] = [];
      for (let r = top.row + 1; r <= bottom.row; r++) {
        const row = [];
        for (let c = top.col; c <= bottom.col; c++) row.push(plainValue(sheet.getCell(r, c)));
        rows.push(row);
      }
      fake.addTable(sheet.name, t.name, from, t.columns, rows);
    }
  }
  return fake;
}

/** What the fake Excel holds, in the same terms as `xlsxLook`. */
export function fakeLook(fake: FakeExcel): WorkbookLook {
  const print = new Map<string, PrintLook>();
  const cells: WorkbookCells = new Map();
  const widths = new Map<string, Map<number, number>>();
  const merges = new Map<string, string[]>();
  const pictures = new Map<string, string[]>();
  const heights = new Map<string, Map<number, number>>();
  for (const sheet of fake.sheetNames()) {
    const map = new Map<string, CellLook>();
    for (const cell of fake.usedCells(sheet)) {
      if (cell.value === '' || cell.value === null) continue;
      map.set(`${columnLetters(cell.column)}${cell.row}`, look(cell.value, cell.numberFormat, cell.fill, cell.bold));
    }
    cells.set(sheet, map);
    const model = fake.model.sheets.find((s) => s.name === sheet)!;
    widths.set(sheet, new Map(model.columnWidths));
    merges.set(sheet, model.merges.map((m) => `${columnLetters(m.left)}${m.top}:${columnLetters(m.right)}${m.bottom}`).sort());
    pictures.set(sheet, anchorList(model.pictures));
    heights.set(sheet, new Map(model.rowHeights));
    const layout = fake.pageLayout(sheet);
    if (layout.printArea !== undefined) {
      const m = layout.margins;
      print.set(sheet, {
        paper: layout.paperSize,
        orientation: layout.orientation.toLowerCase(),
        area: noDollars(layout.printArea),
        titleRows: noDollars(layout.printTitleRows),
        margins: inches([m.left, m.right, m.top, m.bottom, m.header, m.footer].map((points) => points / 72)),
        footer: layout.centerFooter,
        fitToWidth: layout.zoom.horizontalFitToPages,
        fitToHeight: layout.zoom.verticalFitToPages,
      });
    }
  }
  const tables = fake.model.tables.map((t) => {
    const view = fake.table(t.name)!;
    return `${t.name}@${view.address.replace(/^'?(.*?)'?!/, '$1!')}`;
  });
  return { cells, print, tables: tables.sort(), widths, merges, pictures, heights };
}

const PROPERTIES = ['value', 'numberFormat', 'fill', 'bold'] as const;

/**
 * Every cell property either adapter changed, with its value on each side. The fake was
 * given the file's values but not its formats, so a property neither side wrote is not
 * compared, except values, which must agree everywhere.
 */
export function writtenCells(fileBefore: WorkbookLook, file: WorkbookLook, excelBefore: WorkbookLook, excel: WorkbookLook) {
  const out: { at: string; property: string; file: unknown; excel: unknown }[] = [];
  for (const sheet of new Set([...file.cells.keys(), ...excel.cells.keys()])) {
    const f0 = fileBefore.cells.get(sheet) ?? new Map();
    const e0 = excelBefore.cells.get(sheet) ?? new Map();
    const f = file.cells.get(sheet) ?? new Map();
    const e = excel.cells.get(sheet) ?? new Map();
    for (const address of new Set([...f.keys(), ...e.keys(), ...f0.keys(), ...e0.keys()])) {
      for (const property of PROPERTIES) {
        const was = [f0.get(address)?.[property], e0.get(address)?.[property]];
        const now = [f.get(address)?.[property], e.get(address)?.[property]];
        const written = property === 'value' || now[0] !== was[0] || now[1] !== was[1];
        if (written) out.push({ at: `${sheet}!${address}`, property, file: now[0], excel: now[1] });
      }
    }
  }
  return out;
}
