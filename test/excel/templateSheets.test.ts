/**
 * The firm's own invoice template through the Office.js adapter (docs/invoice-documents.md,
 * "The firm's own template"): the same template workbook billed by the command line's
 * adapter and, loaded with its formats, merged cells, widths, print setup and pictures into
 * the fake Excel, by ExcelWorkbook gives the same invoice sheets, cell for cell.
 */
import { dayFromIso } from '../../src/core/day';
import { checkBillingWorkbook } from '../../src/engine/checkBillingWorkbook';
import { creditInvoice } from '../../src/engine/creditInvoice';
import { runBilling } from '../../src/engine/runBilling';
import { WorkbookWriteError } from '../../src/engine/workbookPort';
import { ExcelWorkbook } from '../../src/excel/ExcelWorkbook';
import type { RawWorkbook } from '../../src/schema/rawTable';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { FakeExcel } from '../fakeExcel/FakeExcel';
import { TEMPLATE_CELLS, templateWorkbook } from '../xlsx/templateFixture';
import { fakeFromXlsx, fakeLook, loadXlsx, xlsxLook, type WorkbookLook } from './workbookCells';

const DATE = dayFromIso('2025-01-31')!;
const noWait = { sleep: async () => undefined };

function bill(raw: RawWorkbook, preview = false) {
  const { workbook, issues } = checkBillingWorkbook(raw);
  if (!workbook || issues.length > 0) throw new Error(`input errors: ${JSON.stringify(issues.slice(0, 3))}`);
  return runBilling(workbook, { billingDate: DATE, preview });
}

async function byFile(bytes: Buffer, preview = false): Promise<{ look: WorkbookLook; bytes: Buffer }> {
  const book = await XlsxWorkbook.load(bytes);
  await book.writeResult(bill(await book.readTables(), preview));
  const out = await book.toBuffer();
  return { look: await xlsxLook(out), bytes: out };
}

async function inExcel(bytes: Buffer, preview = false): Promise<{ look: WorkbookLook; fake: FakeExcel }> {
  const fake = await fakeFromXlsx(bytes, { setup: true });
  const book = new ExcelWorkbook(fake.run, noWait);
  await book.writeResult(bill(await book.readTables(), preview));
  return { look: fakeLook(fake), fake };
}

/** Every invoice sheet's cells, merged areas, pictures, widths and print area must be the same from both adapters. */
function expectSameSheets(file: WorkbookLook, excel: WorkbookLook, pattern: RegExp): string[] {
  const sheets = [...file.cells.keys()].filter((s) => pattern.test(s)).sort();
  expect([...excel.cells.keys()].filter((s) => pattern.test(s)).sort()).toEqual(sheets);
  expect(sheets.length).toBeGreaterThan(0);
  for (const sheet of sheets) {
    const cells = (look: WorkbookLook) => Object.fromEntries([...look.cells.get(sheet)!].map(([a, c]) => [a, { value: c.value, numberFormat: c.numberFormat, bold: c.bold }]));
    expect({ sheet, cells: cells(excel) }).toEqual({ sheet, cells: cells(file) });
    expect({ sheet, merges: excel.merges.get(sheet) }).toEqual({ sheet, merges: file.merges.get(sheet) });
    expect({ sheet, pictures: excel.pictures.get(sheet) }).toEqual({ sheet, pictures: file.pictures.get(sheet) });
    expect({ sheet, widths: Object.fromEntries(excel.widths.get(sheet)!) }).toEqual({ sheet, widths: Object.fromEntries(file.widths.get(sheet)!) });
    expect({ sheet, heights: Object.fromEntries(excel.heights.get(sheet)!) }).toEqual({ sheet, heights: Object.fromEntries(file.heights.get(sheet)!) });
    const printed = (look: WorkbookLook) => ({ area: look.print.get(sheet)?.area.replace(/^'?[^!]*'?!/, ''), titles: look.print.get(sheet)?.titleRows.replace(/^'?[^!]*'?!/, ''), paper: look.print.get(sheet)?.paper });
    expect({ sheet, print: printed(excel) }).toEqual({ sheet, print: printed(file) });
  }
  return sheets;
}

