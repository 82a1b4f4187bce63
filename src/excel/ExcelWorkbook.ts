/**
 * The Office.js adapter: the WorkbookPort over the open workbook, the only code that calls
 * `Excel.*`. It reads the tables with their real positions and writes the blocks
 * `buildResultTables` lays out, exactly what the command line writes to a file; it
 * computes nothing.
 *
 * A write is planned from the tables as read, checked in one sync (the tables are where
 * they were read, every cell a table grows over is blank), and only then sent: registers,
 * invoice sheets and summaries first, InvoiceNo marks last, so a run cut off in between
 * leaves invoices whose time is still open rather than marked time without an invoice
 * (docs/excel-addin.md says what the user sees then). While it writes, calculation is
 * manual and events are off; both are put back afterwards, also when the write fails.
 */
import {
  buildCreditTables,
  buildResultTables,
  EXCEPTION_FILL_COLOR,
  freeSheetName,
  isPreviewSheetName,
  WorkbookWriteError,
  writeRefusal,
  type BillingResult,
  type CreditResult,
  type OutputCell,
  type OutputTable,
  type ResultTables,
  type WorkbookPort,
} from '../engine';
import { cellAddress, headerKey, type CellValue, type RawTable, type RawWorkbook } from '../schema/rawTable';
import type { ExcelRun } from './excelRun';
import { firstDataRow, readTables, type TablesRead } from './readTables';
import { errorCode, SyncBatcher, syncRetrying, type SyncOptions, type WriteStep } from './syncBatcher';
import {
  checkInvoiceSheetName,
  createTableSteps,
  invoiceSheetSteps,
  TableWriter,
  templateSheetSteps,
  type BlankCheck,
  type ReadTable,
} from './writePlan';
import { idKey } from '../core/idKey';
import { isSheetNamed } from '../schema/readInvoiceTemplate';

/** A write worked out before anything is sent. */
interface WritePlan {
  /** Tables the plan writes into: each must still be where it was read. */
  touched: ReadTable[];
  checks: BlankCheck[];
  /** Given the workbook's sheet names as they are now, the steps, phase by phase; each phase ends with a sync. */
  phases: (sheetNames: string[]) => WriteStep[][];
}

/**
 * Writes run with events off, so the tables' change events do not tell the PSA functions
 * that the workbook changed: the adapter tells its own listeners after every write instead.
 */
const writtenListeners = new Set<() => void>();

export function onWorkbookWritten(listener: () => void): () => void {
  writtenListeners.add(listener);
  return () => {
    writtenListeners.delete(listener);
  };
}

/** The sheet listing a run's input errors; a run that bills deletes it, as it deletes old previews. */
export const INPUT_ERRORS_SHEET = 'BillingInputErrors';

/** Sheets a run replaces: the last preview's and the last input-error list. */
function isStaleRunSheet(name: string): boolean {
  return isPreviewSheetName(name) || name.toLowerCase() === INPUT_ERRORS_SHEET.toLowerCase();
}

/** One input error as the BillingInputErrors sheet lists it. */
export interface InputErrorLine {
  /** `TimeEntries!F7`, or the table name when the error is about a whole table. */
  cell: string;
  table: string;
  /** The row's id (`entry E3`), when it has one. */
  row: string;
  message: string;
}

/** Tables whose rows the engine gives the highlight fill, and the column that says a row had it. */
const HIGHLIGHT_COLUMNS: Partial<Record<string, string>> = { agreementsummary: 'LowBalance' };

/** Rows of a replaced table that carried the highlight when it was read (the engine marked them last run). */
function highlightedBefore(raw: RawTable): number[] {
  const column = HIGHLIGHT_COLUMNS[raw.name.toLowerCase()];
  if (column === undefined) return [];
  const at = raw.headers.findIndex((h) => headerKey(h) === headerKey(column));
  if (at < 0) return [];
  return raw.rows.flatMap((row, i) => (row[at] === true ? [i] : []));
}

