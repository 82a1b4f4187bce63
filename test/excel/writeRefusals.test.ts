/**
 * Write refusals read the same from both adapters (docs/billing-engine.md, "Messages"): the
 * same workbook, refused for the same reason by the command line's file adapter and by the
 * Office.js adapter over the fake Excel, gives the same sentence, the one of
 * src/engine/writeRefusals.ts.
 */
import type ExcelJS from 'exceljs';
import { WorkbookWriteError } from '../../src/engine/workbookPort';
import { writeRefusalMessage } from '../../src/engine/writeRefusals';
import { ExcelWorkbook } from '../../src/excel/ExcelWorkbook';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { fixtureResult, fixtureWorkbook } from '../xlsx/fixtures';
import { fakeFromXlsx, loadXlsx } from './workbookCells';

const noWait = { sleep: async () => undefined };

/** The fixture workbook, changed by `edit` as a user would change it in Excel. */
async function fixtureWith(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await loadXlsx(await fixtureWorkbook());
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What each adapter says when it refuses to write the fixture's run into `bytes`. */
async function refusals(bytes: Buffer): Promise<{ file: unknown; excel: unknown }> {
  const result = fixtureResult();
  const file = await XlsxWorkbook.load(bytes).then((book) => book.writeResult(result)).then(() => undefined, (error: unknown) => error);
  const fake = await fakeFromXlsx(bytes);
  const excel = await new ExcelWorkbook(fake.run, noWait).writeResult(result).then(() => undefined, (error: unknown) => error);
  return { file, excel };
}

describe('a refused write says the same sentence in the command line and in Excel', () => {
  test('a sheet named like the new invoice', async () => {
    const { file, excel } = await refusals(await fixtureWith((wb) => wb.addWorksheet('INV-00002')));
    expect(file).toBeInstanceOf(WorkbookWriteError);
    expect(excel).toBeInstanceOf(WorkbookWriteError);
    expect((file as Error).message).toBe(writeRefusalMessage('SheetNameTaken', 'INV-00002'));
    expect((excel as Error).message).toBe((file as Error).message);
  });

  test('a filled cell below a register table that must grow', async () => {
    const { file, excel } = await refusals(await fixtureWith((wb) => {
      wb.getWorksheet('Register')!.getCell('C7').value = 'a note under the register';
    }));
    expect(file).toBeInstanceOf(WorkbookWriteError);
    expect(excel).toBeInstanceOf(WorkbookWriteError);
    expect((file as Error).message).toBe(writeRefusalMessage('RowsInTheWay', 'Invoices', 7, 'Register!C7'));
    expect((excel as Error).message).toBe((file as Error).message);
  });

  test('a filled cell where a register table needs a new column', async () => {
    const { file, excel } = await refusals(await fixtureWith((wb) => {
      wb.getWorksheet('Register')!.getCell('K6').value = 'a note beside the register';
    }));
    expect(file).toBeInstanceOf(WorkbookWriteError);
    expect(excel).toBeInstanceOf(WorkbookWriteError);
    expect((file as Error).message).toMatch(/^Table Invoices needs a new column \w+ at its right end, but Register!K6 is not empty\./);
    expect((excel as Error).message).toBe((file as Error).message);
  });
});
