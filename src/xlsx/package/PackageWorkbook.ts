/**
 * The .xlsx adapter: the WorkbookPort over a workbook file, read and written as the package
 * it is (a zip of XML parts), so nothing the file holds is lost. Reading streams only the
 * sheets that hold tables; writing keeps every part the run has no reason to change as it
 * was, transforms the sheets it writes into as streams, and adds the sheets and tables it
 * creates. It lays out nothing itself: it writes the blocks `buildResultTables` gives.
 * Every change is kept in memory until `toBytes`, so a write that fails half way leaves
 * nothing behind.
 */
import type { BillingResult } from '../../engine/billingResult';
import type { CreditResult } from '../../engine/creditInvoice';
import {
  buildCreditTables,
  buildResultTables,
  EXCEPTION_FILL_COLOR,
  freeSheetName,
  HIGHLIGHT_FILL_COLOR,
  isPreviewSheetName,
  type InvoiceSheet,
  type OutputCell,
  type OutputTable,
  type PreviewSheet,
  type PrintSetup,
  type RegisterUpdate,
  type ResultTables,
} from '../../engine/resultTables';
import { columnWidth } from '../../engine/tableColumnWidths';
import type { WorkbookPort } from '../../engine/workbookPort';
import { writeRefusal } from '../../engine/writeRefusals';
import { cellAddress, columnLetters, headerKey, type CellValue, type RawTable, type RawWorkbook } from '../../schema/rawTable';
import { cellKey, encodeRange, type Box } from './cellRefs';
import { valueCellXml } from './cellXml';
import { SheetEdits } from './sheetEdits';
import { readSheetCellsInTwo, SPLIT_MIN_BYTES, startSecondHalf, type RowThread, type SecondHalf } from './sheetHalves';
import { readSheetCells, type CapturedCell, type SheetCells } from './sheetReader';
import { spliceSheet } from './sheetSplicer';
import { transformSheet } from './sheetWriter';
import { updateSheetTitles } from './appProperties';
import { StyleSheet, type StyleOp } from './styleSheet';
import {
  ContentTypes, readSharedStrings, REL_CALC_CHAIN, REL_NS, REL_SHARED_STRINGS, REL_STYLES, REL_TABLE, REL_WORKSHEET,
  Relationships, TablePart, TYPE_STYLES, TYPE_TABLE, TYPE_WORKSHEET, workbookPartPath,
} from './workbookParts';
import { ZipPackage, type Deflater, type ZipInput } from './zipPackage';
import { copySheetRelationships, filledSheetXml, ownedParts, readTemplateCells, repointFormula } from './templateCopy';
import type { TemplateFill } from '../../engine/invoiceTemplate/fillInvoiceTemplate';
import { invoiceTemplateSheetName, isSheetNamed } from '../../schema/readInvoiceTemplate';
import { childElements, documentXml, escapeAttr, escapeText, firstChild, localName, parseXml, sibling, textOf, type XmlElement } from './xmlTree';

const argb = (hex: string): string => `FF${hex.slice(1).toUpperCase()}`;
export const EXCEPTION_FILL_ARGB = argb(EXCEPTION_FILL_COLOR);
const HIGHLIGHT_FILL_ARGB = argb(HIGHLIGHT_FILL_COLOR);
const ADD_EXCEPTION: StyleOp = `fill:${EXCEPTION_FILL_ARGB}`;
const CLEAR_EXCEPTION: StyleOp = `clearFill:${EXCEPTION_FILL_ARGB}`;
const ADD_HIGHLIGHT: StyleOp = `fill:${HIGHLIGHT_FILL_ARGB}`;
const CLEAR_HIGHLIGHT: StyleOp = `clearFill:${HIGHLIGHT_FILL_ARGB}`;
const numFmtOp = (numFmt: string): StyleOp => `numFmt:${numFmt}`;

/**
 * A sheet read for its tables is kept inflated for the write up to this size (the 33 MB sheet
 * of 100,000 time entries: inflating it twice cost a tenth of the run), and inflated again
 * above it (453 MB at a million entries: memory counts more there).
 */
const KEEP_READ_BYTES = 128 * 1024 * 1024;
/**
 * A new table's rows are joined into texts of about this many characters before they are
 * encoded: a short joined text is flattened and encoded while its pieces are still in the
 * cache (1M entries: about 1.5 s less than texts of a million characters; a row at a time costs more, in calls).
 */
const CHUNK_CHARS = 1 << 14;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** Excel's paper size codes. */
const PAPER_SIZES: Record<PrintSetup['paperSize'], number> = { A4: 9 };
const PLAIN_WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const MACRO_WORKBOOK_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

interface Sheet {
  name: string;
  /** The `<sheet>` element in workbook.xml. */
  element: XmlElement;
  path: string;
  kind: 'worksheet' | 'other';
  rels: Relationships | undefined;
  tables: TablePart[];
  /** Cells as read (tables and where anything is), until the sheet changes. */
  cells?: SheetCells;
  /** The inflated part the cells were read from, kept for the write when it is under KEEP_READ_BYTES. */
  readBytes?: Uint8Array;
  edits: SheetEdits;
}

/** A sheet's part inflated before its turn, and the second thread reading its rows after a cut. */
interface ReadAhead {
  bytes: Uint8Array;
  second: SecondHalf | undefined;
}

/** A large sheet read alone is cut in the middle of its rows. */
const HALF = 0.5;

interface TableHandle {
  sheet: Sheet;
  part: TablePart;
}

/** A new sheet's content, written when the package is. */
interface NewSheet {
  path: string;
  columnWidths: number[];
  /** An invoice's print setup; a table sheet has none. */
  print: PrintSetup | undefined;
  rows: (push: (xml: string) => void) => void;
  tableRelId?: string;
  dimension: string;
}

