/**
 * The file adapter makes every invoice sheet a filled copy of the InvoiceTemplate sheet
 * (docs/invoice-documents.md, "The firm's own template"): styles, merged cells, widths,
 * print setup and pictures kept; the repeated row copied once per invoice row; values typed.
 * Read back with exceljs, and opened by LibreOffice where it is installed.
 */
import { execFileSync } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { Decimal, sumDecimals } from '../../src/core/money';
import { dayFromIso } from '../../src/core/day';
import { runBilling } from '../../src/engine/runBilling';
import { readBillingWorkbook } from '../../src/schema/readBillingWorkbook';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { TEMPLATE_CELLS, templateWorkbook } from './templateFixture';
import { editZip } from './fixtures';
import { billingWorkbook } from '../cli/billingFixture';
import { PackageWorkbook } from '../../src/xlsx/package/PackageWorkbook';
import type { OutputCell } from '../../src/engine/resultTables';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

async function billed(input: Buffer, preview = false): Promise<Buffer> {
  const book = await XlsxWorkbook.load(input);
  const read = readBillingWorkbook(await book.readTables());
  expect(read.issues).toEqual([]);
  await book.writeResult(runBilling(read.workbook!, { billingDate: dayFromIso('2025-01-31')!, preview }));
  return book.toBuffer();
}

