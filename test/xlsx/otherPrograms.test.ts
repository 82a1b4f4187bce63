/**
 * Workbooks written by other programs read and bill exactly as the sample Excel-style file
 * they were made from (fixtures and how they were made: test/fixtures/README.md), and a
 * boolean cell holding a formula is read by its cached result, as Excel and LibreOffice write it.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { resolveTarget } from '../../src/xlsx/package/workbookParts';
import { findTable, type RawWorkbook } from '../../src/schema/rawTable';
import { readBillingWorkbook } from '../../src/schema/readBillingWorkbook';
import { runBilling } from '../../src/engine/runBilling';
import { dayFromIso } from '../../src/core/day';
import type { BillingResult } from '../../src/engine/billingResult';
import ExcelJS from 'exceljs';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'other-programs');
const fixture = (name: string) => fs.readFile(path.join(FIXTURES, name));

async function tablesOf(bytes: Buffer): Promise<RawWorkbook> {
  return (await XlsxWorkbook.load(bytes)).readTables();
}

function bill(raw: RawWorkbook): BillingResult {
  const read = readBillingWorkbook(raw);
  if (!read.workbook) throw new Error(read.issues.map((i) => i.message).join('; '));
  return runBilling(read.workbook, { billingDate: dayFromIso('2026-11-30')!, preview: false });
}

/** What a reader of the invoices sees: number, customer, source, kind, rows, totals. */
function invoicesOf(result: BillingResult): unknown[] {
  return result.invoices.map((i) => ({
    invoiceNo: i.invoiceNo,
    customer: i.customer,
    source: i.source,
    kind: i.kind,
    rows: i.rows.map((r) => [r.description, r.quantity.toFixed(2), r.unitPrice?.toFixed(2) ?? '', r.amount.toFixed(2)]),
    net: i.net.toFixed(2),
    tax: i.tax.toFixed(2),
    gross: i.gross.toFixed(2),
  }));
}

const totalNet = (result: BillingResult) => result.invoices.reduce((sum, i) => sum + Number(i.net.toFixed(2)), 0).toFixed(2);

/** The sheet part holding a worksheet, through workbook.xml and its relationships. */
async function sheetPath(zip: JSZip, sheet: string): Promise<string> {
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(book)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"|<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  const t = (target[1] ?? target[2]).replace(/^\//, '');
  return t.startsWith('xl/') ? t : `xl/${t}`;
}

