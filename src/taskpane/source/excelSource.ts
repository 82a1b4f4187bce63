/**
 * The open workbook inside Excel as a WorkbookSource, through the Office.js adapter. The
 * billing date lives in the workbook's settings, where the ribbon's buttons read it.
 */
import { BILLING_DATE_SETTING } from '../../commands/ribbonCommands';
import type { ExcelRun } from '../../excel/excelRun';
import { ExcelWorkbook } from '../../excel/ExcelWorkbook';
import type { WorkbookSource } from './WorkbookSource';

export function excelSource(run: ExcelRun): WorkbookSource {
  return {
    kind: 'excel',
    name: 'This workbook',
    session(callbacks = {}) {
      const book = new ExcelWorkbook(run, { onProgress: callbacks.onWait, onReadProgress: callbacks.onRowsRead });
      return {
        readTables: () => book.readTables(),
        writeResult: (result) => book.writeResult(result),
        appendRows: (tableName, headers, rows) => book.appendRows(tableName, headers, rows),
        writeCredit: (credit) => book.writeCredit(credit),
        selectedRowValue: (tableName, column) => book.selectedRowValue(tableName, column),
      };
    },
    async readBillingDate() {
      const value = await new ExcelWorkbook(run).readSetting(BILLING_DATE_SETTING);
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    },
    writeBillingDate: (iso) => new ExcelWorkbook(run).writeSetting(BILLING_DATE_SETTING, iso),
    selectCell: (address) => new ExcelWorkbook(run).selectCell(address),
  };
}