/** `B7` of `Sheet1!B7:C9` as the sheet row and column (1-based). */
function firstCellOf(address: string): { row: number; column: number } {
  const cell = /!?\$?([A-Z]+)\$?(\d+)/.exec(address.slice(address.lastIndexOf('!') + 1));
  if (!cell) return { row: 1, column: 1 };
  let column = 0;
  for (const ch of cell[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(cell[2]), column };
}

export class ExcelWorkbook implements WorkbookPort {
  /** The tables as last read: a write is planned against them. */
  private lastRead: TablesRead | undefined;

  constructor(
    private readonly run: ExcelRun,
    private readonly options: SyncOptions = {},
  ) {}

  async readTables(): Promise<RawWorkbook> {
    const read = await this.run((context) => readTables(context, this.options));
    this.lastRead = read;
    return { tables: read.tables, sheets: read.sheets, ...(read.invoiceTemplate === undefined ? {} : { invoiceTemplate: read.invoiceTemplate }) };
  }

  async writeResult(result: BillingResult): Promise<void> {
    const read = await this.tablesRead();
    await this.execute(planResult(buildResultTables(result), read));
  }

  /**
   * Writes a credit note (creditInvoice in src/engine) through the same plan: its Invoices and
   * InvoiceLines rows and its sheet, the original's Status `Credited`, then the cleared marks.
   */
  async writeCredit(credit: CreditResult): Promise<void> {
    const read = await this.tablesRead();
    await this.execute(planResult(buildCreditTables(credit), read));
  }

  /**
   * Appends rows to an input table (ProjectTree for Create project) under its last filled
   * row. A column the table lacks is added only when a new row has a value for it.
   */
  async appendRows(tableName: string, headers: string[], rows: OutputCell[][]): Promise<void> {
    const read = await this.tablesRead();
    const table = findRead(read, tableName);
    if (!table) throw writeRefusal('NoSuchTable', tableName);
    const has = (header: string) => table.shape.headers.some((h) => headerKey(h) === headerKey(header));
    const keep = headers.map((h, i) => has(h) || rows.some((row) => row[i] !== null && row[i] !== ''));
    const writer = new TableWriter(table);
    writer.append({
      name: tableName as OutputTable['name'],
      mode: 'append',
      columns: headers.filter((_, i) => keep[i]).map((header) => ({ header })),
      rows: rows.map((row) => row.filter((_, i) => keep[i]).map((v) => (v === '' ? null : v))),
    });
    await this.execute({ touched: [table], checks: writer.checks, phases: () => [writer.steps] });
  }

  /**
   * Replaces the BillingInputErrors sheet with this list and shows it: nothing else is
   * written while the workbook has input errors.
   */
  async writeInputErrors(lines: InputErrorLine[]): Promise<void> {
    const table: OutputTable = {
      name: INPUT_ERRORS_SHEET as OutputTable['name'],
      mode: 'replace',
      columns: [{ header: 'Cell' }, { header: 'Table' }, { header: 'Row' }, { header: 'Message' }],
      rows: lines.map((l) => [l.cell, l.table, l.row, l.message]),
    };
    await this.execute({
      touched: [],
      checks: [],
      phases: (sheetNames) => [[
        ...sheetNames.filter((n) => n.toLowerCase() === INPUT_ERRORS_SHEET.toLowerCase()).map((name) => deleteSheetStep(name)),
        ...createTableSteps(INPUT_ERRORS_SHEET, INPUT_ERRORS_SHEET, table),
        { bytes: 200, queue: (context) => context.workbook.worksheets.getItem(INPUT_ERRORS_SHEET).activate() },
      ]],
    });
  }

  /** A value kept in the workbook's own settings (saved with the file), or undefined. */
  async readSetting(key: string): Promise<unknown> {
    return this.run(async (context) => {
      const setting = await syncRetrying(context, () => context.workbook.settings.getItemOrNullObject(key).load('value'), this.options);
      return setting.isNullObject ? undefined : setting.value;
    });
  }

  async writeSetting(key: string, value: string | number | boolean): Promise<void> {
    await this.run((context) => syncRetrying(context, () => context.workbook.settings.add(key, value), this.options));
  }

  /**
   * The value in `column` of the data row of `tableName` where the selection starts, or
   * undefined when the selection is not in that table's data rows.
   */
  async selectedRowValue(tableName: string, column: string): Promise<CellValue | undefined> {
    const read = await this.tablesRead();
    const table = findRead(read, tableName);
    if (!table) return undefined;
    const selected = await this.run(async (context) => {
      const queued = await syncRetrying(context, () => {
        const range = context.workbook.getSelectedRange().load('rowIndex, columnIndex');
        return { range, sheet: range.worksheet.load('name') };
      }, this.options);
      return { sheet: queued.sheet.name, row: queued.range.rowIndex, column: queued.range.columnIndex };
    });
    const { shape, raw } = table;
    const row = selected.row - firstDataRow(shape);
    const inside = selected.sheet === shape.sheet && row >= 0 && row < raw.rows.length
      && selected.column >= shape.columnIndex && selected.column < shape.columnIndex + shape.columnCount;
    const at = raw.headers.findIndex((h) => headerKey(h) === headerKey(column));
    return inside && at >= 0 ? raw.rows[row][at] : undefined;
  }

  /**
   * Selects a cell given as the schema names it (`TimeEntries!F7`, `'Time entries'!F7`), or a
   * whole table given by its name alone, and shows its sheet: the pane's input-error links.
   */
  async selectCell(address: string): Promise<void> {
    const bang = address.lastIndexOf('!');
    await this.run((context) => syncRetrying(context, () => {
      if (bang < 0) {
        const range = context.workbook.tables.getItem(address.trim()).getRange();
        range.worksheet.activate();
        range.select();
        return;
      }
      let sheetName = address.slice(0, bang).trim();
      if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(address.slice(bang + 1).trim()).select();
    }, this.options));
  }

  private async tablesRead(): Promise<TablesRead> {
    if (!this.lastRead) await this.readTables();
    return this.lastRead!;
  }

  /** Checks the plan against the workbook in one sync, then sends it with calculation and events off. */
  private async execute(plan: WritePlan): Promise<void> {
    await this.run(async (context) => {
      const look = await syncRetrying(context, () => ({
        sheets: context.workbook.worksheets.load('items/name'),
        application: context.workbook.application.load('calculationMode'),
        runtime: context.runtime.load('enableEvents'),
        ranges: plan.touched.map((t) => context.workbook.tables.getItemOrNullObject(t.shape.name).getRange().load('address')),
        used: plan.checks.map((c) =>
          context.workbook.worksheets.getItem(c.sheet).getRangeByIndexes(c.row, c.column, c.rowCount, c.columnCount)
            .getUsedRangeOrNullObject(true).load('address')),
      }), this.options).catch((error: unknown) => {
        throw errorCode(error) === 'ItemNotFound' ? changedWhileBilling() : error;
      });
      plan.touched.forEach((table, i) => {
        const range = look.ranges[i];
        if (range.isNullObject || range.address !== table.shape.address) throw changedWhileBilling(table.shape.name);
      });
      plan.checks.forEach((check, i) => {
        const used = look.used[i];
        if (used.isNullObject) return;
        const { row, column } = firstCellOf(used.address);
        throw new WorkbookWriteError(check.message(cellAddress(check.sheet, row, column)));
      });
      const phases = plan.phases(look.sheets.items.map((s) => s.name));

      const calculationMode = look.application.calculationMode;
      const enableEvents = look.runtime.enableEvents;
      const batcher = new SyncBatcher(context, this.options);
      try {
        await batcher.add({
          bytes: 0,
          queue: (ctx) => {
            ctx.workbook.application.calculationMode = 'Manual';
            ctx.runtime.enableEvents = false;
          },
        });
        for (const steps of phases) {
          await batcher.addAll(steps);
          await batcher.flush();
        }
      } finally {
        // What was read no longer describes the workbook: a later write reads it again.
        this.lastRead = undefined;
        await this.restore(calculationMode, enableEvents);
        for (const listener of [...writtenListeners]) listener();
      }
    });
  }

  /** Puts calculation and events back as they were, in a batch of its own so it runs even after a failed one. */
  private async restore(calculationMode: Excel.CalculationMode | `${Excel.CalculationMode}`, enableEvents: boolean): Promise<void> {
    await this.run((context) => syncRetrying(context, () => {
      context.workbook.application.calculationMode = calculationMode;
      context.runtime.enableEvents = enableEvents;
    }, this.options));
  }
}

function deleteSheetStep(name: string): WriteStep {
  return { bytes: 200, queue: (context) => context.workbook.worksheets.getItem(name).delete() };
}

/** The template is copied for every invoice: it must still be there when the write starts. */
function checkTemplateSheet(name: string, sheetNames: string[]): void {
  if (!sheetNames.some((s) => isSheetNamed(s, name))) {
    throw writeRefusal('TemplateSheetGone', name);
  }
}

function changedWhileBilling(table?: string): WorkbookWriteError {
  return table ? writeRefusal('TableChanged', table) : writeRefusal('TableGone');
}

function findRead(read: TablesRead, name: string): ReadTable | undefined {
  const wanted = name.toLowerCase();
  const i = read.shapes.findIndex((s) => s.name.toLowerCase() === wanted);
  return i < 0 ? undefined : { shape: read.shapes[i], raw: read.tables[i] };
}

/**
 * The write of one run, in the contract's order: output tables (registers first, as the
 * layout lists them) and invoice sheets, then the InvoiceNo marks, then the exception fills.
 * A preview writes only its `Preview …` sheets; every run first deletes the old ones.
 */
function planResult(layout: ResultTables, read: TablesRead): WritePlan {
  const writers = new Map<string, TableWriter>();
  const writerOf = (name: string): TableWriter | undefined => {
    const key = name.toLowerCase();
    if (!writers.has(key)) {
      const table = findRead(read, name);
      if (!table) return undefined;
      writers.set(key, new TableWriter(table));
    }
    return writers.get(key);
  };

  const toCreate: OutputTable[] = [];
  const tableSteps: WriteStep[] = [];
  for (const table of layout.tables) {
    const writer = writerOf(table.name);
    if (!writer) {
      if (table.mode === 'replace' || table.rows.length > 0) toCreate.push(table);
      continue;
    }
    if (table.mode === 'append') writer.append(table);
    else writer.replace(table, highlightedBefore(writer.raw));
    tableSteps.push(...writer.steps.splice(0));
  }
  for (const update of layout.registerUpdates ?? []) {
    const writer = writerOf(update.table);
    if (!writer) throw new Error(`Register ${update.table}, which the workbook does not have.`);
    writer.writeColumn(update.column, [{ index: update.index, value: update.value }]);
    tableSteps.push(...writer.steps.splice(0));
  }

  const markSteps: WriteStep[] = [];
  const byTable = new Map<string, typeof layout.invoiceNoCells>();
  for (const update of layout.invoiceNoCells) {
    const list = byTable.get(update.table);
    if (list) list.push(update);
    else byTable.set(update.table, [update]);
  }
  for (const [name, updates] of byTable) {
    const writer = writerOf(name);
    if (!writer) throw new Error(`Invoice number for table ${name}, which the workbook does not have.`);
    writer.writeInvoiceNos(updates);
    markSteps.push(...writer.steps.splice(0));
  }

  const fillSteps = layout.preview || layout.keepExceptionFills ? [] : exceptionFillSteps(layout.exceptionRows, read, writerOf('TimeEntries'));

  return {
    touched: [...writers.keys()].map((key) => findRead(read, key)!),
    checks: [...writers.values()].flatMap((w) => w.checks),
    phases: (sheetNames) => {
      const names = sheetNames.filter((n) => !isStaleRunSheet(n));
      const sheetSteps = sheetNames.filter(isStaleRunSheet).map(deleteSheetStep);
      for (const invoice of layout.invoiceSheets) {
        checkInvoiceSheetName(invoice.sheetName, names);
        names.push(invoice.sheetName);
        if (invoice.template === undefined) sheetSteps.push(...invoiceSheetSteps(invoice));
        else {
          checkTemplateSheet(invoice.template.templateSheet, sheetNames);
          sheetSteps.push(...templateSheetSteps(invoice.sheetName, invoice.template));
        }
      }
      for (const preview of layout.previewSheets) {
        const name = freeSheetName(preview.sheetName, names);
        names.push(name);
        sheetSteps.push(...createTableSteps(name, preview.tableName, preview.table));
      }
      for (const table of toCreate) {
        const name = freeSheetName(table.name, names);
        names.push(name);
        sheetSteps.push(...createTableSteps(name, table.name, table));
      }
      return [[...tableSteps, ...sheetSteps], [...markSteps, ...fillSteps]];
    },
  };
}

/**
 * Fills the TimeEntries rows listed as exceptions, and clears the fill from rows the last
 * run listed (its BillingExceptions table, as read) that are not exceptions any more. A
 * row the engine never marked keeps whatever colour a person gave it.
 */
function exceptionFillSteps(rows: number[], read: TablesRead, writer: TableWriter | undefined): WriteStep[] {
  if (!writer) return [];
  const entries = findRead(read, 'TimeEntries')!.raw;
  const previous = findRead(read, 'BillingExceptions')?.raw;
  const marked = new Set(rows);
  const stale: number[] = [];
  if (previous) {
    const idAt = (t: RawTable) => t.headers.findIndex((h) => headerKey(h) === headerKey('EntryId'));
    const was = new Set(previous.rows.map((r) => idKey(String(r[idAt(previous)] ?? ''))).filter((id) => id !== ''));
    const entryId = idAt(entries);
    entries.rows.forEach((row, i) => {
      if (!marked.has(i) && was.has(idKey(String(row[entryId] ?? '')))) stale.push(i);
    });
  }
  writer.fillRows(stale, null);
  writer.fillRows(rows, EXCEPTION_FILL_COLOR);
  return writer.steps.splice(0);
}