async function excel(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const parts = (bytes: Buffer) => unzipSync(new Uint8Array(bytes));
const definedNames = (bytes: Buffer) => [...strFromU8(parts(bytes)['xl/workbook.xml']).matchAll(/<definedName [^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);

describe('every invoice sheet is a filled copy of the template', () => {
  let input: Buffer;
  let output: Buffer;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    input = await templateWorkbook(TEMPLATE_CELLS, 'InvoiceTemplate', true);
    output = await billed(input);
    wb = await excel(output);
  });
  const sheet = (name: string) => wb.getWorksheet(name)!;

  test('one copy per invoice, the template itself untouched', () => {
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith('INV-'))).toEqual(['INV-00001', 'INV-00002']);
    const before = parts(input);
    const after = parts(output);
    const templatePart = Object.keys(before).find((p) => /worksheets\/sheet\d+\.xml$/.test(p) && strFromU8(before[p]).includes('<mergeCell ref="A10:B10"/>'))!;
    expect(Buffer.from(after[templatePart]).equals(Buffer.from(before[templatePart]))).toBe(true);
  });

  test('the repeated row is copied once per invoice row and the rows below move down', () => {
    const inv = sheet('INV-00001');
    expect([10, 11].map((r) => inv.getCell(`A${r}`).value)).toEqual(['Consulting: Anna', 'Consulting: Ben']);
    expect(['A13', 'A14', 'A15'].map((a) => inv.getCell(a).value)).toEqual(['Net', 'VAT 19 %', 'Gross']);
    expect(sheet('INV-00002').getCell('A12').value).toBe('Net');
  });

  test('values are typed: dates as dates, amounts and hours as numbers, text as text', () => {
    const inv = sheet('INV-00001');
    expect(inv.getCell('B6').value).toEqual(new Date('2025-01-31T00:00:00Z'));
    expect(inv.getCell('B7').value).toEqual(new Date('2025-02-14T00:00:00Z'));
    expect([inv.getCell('C10').value, inv.getCell('D10').value, inv.getCell('E10').value]).toEqual([2, 120, 240]);
    expect([inv.getCell('E13').value, inv.getCell('E14').value, inv.getCell('E15').value]).toEqual([390, 74.1, 464.1]);
    expect(inv.getCell('C2').value).toBe('Hafenstraße 1\n24103 Kiel');
    expect(inv.getCell('A17').value).toBe('Please pay to IBAN DE02120300000000202051, reference INV-00001');
  });

  test("a template cell's number format is kept; a General one gets the date or money format", () => {
    const inv = sheet('INV-00001');
    expect([inv.getCell('B6').numFmt, inv.getCell('D10').numFmt, inv.getCell('D11').numFmt]).toEqual(['dd.mm.yyyy', '#,##0.00 "€"', '#,##0.00 "€"']);
    expect([inv.getCell('B7').numFmt, inv.getCell('E10').numFmt, inv.getCell('C10').numFmt]).toEqual(['yyyy-mm-dd', '#,##0.00', '0.00']);
    expect(inv.getCell('C1').font.bold).toBe(true);
  });

  test('merged cells keep their place above, are made on every copy of the repeated row, and move down below it', () => {
    const merges = (name: string) => [...(sheet(name).model as unknown as { merges: string[] }).merges].sort();
    expect(merges('INV-00001')).toEqual(['A10:B10', 'A11:B11', 'A13:D13', 'A14:D14', 'A15:D15', 'A17:E17', 'C1:E1', 'C2:E3']);
    expect(merges('INV-00002')).toEqual(['A10:B10', 'A12:D12', 'A13:D13', 'A14:D14', 'A16:E16', 'C1:E1', 'C2:E3']);
  });

  test("formulas follow the rows they name: a range reaching past the repeated row grows, a cell below moves; text and other sheets' cells stay", () => {
    expect([sheet('INV-00001').getCell('F13').formula, sheet('INV-00001').getCell('F14').formula]).toEqual(['SUM(E10:E12)', 'IF(E13>0,"E12 ok",Settings!B2)']);
    expect([sheet('INV-00002').getCell('F12').formula, sheet('INV-00002').getCell('F13').formula]).toEqual(['SUM(E10:E11)', 'IF(E12>0,"E12 ok",Settings!B2)']);
  });

  test('column widths and page setup come with the copy', () => {
    const inv = sheet('INV-00001');
    expect([1, 2, 3, 4, 5].map((c) => inv.getColumn(c).width)).toEqual([30, 12, 10, 12, 14]);
    expect(inv.pageSetup.paperSize).toBe(9);
  });

  test('the pictures are on the copy, from its own drawing, sharing the image; the one below the rows moved down', () => {
    const images = (name: string) => sheet(name).getImages().map((i) => [i.imageId, Math.round(i.range.tl.nativeRow)]);
    const templateImages = images('InvoiceTemplate');
    expect(images('INV-00001')).toEqual([[templateImages[0][0], 0], [templateImages[1][0], 18]]);
    expect(images('INV-00002')).toEqual([[templateImages[0][0], 0], [templateImages[1][0], 17]]);
    const names = Object.keys(parts(output));
    expect(names.filter((n) => /^xl\/media\/.+/.test(n))).toHaveLength(1);
    expect(names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(3);
  });

  test('the print area and print titles point at the copy; the area grows by the inserted rows', () => {
    expect(definedNames(output)).toEqual(expect.arrayContaining([
      '<definedName name="_xlnm.Print_Area" localSheetId="12">\'INV-00001\'!$A1:$E20</definedName>',
      '<definedName name="_xlnm.Print_Titles" localSheetId="12">\'INV-00001\'!$9:$9</definedName>',
      '<definedName name="_xlnm.Print_Area" localSheetId="13">\'INV-00002\'!$A1:$E19</definedName>',
    ]));
    expect(wb.worksheets.map((w) => w.name)[12]).toBe('INV-00001');
  });

  test('the rows on each sheet add up to its net, and every sum equals the Invoices and InvoiceLines registers to the cent', () => {
    const invoices = wb.getWorksheet('Invoices')!;
    const lines = wb.getWorksheet('InvoiceLines')!;
    const cents = (v: unknown) => new Decimal(v as number).toFixed(2);
    for (const [name, rows] of [['INV-00001', [10, 11]], ['INV-00002', [10]]] as const) {
      const inv = sheet(name);
      const netRow = rows[rows.length - 1] + 2;
      const amounts = rows.map((r) => new Decimal(inv.getCell(`E${r}`).value as number));
      const register = invoices.getRows(2, 2)!.find((r) => r.getCell(1).value === name)!;
      const registered = lines.getRows(2, 3)!.filter((r) => r.getCell(1).value === name).map((r) => new Decimal(r.getCell(8).value as number));
      expect(sumDecimals(amounts).toFixed(2)).toBe(cents(inv.getCell(`E${netRow}`).value));
      expect(sumDecimals(registered).toFixed(2)).toBe(sumDecimals(amounts).toFixed(2));
      expect([netRow, netRow + 1, netRow + 2].map((r) => cents(inv.getCell(`E${r}`).value))).toEqual([6, 7, 8].map((c) => cents(register.getCell(c).value)));
    }
  });

  (SOFFICE ? test : test.skip)('LibreOffice opens the billed workbook and prints the copies', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'psa-template-'));
    const file = path.join(dir, 'billed.xlsx');
    await fs.writeFile(file, output);
    execFileSync(SOFFICE!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const pdf = await fs.readFile(path.join(dir, 'billed.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/Type\s*\/Page\b/);
  }, 150_000);
});

