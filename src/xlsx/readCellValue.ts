/**
 * Turns an exceljs cell value into the plain value the schema layer reads, as Excel shows
 * it: a formula gives its cached result, rich text and hyperlinks their text, an error its
 * text (`#N/A`), a date cell a Date (exceljs builds it in UTC), an empty cell null.
 */
import type { CellValue as ExcelValue } from 'exceljs';
import type { CellValue } from '../schema/rawTable';

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
