/**
 * An .xlsx file opened in the browser as a WorkbookSource, through the same file adapter
 * the command line uses. Everything happens in memory; `fileBytes` gives the workbook as
 * it now stands for the download. The pane loads this module (and the file adapter with it) only
 * when a file is opened, with a dynamic import, so the first load stays small.
 */
import { XlsxWorkbook } from '../../xlsx/XlsxWorkbook';
import type { WorkbookSource } from './WorkbookSource';

export async function openFileSource(name: string, data: ArrayBuffer | Uint8Array): Promise<WorkbookSource> {
  const book = await XlsxWorkbook.load(data);
  let billingDate: string | undefined;
  return {
    kind: 'file',
    name,
    session(callbacks = {}) {
      return {
        async readTables() {
          const raw = await book.readTables();
          const rows = raw.tables.reduce((sum, table) => sum + table.rows.length, 0);
          callbacks.onRowsRead?.(rows, rows);
          return raw;
        },
        writeResult: (result) => book.writeResult(result),
        appendRows: async (tableName, headers, rows) => book.appendRows(tableName, headers, rows),
        writeCredit: (credit) => book.writeCredit(credit),
      };
    },
    readBillingDate: async () => billingDate,
    writeBillingDate: async (iso) => {
      billingDate = iso;
    },
    fileBytes: () => book.toBytes(),
  };
}