describe('invoice sheets from the template: the Office.js adapter writes what the command line writes', () => {
  test('every invoice sheet: values, number formats, merged cells (repeated row included), pictures, widths, print area', async () => {
    const input = await templateWorkbook();
    const file = await byFile(input);
    const { look, fake } = await inExcel(input);
    const sheets = expectSameSheets(file.look, look, /^INV-/);
    expect(sheets).toEqual(['INV-00001', 'INV-00002']);
    // Anna's and Ben's rows on INV-00001: the repeated row and one inserted copy, totals below moved down.
    const inv = look.cells.get('INV-00001')!;
    expect([inv.get('A10')?.value, inv.get('A11')?.value, inv.get('A13')?.value]).toEqual(['Consulting: Anna', 'Consulting: Ben', 'Net']);
    expect(look.merges.get('INV-00001')).toEqual(expect.arrayContaining(['A10:B10', 'A11:B11', 'A13:D13']));
    expect(look.print.get('INV-00001')?.area).toMatch(/A1:\$?E20$/);
    // The template itself is untouched.
    expect(look.cells.get('InvoiceTemplate')!.get('A10')?.value).toBe('{Row.Description}');
    expect(fake.pageLayout('InvoiceTemplate').printArea).toBe('A1:E19');
  });

  test('a preview makes the same copies on Preview sheets', async () => {
    const input = await templateWorkbook();
    const file = await byFile(input, true);
    const { look } = await inExcel(input, true);
    expect(expectSameSheets(file.look, look, /^Preview Invoice /)).toEqual(['Preview Invoice 1', 'Preview Invoice 2']);
  });

  test('a credit note is a copy of the template too, the same in both', async () => {
    const billed = (await byFile(await templateWorkbook())).bytes;
    const credit = (raw: RawWorkbook) => {
      const { workbook } = checkBillingWorkbook(raw);
      const outcome = creditInvoice(workbook!, { invoiceNo: 'INV-00001', date: DATE });
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.result;
    };
    const fileBook = await XlsxWorkbook.load(billed);
    await fileBook.writeCredit(credit(await fileBook.readTables()));
    const file = await xlsxLook(await fileBook.toBuffer());
    const fake = await fakeFromXlsx(billed, { setup: true });
    const excelBook = new ExcelWorkbook(fake.run, noWait);
    await excelBook.writeCredit(credit(await excelBook.readTables()));
    expect(expectSameSheets(file, fakeLook(fake), /^INV-00003$/)).toEqual(['INV-00003']);
    expect(fakeLook(fake).cells.get('INV-00003')!.get('E10')?.value).toBe(-240);
  });

  test('a tall repeated row and a hidden template: the copies of the row are as tall, the invoice sheets visible', async () => {
    const wb = await loadXlsx(await templateWorkbook());
    const template = wb.getWorksheet('InvoiceTemplate')!;
    template.getRow(10).height = 30;
    template.getRow(13).height = 24;
    template.state = 'hidden';
    const input = Buffer.from(await wb.xlsx.writeBuffer());
    const file = await byFile(input);
    const { look, fake } = await inExcel(input);
    expectSameSheets(file.look, look, /^INV-/);
    expect(Object.fromEntries(look.heights.get('INV-00001')!)).toEqual({ 10: 30, 11: 30, 14: 24 });
    expect(fake.model.findSheet('INV-00001')!.visibility).toBe('Visible');
    expect((await loadXlsx(file.bytes)).getWorksheet('INV-00001')!.state).toBe('visible');
  });

  test('formula cells beside the totals move down with their rows in both (their values as last calculated)', async () => {
    const input = await templateWorkbook(TEMPLATE_CELLS, 'InvoiceTemplate', true);
    const { look } = await inExcel(input);
    expectSameSheets((await byFile(input)).look, look, /^INV-/);
    expect(look.cells.get('INV-00001')!.get('F14')?.value).toBe('E12 ok');
  });

  test('a template under the name Settings gives is read and copied', async () => {
    const input = await templateWorkbook(TEMPLATE_CELLS, 'Our invoice');
    expectSameSheets((await byFile(input)).look, (await inExcel(input)).look, /^INV-/);
  });
});