/**
 * What the platform adds to reading a file, where it has it (the command line: a second
 * thread for large sheets, nodeSheetReader.ts; zlib's inflate and the input's deflated parts, nodeZipInput.ts).
 */
export interface ReadHelpers {
  rowThread?: RowThread;
  zipInputFor?: (input: Uint8Array) => ZipInput;
  /** Sheets at least this large are read in two halves (SPLIT_MIN_BYTES; tests lower it to split small workbooks). */
  splitMinBytes?: number;
}

export class PackageWorkbook implements WorkbookPort {
  private readonly sheets: Sheet[];
  private readonly newSheets = new Map<Sheet, NewSheet>();
  private readonly removedParts = new Set<string>();
  private readonly nextPartNumbers = new Map<string, number>();
  private sharedStrings: string[] | undefined;
  private written = false;
  /** The worksheets as the file had them, to tell whether docProps/app.xml must list others. */
  private readonly worksheetsAtOpen: string[];

  private constructor(
    private readonly pkg: ZipPackage,
    private readonly contentTypes: ContentTypes,
    private readonly workbookPath: string,
    private readonly workbookRoot: XmlElement,
    private readonly workbookRels: Relationships,
    private readonly styles: StyleSheet,
    private readonly stylesPath: string,
    private readonly date1904: boolean,
    private readonly helpers: ReadHelpers,
  ) {
    this.sheets = this.readSheets();
    this.worksheetsAtOpen = this.worksheetNames();
  }

  /** Opens a workbook from the bytes of an .xlsx or .xlsm file; throws when they are not one. */
  static async load(data: Uint8Array | ArrayBuffer): Promise<PackageWorkbook> {
    return PackageWorkbook.open(data instanceof Uint8Array ? data : new Uint8Array(data));
  }

  static open(bytes: Uint8Array, helpers: ReadHelpers = {}): PackageWorkbook {
    const pkg = ZipPackage.open(bytes, helpers.zipInputFor?.(bytes));
    const contentTypes = ContentTypes.read(pkg);
    const workbookPath = workbookPartPath(pkg);
    const text = pkg.text(workbookPath);
    if (text === undefined) throw new Error('The file has no workbook part.');
    const workbookRoot = parseXml(text);
    if (localName(workbookRoot.name) !== 'workbook') throw new Error('The workbook part is not a workbook.');
    const workbookRels = Relationships.read(pkg, workbookPath);
    let stylesPath = workbookRels.ofType(REL_STYLES)[0];
    const stylesText = stylesPath === undefined ? undefined : pkg.text(stylesPath);
    if (stylesPath === undefined || stylesText === undefined) {
      // A workbook without styles (some generators write none): give it Excel's minimal one.
      stylesPath = `${workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1)}styles.xml`;
      pkg.set(stylesPath, StyleSheet.minimalXml());
      workbookRels.add(REL_STYLES, stylesPath);
      contentTypes.override(stylesPath, TYPE_STYLES);
    }
    const styles = new StyleSheet(parseXml(pkg.text(stylesPath)!));
    const pr = firstChild(workbookRoot, 'workbookPr');
    const date1904 = pr?.attrs.date1904 === '1' || pr?.attrs.date1904 === 'true';
    return new PackageWorkbook(pkg, contentTypes, workbookPath, workbookRoot, workbookRels, styles, stylesPath, date1904, helpers);
  }

  private readSheets(): Sheet[] {
    const list = firstChild(this.workbookRoot, 'sheets');
    const out: Sheet[] = [];
    for (const element of list ? childElements(list, 'sheet') : []) {
      const idKey = Object.keys(element.attrs).find((k) => k.endsWith(':id'));
      const rel = idKey === undefined ? undefined : this.workbookRels.all().find((r) => r.id === element.attrs[idKey]);
      const path = rel?.target ?? '';
      const isWorksheet = rel?.type === REL_WORKSHEET && this.pkg.has(path);
      const sheet: Sheet = { name: element.attrs.name ?? '', element, path, kind: isWorksheet ? 'worksheet' : 'other', rels: undefined, tables: [], edits: new SheetEdits() };
      if (isWorksheet) {
        sheet.rels = Relationships.read(this.pkg, path);
        for (const tablePath of sheet.rels.ofType(REL_TABLE)) {
          const xml = this.pkg.text(tablePath);
          if (xml === undefined) continue;
          const part = new TablePart(tablePath, parseXml(xml));
          if (part.name !== '') sheet.tables.push(part);
        }
      }
      out.push(sheet);
    }
    return out;
  }

  /** Names of the sheets, in tab order. */
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  private worksheetNames(): string[] {
    return this.sheets.filter((s) => s.kind === 'worksheet').map((s) => s.name);
  }

  // ---- reading ----------------------------------------------------------------------

  private context() {
    if (!this.sharedStrings) {
      const path = this.workbookRels.ofType(REL_SHARED_STRINGS)[0];
      this.sharedStrings = readSharedStrings(path === undefined ? undefined : this.pkg.bytes(path));
    }
    return { sharedStrings: this.sharedStrings, styles: this.styles, date1904: this.date1904 };
  }

