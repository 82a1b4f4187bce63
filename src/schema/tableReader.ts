/**
 * Reads one raw table: finds its columns once, then hands out typed cells row by row and
 * turns every bad cell into an InputIssue that names the real cell on the sheet. The
 * per-table readers call it column by column; nothing here allocates per cell except the
 * issue itself.
 */
import type { Decimal } from '../core/money';
import type { Day } from '../core/day';
import {
  INVALID,
  isBlank,
  isExcelError,
  parseBoolean,
  parseCapPeriod,
  parseDate,
  parseDuration,
  parseEnum,
  parseInteger,
  parseList,
  parseMoney,
  parseNumber,
  parsePercent,
  parseText,
  type Cell,
  type EnumWords,
  type Parsed,
} from './cellParsers';
import { isMoneyInRange, MAX_DURATION_SECONDS, MAX_HOURS } from './bounds';
import type { IdIndex } from './idIndex';
import type { InputIssue, IssueCode } from './inputIssue';
import { sentences, type FormatKind, type IssueSentence } from './issueCatalogue';
import type { CapPeriod, RowSource, Seconds } from './model';
import { cellAddress, columnLetters, findTable, headerKey, type CellValue, type RawTable, type RawWorkbook } from './rawTable';
import { idKey } from '../core/idKey';

export type Row = readonly Cell[];

/** What a reader does with a number it accepts: any sign, not below zero, or above zero only. */
export type Sign = 'any' | 'notNegative' | 'positive';

/** Column index meaning "the table has no such column": every cell of it reads as blank. */
export const ABSENT = -1;

export class TableReader {
  readonly table: RawTable;
  /** Table name as the contract spells it. */
  readonly name: string;
  /** Id of the row being read, for issues ("entry E3"); set by the table reader. */
  rowId: string | undefined;

  private readonly issues: InputIssue[];
  private readonly indexByHeader = new Map<string, number>();
  private readonly duplicateHeaders = new Map<string, number>();
  /** Contract name of each raw column the reader asked for (undefined for the rest). */
  private readonly columnNames: (string | undefined)[];
  /** Raw indexes of the contract's columns: a row blank in all of them is skipped. */
  private readonly contractColumns: number[] = [];

  constructor(table: RawTable, name: string, issues: InputIssue[]) {
    this.table = table;
    this.name = name;
    this.issues = issues;
    this.columnNames = new Array<string | undefined>(table.headers.length).fill(undefined);
    table.headers.forEach((header, index) => {
      const key = headerKey(header ?? '');
      if (key.length === 0) return;
      if (this.indexByHeader.has(key)) {
        if (!this.duplicateHeaders.has(key)) this.duplicateHeaders.set(key, index);
      } else {
        this.indexByHeader.set(key, index);
      }
    });
  }

  /** Opens the table named `name` (case-insensitively), or undefined when the workbook has none. */
  static open(book: RawWorkbook, name: string, issues: InputIssue[]): TableReader | undefined {
    const table = findTable(book, name);
    return table ? new TableReader(table, name, issues) : undefined;
  }

  get rowCount(): number {
    return this.table.rows.length;
  }

  /** Index of a contract column (header matched case- and space-insensitively), or ABSENT. */
  column(name: string, required = false): number {
    const key = headerKey(name);
    const index = this.indexByHeader.get(key);
    const duplicate = this.duplicateHeaders.get(key);
    if (duplicate !== undefined) {
      this.tableIssue(sentences.duplicateColumn(this.name, name), name, this.headerCell(duplicate));
    }
    if (index === undefined) {
      if (required) this.tableIssue(sentences.missingColumn(this.name, name), name);
      return ABSENT;
    }
    this.columnNames[index] = name;
    this.contractColumns.push(index);
    return index;
  }

  /** Index of a column by header, without declaring or checking it; ABSENT when there is none. */
  indexOf(name: string): number {
    return this.indexByHeader.get(headerKey(name)) ?? ABSENT;
  }

  /** An issue about the table as a whole, pointing at its header row (or one header cell). */
  tableIssue({ code, message }: IssueSentence, column?: string, cell = this.headerRange()): void {
    const t = this.table;
    this.issues.push({ code, table: this.name, sheet: t.sheet, cell, sheetRow: t.headerRow, column, message });
  }

  /** `Sheet!B3:H3`: the header row of the table. */
  headerRange(): string {
    const t = this.table;
    const first = cellAddress(t.sheet, t.headerRow, t.firstColumn);
    const width = Math.max(t.headers.length, 1);
    return width === 1 ? first : `${first}:${columnLetters(t.firstColumn + width - 1)}${t.headerRow}`;
  }

  private headerCell(index: number): string {
    return cellAddress(this.table.sheet, this.table.headerRow, this.table.firstColumn + index);
  }

  /** A row blank in every contract column: skipped. */
  isBlankRow(row: Row): boolean {
    const columns = this.contractColumns;
    for (let i = 0; i < columns.length; i++) {
      if (!isBlank(row[columns[i]])) return false;
    }
    return true;
  }

