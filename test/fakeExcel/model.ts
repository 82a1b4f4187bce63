/**
 * The workbook the fake Excel holds: sheets with sparse cells, tables as boxes, settings.
 * Cells live in one Map per sheet keyed by row and column, and only cells holding a value or
 * a format exist, so a 100,000-row table costs its cells and nothing more.
 *
 * Changes made during a sync are journalled (the old cell, once per cell) so a sync that fails
 * after running can be undone in full; see `begin`/`rollback`/`commit`.
 */
import { Box, boxCells, boxColumns, boxRows, checkBox, intersect, MAX_COLUMNS, MAX_ROWS } from './addresses';
import { dayFromIso } from '../../src/core/day';
import { FakeOfficeError, invalidArgument, invalidOperation, notImplemented } from './errors';

export type Scalar = string | number | boolean;

/** One stored cell. Immutable: a change replaces the object, which keeps the journal cheap. */
export interface Cell {
  readonly value: Scalar;
  readonly numberFormat?: string;
  readonly fill?: string;
  readonly bold?: boolean;
}

export interface PageLayout {
  orientation: 'Portrait' | 'Landscape';
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** Excel.PaperType as a string (`A4`, `Letter`). */
  paperSize: string;
  /** Margins in points. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** The print area as set (`A1:D40`), or undefined. */
  printArea?: string;
  /** The repeated title rows as set (`$21:$21`), or undefined. */
  printTitleRows?: string;
  /** headersFooters.defaultForAllPages.centerFooter. */
  centerFooter: string;
}

/** A new sheet's page layout, as Excel gives it: Letter, Normal margins (0.7/0.75/0.3 inches). */
export function defaultPageLayout(): PageLayout {
  return { orientation: 'Portrait', zoom: { scale: 100 }, paperSize: 'Letter', margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 }, centerFooter: '' };
}

export function copyPageLayout(layout: PageLayout): PageLayout {
  return { ...layout, zoom: { ...layout.zoom }, margins: { ...layout.margins } };
}

/** A picture or shape (a logo), by its top-left anchor cell: it moves with the cells, as Excel's default placement does. */
export interface Picture {
  name: string;
  /** 1-based anchor row and column. */
  row: number;
  column: number;
}

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface SheetModel {
  id: string;
  name: string;
  cells: Map<number, Cell>;
  /** Column widths in points, only for columns that were set. */
  columnWidths: Map<number, number>;
  autofitColumns: Set<number>;
  pageLayout: PageLayout;
  /** Merged areas. */
  merges: Box[];
  /** Row heights in points, only for rows given one. */
  rowHeights: Map<number, number>;
  pictures: Picture[];
  visibility: SheetVisibility;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  /** Whole table: header row, data body and, when shown, the total row. */
  box: Box;
  showTotals: boolean;
  style: string;
  deleted: boolean;
}

export type CalculationMode = 'Automatic' | 'AutomaticExceptTables' | 'Manual';

/** A change of cell contents, kept so table change events can be raised after the sync. */
export interface CellChange {
  sheet: SheetModel;
  box: Box;
}

/** Excel's default column width: 8.43 characters, 64 pixels, 48 points. */
export const DEFAULT_COLUMN_WIDTH = 48;
const BLANK: Cell = { value: '' };

export function cellKey(row: number, column: number): number {
  return row * MAX_COLUMNS + (column - 1);
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMNS);
}

export function keyColumn(key: number): number {
  return (key % MAX_COLUMNS) + 1;
}

function isBlank(cell: Cell): boolean {
  return cell.value === '' && cell.numberFormat === undefined && cell.fill === undefined && cell.bold === undefined;
}

/** Cells past which the fake refuses per-cell work (formats of whole columns and the like). */
const PER_CELL_LIMIT = 5_000_000;

interface Journal {
  cells: Map<SheetModel, Map<number, Cell | undefined>>;
  restore: (() => void)[];
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  settings = new Map<string, unknown>();
  calculationMode: CalculationMode = 'Automatic';
  enableEvents = true;
  activeSheet: SheetModel | undefined;
  selection: { sheet: SheetModel; box: Box } | undefined;
  /** Contents changes since the last `takeChanges`, for table change events. */
  changes: CellChange[] = [];
  /** Tables added or deleted since the last `takeChanges`, for onAdded/onDeleted. */
  tableEvents: { kind: 'added' | 'deleted'; table: TableModel }[] = [];
  private nextSheetId = 1;
  private nextTableId = 1;
  private journal: Journal | undefined;

  // ---- journal: all-or-nothing syncs -------------------------------------------------

