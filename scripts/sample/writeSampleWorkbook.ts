/**
 * Writes the bundled sample workbook. `npm run sample` runs this to refresh assets/sample.xlsx;
 * the sample test runs it into a temporary folder and compares the tables with the committed file.
 */
import { README_SHEET, SAMPLE_TABLES } from './sampleTables';
import { buildTablesWorkbook } from './tableSheets';
import { addInvoiceTemplateSheet } from './invoiceTemplateSheet';

export async function writeSampleWorkbook(path: string): Promise<void> {
  const workbook = buildTablesWorkbook([README_SHEET], SAMPLE_TABLES);
  addInvoiceTemplateSheet(workbook);
  await workbook.xlsx.writeFile(path);
}