/** The sample with one cell's XML replaced by `cellXml(address, styleAttr)`. */
async function withCell(bytes: Buffer, sheet: string, address: string, cellXml: (style: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const part = await sheetPath(zip, sheet);
  const xml = await zip.file(part)!.async('string');
  const re = new RegExp(`<c r="${address}"([^>]*?)(/>|>[\\s\\S]*?</c>)`);
  const m = re.exec(xml);
  if (!m) throw new Error(`no cell ${address}`);
  const style = /\bs="\d+"/.exec(m[1])?.[0] ?? '';
  zip.file(part, xml.replace(re, cellXml(style)));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** Sheet address of an entry's Billable cell in the sample's TimeEntries table. */
function billableCell(raw: RawWorkbook, entryId: string): string {
  const t = findTable(raw, 'TimeEntries')!;
  const row = t.rows.findIndex((r) => r[t.headers.indexOf('EntryId')] === entryId);
  const column = t.firstColumn + t.headers.indexOf('Billable');
  return `${String.fromCharCode(64 + column)}${t.headerRow + 1 + row}`;
}

describe('the sample saved by other programs bills exactly as the original', () => {
  let original: BillingResult;
  beforeAll(async () => {
    original = bill(await tablesOf(await fixture('sample-original.xlsx')));
  });

  it('the original bills 22,586.00 net in 17 invoices', () => {
    expect([original.invoices.length, totalNet(original)]).toEqual([17, '22586.00']);
  });

  it.each(['sample-libreoffice.xlsx', 'sample-openpyxl.xlsx'])('%s: same invoices, rows and totals', async (name) => {
    const result = bill(await tablesOf(await fixture(name)));
    expect(invoicesOf(result)).toEqual(invoicesOf(original));
    expect(result.exceptions.map((e) => [e.entryId, e.reason])).toEqual(original.exceptions.map((e) => [e.entryId, e.reason]));
  });

  it.each(['sample-libreoffice.xlsx', 'sample-openpyxl.xlsx'])('%s: the result is written and reads back billed, so a second run bills nothing', async (name) => {
    const book = await XlsxWorkbook.load(await fixture(name));
    const first = bill(await book.readTables());
    await book.writeResult(first);
    const again = bill(await tablesOf(await book.toBuffer()));
    expect(again.invoices).toEqual([]);
  });
});

describe('a boolean cell holding a formula is read by its cached result', () => {
  it('the sample with =FALSE() in a Billable cell, as Excel writes it, bills 22,586.00, not 22,796.00', async () => {
    const bytes = await fixture('sample-original.xlsx');
    const cell = billableCell(await tablesOf(bytes), 'E-1207');
    const edited = await withCell(bytes, 'TimeEntries', cell, (s) => `<c r="${cell}" ${s} t="b"><f>FALSE()</f><v>0</v></c>`);
    const raw = await tablesOf(edited);
    const t = findTable(raw, 'TimeEntries')!;
    expect(t.rows.find((r) => r[0] === 'E-1207')![t.headers.indexOf('Billable')]).toBe(false);
    expect(totalNet(bill(raw))).toBe('22586.00');
  });

  it('reads FALSE, TRUE, 0 and an empty text result of formulas as Excel and LibreOffice write them, shared formulas included', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Time');
    ws.addTable({
      name: 'Flags',
      ref: 'A1',
      columns: ['Excel', 'LibreOffice', 'Number', 'Text', 'Shared'].map((name) => ({ name })),
      rows: [[1, 1, 1, 1, 1], [1, 1, 1, 1, 1]],
    });
    let bytes: Buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const cells: Record<string, string> = {
      A2: '<c r="A2" t="b"><f>[@Number]&lt;&gt;0</f><v>0</v></c>',
      A3: '<c r="A3" t="b"><f>TRUE()</f><v>1</v></c>',
      B2: '<c r="B2" s="0" t="b"><f aca="false">FALSE()</f><v>0</v></c>',
      B3: '<c r="B3" s="0" t="b"><f aca="false">TRUE()</f><v>1</v></c>',
      C2: '<c r="C2"><f>1-1</f><v>0</v></c>',
      C3: '<c r="C3"><f>2-1</f><v>1</v></c>',
      D2: '<c r="D2" t="str"><f>""</f><v></v></c>',
      D3: '<c r="D3" t="str"><f>"x"</f><v>x</v></c>',
      E2: '<c r="E2" t="b"><f t="shared" ref="E2:E3" si="0">1=2</f><v>0</v></c>',
      E3: '<c r="E3" t="b"><f t="shared" si="0"/><v>0</v></c>',
    };
    for (const [address, xml] of Object.entries(cells)) bytes = await withCell(bytes, 'Time', address, () => xml);
    const flags = findTable(await tablesOf(bytes), 'Flags')!;
    expect(flags.rows).toEqual([
      [false, false, 0, null, false],
      [true, true, 1, 'x', false],
    ]);
  });

  it('a formula whose cached result is FALSE or 0 is not a blank cell a table may grow over', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Register');
    ws.addTable({ name: 'Invoices', ref: 'A1', columns: [{ name: 'InvoiceNo' }], rows: [['INV-00001']] });
    let bytes: Buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const zip = await JSZip.loadAsync(bytes);
    const part = await sheetPath(zip, 'Register');
    const xml = await zip.file(part)!.async('string');
    zip.file(part, xml.replace('</sheetData>', '<row r="3"><c r="A3" t="b"><f>1=2</f><v>0</v></c></row></sheetData>'));
    bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const book = await XlsxWorkbook.load(bytes);
    const raw = await book.readTables();
    expect(findTable(raw, 'Invoices')!.rows).toEqual([['INV-00001']]);
    // Two more rows would take in A3: refused, naming the cell, rather than overwrite the formula.
    expect(() => book.appendRows('Invoices', ['InvoiceNo'], [['INV-00002'], ['INV-00003']])).toThrow(/Register!A3 below it is not empty/);
  });
});

describe('relationship targets written as absolute paths (openpyxl)', () => {
  it('lead to the same parts as relative ones', () => {
    expect(resolveTarget('xl/worksheets/sheet2.xml', '/xl/tables/table1.xml')).toBe('xl/tables/table1.xml');
    expect(resolveTarget('xl/worksheets/sheet2.xml', '../tables/table1.xml')).toBe('xl/tables/table1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
  });
});