  /**
   * The sheet's cells as read: every table's box as values, anything else only where it is not
   * blank. `ahead` is its part already inflated and the second thread already reading the rows
   * after a cut (readAhead).
   */
  private cellsOf(sheet: Sheet, ahead?: ReadAhead): SheetCells {
    if (sheet.cells) return sheet.cells;
    const { boxes, capture } = this.readRequest(sheet);
    const bytes = ahead?.bytes ?? (this.newSheets.has(sheet) ? undefined : this.pkg.bytes(sheet.path));
    sheet.readBytes = bytes && bytes.length <= KEEP_READ_BYTES ? bytes : undefined;
    const thread = this.helpers.rowThread;
    if (!bytes) sheet.cells = { boxes: [], regions: [], others: new Set(), captured: new Map() };
    else if (thread) sheet.cells = readSheetCellsInTwo(bytes, boxes, capture, this.context(), ahead ? ahead.second : startSecondHalf(bytes, boxes, capture, this.context(), thread, HALF, this.splitMinBytes()));
    else sheet.cells = readSheetCells(bytes, boxes, capture, this.context());
    return sheet.cells;
  }

  /** What reading a sheet asks for: each table's box, and the rows kept whole (a table's edges, a totals row that may move). */
  private readRequest(sheet: Sheet): { boxes: Box[]; capture: Set<number> } {
    const capture = new Set<number>();
    for (const t of sheet.tables) {
      const box = t.box;
      capture.add(box.top);
      capture.add(box.bottom);
      if (box.bottom > box.top) capture.add(box.bottom - 1);
    }
    return { boxes: sheet.tables.map((t) => t.box), capture };
  }

  /**
   * Starts the second thread on the rows after a cut of the largest of these sheets before any
   * of them is read, so it reads them while this thread reads the other sheets and the rows
   * before the cut; the cut is placed so the two threads finish together.
   */
  private readAhead(sheets: Sheet[]): Map<Sheet, ReadAhead> {
    const thread = this.helpers.rowThread;
    const sizes = sheets.map((s) => (this.newSheets.has(s) ? 0 : this.pkg.inflatedSize(s.path)));
    const largest = sizes.indexOf(Math.max(0, ...sizes));
    if (!thread || largest < 0 || sizes[largest] < this.splitMinBytes()) return new Map();
    const sheet = sheets[largest];
    const bytes = this.pkg.bytes(sheet.path)!;
    const others = sizes.reduce((sum, size) => sum + size, 0) - sizes[largest];
    // This thread also unpacks the other's rows, about a tenth of reading them.
    const firstShare = Math.min(HALF, Math.max(0.1, (0.9 * bytes.length - others) / (1.9 * bytes.length)));
    const { boxes, capture } = this.readRequest(sheet);
    return new Map([[sheet, { bytes, second: startSecondHalf(bytes, boxes, capture, this.context(), thread, firstShare, this.splitMinBytes()) }]]);
  }

  private splitMinBytes(): number {
    return this.helpers.splitMinBytes ?? SPLIT_MIN_BYTES;
  }

  async readTables(): Promise<RawWorkbook> {
    return this.rawTables();
  }

  rawTables(): RawWorkbook {
    const tables: RawTable[] = [];
    for (const sheet of this.sheets) if (sheet.cells?.filledRows) sheet.cells = undefined;
    const ahead = this.readAhead(this.sheets.filter((s) => s.tables.length > 0 && !s.cells));
    for (const sheet of this.sheets) {
      if (sheet.tables.length === 0) continue;
      const cells = this.cellsOf(sheet, ahead.get(sheet));
      sheet.tables.forEach((part, i) => {
        const box = part.box;
        const headers = part.columns;
        const headerRow = part.hasHeaderRow ? box.top : box.top - 1;
        const firstData = headerRow + 1 - box.top;
        const lastData = box.bottom - (part.hasTotalsRow ? 1 : 0) - box.top;
        const region = cells.regions[i];
        const rows: CellValue[][] = [];
        for (let r = firstData; r <= lastData; r++) {
          const row = region[r];
          rows.push(row.length === headers.length ? row : headers.map((_, c) => row[c] ?? null));
        }
        tables.push({ name: part.name, sheet: sheet.name, headerRow, firstColumn: box.left, headers, rows });
      });
      // The values now belong to the caller; what a write checks is only which rows hold something.
      cells.filledRows = cells.regions.map((region) => Uint8Array.from(region, (row) => (row.some((v) => v !== null && v !== '') ? 1 : 0)));
      cells.regions = [];
    }
    const raw: RawWorkbook = { tables, sheets: this.sheetNames() };
    const template = this.templateSheet(invoiceTemplateSheetName(raw));
    if (template) raw.invoiceTemplate = { name: template.name, cells: readTemplateCells(this.pkg.text(template.path) ?? '', this.context()) };
    return raw;
  }

  /** The worksheet Settings InvoiceTemplate names, when the workbook has it. */
  private templateSheet(name: string): Sheet | undefined {
    return this.sheets.find((s) => s.kind === 'worksheet' && isSheetNamed(s.name, name));
  }

  // ---- writing ----------------------------------------------------------------------

  async writeResult(result: BillingResult): Promise<void> {
    this.writeLayout(buildResultTables(result));
  }

  /** Writes a credit note (creditInvoice): its register rows and sheet, the original's Status, the cleared marks. */
  async writeCredit(credit: CreditResult): Promise<void> {
    this.writeLayout(buildCreditTables(credit));
  }

  private writeLayout(layout: ResultTables): void {
    this.written = true;
    // Every check that can refuse comes first, so a refused write changes nothing.
    const taken = this.sheets.filter((s) => !isPreviewSheetName(s.name)).map((s) => s.name.toLowerCase());
    for (const sheet of layout.invoiceSheets) {
      if (taken.includes(sheet.sheetName.toLowerCase())) {
        throw writeRefusal('SheetNameTaken', sheet.sheetName);
      }
    }
    if (!layout.preview) for (const table of layout.tables) this.checkTable(table);
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
    for (const update of layout.registerUpdates ?? []) this.writeRegisterCell(update);
    this.writeInvoiceNos(layout.invoiceNoCells);
    if (!layout.keepExceptionFills) this.markExceptionRows(layout.exceptionRows);
  }

