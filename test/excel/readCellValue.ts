/**
 * Turns an exceljs cell value into the plain value the schema layer reads, as Excel shows
 * it: a formula gives its cached result, rich text and hyperlinks their text, an error its
 * text (`#N/A`), a date cell a Date (exceljs builds it in UTC), an empty cell null.
 */
import ExcelJS from 'exceljs';
import type { CellValue as ExcelValue } from 'exceljs';
import type { CellValue } from '../../src/schema/rawTable';

export function readCellValue(value: ExcelValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return String(value);
  const v = value as unknown as Record<string, unknown>;
  if ('formula' in v || 'sharedFormula' in v) return readCellValue(v.result as ExcelValue | undefined);
  if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('hyperlink' in v || 'text' in v) return readCellValue(v.text as ExcelValue | undefined);
  if (typeof v.error === 'string') return v.error;
  return null;
}

/**
 * A cell as Excel shows it. A formula cell is read by its cached result through
 * `cell.result`, never through `cell.value`: exceljs 4.4.0 builds a formula's `value` by
 * copying only the truthy parts of its model (FormulaValue._copyModel's `if (value)`), so
 * a cached FALSE or 0 (`<c t="b"><f>..</f><v>0</v></c>`, as Excel and LibreOffice write a
 * boolean formula) would come back as no result at all, that is as a blank cell, and a
 * blank Billable cell defaults to TRUE.
 */
export function readCell(cell: ExcelJS.Cell | undefined): CellValue {
  if (!cell) return null;
  if (cell.type === ExcelJS.ValueType.Formula) return readCellValue(cell.result as ExcelValue | undefined);
  return readCellValue(cell.value);
}