  /** Starts recording; snapshots every small object now (cells are journalled as they change). */
  begin(): void {
    const restore: (() => void)[] = [];
    const top = { sheets: [...this.sheets], tables: [...this.tables], settings: new Map(this.settings), calculationMode: this.calculationMode,
      enableEvents: this.enableEvents, activeSheet: this.activeSheet, selection: this.selection, changes: [...this.changes], tableEvents: [...this.tableEvents] };
    restore.push(() => Object.assign(this, top));
    for (const sheet of this.sheets) {
      const copy = { name: sheet.name, columnWidths: new Map(sheet.columnWidths), autofitColumns: new Set(sheet.autofitColumns),
        pageLayout: copyPageLayout(sheet.pageLayout), merges: sheet.merges.map((b) => ({ ...b })), rowHeights: new Map(sheet.rowHeights),
        pictures: sheet.pictures.map((p) => ({ ...p })), visibility: sheet.visibility };
      restore.push(() => Object.assign(sheet, copy));
    }
    for (const table of this.tables) {
      const copy = { ...table, box: { ...table.box } };
      restore.push(() => Object.assign(table, copy));
    }
    this.journal = { cells: new Map(), restore };
  }

  commit(): void {
    this.journal = undefined;
  }

  rollback(): void {
    const journal = this.journal;
    this.journal = undefined;
    if (!journal) return;
    for (const [sheet, old] of journal.cells) {
      for (const [key, cell] of old) {
        if (cell === undefined) sheet.cells.delete(key);
        else sheet.cells.set(key, cell);
      }
    }
    for (const restore of journal.restore.reverse()) restore();
  }

  takeChanges(): { cells: CellChange[]; tables: { kind: 'added' | 'deleted'; table: TableModel }[] } {
    const out = { cells: this.changes, tables: this.tableEvents };
    this.changes = [];
    this.tableEvents = [];
    return out;
  }

  // ---- sheets --------------------------------------------------------------------------

  findSheet(name: string): SheetModel | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  addSheet(name?: string): SheetModel {
    const sheetName = name ?? this.unusedName('Sheet', (n) => this.findSheet(n) !== undefined);
    this.checkSheetName(sheetName, undefined);
    const sheet: SheetModel = { id: this.newSheetId(), name: sheetName, cells: new Map(),
      columnWidths: new Map(), autofitColumns: new Set(), pageLayout: defaultPageLayout(), merges: [], rowHeights: new Map(), pictures: [], visibility: 'Visible' };
    this.sheets = [...this.sheets, sheet];
    if (!this.activeSheet) this.activeSheet = sheet;
    if (!this.selection) this.selection = { sheet, box: { top: 1, left: 1, bottom: 1, right: 1 } };
    return sheet;
  }

  private newSheetId(): string {
    return `{00000000-0001-0000-0000-${String(this.nextSheetId++).padStart(12, '0')}}`;
  }

  /**
   * Worksheet.copy (ExcelApi 1.7): a new sheet with everything the source holds (cells with
   * their formats, merged areas, column widths, row heights, page layout, pictures, visibility),
   * named as Excel names a copy (`Template (2)`), placed as asked. Sheets holding tables are not
   * modelled (Excel renames the copied tables).
   */
  copySheet(source: SheetModel, position: string, relativeTo: SheetModel | undefined): SheetModel {
    if (this.tablesOn(source).length > 0) throw notImplemented(`Worksheet.copy of a sheet holding tables (${source.name})`);
    let n = 2;
    while (this.findSheet(`${source.name} (${n})`)) n++;
    const name = `${source.name} (${n})`.slice(0, 31);
    this.checkSheetName(name, undefined);
    const sheet: SheetModel = {
      id: this.newSheetId(), name, cells: new Map(source.cells), columnWidths: new Map(source.columnWidths),
      autofitColumns: new Set(source.autofitColumns), pageLayout: copyPageLayout(source.pageLayout), merges: source.merges.map((b) => ({ ...b })),
      rowHeights: new Map(source.rowHeights), pictures: source.pictures.map((p) => ({ ...p })), visibility: source.visibility,
    };
    const sheets = [...this.sheets];
    const at = (s: SheetModel) => sheets.indexOf(s);
    switch (position) {
      case 'End': sheets.push(sheet); break;
      case 'Beginning': sheets.unshift(sheet); break;
      case 'Before':
      case 'After':
        if (!relativeTo || !sheets.includes(relativeTo)) throw invalidArgument(`Worksheet.copy('${position}') needs the worksheet to place it ${position.toLowerCase()}.`);
        sheets.splice(at(relativeTo) + (position === 'After' ? 1 : 0), 0, sheet);
        break;
      default: throw notImplemented(`Worksheet.copy('${position}')`);
    }
    this.sheets = sheets;
    this.changes.push({ sheet, box: this.usedBox(sheet, true) ?? { top: 1, left: 1, bottom: 1, right: 1 } });
    return sheet;
  }