describe('reading the template', () => {
  test('its cells and their number formats reach the schema; a template named InvoiceTemplate costs no extra sync', async () => {
    const withTemplate = await fakeFromXlsx(await templateWorkbook(), { setup: true });
    const raw = await new ExcelWorkbook(withTemplate.run, noWait).readTables();
    const fromFile = await (await XlsxWorkbook.load(await templateWorkbook())).readTables();
    const cells = (r: RawWorkbook) => r.invoiceTemplate?.cells.map((c) => [c.row, c.column, c.value, c.numFmt ?? 'General']);
    expect(raw.invoiceTemplate?.name).toBe('InvoiceTemplate');
    expect(cells(raw)).toEqual(cells(fromFile));
    expect(cells(raw)).toContainEqual([10, 4, '{Row.UnitPrice}', '#,##0.00 "€"']);

    const without = await fakeFromXlsx(await templateWorkbook(), { setup: true });
    await without.run(async (context) => {
      context.workbook.worksheets.getItem('InvoiceTemplate').delete();
      await context.sync();
    });
    const before = without.syncCount;
    expect((await new ExcelWorkbook(without.run, noWait).readTables()).invoiceTemplate).toBeUndefined();
    const readingWithout = without.syncCount - before;
    const start = withTemplate.syncCount;
    await new ExcelWorkbook(withTemplate.run, noWait).readTables();
    expect(withTemplate.syncCount - start).toBe(readingWithout);
  });

  test('a template under another name costs one sync more', async () => {
    const fake = await fakeFromXlsx(await templateWorkbook(TEMPLATE_CELLS, 'Our invoice'), { setup: true });
    const usual = await fakeFromXlsx(await templateWorkbook(), { setup: true });
    const count = async (f: FakeExcel) => {
      const start = f.syncCount;
      const raw = await new ExcelWorkbook(f.run, noWait).readTables();
      expect(raw.invoiceTemplate?.cells.length).toBe(Object.keys(TEMPLATE_CELLS).length);
      return f.syncCount - start;
    };
    expect(await count(fake)).toBe((await count(usual)) + 1);
  });
});

describe('writing the copies', () => {
  test('billing the template workbook takes as many syncs as the built-in layout: the copies ride in the same requests', async () => {
    const input = await templateWorkbook();
    const { fake } = await inExcel(input);
    const plain = await fakeFromXlsx(input, { setup: true });
    await plain.run(async (context) => {
      context.workbook.worksheets.getItem('InvoiceTemplate').delete();
      await context.sync();
    });
    const book = new ExcelWorkbook(plain.run, noWait);
    const start = plain.syncCount;
    await book.writeResult(bill(await book.readTables()));
    expect(fake.syncCount).toBe(plain.syncCount - start);
    expect(fake.syncLog.every((s) => s.error === undefined)).toBe(true);
  });

  test('a hidden template still gives visible invoice sheets', async () => {
    const fake = await fakeFromXlsx(await templateWorkbook(), { setup: true });
    fake.model.findSheet('InvoiceTemplate')!.visibility = 'Hidden';
    const book = new ExcelWorkbook(fake.run, noWait);
    await book.writeResult(bill(await book.readTables()));
    expect(fake.model.findSheet('INV-00001')!.visibility).toBe('Visible');
    expect(fake.model.findSheet('InvoiceTemplate')!.visibility).toBe('Hidden');
  });

  test('a template deleted after the read stops the write before anything is written', async () => {
    const fake = await fakeFromXlsx(await templateWorkbook(), { setup: true });
    const book = new ExcelWorkbook(fake.run, noWait);
    const result = bill(await book.readTables());
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('InvoiceTemplate').delete();
      await context.sync();
    });
    const before = fakeLook(fake);
    await expect(book.writeResult(result)).rejects.toThrow(new WorkbookWriteError('The invoice template sheet InvoiceTemplate was deleted or renamed while billing ran, so nothing was written. Run billing again.'));
    expect(fakeLook(fake)).toEqual(before);
  });
});

describe('many invoice rows', () => {
  test('400 rows on one invoice: the repeated row copied 400 times in a few syncs, the totals and print area below them', async () => {
    const fake = await fakeFromXlsx(await templateWorkbook(), { setup: true });
    const people = Array.from({ length: 398 }, (_, i) => [`E${i + 10}`, 45660, `Person ${String(i + 1).padStart(3, '0')}`, 'N1', 0.5]);
    await fake.run(async (context) => {
      context.workbook.tables.getItem('TimeEntries').rows.add(null as unknown as number, people);
      await context.sync();
    });
    const book = new ExcelWorkbook(fake.run, noWait);
    const start = fake.syncCount;
    await book.writeResult(bill(await book.readTables()));
    expect(fake.syncLog.every((s) => s.error === undefined)).toBe(true);
    expect(fake.syncCount - start).toBeLessThanOrEqual(8);
    const rows = 400;
    expect([fake.cell('INV-00001', 10, 1)?.value, fake.cell('INV-00001', 9 + rows, 1)?.value]).toEqual(['Consulting: Anna', 'Consulting: Person 398']);
    expect(fake.cell('INV-00001', 10 + rows + 1, 1)?.value).toBe('Net');
    expect(fake.cell('INV-00001', 10 + rows + 1, 5)?.value).toBe(2 * 120 + 1.25 * 120 + 398 * 0.5 * 120);
    expect(fake.pageLayout('INV-00001').printArea).toBe(`A1:E${19 + rows - 1}`);
    expect(fake.model.findSheet('INV-00001')!.merges).toHaveLength(7 + rows - 1);
  });
});
