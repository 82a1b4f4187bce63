/**
 * Writes a RawWorkbook as an .xlsx file of real Excel tables, one sheet per table, so the
 * command line can be timed end to end on the synthetic data. Day serials in date columns
 * become date cells, as a user's workbook would hold them.
 */
import ExcelJS from 'exceljs';
import type { CellValue, RawWorkbook } from '../src/schema/rawTable';
import { utcDateFromDay } from '../src/core/day';

export const DATE_COLUMNS = new Set(['date', 'start', 'end', 'validfrom', 'validto', 'billfrom', 'earliestbillingdate', 'duedate']);

export async function writeRawWorkbookXlsx(book: RawWorkbook, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const table of book.tables) {
    const ws = workbook.addWorksheet(table.sheet);
    const dateColumns = table.headers.map((h) => DATE_COLUMNS.has(h.replace(/\s+/g, '').toLowerCase()));
    const toCell = (value: CellValue, j: number): ExcelJS.CellValue =>
      dateColumns[j] && typeof value === 'number' ? utcDateFromDay(value) : value;
    ws.addTable({
      name: table.name,
      ref: 'A1',
      headerRow: true,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: table.headers.map((name) => ({ name, filterButton: true })),
      rows: table.rows.map((row) => row.map(toCell)),
    });
    dateColumns.forEach((isDate, j) => {
      if (isDate) ws.getColumn(j + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  await workbook.xlsx.writeFile(path);
}