  /** One cell of a register row written earlier (a credited invoice's Status); the column is added when missing. */
  private writeRegisterCell(update: RegisterUpdate): void {
    const handle = this.findTable(update.table);
    if (!handle) throw new Error(`Register ${update.table}, which the workbook does not have.`);
    const [column] = this.columnIndexes(handle, [update.column]);
    const data = this.dataBox(handle.part);
    handle.sheet.edits.setValue(data.top + update.index, data.left + column, update.value);
  }

  /**
   * Appends rows to an existing input table (ProjectTree for Create project) under its last
   * filled row; the table grows to hold them. A column the table lacks is added at its right
   * end only when a new row has a value for it. Refuses (WorkbookWriteError) to grow over
   * cells that hold something.
   */
  appendRows(tableName: string, headers: string[], rows: OutputCell[][]): void {
    const handle = this.findTable(tableName);
    if (!handle) throw writeRefusal('NoSuchTable', tableName);
    const has = (header: string) => handle.part.columns.some((c) => headerKey(c) === headerKey(header));
    const keep = headers.map((h, i) => has(h) || rows.some((row) => row[i] !== null && row[i] !== ''));
    const columns = headers.filter((_, i) => keep[i]).map((header) => ({ header }));
    const kept = rows.map((row) => row.filter((_, i) => keep[i]).map((v) => (v === '' ? null : v)));
    const table: OutputTable = { name: tableName as OutputTable['name'], mode: 'append', columns, rows: kept };
    this.written = true;
    this.checkTable(table);
    this.appendTable(table);
  }

  /**
   * Adds a sheet holding one table at A1 (a real Excel table with filter buttons): how a
   * test, or a tool preparing a workbook, puts the contract's tables into a file that lacks them.
   */
  addTableSheet(sheetName: string, tableName: string, columns: { header: string; numFmt?: string }[], rows: OutputCell[][]): void {
    this.written = true;
    this.createTable(sheetName, tableName, { name: tableName as OutputTable['name'], mode: 'replace', columns, rows });
  }

  // ---- tables -------------------------------------------------------------------------

  private findTable(name: string): TableHandle | undefined {
    const wanted = name.toLowerCase();
    for (const sheet of this.sheets) for (const part of sheet.tables) if (part.name.toLowerCase() === wanted) return { sheet, part };
    return undefined;
  }

  private dataBox(part: TablePart): Box {
    const box = part.box;
    return { ...box, top: box.top + (part.hasHeaderRow ? 1 : 0), bottom: box.bottom - (part.hasTotalsRow ? 1 : 0) };
  }

  /** The value of a cell as it now stands: the run's own edit if any, else as read. */
  private valueAt(sheet: Sheet, row: number, column: number): CellValue {
    const content = sheet.edits.contentAt(row, column);
    if (content) return 'value' in content ? content.value : content.captured.value;
    for (const region of sheet.edits.regions) {
      const b = region.box;
      if (region.clearValue && row >= b.top && row <= b.bottom && column >= b.left && column <= b.right) return null;
    }
    const cells = this.cellsOf(sheet);
    for (let i = 0; i < cells.boxes.length; i++) {
      const box = cells.boxes[i];
      if (row >= box.top && row <= box.bottom && column >= box.left && column <= box.right) {
        // Once the tables were handed out, a row of a table counts as filled in every column when it holds anything.
        if (cells.filledRows) return cells.filledRows[i][row - box.top] === 1 ? 'x' : null;
        return cells.regions[i][row - box.top]?.[column - box.left] ?? null;
      }
    }
    return cells.others.has(cellKey(row, column)) ? 'x' : null;
  }

  private isBlankAt(sheet: Sheet, row: number, column: number): boolean {
    const v = this.valueAt(sheet, row, column);
    return v === null || v === '';
  }

  /** Refuses a table write that would need cells holding something, before anything is changed. */
  private checkTable(table: OutputTable): void {
    const handle = this.findTable(table.name);
    if (!handle || table.rows.length === 0) return;
    const { sheet, part } = handle;
    const box = part.box;
    const missing = table.columns.filter((c) => !part.columns.some((h) => headerKey(h) === headerKey(c.header)));
    if (missing.length > 0 && !part.hasHeaderRow) {
      throw writeRefusal('NoHeaderRow', part.name, missing[0].header);
    }
    missing.forEach((c, i) => {
      const column = box.right + 1 + i;
      for (let r = box.top; r <= box.bottom; r++) {
        if (!this.isBlankAt(sheet, r, column)) {
          throw writeRefusal('ColumnInTheWay', part.name, c.header, cellAddress(sheet.name, r, column));
        }
      }
    });
  }

  /** Index of each contract column in the table, adding any missing one at the right end. */
  private columnIndexes(handle: TableHandle, headers: string[]): number[] {
    return headers.map((h) => {
      const found = handle.part.columns.findIndex((c) => headerKey(c) === headerKey(h));
      return found >= 0 ? found : this.addColumn(handle, h);
    });
  }

  private filterRef(part: TablePart, box: Box): string | undefined {
    if (!part.hasHeaderRow) return undefined;
    return encodeRange({ ...box, bottom: box.bottom - (part.hasTotalsRow ? 1 : 0) }, columnLetters);
  }

  /** Widens the table by one column at its right end; refuses to take in cells that hold data. */
  private addColumn(handle: TableHandle, header: string): number {
    const { sheet, part } = handle;
    if (!part.hasHeaderRow) throw writeRefusal('NoHeaderRow', part.name, header);
    const box = part.box;
    const column = box.right + 1;
    for (let r = box.top; r <= box.bottom; r++) {
      if (!this.isBlankAt(sheet, r, column)) {
        throw writeRefusal('ColumnInTheWay', part.name, header, cellAddress(sheet.name, r, column));
      }
    }
    const left = this.capturedAt(sheet, box.top, box.right);
    sheet.edits.setValue(box.top, column, header);
    if (left && left.s !== 0) sheet.edits.setStyle(box.top, column, left.s);
    part.addColumn(header);
    const grown = { ...box, right: column };
    part.setRef(encodeRange(grown, columnLetters), this.filterRef(part, grown));
    return part.columns.length - 1;
  }

