/**
 * Small RawTable fixtures. Tables are placed away from A1 on purpose (header on row 3,
 * first column B, on a sheet named differently from the table), so every asserted
 * address proves the reader computed it from the table's real position:
 * data row n of a table sits on sheet row 3 + n; its k-th column is letter k + 1 (B, C, ...).
 */
import type { CellValue, RawTable, RawWorkbook } from '../../src/schema/rawTable';

export interface Placement {
  sheet?: string;
  headerRow?: number;
  firstColumn?: number;
}

export const HEADER_ROW = 3;
export const FIRST_COLUMN = 2;

/** Sheet that holds a fixture table: `Sheet_TimeEntries` for TimeEntries. */
export function sheetOf(table: string): string {
  return `Sheet_${table}`;
}

/** A table from headers and rows of cells. */
export function rawTable(name: string, headers: string[], rows: CellValue[][], at: Placement = {}): RawTable {
  return {
    name,
    sheet: at.sheet ?? sheetOf(name),
    headerRow: at.headerRow ?? HEADER_ROW,
    firstColumn: at.firstColumn ?? FIRST_COLUMN,
    headers,
    rows: rows.map((row) => headers.map((_, i) => (i < row.length ? row[i] : null))),
  };
}

/** A table with its header in A1 of a sheet named like the table, for tests whose addresses do not matter. */
export function rawTableAtA1(name: string, headers: string[], rows: CellValue[][]): RawTable {
  return rawTable(name, headers, rows, { sheet: name, headerRow: 1, firstColumn: 1 });
}

export type RecordRow = Record<string, CellValue | undefined>;

/** A table from rows given as records; headers are every key met, in order of first appearance. */
export function tableOf(name: string, records: RecordRow[], at: Placement = {}): RawTable {
  const headers: string[] = [];
  for (const record of records) for (const key of Object.keys(record)) if (!headers.includes(key)) headers.push(key);
  return rawTable(name, headers, records.map((r) => headers.map((h) => r[h] ?? null)), at);
}

export function workbookOf(...tables: RawTable[]): RawWorkbook {
  return { tables };
}

/** The records of a small valid project workbook: one order, one line, a two-node tree, one entry. */
export function validRecords(): Record<string, RecordRow[]> {
  return {
    Orders: [{ OrderId: 'O-100', Customer: 'ACME' }],
    LineItems: [{ OrderId: 'O-100', Line: 10, Item: 'Consulting', Quantity: 10, UnitPrice: 100 }],
    ProjectTree: [
      { NodeId: 'P1', ParentId: null, Name: 'ACME rollout', Kind: 'MainProject', OrderId: 'O-100', LineItem: null },
      { NodeId: 'WP1', ParentId: 'P1', Name: 'Consulting', Kind: 'WorkPackage', OrderId: 'O-100', LineItem: 'O-100/10' },
    ],
    TimeEntries: [{ EntryId: 'E1', Date: '2025-01-06', Person: 'Anna', NodeId: 'WP1', Hours: 1.5 }],
  };
}

/** A workbook from the valid records, with some tables replaced or added. */
export function workbookWith(changes: Record<string, RecordRow[] | undefined> = {}): RawWorkbook {
  const records: Record<string, RecordRow[] | undefined> = { ...validRecords(), ...changes };
  return workbookOf(...Object.entries(records).filter(([, rows]) => rows !== undefined).map(([name, rows]) => tableOf(name, rows!)));
}