  source(index: number): RowSource {
    return { index, sheetRow: this.table.headerRow + 1 + index };
  }

  sheetRow(index: number): number {
    return this.table.headerRow + 1 + index;
  }

  /** The cell as read, or null for an absent column. */
  valueAt(index: number, column: number): CellValue {
    if (column < 0) return null;
    const value = this.table.rows[index][column];
    return value === undefined ? null : value;
  }

  /** True when the cell is blank or its column absent (a bad value is not blank: it was reported already). */
  isBlankCell(index: number, column: number): boolean {
    return column < 0 || isBlank(this.table.rows[index][column]);
  }

  /** Reports an issue on one cell; `column` ABSENT points at the row's first cell. */
  report({ code, message }: IssueSentence, index: number, column: number, value?: unknown, rowId = this.rowId): void {
    const t = this.table;
    const sheetRow = t.headerRow + 1 + index;
    const at = column < 0 ? 0 : column;
    this.issues.push({
      code,
      table: this.name,
      sheet: t.sheet,
      cell: cellAddress(t.sheet, sheetRow, t.firstColumn + at),
      sheetRow,
      tableRow: index + 1,
      column: this.columnNames[at] ?? t.headers[at],
      value: value === undefined ? this.valueAt(index, column) : value,
      rowId,
      message,
    });
  }

  columnName(column: number): string {
    return (column >= 0 ? this.columnNames[column] : undefined) ?? '';
  }

  /** Shared path of every typed read: reports a bad or missing cell and returns undefined for it. */
  private settle<T>(parsed: Parsed<T>, row: Row, index: number, column: number, required: boolean, code: IssueCode, kind: FormatKind): T | undefined {
    if (parsed === INVALID) {
      this.reportBadCell(code, index, column, row[column], kind);
      return undefined;
    }
    if (parsed === null) {
      // An absent required column is reported once, as MISSING_COLUMN, not on every row.
      if (required && column >= 0) this.report(sentences.required(this.columnName(column)), index, column, null);
      return undefined;
    }
    return parsed;
  }

  private reportBadCell(code: IssueCode, index: number, column: number, value: Cell, kind: FormatKind): void {
    const name = this.columnName(column);
    if (isExcelError(value)) this.report(sentences.cellError(name, value), index, column, value);
    else if (kind === 'duration' && value instanceof Date) this.report(sentences.timeCell(name, value), index, column, value);
    else this.report(sentences.badCell(code, name, value, kind), index, column, value);
  }

  text(row: Row, index: number, column: number, required = false): string | undefined {
    if (column < 0) return this.settle<string>(null, row, index, column, required, 'CELL_ERROR', 'text');
    const parsed = parseText(row[column]);
    if (typeof parsed === 'string') return parsed;
    return this.settle<string>(parsed, row, index, column, required, 'CELL_ERROR', 'text');
  }

  date(row: Row, index: number, column: number, required = false): Day | undefined {
    const parsed = column < 0 ? null : parseDate(row[column]);
    if (typeof parsed === 'number') return parsed;
    return this.settle<Day>(parsed, row, index, column, required, 'BAD_DATE', 'date');
  }

  /** A duration in whole seconds, at most MAX_HOURS (bounds.ts: beyond it the engine's 32-bit seconds would wrap). */
  duration(row: Row, index: number, column: number, required = false, sign: Sign = 'notNegative'): Seconds | undefined {
    const parsed = column < 0 ? null : parseDuration(row[column]);
    if (typeof parsed === 'number') {
      if (!this.checkSign(parsed, sign, index, column)) return undefined;
      if (Math.abs(parsed) > MAX_DURATION_SECONDS) {
        this.report(sentences.tooManyHours(this.columnName(column), row[column], MAX_HOURS), index, column);
        return undefined;
      }
      return parsed;
    }
    return this.settle<Seconds>(parsed, row, index, column, required, 'BAD_DURATION', 'duration');
  }

  /** An amount, below MONEY_LIMIT in absolute value (bounds.ts). */
  money(row: Row, index: number, column: number, required = false, sign: Sign = 'notNegative'): Decimal | undefined {
    const parsed = this.settle(column < 0 ? null : parseMoney(row[column]), row, index, column, required, 'BAD_MONEY', 'money');
    if (parsed === undefined) return undefined;
    if (!this.checkSign(parsed.toNumber(), sign, index, column)) return undefined;
    if (!isMoneyInRange(parsed)) {
      this.report(sentences.tooMuchMoney(this.columnName(column), row[column]), index, column);
      return undefined;
    }
    return parsed;
  }

  /** A percent between 0 % and 100 % (progress, tax rate, share of a budget). */
  percent(row: Row, index: number, column: number, required = false): Decimal | undefined {
    const parsed = this.settle(column < 0 ? null : parsePercent(row[column]), row, index, column, required, 'BAD_PERCENT', 'percent');
    if (parsed === undefined) return undefined;
    if (parsed.isNegative() || parsed.greaterThan(1)) {
      this.report(sentences.percentRange(this.columnName(column), row[column]), index, column);
      return undefined;
    }
    return parsed;
  }