  private capturedAt(sheet: Sheet, row: number, column: number): CapturedCell | undefined {
    return this.cellsOf(sheet).captured.get(row)?.find((c) => c.column === column);
  }

  /**
   * Moves the table's bottom edge so it holds `dataRows` data rows, checking the cells it
   * takes in. A totals row moves along under the data, formulas and look unchanged.
   */
  private resizeRows(handle: TableHandle, dataRows: number): void {
    const { sheet, part } = handle;
    const box = part.box;
    const data = this.dataBox(part);
    const totals = part.hasTotalsRow ? 1 : 0;
    const newBottom = data.top + Math.max(dataRows, 1) - 1;
    for (let r = box.bottom + 1; r <= newBottom + totals; r++) {
      for (let c = box.left; c <= box.right; c++) {
        if (!this.isBlankAt(sheet, r, c)) {
          throw writeRefusal('RowsInTheWay', part.name, newBottom + totals, cellAddress(sheet.name, r, c));
        }
      }
    }
    if (totals === 1 && newBottom !== data.bottom) {
      const from = data.bottom + 1;
      const to = newBottom + 1;
      const totalsCells = this.cellsOf(sheet).captured.get(from) ?? [];
      const above = this.cellsOf(sheet).captured.get(from - 1) ?? [];
      for (let c = box.left; c <= box.right; c++) {
        const source = totalsCells.find((x) => x.column === c);
        if (source) sheet.edits.setCaptured(to, c, source, source.s);
        else sheet.edits.setValue(to, c, null);
        // The old totals row becomes a data row when the table grows: give it the look of the row above.
        sheet.edits.setValue(from, c, null);
        sheet.edits.setStyle(from, c, from <= newBottom ? (above.find((x) => x.column === c)?.s ?? 0) : 0);
      }
    }
    const grown = { ...box, bottom: newBottom + totals };
    part.setRef(encodeRange(grown, columnLetters), this.filterRef(part, grown));
  }

