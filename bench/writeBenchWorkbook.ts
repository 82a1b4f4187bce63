/**
 * Writes a RawWorkbook as an .xlsx file of real Excel tables, one sheet per table, through the
 * file adapter itself (it streams, so a million entries fit where exceljs's writer does not).
 * Day serials in date columns become date cells, as a user's workbook would hold them.
 */
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import type { OutputCell } from '../src/engine/resultTables';
import type { RawWorkbook } from '../src/schema/rawTable';
import { PackageWorkbook } from '../src/xlsx/package/PackageWorkbook';
import { DATE_COLUMNS } from './writeRawWorkbookXlsx';

export async function writeBenchWorkbook(book: RawWorkbook, path: string): Promise<void> {
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Read me').getCell('A1').value = 'Synthetic billing workbook (npm run bench)';
  const file = await PackageWorkbook.load(new Uint8Array(await empty.xlsx.writeBuffer()));
  for (const table of book.tables) {
    const columns = table.headers.map((header) => (DATE_COLUMNS.has(header.replace(/\s+/g, '').toLowerCase()) ? { header, numFmt: 'yyyy-mm-dd' } : { header }));
    file.addTableSheet(table.sheet, table.name, columns, table.rows as OutputCell[][]);
  }
  await fs.writeFile(path, await file.toBuffer());
}
