/**
 * A1 addresses: parsing what callers pass to getRange/tables.add, and printing addresses the
 * way Excel reports them (`Sheet1!B4:H20`, `'Time entries'!A1`).
 */
import { columnLetters } from '../../src/schema/rawTable';
import { invalidArgument } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 1-based and inclusive on every side. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function boxRows(box: Box): number {
  return box.bottom - box.top + 1;
}

export function boxColumns(box: Box): number {
  return box.right - box.left + 1;
}

export function boxCells(box: Box): number {
  return boxRows(box) * boxColumns(box);
}

export function intersect(a: Box, b: Box): Box | undefined {
  const box = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return box.top <= box.bottom && box.left <= box.right ? box : undefined;
}

/** Throws InvalidArgument when a box leaves the sheet, as Excel does for such ranges. */
export function checkBox(box: Box): Box {
  const ok = Number.isInteger(box.top) && Number.isInteger(box.left) && Number.isInteger(box.bottom) && Number.isInteger(box.right)
    && box.top >= 1 && box.left >= 1 && box.bottom <= MAX_ROWS && box.right <= MAX_COLUMNS && box.top <= box.bottom && box.left <= box.right;
  if (!ok) throw invalidArgument(`The range (rows ${box.top}-${box.bottom}, columns ${box.left}-${box.right}) is outside the worksheet.`);
  return box;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function parseCell(text: string, whole: string): { row: number; column: number } {
  const m = CELL.exec(text.trim());
  if (!m) throw invalidArgument(`The address '${whole}' is not a cell or range the fake Excel understands (A1 or A1:B2).`);
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

/** Splits `'Time entries'!A1:B2` into sheet name (unquoted) and the local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).trim() };
}

const WHOLE_ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/** Parses a local A1 address ("B4", "B4:H20", "$B$4:$H$20") or whole rows ("5:7"). Whole columns are not supported. */
export function parseBox(local: string): Box {
  const rows = WHOLE_ROWS.exec(local.trim());
  if (rows) {
    const [a, b] = [Number(rows[1]), Number(rows[2])];
    return checkBox({ top: Math.min(a, b), left: 1, bottom: Math.max(a, b), right: MAX_COLUMNS });
  }
  const parts = local.split(':');
  if (parts.length > 2) throw invalidArgument(`The address '${local}' is not valid.`);
  const a = parseCell(parts[0], local);
  const b = parts.length === 2 ? parseCell(parts[1], local) : a;
  return checkBox({ top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) });
}

/** Excel quotes a sheet name unless it is a plain identifier that cannot be read as a cell. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function localAddress(box: Box): string {
  // Whole rows, as Excel reports them.
  if (box.left === 1 && box.right === MAX_COLUMNS) return `${box.top}:${box.bottom}`;
  const first = `${columnLetters(box.left)}${box.top}`;
  return box.top === box.bottom && box.left === box.right ? first : `${first}:${columnLetters(box.right)}${box.bottom}`;
}

export function sheetAddress(sheet: string, box: Box): string {
  return `${quoteSheet(sheet)}!${localAddress(box)}`;
}