describe('a preview shows the copies on Preview sheets', () => {
  test('Preview Invoice n sheets are filled copies; the next run removes them with their drawings', async () => {
    const preview = await billed(await templateWorkbook(), true);
    const wb = await excel(preview);
    expect(wb.getWorksheet('Preview Invoice 1')!.getCell('B5').value).toBe('Preview 1');
    expect(wb.getWorksheet('Preview Invoice 1')!.getImages()).toHaveLength(2);
    const after = await billed(preview);
    const names = Object.keys(parts(after));
    expect((await excel(after)).worksheets.some((w) => w.name.startsWith('Preview'))).toBe(false);
    expect(names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(3);
  });
});

describe('the template sheet Settings names', () => {
  test('a template under another name (with a space) is copied, its print area pointed at the copy', async () => {
    const output = await billed(await templateWorkbook(TEMPLATE_CELLS, 'Our invoice'));
    expect((await excel(output)).getWorksheet('INV-00001')!.getCell('A10').value).toBe('Consulting: Anna');
    expect(definedNames(output)).toContain('<definedName name="_xlnm.Print_Area" localSheetId="12">\'INV-00001\'!$A1:$E20</definedName>');
  });

  test('an unknown placeholder is an input error on its cell', async () => {
    const book = await XlsxWorkbook.load(await templateWorkbook({ ...TEMPLATE_CELLS, B5: '{Invoice.Nmber}' }));
    const { issues } = readBillingWorkbook(await book.readTables());
    expect(issues.map((i) => [i.code, i.cell])).toEqual([['BAD_PLACEHOLDER', 'InvoiceTemplate!B5']]);
  });
});

describe('what a copy leaves behind', () => {
  test("the template's own names (Excel's revision id, the macros' code name) and its selection stay with it", async () => {
    const input = await editZip(await templateWorkbook(), async (zip) => {
      const part = Object.keys(zip.files).find((n) => /worksheets\/sheet\d+\.xml$/.test(n) && n.endsWith('sheet6.xml'))!;
      const xml = await zip.file(part)!.async('string');
      zip.file(part, xml
        .replace('<worksheet ', '<worksheet xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}" ')
        .replace(/<sheetPr[^>]*>|<sheetPr\/>/, '<sheetPr codeName="Tabelle6">')
        .replace('<sheetFormatPr', '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr'));
    });
    const after = parts(await billed(input));
    const copies = Object.entries(after).filter(([name, bytes]) => /worksheets\/sheet\d+\.xml$/.test(name) && strFromU8(bytes).includes('<mergeCell ref="A10:B10"/>'));
    // The template and its two copies; the template's part is as it was.
    expect(copies).toHaveLength(3);
    expect(strFromU8(copies[0][1])).toMatch(/xr:uid=.*codeName=.*tabSelected=/s);
    expect(strFromU8(copies[1][1])).not.toMatch(/xr:uid=|codeName=|tabSelected=/);
    expect(strFromU8(copies[2][1])).not.toMatch(/xr:uid=|codeName=|tabSelected=/);
  });


  test("the template's notes stay on the template: the copy has none and the workbook reads back", async () => {
    const source = await excel(await templateWorkbook());
    source.getWorksheet('InvoiceTemplate')!.getCell('A5').note = 'Our invoice number, filled in by the run';
    const output = await billed(Buffer.from(await source.xlsx.writeBuffer()));
    const wb = await excel(output);
    expect(wb.getWorksheet('InvoiceTemplate')!.getCell('A5').note).toBe('Our invoice number, filled in by the run');
    expect(wb.getWorksheet('INV-00001')!.getCell('A5').note).toBeUndefined();
    expect(wb.getWorksheet('INV-00001')!.getCell('A5').value).toBe('Invoice');
    const rels = Object.entries(parts(output)).filter(([name]) => /worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(name)).map(([, bytes]) => strFromU8(bytes));
    expect(rels.filter((xml) => xml.includes('/comments"'))).toHaveLength(1);
  });
});

const CHARTS = path.join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'real-excel', '123233_charts.xlsx');

(existsSync(CHARTS) ? describe : describe.skip)('a template another program saved', () => {
  test('its drawing and charts are copied, though its relationships part is named in another case than the sheet', async () => {
    const book = await PackageWorkbook.load(await fs.readFile(CHARTS));
    const template = book.sheetNames()[0];
    const fixture = await (await PackageWorkbook.load(await billingWorkbook())).readTables();
    for (const table of fixture.tables) {
      const rows: OutputCell[][] = table.rows.map((r) => r.map((v) => (v instanceof Date ? v.getTime() / 86_400_000 + 25_569 : v)));
      book.addTableSheet(`Billing ${table.sheet}`, table.name, table.headers.map((header) => ({ header })), rows);
    }
    book.addTableSheet('Billing Settings', 'Settings', [{ header: 'Setting' }, { header: 'Value' }], [['InvoiceTemplate', template]]);
    const after = parts(await billed(await book.toBuffer()));
    const charts = (prefix: string) => Object.keys(after).filter((n) => n.startsWith(prefix) && /\/chart\d+\.xml$/.test(n));
    expect(charts('xl/charts/')).toHaveLength(8);
    const copyRels = Object.entries(after).find(([n, b]) => /worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(n) && strFromU8(b).includes('drawing') && !n.endsWith('sheet1.xml.rels'));
    const drawing = /Target="\.\.\/drawings\/(drawing\d+\.xml)"/.exec(strFromU8(copyRels![1]))![1];
    expect(drawing).not.toBe('drawing1.xml');
    const drawingRels = strFromU8(after[`xl/drawings/_rels/${drawing}.rels`]);
    expect([...drawingRels.matchAll(/charts\/(chart\d+)\.xml/g)].map((m) => m[1])).toEqual(['chart5', 'chart6', 'chart7', 'chart8']);
  });
});
