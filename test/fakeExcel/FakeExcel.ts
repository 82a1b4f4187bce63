/// <reference types="office-js" />
/**
 * An in-memory Excel behind the Office.js API, for testing the add-in without Excel.
 * See README.md in this folder for what it models and what it does not.
 *
 *     const fake = FakeExcel.fromTables(rawTables);
 *     await adapterFunction(fake.run);          // fake.run is an ExcelRun
 *     expect(fake.syncCount).toBeLessThan(10);
 *     expect(fake.cell('Invoices', 2, 1)?.value).toBe('INV-0001');
 */
import { cellAddress, CellValue, RawTable } from '../../src/schema/rawTable';
import { dayFromUtcDate } from '../../src/core/day';
import { Box, intersect, localAddress, parseBox, sheetAddress, splitSheet } from './addresses';
import { Batch, FakeContext, SyncHost } from './context';
import { FakeOfficeError, invalidArgument, itemNotFound, PAYLOAD_LIMIT_BYTES } from './errors';
import { CalculationMode, Cell, cellKey, copyPageLayout, DEFAULT_COLUMN_WIDTH, keyColumn, keyRow, PageLayout, Scalar, SheetModel, WorkbookModel } from './model';
import type { HandlerScope, LoadSink } from './proxyBase';

export { FakeOfficeError } from './errors';

export interface SyncLogEntry {
  /** JSON length of every queued write's arguments. */
  requestBytes: number;
  /** JSON length of everything loaded. */
  responseBytes: number;
  writes: number;
  loads: number;
  screenUpdatingSuspended: boolean;
  apiCalculationSuspended: boolean;
  /** The error code when this sync failed. */
  error?: string;
}

export interface CellView {
  value: Scalar;
  numberFormat: string;
  fill: string | undefined;
  bold: boolean;
}

export interface TableView {
  sheet: string;
  /** Sheet-qualified, header row to last row. */
  address: string;
  headers: string[];
  /** Data body rows (an empty table has its one blank row). */
  rowCount: number;
  style: string;
  showTotals: boolean;
}

const PAYLOAD_ERRORS = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

export class FakeExcel implements SyncHost {
  readonly model = new WorkbookModel();
  /** Every sync, including failed ones and the implicit one at the end of run. */
  syncCount = 0;
  syncLog: SyncLogEntry[] = [];
  /** The next n syncs holding a write fail as if a person were editing a cell. */
  editingCellForSyncs = 0;
  private readonly handlers = new Map<number, { scope: HandlerScope; handler: (args: unknown) => unknown }>();
  private nextHandlerId = 1;
  private pendingEvents: Promise<unknown>[] = [];
  private eventErrors: unknown[] = [];

