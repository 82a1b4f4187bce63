/**
 * A workbook kept as raw tables across runs, the way an adapter keeps it: each run reads it
 * through the schema (so the registers are read back as a later run sees them), bills, and
 * writes what `buildResultTables` lays out back into the raw tables: appended registers,
 * replaced summaries, InvoiceNo marks and one sheet name per invoice. Tests then edit it as
 * a person would.
 */
import type { BillingResult } from '../../src/engine/billingResult';
import { dayFromIso } from '../../src/core/day';
import { runBilling } from '../../src/engine/runBilling';
import { buildResultTables, type OutputCell } from '../../src/engine/resultTables';
import type { InputIssue } from '../../src/schema/inputIssue';
import type { BillingWorkbook } from '../../src/schema/model';
import { findTable, headerKey, type CellValue, type RawTable, type RawWorkbook } from '../../src/schema/rawTable';
import { formatIssue } from '../../src/schema/readBillingWorkbook';
import { checkBillingWorkbook } from '../../src/engine/checkBillingWorkbook';
import { rawTable, tableOf, type RecordRow } from './rawWorkbook';

export interface Run {
  issues: InputIssue[];
  /** `Sheet!A1 (entry E1): message`, as the command line prints them. */
  lines: string[];
  book?: BillingWorkbook;
  result?: BillingResult;
}

export class LedgerBook {
  readonly raw: RawWorkbook;

  constructor(records: Record<string, RecordRow[]>) {
    const tables = Object.entries(records).map(([name, rows]) => tableOf(name, rows));
    this.raw = { tables, sheets: tables.map((t) => t.sheet) };
  }

  table(name: string): RawTable | undefined {
    return findTable(this.raw, name);
  }

  column(name: string, header: string): number {
    return this.table(name)!.headers.findIndex((h) => headerKey(h) === headerKey(header));
  }

  /** The row whose id column holds `id`. */
  rowOf(name: string, idHeader: string, id: string): CellValue[] {
    const c = this.column(name, idHeader);
    return this.table(name)!.rows.find((r) => String(r[c]) === id)!;
  }

  set(name: string, idHeader: string, id: string, header: string, value: CellValue): void {
    this.rowOf(name, idHeader, id)[this.column(name, header)] = value;
  }

  get(name: string, idHeader: string, id: string, header: string): CellValue {
    return this.rowOf(name, idHeader, id)[this.column(name, header)];
  }

  /** Appends a row given as a record; headers the table lacks are ignored. */
  addRow(name: string, record: RecordRow): void {
    const t = this.table(name)!;
    t.rows.push(t.headers.map((h) => record[h] ?? null));
  }

  removeTable(name: string): void {
    const t = this.table(name);
    this.raw.tables.splice(this.raw.tables.indexOf(t!), 1);
  }

  removeSheet(sheet: string): void {
    this.raw.sheets = this.raw.sheets!.filter((s) => s !== sheet);
  }

  read(): Run {
    const { workbook, issues } = checkBillingWorkbook(this.raw);
    return { issues, lines: issues.map(formatIssue), book: workbook };
  }

  /** Reads, bills as of `iso` and, unless the read found issues or `preview`, writes the result back. */
  bill(iso: string, preview = false): Run {
    const run = this.read();
    if (run.book === undefined) return run;
    const result = runBilling(run.book, { billingDate: dayFromIso(iso)!, preview });
    if (!preview) this.write(result);
    return { ...run, result };
  }

  private write(result: BillingResult): void {
    const layout = buildResultTables(result);
    for (const out of layout.tables) {
      let t = this.table(out.name);
      if (t === undefined) {
        t = rawTable(out.name, out.columns.map((c) => c.header), []);
        this.raw.tables.push(t);
        this.raw.sheets!.push(t.sheet);
      }
      const target = t;
      const columns = out.columns.map((c) => target.headers.findIndex((h) => headerKey(h) === headerKey(c.header)));
      const rows = out.rows.map((row) => {
        const cells: CellValue[] = target.headers.map(() => null);
        row.forEach((value: OutputCell, i) => {
          if (columns[i] >= 0) cells[columns[i]] = value;
        });
        return cells;
      });
      if (out.mode === 'append') target.rows.push(...rows);
      else target.rows = rows;
    }
    for (const sheet of layout.invoiceSheets) this.raw.sheets!.push(sheet.sheetName);
    for (const cell of layout.invoiceNoCells) {
      const t = this.table(cell.table)!;
      let c = this.column(cell.table, 'InvoiceNo');
      if (c < 0) {
        t.headers.push('InvoiceNo');
        for (const row of t.rows) row.push(null);
        c = t.headers.length - 1;
      }
      t.rows[cell.index][c] = cell.invoiceNo;
    }
  }
}

/** Invoice numbers of a run, in numbering order. */
export function numbers(run: Run): string[] {
  return run.result?.invoices.map((i) => i.invoiceNo) ?? [];
}