  checkSheetName(name: string, self: SheetModel | undefined): void {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw invalidArgument(`The worksheet name '${name}' is not valid.`);
    }
    const other = this.findSheet(name);
    if (other && other !== self) throw new FakeOfficeError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
  }

  renameSheet(sheet: SheetModel, name: string): void {
    this.checkSheetName(name, sheet);
    sheet.name = name;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw invalidOperation('A workbook must contain at least one visible worksheet.');
    for (const table of this.tables.filter((t) => t.sheet === sheet)) table.deleted = true;
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
    if (this.selection?.sheet === sheet) this.selection = { sheet: this.sheets[0], box: { top: 1, left: 1, bottom: 1, right: 1 } };
  }

  private unusedName(prefix: string, taken: (name: string) => boolean): string {
    for (let n = 1; ; n++) if (!taken(`${prefix}${n}`)) return `${prefix}${n}`;
  }

  // ---- cells ---------------------------------------------------------------------------

  getCell(sheet: SheetModel, row: number, column: number): Cell {
    return sheet.cells.get(cellKey(row, column)) ?? BLANK;
  }

  putCell(sheet: SheetModel, row: number, column: number, cell: Cell): void {
    const key = cellKey(row, column);
    if (this.journal) {
      let old = this.journal.cells.get(sheet);
      if (!old) this.journal.cells.set(sheet, (old = new Map()));
      if (!old.has(key)) old.set(key, sheet.cells.get(key));
    }
    if (isBlank(cell)) sheet.cells.delete(key);
    else sheet.cells.set(key, cell);
  }

  private checkPerCell(box: Box, what: string): void {
    if (boxCells(box) > PER_CELL_LIMIT) throw notImplemented(`${what} on more than ${PER_CELL_LIMIT} cells at once`);
  }

  /** Values as Office.js reads them: a row-major 2-D array, "" for empty cells. */
  readValues(sheet: SheetModel, box: Box): Scalar[][] {
    return this.readGrid(sheet, box, (c) => c.value);
  }

  readNumberFormats(sheet: SheetModel, box: Box): string[][] {
    return this.readGrid(sheet, box, (c) => c.numberFormat ?? 'General');
  }

  /** Displayed text, simplified: no number formatting is applied. */
  readText(sheet: SheetModel, box: Box): string[][] {
    return this.readGrid(sheet, box, (c) => (typeof c.value === 'boolean' ? (c.value ? 'TRUE' : 'FALSE') : String(c.value)));
  }

  private readGrid<T>(sheet: SheetModel, box: Box, pick: (cell: Cell) => T): T[][] {
    const out: T[][] = new Array(boxRows(box));
    for (let r = box.top; r <= box.bottom; r++) {
      const row: T[] = new Array(boxColumns(box));
      for (let c = box.left; c <= box.right; c++) row[c - box.left] = pick(sheet.cells.get(cellKey(r, c)) ?? BLANK);
      out[r - box.top] = row;
    }
    return out;
  }

  /**
   * Applies a written 2-D array (or one value for every cell) to a box. Shape must match;
   * `null` leaves a cell as it is, as Office.js does.
   */
  private writeGrid(box: Box, input: unknown, property: string, apply: (row: number, column: number, item: unknown) => void): void {
    this.checkPerCell(box, `Writing ${property}`);
    if (!Array.isArray(input)) {
      if (input === null) return;
      for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) apply(r, c, input);
      return;
    }
    if (input.length !== boxRows(box) || input.some((row) => !Array.isArray(row) || row.length !== boxColumns(box))) {
      throw invalidArgument(`The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}: range is ${boxRows(box)}x${boxColumns(box)}).`);
    }
    for (let r = box.top; r <= box.bottom; r++) {
      const row = input[r - box.top] as unknown[];
      for (let c = box.left; c <= box.right; c++) {
        const item = row[c - box.left];
        if (item !== null) apply(r, c, item);
      }
    }
  }

  /** Writes values as typed by Office.js: strings that look like numbers etc. become them. */
  writeValues(sheet: SheetModel, box: Box, values: unknown, asFormulas = false): void {
    this.writeGrid(box, values, asFormulas ? 'formulas' : 'values', (r, c, item) => {
      const old = this.getCell(sheet, r, c);
      const typed = asFormulas && typeof item === 'string' && item.startsWith('=') ? { value: item } : typeValue(checkScalar(item), old.numberFormat);
      this.putCell(sheet, r, c, { ...old, value: typed.value, ...(typed.numberFormat && (old.numberFormat ?? 'General') === 'General' ? { numberFormat: typed.numberFormat } : {}) });
    });
    this.changes.push({ sheet, box });
  }

  writeNumberFormats(sheet: SheetModel, box: Box, formats: unknown): void {
    this.writeGrid(box, formats, 'numberFormat', (r, c, item) => {
      if (typeof item !== 'string') throw invalidArgument(`A number format must be a string, got ${JSON.stringify(item)}.`);
      const { numberFormat: _drop, ...rest } = this.getCell(sheet, r, c);
      this.putCell(sheet, r, c, item === '' || item === 'General' ? rest : { ...rest, numberFormat: item });
    });
  }

  setFill(sheet: SheetModel, box: Box, color: string | undefined): void {
    this.eachCell(sheet, box, 'Setting a fill', (cell) => {
      const { fill: _drop, ...rest } = cell;
      return color === undefined ? rest : { ...rest, fill: color };
    });
  }

  setBold(sheet: SheetModel, box: Box, bold: boolean): void {
    this.eachCell(sheet, box, 'Setting bold', (cell) => {
      const { bold: _drop, ...rest } = cell;
      return bold ? { ...rest, bold: true } : rest;
    });
  }

  /** Fill of a box as Excel reports it: one colour, null when mixed, white when none. */
  fillOf(sheet: SheetModel, boxes: Box[]): string | null {
    return this.uniform(sheet, boxes, (c) => c.fill ?? '#FFFFFF') as string | null;
  }

  boldOf(sheet: SheetModel, boxes: Box[]): boolean | null {
    return this.uniform(sheet, boxes, (c) => c.bold ?? false) as boolean | null;
  }

  private uniform(sheet: SheetModel, boxes: Box[], pick: (cell: Cell) => unknown): unknown {
    let seen: unknown = undefined;
    for (const box of boxes) {
      this.checkPerCell(box, 'Reading a format');
      for (let r = box.top; r <= box.bottom; r++) {
        for (let c = box.left; c <= box.right; c++) {
          const v = pick(this.getCell(sheet, r, c));
          if (seen === undefined) seen = v;
          else if (seen !== v) return null;
        }
      }
    }
    return seen;
  }

  clear(sheet: SheetModel, box: Box, applyTo: string): void {
    if (!['All', 'Contents', 'Formats'].includes(applyTo)) throw notImplemented(`Range.clear('${applyTo}')`);
    const contents = applyTo !== 'Formats';
    const formats = applyTo !== 'Contents';
    if (contents) this.changes.push({ sheet, box });
    // Only stored cells can change, so walk the smaller of the box and the sheet's cells.
    const keys = boxCells(box) < sheet.cells.size ? keysInBox(box) : [...sheet.cells.keys()];
    for (const key of keys) {
      const row = keyRow(key);
      const column = keyColumn(key);
      if (row < box.top || row > box.bottom || column < box.left || column > box.right) continue;
      const cell = sheet.cells.get(key);
      if (!cell) continue;
      this.putCell(sheet, row, column, { ...(formats ? {} : cell), value: contents ? '' : cell.value });
    }
  }

  private eachCell(sheet: SheetModel, box: Box, what: string, change: (cell: Cell) => Cell): void {
    this.checkPerCell(box, what);
    for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) this.putCell(sheet, r, c, change(this.getCell(sheet, r, c)));
  }

  /** Bounding box of the cells holding a value (valuesOnly) or anything; undefined when none. */
  /** The smallest box holding every stored cell of the sheet (or of `within`), values only if asked. */
  usedBox(sheet: SheetModel, valuesOnly: boolean, within?: Box): Box | undefined {
    let box: Box | undefined;
    for (const [key, cell] of sheet.cells) {
      if (valuesOnly && cell.value === '') continue;
      const r = keyRow(key);
      const c = keyColumn(key);
      if (within && (r < within.top || r > within.bottom || c < within.left || c > within.right)) continue;
      if (!box) box = { top: r, left: c, bottom: r, right: c };
      else {
        if (r < box.top) box.top = r;
        if (r > box.bottom) box.bottom = r;
        if (c < box.left) box.left = c;
        if (c > box.right) box.right = c;
      }
    }
    return box;
  }

  /** Moves every stored cell matching `pick` by `dRows`/`dColumns` (cells moved onto are replaced). */
  private moveCells(sheet: SheetModel, pick: (row: number, column: number) => boolean, dRows: number, dColumns: number): void {
    const moving: [number, number, Cell][] = [];
    for (const [key, cell] of sheet.cells) {
      const r = keyRow(key);
      const c = keyColumn(key);
      if (pick(r, c)) moving.push([r, c, cell]);
    }
    for (const [r, c] of moving) this.putCell(sheet, r, c, BLANK);
    for (const [r, c, cell] of moving) this.putCell(sheet, r + dRows, c + dColumns, cell);
  }

  /** Range.delete: removes the box's cells and pulls the cells below (Up) or right (Left) in. */
  deleteCells(sheet: SheetModel, box: Box, shift: string): void {
    if (shift !== 'Up' && shift !== 'Left') throw notImplemented(`Range.delete('${shift}')`);
    const up = shift === 'Up';
    for (const table of this.tablesOn(sheet)) this.checkDeleteAgainstTable(table, box, up);
    this.clear(sheet, box, 'All');
    const n = up ? boxRows(box) : boxColumns(box);
    if (up) this.moveCells(sheet, (r, c) => r > box.bottom && c >= box.left && c <= box.right, -n, 0);
    else this.moveCells(sheet, (r, c) => c > box.right && r >= box.top && r <= box.bottom, 0, -n);
    for (const table of this.tablesOn(sheet)) {
      const t = table.box;
      // The checks above leave only tables wholly inside the shifted columns (or rows).
      if (up && t.left >= box.left && t.right <= box.right) {
        if (t.top > box.bottom) t.top -= n;
        if (t.bottom >= box.top) t.bottom -= n;
      }
      if (!up && t.top >= box.top && t.bottom <= box.bottom && t.left > box.right) {
        t.left -= n;
        t.right -= n;
      }
    }
    this.changes.push({ sheet, box: up ? { ...box, bottom: Math.max(box.bottom, this.usedBox(sheet, true)?.bottom ?? box.bottom) } : box });
  }

  /**
   * Range.insert('Down') of whole rows: everything from the first inserted row down moves
   * down (cells, row heights, merged areas, pictures, tables, the print area and title rows;
   * an area the insertion falls inside grows), and the new rows take the formats of the row
   * above them, as Excel's "format same as above" does (not its height or merged areas).
   */
  insertWholeRows(sheet: SheetModel, box: Box, shift: string): void {
    if (shift !== 'Down') throw notImplemented(`Range.insert('${shift}')`);
    if (box.left !== 1 || box.right !== MAX_COLUMNS) throw notImplemented('Range.insert of part of a row (insert whole rows, e.g. getRange("5:7"))');
    const n = boxRows(box);
    const at = box.top;
    const used = this.usedBox(sheet, false);
    if (used && used.bottom + n > MAX_ROWS) throw invalidOperation('Inserting these rows would push cells off the worksheet.');
    this.moveCells(sheet, (r) => r >= at, n, 0);
    const above = at - 1;
    if (above >= 1) {
      for (const [key, cell] of [...sheet.cells]) {
        if (keyRow(key) !== above) continue;
        const formats: Cell = { value: '', ...(cell.numberFormat ? { numberFormat: cell.numberFormat } : {}), ...(cell.fill ? { fill: cell.fill } : {}), ...(cell.bold ? { bold: true } : {}) };
        for (let r = at; r < at + n; r++) this.putCell(sheet, r, keyColumn(key), formats);
      }
    }
    const shiftRow = (row: number) => (row >= at ? row + n : row);
    sheet.rowHeights = new Map([...sheet.rowHeights].map(([row, height]) => [shiftRow(row), height]));
    sheet.merges = sheet.merges.map((m) => ({ ...m, top: shiftRow(m.top), bottom: m.bottom >= at ? m.bottom + n : m.bottom }));
    sheet.pictures = sheet.pictures.map((p) => ({ ...p, row: shiftRow(p.row) }));
    for (const table of this.tablesOn(sheet)) {
      if (table.box.top >= at) table.box = { ...table.box, top: table.box.top + n, bottom: table.box.bottom + n };
      else if (table.box.bottom >= at) throw notImplemented(`Range.insert of rows through the table ${table.name}`);
    }
    const layout = sheet.pageLayout;
    if (layout.printArea) layout.printArea = shiftA1Rows(layout.printArea, at, n);
    if (layout.printTitleRows) layout.printTitleRows = shiftA1Rows(layout.printTitleRows, at, n);
    this.changes.push({ sheet, box: { top: at, left: 1, bottom: Math.max(at + n - 1, used?.bottom ?? at) + n, right: MAX_COLUMNS } });
  }

  /**
   * Range.copyFrom (ExcelApi 1.9) with 'Formats' or 'All': the source's formats (number
   * format, fill, bold, merged areas; the row heights too when both are whole rows), and with
   * 'All' its values, tiled over a destination that is a whole multiple of it.
   */
  copyFrom(sheet: SheetModel, box: Box, fromSheet: SheetModel, from: Box, copyType: string): void {
    if (copyType !== 'Formats' && copyType !== 'All') throw notImplemented(`Range.copyFrom with copyType '${copyType}'`);
    const rows = boxRows(from);
    const columns = boxColumns(from);
    if (boxRows(box) % rows !== 0 || boxColumns(box) % columns !== 0) throw notImplemented('Range.copyFrom onto a range that is not a whole multiple of the source');
    const source: [number, number, Cell][] = [];
    for (const [key, cell] of fromSheet.cells) {
      const r = keyRow(key);
      const c = keyColumn(key);
      if (r >= from.top && r <= from.bottom && c >= from.left && c <= from.right) source.push([r - from.top, c - from.left, cell]);
    }
    const sourceMerges = fromSheet.merges.filter((m) => intersect(m, from)).map((m) => ({ top: m.top - from.top, left: m.left - from.left, bottom: m.bottom - from.top, right: m.right - from.left }));
    const wholeRows = box.left === 1 && box.right === MAX_COLUMNS && from.left === 1 && from.right === MAX_COLUMNS;
    // The destination's own formats go first (only stored cells can hold any).
    this.clear(sheet, box, copyType === 'All' ? 'All' : 'Formats');
    sheet.merges = sheet.merges.filter((m) => !intersect(m, box));
    for (let top = box.top; top <= box.bottom; top += rows) {
      for (let left = box.left; left <= box.right; left += columns) {
        for (const [dr, dc, cell] of source) {
          const old = this.getCell(sheet, top + dr, left + dc);
          this.putCell(sheet, top + dr, left + dc, copyType === 'All' ? cell : { ...cell, value: old.value });
        }
        for (const m of sourceMerges) sheet.merges.push({ top: top + m.top, left: left + m.left, bottom: top + m.bottom, right: left + m.right });
        if (wholeRows) {
          for (let r = 0; r < rows; r++) {
            const height = fromSheet.rowHeights.get(from.top + r);
            if (height === undefined) sheet.rowHeights.delete(top + r);
            else sheet.rowHeights.set(top + r, height);
          }
        }
      }
    }
    if (copyType === 'All') this.changes.push({ sheet, box });
  }

  /**
   * Excel refuses to shift cells through part of a table, and the fake refuses to take a
   * table's header row or its last data row (Excel would convert or keep a blank row).
   */
  private checkDeleteAgainstTable(table: TableModel, box: Box, up: boolean): void {
    const t = table.box;
    const hit = intersect(t, box);
    const shifted = up ? t.bottom > box.bottom && t.right >= box.left && t.left <= box.right : t.right > box.right && t.bottom >= box.top && t.top <= box.bottom;
    if (!hit && !shifted) return;
    if (!up) throw notImplemented(`Range.delete('Left') across the table ${table.name}`);
    if (t.left < box.left || t.right > box.right) {
      throw invalidOperation(`This operation is not allowed. The operation is attempting to shift cells in a table (${table.name}) on your worksheet.`);
    }
    if (!hit) return;
    const bodyBottom = t.bottom - (table.showTotals ? 1 : 0);
    if (box.top <= t.top || box.bottom > bodyBottom) throw notImplemented(`Range.delete of the header or total row of the table ${table.name}`);
    if (box.top === t.top + 1 && box.bottom === bodyBottom) throw notImplemented(`Range.delete of every data row of the table ${table.name}`);
  }

  /** Inserts `n` blank rows at `row` in columns left..right; tables in those columns move down. */
  insertRows(sheet: SheetModel, left: number, right: number, row: number, n: number): void {
    for (const table of this.tablesOn(sheet)) {
      const t = table.box;
      const below = t.bottom >= row;
      if (below && (t.left < left || t.right > right) && t.right >= left && t.left <= right) {
        throw invalidOperation(`This operation is not allowed. The operation is attempting to shift cells in a table (${table.name}) on your worksheet.`);
      }
    }
    this.moveCells(sheet, (r, c) => r >= row && c >= left && c <= right, n, 0);
    for (const table of this.tablesOn(sheet)) {
      const t = table.box;
      if (t.left < left || t.right > right) continue;
      if (t.top >= row) t.top += n;
      if (t.bottom >= row) t.bottom += n;
    }
  }

  setColumnWidth(sheet: SheetModel, box: Box, width: number): void {
    if (typeof width !== 'number' || !(width >= 0)) throw invalidArgument(`columnWidth must be a non-negative number, got ${JSON.stringify(width)}.`);
    for (let c = box.left; c <= box.right; c++) {
      sheet.columnWidths.set(c, width);
      sheet.autofitColumns.delete(c);
    }
  }

  columnWidthOf(sheet: SheetModel, box: Box): number | null {
    const first = sheet.columnWidths.get(box.left) ?? DEFAULT_COLUMN_WIDTH;
    for (let c = box.left + 1; c <= box.right; c++) if ((sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH) !== first) return null;
    return first;
  }

  // ---- tables ---------------------------------------------------------------------------

  tablesOn(sheet: SheetModel): TableModel[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }

  findTable(name: string): TableModel | undefined {
    const wanted = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === wanted);
  }

  headerNames(table: TableModel): string[] {
    return this.readValues(table.sheet, { ...table.box, bottom: table.box.top })[0].map(String);
  }

  bodyBox(table: TableModel): Box {
    return { ...table.box, top: table.box.top + 1, bottom: table.box.bottom - (table.showTotals ? 1 : 0) };
  }

  checkTableName(name: string, self: TableModel | undefined): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RC]$/i.test(name) || name.length > 255) {
      throw invalidArgument(`The table name '${name}' is not valid: it must start with a letter or underscore and hold no spaces.`);
    }
    const other = this.findTable(name);
    if (other && other !== self) throw new FakeOfficeError('ItemAlreadyExists', `A table named '${name}' already exists.`);
  }

  private checkNoOverlap(sheet: SheetModel, box: Box, self: TableModel | undefined): void {
    for (const table of this.tablesOn(sheet)) {
      if (table !== self && intersect(table.box, box)) throw invalidOperation(`A table can't overlap another table (${table.name}).`);
    }
  }

  /**
   * tables.add: with headers the first row names the columns (blank or repeated names are
   * made unique as Excel does); without, a header row is inserted above the data. A table of
   * only a header row gets Excel's one blank data row.
   */
  addTable(sheet: SheetModel, box: Box, hasHeaders: boolean, name?: string): TableModel {
    checkBox(box);
    const table: TableModel = { id: String(this.nextTableId++), name: name ?? this.unusedName('Table', (n) => this.findTable(n) !== undefined),
      sheet, box: { ...box }, showTotals: false, style: 'TableStyleMedium2', deleted: false };
    this.checkTableName(table.name, undefined);
    if (!hasHeaders) {
      this.checkNoOverlap(sheet, box, undefined);
      this.insertRows(sheet, box.left, box.right, box.top, 1);
      table.box.bottom += 1;
    }
    if (boxRows(table.box) === 1) table.box.bottom += 1;
    this.checkNoOverlap(sheet, table.box, undefined);
    this.tables = [...this.tables, table];
    this.normalizeHeaders(table);
    this.tableEvents.push({ kind: 'added', table });
    return table;
  }

  /** Header cells become unique text names, blank ones "Column1", "Column2", ... */
  normalizeHeaders(table: TableModel): void {
    const raw = this.readValues(table.sheet, { ...table.box, bottom: table.box.top })[0];
    const taken = new Set<string>();
    let counter = 1;
    const names = raw.map((v) => {
      let name = String(v);
      if (name === '') {
        while (taken.has(`column${counter}`) || raw.some((x) => String(x).toLowerCase() === `column${counter}`)) counter++;
        name = `Column${counter++}`;
      }
      let unique = name;
      for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name}${n}`;
      taken.add(unique.toLowerCase());
      return unique;
    });
    if (names.some((n, i) => n !== raw[i])) {
      const header = { ...table.box, bottom: table.box.top };
      this.writeGrid(header, [names], 'values', (r, c, item) => this.putCell(table.sheet, r, c, { ...this.getCell(table.sheet, r, c), value: item as string }));
    }
  }

  renameTable(table: TableModel, name: string): void {
    this.checkTableName(name, table);
    table.name = name;
  }

  /** Table.resize: the top-left cell (and so the header row) stays; the table takes in the cells. */
  resizeTable(table: TableModel, box: Box): void {
    if (box.top !== table.box.top || box.left !== table.box.left) {
      throw invalidArgument(`The table ${table.name} can only be resized to a range with the same top-left cell and header row.`);
    }
    if (boxRows(box) < 2) throw invalidArgument('A table needs a header row and at least one data row.');
    this.checkNoOverlap(table.sheet, box, table);
    table.box = { ...box };
    this.normalizeHeaders(table);
  }

  /** Table.delete removes the table and its cells' contents and formats. */
  deleteTable(table: TableModel): void {
    this.clear(table.sheet, table.box, 'All');
    table.deleted = true;
    this.tables = this.tables.filter((t) => t !== table);
    this.tableEvents.push({ kind: 'deleted', table });
  }

  /** rows.add: appends (or inserts at a body index) rows; the table grows over what is below. */
  addTableRows(table: TableModel, index: number | null | undefined, values: unknown): void {
    const body = this.bodyBox(table);
    const bodyRows = boxRows(body);
    const rows = values === undefined || values === null ? [new Array(boxColumns(body)).fill('')] : values;
    if (!Array.isArray(rows) || rows.length === 0) throw invalidArgument('TableRowCollection.add: values must be a non-empty 2-D array.');
    const n = rows.length;
    const at = index === null || index === undefined ? bodyRows : index;
    if (!Number.isInteger(at) || at < 0 || at > bodyRows) throw invalidArgument(`TableRowCollection.add: index ${index} is outside the table.`);
    // An empty table's one blank data row is Excel's placeholder: added rows fill it first.
    const placeholder = bodyRows === 1 && at === 1 && this.readValues(table.sheet, body)[0].every((v) => v === '');
    const firstNew = placeholder ? body.top : body.top + at;
    if (at < bodyRows) {
      this.insertRows(table.sheet, table.box.left, table.box.right, firstNew, n); // grows this table too
    } else {
      const grow = placeholder ? n - 1 : n;
      if (table.showTotals) this.moveCells(table.sheet, (r, c) => r === table.box.bottom && c >= table.box.left && c <= table.box.right, grow, 0);
      table.box.bottom += grow;
      this.checkNoOverlap(table.sheet, table.box, table);
    }
    this.writeValues(table.sheet, { ...body, top: firstNew, bottom: firstNew + n - 1 }, rows);
  }

  /** columns.add at the right end: values (header first) and/or a name for the header. */
  addTableColumn(table: TableModel, index: number | null | undefined, values: unknown, name: string | undefined): void {
    const columns = boxColumns(table.box);
    if (index !== null && index !== undefined && index !== columns) throw notImplemented('TableColumnCollection.add at an index other than the end');
    const column = table.box.right + 1;
    const box: Box = { ...table.box, left: column, right: column };
    checkBox(box);
    this.checkNoOverlap(table.sheet, box, table);
    if (values !== undefined && values !== null) this.writeValues(table.sheet, box, values);
    else this.clear(table.sheet, box, 'Contents');
    const header = name ?? (values === undefined || values === null ? '' : this.getCell(table.sheet, box.top, column).value);
    this.putCell(table.sheet, box.top, column, { ...this.getCell(table.sheet, box.top, column), value: String(header) });
    table.box.right = column;
    this.normalizeHeaders(table);
  }

  setShowTotals(table: TableModel, show: boolean): void {
    if (show === table.showTotals) return;
    const row: Box = { ...table.box, top: table.box.bottom + 1, bottom: table.box.bottom + 1 };
    if (show) {
      checkBox(row);
      this.checkNoOverlap(table.sheet, row, table);
      table.box.bottom += 1;
      table.showTotals = true;
      this.writeValues(table.sheet, { ...row, right: row.left }, [['Total']]);
    } else {
      this.clear(table.sheet, { ...table.box, top: table.box.bottom }, 'All');
      table.box.bottom -= 1;
      table.showTotals = false;
    }
  }
}

function* keysInBox(box: Box): Generator<number> {
  for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) yield cellKey(r, c);
}

/** Office.js refuses what JSON cannot carry; the fake also refuses Date objects and NaN. */
function checkScalar(item: unknown): Scalar {
  if (typeof item === 'string' || typeof item === 'boolean') return item;
  if (typeof item === 'number' && Number.isFinite(item)) return item;
  throw invalidArgument(`A cell value must be a string, a finite number or a boolean (dates as serial numbers), got ${item instanceof Date ? 'a Date' : JSON.stringify(item)}.`);
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;

/**
 * Excel types what it is given like a person typing: "00123" becomes the number 123,
 * "TRUE" a boolean, "2026-01-31" a date serial, "5%" 0.05, unless the cell is text ('@');
 * a leading apostrophe keeps text. Other locale formats are not parsed.
 */
export function typeValue(item: Scalar, numberFormat: string | undefined): { value: Scalar; numberFormat?: string } {
  if (typeof item !== 'string' || numberFormat === '@') return { value: item };
  const text = item.trim();
  if (item.startsWith("'")) return { value: item.slice(1) };
  if (NUMBER.test(text)) return { value: Number(text) };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
  if (PERCENT.test(text)) return { value: Number(text.slice(0, -1)) / 100, numberFormat: '0%' };
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayFromIso(text) : undefined;
  if (day !== undefined) return { value: day, numberFormat: 'yyyy-mm-dd' };
  return { value: item };
}

/**
 * An A1 address (`A1:D40`, `$21:$21`) after inserting `n` rows at row `at`: rows from `at`
 * down move down, so an area that starts above and ends at or below `at` grows.
 */
export function shiftA1Rows(address: string, at: number, n: number): string {
  return address.replace(/(\$?[A-Z]{0,3}\$?)(\d+)/g, (_all, prefix: string, row: string) => {
    const r = Number(row);
    return `${prefix}${r >= at ? r + n : r}`;
  });
}