  /** Excel.run: a fresh context; what is still queued when the batch returns is synced. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.hasQueued()) await context.sync();
      return result;
    } finally {
      context.close();
    }
  };

  // ---- syncing -------------------------------------------------------------------------

  async executeSync(context: FakeContext, batch: Batch): Promise<void> {
    await Promise.resolve(); // a sync is a round trip: it never completes synchronously
    this.syncCount++;
    const writes = batch.steps.filter((s) => s.kind === 'write');
    const entry: SyncLogEntry = {
      requestBytes: writes.reduce((n, s) => n + s.bytes, 0),
      responseBytes: 0,
      writes: writes.length,
      loads: batch.steps.filter((s) => s.kind === 'load').length,
      screenUpdatingSuspended: batch.screenUpdatingSuspended,
      apiCalculationSuspended: batch.apiCalculationSuspended,
    };
    this.syncLog.push(entry);
    try {
      if (writes.length > 0 && this.editingCellForSyncs > 0) {
        this.editingCellForSyncs--;
        throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
      }
      if (entry.requestBytes > PAYLOAD_LIMIT_BYTES) {
        throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size (${entry.requestBytes} bytes) has exceeded the limit.`);
      }
      this.runSteps(context, batch, entry);
    } catch (error) {
      entry.error = error instanceof FakeOfficeError ? error.code : 'GeneralException';
      throw error;
    }
  }

  /**
   * Runs the steps in order. A payload failure undoes the whole batch (Excel rejects it as
   * one request); any other failure leaves the steps before it applied, as Excel does.
   */
  private runSteps(context: FakeContext, batch: Batch, entry: SyncLogEntry): void {
    const sink: LoadSink = { bytes: 0, commits: [] };
    this.model.begin();
    context.executing = true;
    try {
      for (const step of batch.steps) {
        step.run(sink);
        if (sink.bytes > PAYLOAD_LIMIT_BYTES) {
          throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size (over ${sink.bytes} bytes) has exceeded the limit.`);
        }
      }
    } catch (error) {
      if (error instanceof FakeOfficeError && PAYLOAD_ERRORS.has(error.code)) this.model.rollback();
      else {
        this.model.commit();
        this.deliverEvents('Local');
      }
      throw error;
    } finally {
      context.executing = false;
      entry.responseBytes = sink.bytes;
    }
    this.model.commit();
    for (const commit of sink.commits) commit();
    this.deliverEvents('Local');
  }

  // ---- events ----------------------------------------------------------------------------

  addHandler(scope: HandlerScope, handler: (args: unknown) => unknown): number {
    const id = this.nextHandlerId++;
    this.handlers.set(id, { scope, handler });
    return id;
  }

  removeHandler(id: number): void {
    this.handlers.delete(id);
  }

  /** Raises table events for what changed, after the change, as Excel does (asynchronously). */
  private deliverEvents(source: 'Local' | 'Remote'): void {
    const { cells, tables } = this.model.takeChanges();
    if (!this.model.enableEvents) return;
    for (const { kind, table } of tables) {
      const args = kind === 'added'
        ? { type: 'TableAdded', source, tableId: table.id, worksheetId: table.sheet.id }
        : { type: 'TableDeleted', source, tableId: table.id, tableName: table.name, worksheetId: table.sheet.id };
      this.dispatch(kind, table.id, table.sheet.id, args);
    }
    for (const change of cells) {
      for (const table of this.model.tablesOn(change.sheet)) {
        const hit = intersect(table.box, change.box);
        if (!hit) continue;
        const args = { type: 'TableChanged', changeType: 'RangeEdited', source, tableId: table.id, worksheetId: table.sheet.id, address: localAddress(hit) };
        this.dispatch('changed', table.id, table.sheet.id, args);
      }
    }
  }

  private dispatch(kind: HandlerScope['kind'], tableId: string, worksheetId: string, args: unknown): void {
    for (const { scope, handler } of this.handlers.values()) {
      if (scope.kind !== kind) continue;
      if (scope.tableId !== undefined && scope.tableId !== tableId) continue;
      if (scope.worksheetId !== undefined && scope.worksheetId !== worksheetId) continue;
      this.pendingEvents.push(Promise.resolve().then(() => handler(args)).catch((error) => this.eventErrors.push(error)));
    }
  }

  /** Waits until every raised event's handler has finished; rethrows the first handler error. */
  async whenEventsDelivered(): Promise<void> {
    while (this.pendingEvents.length > 0) await Promise.all(this.pendingEvents.splice(0));
    const error = this.eventErrors.shift();
    this.eventErrors = [];
    if (error !== undefined) throw error;
  }

  /** A person typing into cells (outside any batch): typed like Excel types input; events follow. */
  userEdit(sheet: string, address: string, values: unknown[][], source: 'Local' | 'Remote' = 'Local'): Promise<void> {
    const model = this.sheetModel(sheet);
    this.model.writeValues(model, parseBox(splitSheet(address).local), values);
    this.deliverEvents(source);
    return this.whenEventsDelivered();
  }

  // ---- building a workbook (test side) -------------------------------------------------

  /** A workbook holding these tables; sheets are made in order of first appearance. */
  static fromTables(tables: RawTable[]): FakeExcel {
    const fake = new FakeExcel();
    for (const t of tables) {
      if (!fake.model.findSheet(t.sheet)) fake.addSheet(t.sheet);
      fake.addTable(t.sheet, t.name, cellAddress(t.sheet, t.headerRow, t.firstColumn), t.headers, t.rows);
    }
    return fake;
  }

  addSheet(name: string): void {
    this.model.addSheet(name);
  }

  /** Stores values verbatim (no typing as Excel would): Date becomes a serial, null empty. */
  setCells(sheet: string, topLeftAddress: string, values: CellValue[][]): void {
    const model = this.sheetModel(sheet);
    const { top, left } = parseBox(splitSheet(topLeftAddress).local);
    values.forEach((row, r) => row.forEach((value, c) => {
      const old = this.model.getCell(model, top + r, left + c);
      this.model.putCell(model, top + r, left + c, { ...old, value: storedValue(value) });
    }));
    this.model.takeChanges(); // building the workbook raises no events
  }

  /** A table with a header row at topLeftAddress and these data rows (none: Excel's blank row). */
  addTable(sheet: string, name: string, topLeftAddress: string, headers: string[], rows: CellValue[][]): void {
    const model = this.sheetModel(sheet);
    const { top, left } = parseBox(splitSheet(topLeftAddress).local);
    const width = headers.length;
    this.setCells(sheet, topLeftAddress, [headers, ...rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null))]);
    const box: Box = { top, left, bottom: top + rows.length, right: left + width - 1 };
    this.model.addTable(model, box, true, name);
    this.model.takeChanges();
  }

  // ---- inspection (test side) ----------------------------------------------------------

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** The stored cell at a 1-based row and column; undefined when it holds nothing. */
  cell(sheet: string, row: number, column: number): CellView | undefined {
    const model = this.sheetModel(sheet);
    const stored = model.cells.get(cellKey(row, column));
    return stored && cellView(stored);
  }

  /** Every stored cell (a value or a format), row by row. */
  usedCells(sheet: string): (CellView & { address: string; row: number; column: number })[] {
    const model = this.sheetModel(sheet);
    return [...model.cells.entries()]
      .sort(([a], [b]) => a - b)
      .map(([key, cell]) => ({ address: cellAddress(model.name, keyRow(key), keyColumn(key)), row: keyRow(key), column: keyColumn(key), ...cellView(cell) }));
  }

  table(name: string): TableView | undefined {
    const table = this.model.findTable(name);
    if (!table) return undefined;
    const body = this.model.bodyBox(table);
    return { sheet: table.sheet.name, address: sheetAddress(table.sheet.name, table.box), headers: this.model.headerNames(table),
      rowCount: body.bottom - body.top + 1, style: table.style, showTotals: table.showTotals };
  }

  /** Width in points of a 1-based column. */
  columnWidth(sheet: string, column: number): number {
    return this.sheetModel(sheet).columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
  }

  isAutofit(sheet: string, column: number): boolean {
    return this.sheetModel(sheet).autofitColumns.has(column);
  }

  pageLayout(sheet: string): PageLayout {
    return copyPageLayout(this.sheetModel(sheet).pageLayout);
  }

  get calculationMode(): CalculationMode {
    return this.model.calculationMode;
  }

  get enableEvents(): boolean {
    return this.model.enableEvents;
  }

  get activeSheet(): string | undefined {
    return this.model.activeSheet?.name;
  }

  get selection(): { sheet: string; address: string } | undefined {
    const s = this.model.selection;
    return s && { sheet: s.sheet.name, address: localAddress(s.box) };
  }

  /** The workbook's settings (Office stores them as JSON). */
  get settings(): Map<string, unknown> {
    return this.model.settings;
  }

  private sheetModel(name: string): SheetModel {
    const sheet = this.model.findSheet(name);
    if (!sheet) throw itemNotFound(`worksheet '${name}'`);
    return sheet;
  }
}

function storedValue(value: CellValue): Scalar {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dayFromUtcDate(value);
  if (typeof value === 'number' && !Number.isFinite(value)) throw invalidArgument(`Cell value ${value} is not a finite number.`);
  return value;
}

function cellView(cell: Cell): CellView {
  return { value: cell.value, numberFormat: cell.numberFormat ?? 'General', fill: cell.fill, bold: cell.bold ?? false };
}