  /** A number; with `max`, one above it is TOO_LARGE. */
  number(row: Row, index: number, column: number, required = false, sign: Sign = 'notNegative', max?: number): number | undefined {
    const parsed = column < 0 ? null : parseNumber(row[column]);
    if (typeof parsed === 'number') {
      if (!this.checkSign(parsed, sign, index, column)) return undefined;
      if (max !== undefined && parsed > max) {
        this.report(sentences.numberTooLarge(this.columnName(column), row[column], max), index, column);
        return undefined;
      }
      return parsed;
    }
    return this.settle<number>(parsed, row, index, column, required, 'BAD_NUMBER', 'number');
  }

  integer(row: Row, index: number, column: number, required = false, sign: Sign = 'any'): number | undefined {
    const parsed = column < 0 ? null : parseInteger(row[column]);
    if (typeof parsed === 'number') return this.checkSign(parsed, sign, index, column) ? parsed : undefined;
    return this.settle<number>(parsed, row, index, column, required, 'BAD_NUMBER', 'integer');
  }

  /** A boolean; blank (or an absent column) gives `fallback`. */
  boolean(row: Row, index: number, column: number, fallback: boolean): boolean {
    if (column < 0) return fallback;
    const parsed = parseBoolean(row[column]);
    if (typeof parsed === 'boolean') return parsed;
    return this.settle<boolean>(parsed, row, index, column, false, 'BAD_BOOLEAN', 'boolean') ?? fallback;
  }

  enumeration<T extends string>(row: Row, index: number, column: number, words: EnumWords<T>, required = false): T | undefined {
    const parsed = column < 0 ? null : parseEnum(row[column], words);
    if (parsed === INVALID) {
      const value = row[column];
      if (isExcelError(value)) this.report(sentences.cellError(this.columnName(column), value), index, column, value);
      else this.report(sentences.badEnum(this.columnName(column), value, words.words), index, column, value);
      return undefined;
    }
    return this.settle(parsed, row, index, column, required, 'BAD_ENUM', 'text');
  }

  list(row: Row, index: number, column: number): string[] {
    const parsed = column < 0 ? null : parseList(row[column]);
    return this.settle(parsed, row, index, column, false, 'CELL_ERROR', 'text') ?? [];
  }

  period(row: Row, index: number, column: number): CapPeriod | undefined {
    const parsed = column < 0 ? null : parseCapPeriod(row[column]);
    return this.settle(parsed, row, index, column, false, 'BAD_PERIOD', 'period');
  }

  private checkSign(value: number, sign: Sign, index: number, column: number): boolean {
    if (sign === 'positive' && !(value > 0)) {
      this.report(sentences.notPositive(this.columnName(column), this.valueAt(index, column)), index, column);
      return false;
    }
    if (sign === 'notNegative' && value < 0) {
      this.report(sentences.negative(this.columnName(column), this.valueAt(index, column)), index, column);
      return false;
    }
    return true;
  }

  /**
   * Reads every data row that is not blank and keeps what `read` returns for it, unless the
   * row raised an issue (its value is then dropped: a bad row is reported, never half-kept)
   * or `read` returned undefined. The list is sized once and cut to length at the end: grown
   * by push, a million rows would copy it over and over.
   */
  readRows<T>(read: (row: Row, index: number) => T | undefined): T[] {
    const kept = new Array<T>(this.rowCount);
    let count = 0;
    const rows = this.table.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (this.isBlankRow(row)) continue;
      const before = this.issues.length;
      const value = read(row, r);
      if (value !== undefined && this.issues.length === before) kept[count++] = value;
    }
    kept.length = count;
    return kept;
  }

  /**
   * Reads a row's required id and makes it the row's id in every issue the row raises;
   * a repeat of an earlier row's id is DUPLICATE_ID. Undefined when the cell is blank or bad.
   */
  rowIdentity(row: Row, index: number, column: number, seen: IdIndex): string | undefined {
    this.rowId = undefined;
    const id = this.text(row, index, column, true);
    if (id !== undefined) {
      this.rowId = id;
      this.claim(seen, id, index, column);
    }
    return id;
  }

  /**
   * Claims an id for the row; a second row with the same id (compared case-insensitively)
   * is DUPLICATE_ID, naming both rows' sheet rows.
   */
  claim(seen: IdIndex, id: string, index: number, column: number): boolean {
    const first = seen.add(id, index);
    if (first < 0) return true;
    this.report(sentences.duplicateId(this.columnName(column), id, this.sheetRow(first), this.sheetRow(index)), index, column);
    return false;
  }
}

/** Key of an id (src/core/idKey.ts), typed as the table's own key. */
export function keyOf<K extends string>(id: string): K {
  return idKey(id) as K;
}