  private writeRow(sheet: Sheet, row: number, left: number, indexes: number[], table: OutputTable, values: OutputCell[], highlight = false): void {
    indexes.forEach((index, i) => {
      const ops: StyleOp[] = [];
      const numFmt = table.columns[i].numFmt;
      if (numFmt) ops.push(numFmtOp(numFmt));
      if (highlight) ops.push(ADD_HIGHLIGHT);
      sheet.edits.setValue(row, left + index, values[i], ops);
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
    const data = this.dataBox(handle.part);
    let used = 0;
    for (let r = data.bottom; r >= data.top; r--) {
      let blank = true;
      for (let c = data.left; c <= data.right && blank; c++) blank = this.isBlankAt(handle.sheet, r, c);
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
    const old = this.dataBox(handle.part);
    for (const index of indexes) {
      const column = old.left + index;
      handle.sheet.edits.region({ top: old.top, bottom: old.bottom, left: column, right: column }, true, [CLEAR_HIGHLIGHT]);
    }
    this.resizeRows(handle, table.rows.length);
    const highlighted = new Set(table.highlightedRows);
    table.rows.forEach((values, i) => this.writeRow(handle.sheet, old.top + i, old.left, indexes, table, values, highlighted.has(i)));
  }

  // ---- new sheets ---------------------------------------------------------------------

  private freeSheetName(wanted: string): string {
    return freeSheetName(wanted, this.sheetNames());
  }

  private newPartName(folder: string, stem: string, extension = 'xml'): string {
    const removed = new Set([...this.removedParts].map((p) => p.toLowerCase()));
    const series = `${folder}/${stem}.${extension}`;
    // Numbers go on from the last one given: a run adds a thousand invoice sheets.
    for (let n = this.nextPartNumbers.get(series) ?? 1; ; n++) {
      const name = `${folder}/${stem}${n}${extension === '' ? '' : `.${extension}`}`;
      if (!this.pkg.hasNameInAnyCase(name) && !removed.has(name.toLowerCase())) {
        this.nextPartNumbers.set(series, n + 1);
        return name;
      }
    }
  }

  /** Adds a worksheet at the end of the tabs; its content is written with the package (or set by the caller: `undefined`). */
  private addSheet(name: string, content: Omit<NewSheet, 'path'> | undefined): Sheet {
    const folder = `${this.workbookPath.slice(0, this.workbookPath.lastIndexOf('/') + 1)}worksheets`.replace(/^\//, '');
    const path = this.newPartName(folder, 'sheet');
    this.pkg.set(path, '');
    const relId = this.workbookRels.add(REL_WORKSHEET, path);
    let list = firstChild(this.workbookRoot, 'sheets');
    if (!list) {
      list = sibling(this.workbookRoot, 'sheets');
      this.workbookRoot.children.push(list);
    }
    const ids = childElements(list, 'sheet').map((s) => Number(s.attrs.sheetId) || 0);
    const relPrefix = this.relationshipPrefix();
    const element = sibling(list, 'sheet', { name, sheetId: String(Math.max(0, ...ids) + 1), [`${relPrefix}:id`]: relId });
    list.children.push(element);
    this.contentTypes.override(path, TYPE_WORKSHEET);
    const sheet: Sheet = { name, element, path, kind: 'worksheet', rels: undefined, tables: [], edits: new SheetEdits(), cells: { boxes: [], regions: [], others: new Set(), captured: new Map() } };
    this.sheets.push(sheet);
    if (content) this.newSheets.set(sheet, { path, ...content });
    return sheet;
  }

  /** The prefix workbook.xml gives the relationships namespace (`r` as a rule), declaring it when missing. */
  private relationshipPrefix(): string {
    for (const [k, v] of Object.entries(this.workbookRoot.attrs)) if (k.startsWith('xmlns:') && v === REL_NS) return k.slice(6);
    this.workbookRoot.attrs['xmlns:r'] = REL_NS;
    return 'r';
  }

  private nextTableId(): number {
    let max = 0;
    for (const s of this.sheets) for (const t of s.tables) max = Math.max(max, t.id);
    return max + 1;
  }

  /** A new sheet holding the table at A1, as a real Excel table with filter buttons. */
  private createTable(sheetName: string, tableName: string, table: OutputTable): void {
    const width = table.columns.length;
    const rows = table.rows.length > 0 ? table.rows : [new Array<null>(width).fill(null)];
    const styles = table.columns.map((c) => (c.numFmt ? this.styles.apply(0, [numFmtOp(c.numFmt)]) : 0));
    const highlighted = new Set(table.highlightedRows ?? []);
    const highlight = highlighted.size === 0 ? styles : styles.map((s) => this.styles.apply(s, [ADD_HIGHLIGHT]));
    const ref = encodeRange({ top: 1, left: 1, bottom: rows.length + 1, right: width }, columnLetters);
    const sheet = this.addSheet(this.freeSheetName(sheetName), {
      columnWidths: table.columns.map((c, i) => columnWidth(c.header, c.numFmt, rows, i)),
      print: undefined,
      dimension: ref,
      rows: (push) => {
        push(`<row r="1">${table.columns.map((c, i) => valueCellXml('', 1, i + 1, 0, c.header)).join('')}</row>`);
        let chunk = '';
        rows.forEach((values, r) => {
          const s = highlighted.has(r) ? highlight : styles;
          chunk += `<row r="${r + 2}">`;
          for (let c = 0; c < width; c++) chunk += valueCellXml('', r + 2, c + 1, s[c], values[c] ?? null);
          chunk += '</row>';
          if (chunk.length > CHUNK_CHARS) {
            push(chunk);
            chunk = '';
          }
        });
        push(chunk);
      },
    });
    const tablePath = this.newPartName('xl/tables', 'table');
    const id = this.nextTableId();
    const columnsXml = table.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(c.header)}"/>`).join('');
    // headerRowCount and hiddenButton spelled out, though Excel's defaults: exceljs reads their absence as "none" and "hidden".
    const buttons = table.columns.map((_, i) => `<filterColumn colId="${i}" hiddenButton="0"/>`).join('');
    const xml =
      `<table xmlns="${MAIN_NS}" id="${id}" name="${escapeAttr(tableName)}" displayName="${escapeAttr(tableName)}" ref="${ref}" totalsRowShown="0" headerRowCount="1">` +
      `<autoFilter ref="${ref}">${buttons}</autoFilter><tableColumns count="${width}">${columnsXml}</tableColumns>` +
      '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>';
    const part = new TablePart(tablePath, parseXml(xml));
    part.changed = true;
    sheet.tables.push(part);
    sheet.rels = Relationships.read(this.pkg, sheet.path);
    this.newSheets.get(sheet)!.tableRelId = sheet.rels.add(REL_TABLE, tablePath);
    this.contentTypes.override(tablePath, TYPE_TABLE);
    this.pkg.set(tablePath, '');
  }

  private writeInvoiceSheet(invoice: InvoiceSheet): void {
    if (this.sheets.some((s) => s.name.toLowerCase() === invoice.sheetName.toLowerCase())) {
      throw writeRefusal('SheetNameTaken', invoice.sheetName);
    }
    if (invoice.template) {
      this.writeTemplateCopy(invoice.sheetName, invoice.template);
      return;
    }
    let right = 1;
    for (const row of invoice.grid) right = Math.max(right, row.length);
    const sheet = this.addSheet(invoice.sheetName, {
      columnWidths: invoice.columnWidths,
      // Printed or saved as PDF as the layout says: A4, one page wide, header rows repeated, page n of m.
      print: invoice.print,
      dimension: encodeRange({ top: 1, left: 1, bottom: Math.max(1, invoice.grid.length), right }, columnLetters),
      rows: (push) => {
        let out = '';
        invoice.grid.forEach((row, r) => {
          const cells = row.map((cell, c) => {
            if (!cell) return '';
            const ops: StyleOp[] = [];
            if (cell.numFmt) ops.push(numFmtOp(cell.numFmt));
            if (cell.bold) ops.push('bold');
            return valueCellXml('', r + 1, c + 1, this.styles.apply(0, ops), cell.value);
          });
          if (cells.some((c) => c !== '')) out += `<row r="${r + 1}">${cells.join('')}</row>`;
        });
        push(out);
      },
    });
    const at = String(this.sheets.indexOf(sheet));
    const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
    const absolute = (ref: string) => ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    this.defineName('_xlnm.Print_Area', at, `${quoted}!${absolute(invoice.print.area)}`);
    this.defineName('_xlnm.Print_Titles', at, `${quoted}!${invoice.print.titleRows}`);
  }

  /**
   * One invoice's sheet as a filled copy of the template (templateCopy.ts), at the end of
   * the tabs, with the template's print area and print titles pointed at the copy.
   */
  private writeTemplateCopy(sheetName: string, fill: TemplateFill): void {
    const template = this.templateSheet(fill.templateSheet);
    if (!template) throw new Error(`The invoice template sheet ${fill.templateSheet} is gone since the workbook was read.`);
    const shift = { repeatedRow: fill.repeatedRow ?? Number.MAX_SAFE_INTEGER, inserted: fill.insertedRows };
    const copy = this.addSheet(sheetName, undefined);
    const copier = { pkg: this.pkg, contentTypes: this.contentTypes, newPartName: (folder: string, stem: string, ext: string) => this.newPartName(folder, stem, ext) };
    const kept = copySheetRelationships(copier, template.path, copy.path, shift);
    this.pkg.set(copy.path, filledSheetXml(this.pkg.text(template.path) ?? '', fill, this.styles, kept));
    copy.rels = Relationships.read(this.pkg, copy.path);
    const templateAt = String(this.sheets.indexOf(template));
    const copyAt = String(this.sheets.indexOf(copy));
    const names = firstChild(this.workbookRoot, 'definedNames');
    for (const name of names ? childElements(names, 'definedName') : []) {
      if (name.attrs.localSheetId !== templateAt || (name.attrs.name !== '_xlnm.Print_Area' && name.attrs.name !== '_xlnm.Print_Titles')) continue;
      this.defineName(name.attrs.name, copyAt, repointFormula(textOf(name), template.name, copy.name, shift));
    }
  }

  /** A defined name of the workbook (local to a sheet when `localSheetId` is given), in its place in workbook.xml. */
  private defineName(name: string, localSheetId: string | undefined, value: string): void {
    let names = firstChild(this.workbookRoot, 'definedNames');
    if (!names) {
      names = sibling(this.workbookRoot, 'definedNames');
      const before = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
      const at = this.workbookRoot.children.findIndex((c) => typeof c !== 'string' && before.includes(localName(c.name)));
      if (at < 0) this.workbookRoot.children.push(names);
      else this.workbookRoot.children.splice(at, 0, names);
    }
    const attrs: Record<string, string> = localSheetId === undefined ? { name } : { name, localSheetId };
    names.children.push(sibling(names, 'definedName', attrs, [value]));
  }

  private writePreviewSheet(preview: PreviewSheet): void {
    this.createTable(preview.sheetName, preview.tableName, preview.table);
  }

  private deletePreviewSheets(): void {
    const doomed = this.sheets.filter((s) => isPreviewSheetName(s.name));
    if (doomed.length === 0) return;
    const list = firstChild(this.workbookRoot, 'sheets')!;
    const indexOf = (s: Sheet) => this.sheets.indexOf(s);
    const removedIndexes = doomed.map(indexOf);
    this.fixDefinedNames(removedIndexes);
    for (const sheet of doomed) {
      list.children = list.children.filter((c) => c !== sheet.element);
      this.workbookRels.removeTarget(sheet.path);
      // A preview of a template copy took its drawing along; the pictures it shares stay.
      for (const part of ownedParts(this.pkg, sheet.path)) this.removePart(part);
      for (const t of sheet.tables) this.removePart(t.path);
      if (sheet.rels) this.removePart(sheet.rels.path);
      this.removePart(sheet.path);
      this.newSheets.delete(sheet);
      this.sheets.splice(indexOf(sheet), 1);
    }
    const view = firstChild(firstChild(this.workbookRoot, 'bookViews') ?? this.workbookRoot, 'workbookView');
    if (view && Number(view.attrs.activeTab ?? 0) >= this.sheets.length) view.attrs.activeTab = '0';
    if (view && Number(view.attrs.firstSheet ?? 0) >= this.sheets.length) view.attrs.firstSheet = '0';
  }

  /** Names local to a removed sheet go with it; those of later sheets follow their sheet's new position. */
  private fixDefinedNames(removed: number[]): void {
    const names = firstChild(this.workbookRoot, 'definedNames');
    if (!names) return;
    names.children = names.children.filter((c) => {
      if (typeof c === 'string' || c.attrs.localSheetId === undefined) return true;
      const at = Number(c.attrs.localSheetId);
      if (removed.includes(at)) return false;
      c.attrs.localSheetId = String(at - removed.filter((r) => r < at).length);
      return true;
    });
    if (childElements(names).length === 0) this.workbookRoot.children = this.workbookRoot.children.filter((c) => c !== names);
  }

  private removePart(path: string): void {
    this.pkg.remove(path);
    this.contentTypes.remove(path);
    this.removedParts.add(path);
  }

  // ---- write-backs --------------------------------------------------------------------

  /** Writes the InvoiceNo cells, looking each table and its InvoiceNo column up once. */
  private writeInvoiceNos(updates: { table: string; index: number; invoiceNo: string }[]): void {
    const targets = new Map<string, { handle: TableHandle; column: number; data: Box }>();
    for (const { table: tableName, index, invoiceNo } of updates) {
      let target = targets.get(tableName);
      if (!target) {
        const handle = this.findTable(tableName);
        if (!handle) throw new Error(`Invoice number for table ${tableName}, which the workbook does not have.`);
        const [column] = this.columnIndexes(handle, ['InvoiceNo']);
        target = { handle, column, data: this.dataBox(handle.part) };
        targets.set(tableName, target);
      }
      const { handle, column, data } = target;
      const row = data.top + index;
      if (row > data.bottom) throw new Error(`Invoice number for row ${index + 1} of ${tableName}, which has fewer rows.`);
      // '' clears the mark (a credit note): the cell becomes blank, not an empty text.
      handle.sheet.edits.setValue(row, data.left + column, invoiceNo === '' ? null : invoiceNo);
    }
  }

  /** Fills exception rows of TimeEntries; clears the engine's own fill from every other row. */
  private markExceptionRows(rows: number[]): void {
    const handle = this.findTable('TimeEntries');
    if (!handle) return;
    const data = this.dataBox(handle.part);
    handle.sheet.edits.region(data, false, [CLEAR_EXCEPTION]);
    for (const index of rows) {
      const r = data.top + index;
      for (let c = data.left; c <= data.right; c++) handle.sheet.edits.restyle(r, c, [ADD_EXCEPTION]);
    }
  }

  // ---- the file -----------------------------------------------------------------------

  /**
   * Types the workbook part as macro-enabled (an `.xlsm` result) or plain (`.xlsx`): Excel
   * refuses a file whose extension does not match that type. A plain result of a macro
   * workbook leaves the VBA project out, as Excel's own "save as .xlsx" does.
   */
  setMacroEnabled(enabled: boolean): void {
    const type = this.contentTypes.typeOf(this.workbookPath);
    const isMacro = type === MACRO_WORKBOOK_TYPE;
    if (enabled && !isMacro) this.contentTypes.override(this.workbookPath, MACRO_WORKBOOK_TYPE);
    if (enabled || !isMacro) return;
    this.contentTypes.override(this.workbookPath, PLAIN_WORKBOOK_TYPE);
    for (const r of this.workbookRels.all()) {
      if (!r.type.endsWith('/vbaProject')) continue;
      this.workbookRels.removeId(r.id);
      const rels = Relationships.read(this.pkg, r.target);
      for (const signature of rels.all()) if (!signature.external) this.removePart(signature.target);
      this.removePart(rels.path);
      this.removePart(r.target);
    }
  }


  /** The file's bytes as the workbook now stands; in the browser too. */
  async toBytes(): Promise<Uint8Array> {
    return this.packageBytes();
  }

  /** The file's bytes as a Node Buffer (the command line). */
  async toBuffer(): Promise<Buffer> {
    const bytes = this.packageBytes();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The file's bytes; `deflater` is the platform's faster deflate where there is one (nodeDeflater.ts). */
  packageBytes(level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6, deflater?: Deflater): Uint8Array {
    let sheetsChanged = false;
    for (const sheet of this.sheets) {
      const made = this.newSheets.get(sheet);
      if (made) {
        this.pkg.setStream(sheet.path, (push) => this.writeNewSheet(sheet, made, push));
        if (sheet.rels) sheet.rels.save(this.pkg);
        for (const t of sheet.tables) t.save(this.pkg);
        continue;
      }
      if (!sheet.edits.isEmpty()) {
        sheetsChanged = true;
        const layout = sheet.cells?.layout;
        // A large sheet is inflated again only when its turn comes, so no two of them are held at once.
        this.pkg.setStream(sheet.path, (push) => {
          const source = sheet.readBytes ?? this.pkg.inputBytes(sheet.path);
          if (layout) spliceSheet(source, sheet.edits, this.styles, layout, push);
          else transformSheet(source, sheet.edits, this.styles, push);
        });
      }
      for (const t of sheet.tables) t.save(this.pkg);
    }
    if (sheetsChanged || this.removedParts.size > 0) this.dropCalcChain();
    if (this.written) this.askToRecalculate();
    const worksheets = this.worksheetNames();
    if (worksheets.length !== this.worksheetsAtOpen.length || worksheets.some((name, i) => name !== this.worksheetsAtOpen[i])) {
      updateSheetTitles(this.pkg, this.worksheetsAtOpen, worksheets);
    }
    this.pkg.set(this.workbookPath, documentXml(this.workbookRoot));
    this.workbookRels.save(this.pkg);
    this.contentTypes.save(this.pkg);
    // Written after every sheet, whose cells may have asked for new styles.
    this.pkg.setStream(this.stylesPath, (push) => push(this.styles.xml()), true);
    return this.pkg.toBytes(level, deflater);
  }

  /** The calculation chain names formula cells; Excel rebuilds it when it is missing, and repairs a file whose chain is wrong. */
  private dropCalcChain(): void {
    for (const path of this.workbookRels.ofType(REL_CALC_CHAIN)) {
      this.workbookRels.removeTarget(path);
      this.removePart(path);
    }
  }

  /** Formulas that depend on what the run wrote are recalculated when the file is opened. */
  private askToRecalculate(): void {
    let calc = firstChild(this.workbookRoot, 'calcPr');
    if (!calc) {
      calc = sibling(this.workbookRoot, 'calcPr', { calcId: '191029' });
      // calcPr follows definedNames (or sheets) in the schema's order.
      const after = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
      const at = this.workbookRoot.children.findIndex((c) => typeof c !== 'string' && after.includes(localName(c.name)));
      if (at < 0) this.workbookRoot.children.push(calc);
      else this.workbookRoot.children.splice(at, 0, calc);
    }
    calc.attrs.fullCalcOnLoad = '1';
  }

  private writeNewSheet(sheet: Sheet, made: NewSheet, push: (xml: string) => void): void {
    const relPrefix = 'r';
    push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:${relPrefix}="${REL_NS}">`);
    const print = made.print;
    if (print) push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    push(`<dimension ref="${made.dimension}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>`);
    if (made.columnWidths.length > 0) {
      push(`<cols>${made.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
    }
    push('<sheetData>');
    made.rows(push);
    push('</sheetData>');
    const m = print?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
    push(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
    if (print) {
      push(`<pageSetup paperSize="${PAPER_SIZES[print.paperSize]}" orientation="${print.orientation}" fitToWidth="${print.fitToWidth}" fitToHeight="${print.fitToHeight}"/>`);
      push(`<headerFooter><oddFooter>${escapeText(`&C${print.footer}`)}</oddFooter></headerFooter>`);
    }
    if (made.tableRelId) push(`<tableParts count="1"><tablePart ${relPrefix}:id="${made.tableRelId}"/></tableParts>`);
    push('</worksheet>');
    void sheet;
  }
}

