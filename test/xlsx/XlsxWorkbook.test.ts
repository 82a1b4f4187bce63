import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XlsxWorkbook, EXCEPTION_FILL_ARGB } from '../../src/xlsx/XlsxWorkbook';
import { WorkbookWriteError } from '../../src/engine/workbookPort';
import { readTableParts, type TablePart } from './tableParts';
import { findTable } from '../../src/schema/rawTable';
import { Decimal } from '../../src/core/money';
import { editZip, fixtureResult, fixtureWorkbook, invoice, utc } from './fixtures';

async function reopen(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function tablePart(bytes: Buffer, name: string): Promise<TablePart> {
  const part = (await readTableParts(await JSZip.loadAsync(bytes))).get(name.toLowerCase());
  if (!part) throw new Error(`no table part ${name}`);
  return part;
}

async function run(bytes: Buffer, result = fixtureResult()): Promise<Buffer> {
  const book = await XlsxWorkbook.load(bytes);
  await book.writeResult(result);
  return book.toBuffer();
}

function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n] = JSON.parse(JSON.stringify(row.values));
  });
  return out;
}

describe('reading tables from a file', () => {
  test('reads a table placed at B3 with its real header row, first column and values', async () => {
    const raw = await (await XlsxWorkbook.load(await fixtureWorkbook())).readTables();
    const time = findTable(raw, 'timeentries');
    expect(time).toMatchObject({ name: 'TimeEntries', sheet: 'Time', headerRow: 3, firstColumn: 2 });
    expect(time?.headers).toEqual(['EntryId', 'Date', 'Person', 'NodeId', 'Hours', 'MyNote']);
    expect(time?.rows[1]).toEqual(['E2', utc('2025-01-03'), 'Ben', 'N1', 1.5, 'second']);
  });

  test('reads formulas as their result, rich text and hyperlinks as text, errors as text, empty cells as null', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addTable({
      name: 'People', ref: 'D4', columns: [{ name: 'Person' }, { name: 'CostPerHour' }, { name: 'Note' }],
      rows: [
        [{ richText: [{ text: 'An' }, { font: { bold: true }, text: 'na' }] }, { formula: '40+2', result: 42 }, { text: 'site', hyperlink: 'https://example.com' }],
        ['Ben', { error: '#N/A' }, null],
      ],
    });
    const raw = await (await XlsxWorkbook.load(Buffer.from(await wb.xlsx.writeBuffer()))).readTables();
    expect(findTable(raw, 'People')?.rows).toEqual([['Anna', 42, 'site'], ['Ben', '#N/A', null]]);
  });

  test('keeps the header row of a table saved by Excel, which leaves headerRowCount out', async () => {
    const excelLike = await editZip(await fixtureWorkbook(), async (zip) => {
      for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
        const xml = await zip.file(path)!.async('string');
        zip.file(path, xml.replace(/ headerRowCount="1"/, '').replace(/<filterColumn [^>]*\/>/g, ''));
      }
    });
    const book = await XlsxWorkbook.load(excelLike);
    expect(findTable(await book.readTables(), 'TimeEntries')?.rows).toHaveLength(3);
    const written = await run(excelLike);
    const time = await tablePart(written, 'TimeEntries');
    expect({ header: time.headerRowCount, hidden: time.hiddenButtons.some(Boolean), filter: time.hasAutoFilter }).toEqual({ header: 1, hidden: false, filter: true });
  });
  test('reads every column of a table with a calculated column and an active date filter, as Excel saves them, and keeps the formula', async () => {
    const excelLike = await editZip(await fixtureWorkbook(), async (zip) => {
      const path = Object.keys(zip.files).find((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))!;
      const xml = await zip.file(path)!.async('string');
      if (!xml.includes('name="TimeEntries"')) throw new Error('fixture: TimeEntries is expected in the first table part');
      zip.file(
        path,
        xml
          .replace(/<tableColumn id="5" name="Hours"[^>]*\/>/, '<tableColumn id="5" name="Hours"><calculatedColumnFormula>1+1</calculatedColumnFormula></tableColumn>')
          .replace(/<autoFilter ref="([^"]+)">[\s\S]*?<\/autoFilter>/, '<autoFilter ref="$1"><filterColumn colId="1"><dynamicFilter type="thisMonth"/></filterColumn></autoFilter>'),
      );
    });
    const book = await XlsxWorkbook.load(excelLike);
    expect(findTable(await book.readTables(), 'TimeEntries')?.headers).toEqual(['EntryId', 'Date', 'Person', 'NodeId', 'Hours', 'MyNote']);
    await book.writeResult(fixtureResult());
    const written = await tablePart(await book.toBuffer(), 'TimeEntries');
    expect(written.columns).toEqual(['EntryId', 'Date', 'Person', 'NodeId', 'Hours', 'MyNote', 'InvoiceNo']);
    // Carried through as it was: Excel keeps filling the calculated column by itself.
    expect(written.hasCalculatedColumns).toBe(true);
  });
});

describe('writing a real run', () => {
  test('appends invoices under the existing register, continuing it and keeping the user column', async () => {
    const wb = await reopen(await run(await fixtureWorkbook()));
    const register = wb.getWorksheet('Register')!;
    expect(register.getCell('A7').value).toBe('INV-00002');
    expect(register.getCell('F7').value).toBe(2619);
    expect(register.getCell('F7').numFmt).toBe('#,##0.00');
    expect(register.getCell('J6').value).toBe('yes');
    expect(register.getCell('J7').value).toBeNull();
  });

  test('writes the invoice date as a real Excel date shown as yyyy-mm-dd', async () => {
    const cell = (await reopen(await run(await fixtureWorkbook()))).getWorksheet('Register')!.getCell('B7');
    expect([cell.value, cell.numFmt]).toEqual([utc('2025-01-31'), 'yyyy-mm-dd']);
  });

  test('the Invoices table grows to take in the new rows, with its filter range', async () => {
    const part = await tablePart(await run(await fixtureWorkbook()), 'Invoices');
    expect({ ref: part.ref, filter: part.hasAutoFilter }).toEqual({ ref: 'A5:P7', filter: true });
  });

  test('creates InvoiceLines as a real table with filter buttons and money and hours formats', async () => {
    const bytes = await run(await fixtureWorkbook());
    const part = await tablePart(bytes, 'InvoiceLines');
    expect(part.ref).toBe('A1:L3');
    expect(part.hasAutoFilter && !part.hiddenButtons.some(Boolean)).toBe(true);
    const wb = await reopen(bytes);
    const sheet = wb.getWorksheet('InvoiceLines')!;
    expect(sheet.getTable('InvoiceLines')).toBeDefined();
    expect([sheet.getCell('F2').value, sheet.getCell('F2').numFmt]).toEqual([2, '0.00']);
    expect([sheet.getCell('G2').value, sheet.getCell('G2').numFmt]).toEqual([1234.5, '#,##0.00']);
    expect(sheet.getCell('L3').value).toBe('E2');
  });

  test('writes one sheet per invoice, named by its number, with its number, Net, Tax and Gross', async () => {
    const wb = await reopen(await run(await fixtureWorkbook()));
    const sheet = wb.getWorksheet('INV-00002')!;
    const rowOf = (column: string, label: string) => {
      for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(`${column}${r}`).value === label) return r;
      throw new Error(`no ${label} in column ${column}`);
    };
    expect(sheet.getCell(`B${rowOf('A', 'Invoice number')}`).value).toBe('INV-00002');
    expect(sheet.getCell(`D${rowOf('C', 'Net')}`).value).toBe(2619);
    expect(sheet.getCell(`D${rowOf('C', 'Gross')}`).value).toBe(3116.61);
  });

  test('an invoice sheet prints on A4, one page wide, the rows header repeated, page n of m in the footer', async () => {
    const sheet = (await reopen(await run(await fixtureWorkbook()))).getWorksheet('INV-00002')!;
    expect(sheet.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: 'portrait', paperSize: 9 });
    expect(sheet.pageSetup.printArea).toMatch(/^\$?A\$?1:\$?D\$?\d+$/);
    expect(sheet.getCell(`A${Number(/\d+/.exec(sheet.pageSetup.printTitlesRow!)![0])}`).value).toBe('Description');
    expect(sheet.headerFooter.oddFooter).toBe('&CPage &P of &N');
  });

  test('adds a missing InvoiceNo column at the right end of TimeEntries and fills the billed rows', async () => {
    const bytes = await run(await fixtureWorkbook());
    expect((await tablePart(bytes, 'TimeEntries')).ref).toBe('B3:H6');
    const raw = await (await XlsxWorkbook.load(bytes)).readTables();
    const time = findTable(raw, 'TimeEntries')!;
    expect(time.headers[6]).toBe('InvoiceNo');
    expect(time.rows.map((r) => r[6])).toEqual(['INV-00002', 'INV-00002', null]);
    expect(time.rows[0][5]).toBe('first');
  });

  test('fills the rows listed as exceptions and no others', async () => {
    const sheet = (await reopen(await run(await fixtureWorkbook()))).getWorksheet('Time')!;
    const fills = [4, 5, 6].map((r) => sheet.getCell(`B${r}`).fill?.type === 'pattern' && (sheet.getCell(`B${r}`).fill as ExcelJS.FillPattern).fgColor?.argb);
    expect(fills).toEqual([false, false, EXCEPTION_FILL_ARGB]);
  });

  test('clears its own fill from a row no longer listed, keeping a fill the user chose', async () => {
    const first = await run(await fixtureWorkbook());
    const wb = await reopen(first);
    wb.getWorksheet('Time')!.getCell('C5').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0000FF' } };
    const userColoured = Buffer.from(await wb.xlsx.writeBuffer());
    const second = await run(userColoured, fixtureResult({ invoices: [], exceptions: [], invoiceNoUpdates: [] }));
    const sheet = (await reopen(second)).getWorksheet('Time')!;
    const argb = (a: string) => (sheet.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([argb('B6'), argb('C5')]).toEqual([undefined, 'FF0000FF']);
  });

  test('formats a written cell without changing the cells of the file that share its style', async () => {
    const wb = await reopen(await fixtureWorkbook());
    wb.getWorksheet('Register')!.getCell('F7').font = { bold: true };
    const note = wb.getWorksheet('Notes')!.getCell('C5');
    note.value = 12.5;
    note.font = { bold: true };
    // Written with one style id, so exceljs loads the two cells with one shared style object.
    const sharedStyle = Buffer.from(await wb.xlsx.writeBuffer());
    const after = await reopen(await run(sharedStyle));
    const net = after.getWorksheet('Register')!.getCell('F7');
    const kept = after.getWorksheet('Notes')!.getCell('C5');
    expect([net.value, net.numFmt, net.font?.bold]).toEqual([2619, '#,##0.00', true]);
    expect([kept.value, kept.numFmt, kept.font?.bold]).toEqual([12.5, undefined, true]);
  });

  test('leaves a user sheet exactly as it was', async () => {
    const before = (await reopen(await fixtureWorkbook())).getWorksheet('Notes')!;
    const after = (await reopen(await run(await fixtureWorkbook()))).getWorksheet('Notes')!;
    expect(sheetValues(after)).toEqual(sheetValues(before));
    expect(after.getCell('A3').fill).toEqual(before.getCell('A3').fill);
  });

  test('replaces OrderStatus on a second run instead of adding to it', async () => {
    const once = await run(await fixtureWorkbook());
    const twice = await run(once, fixtureResult({ invoices: [invoice('INV-00003')], invoiceNoUpdates: [] }));
    const raw = await (await XlsxWorkbook.load(twice)).readTables();
    expect(findTable(raw, 'OrderStatus')?.rows).toHaveLength(1);
    expect(findTable(raw, 'Invoices')?.rows.map((r) => r[0])).toEqual(['INV-00001', 'INV-00002', 'INV-00003']);
  });

  test('an empty replaced table stays a valid table with one blank row', async () => {
    const bytes = await run(await fixtureWorkbook(), fixtureResult({ exceptions: [] }));
    expect((await tablePart(bytes, 'BillingExceptions')).ref).toBe('A1:H2');
  });

  test('moves the totals row of the register under the new invoices, its formula unchanged', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Register').addTable({
      name: 'Invoices', ref: 'B2', totalsRow: true,
      columns: [
        { name: 'InvoiceNo', totalsRowLabel: 'Total', filterButton: true },
        { name: 'Net', totalsRowFunction: 'sum', filterButton: true },
      ],
      rows: [['INV-00001', 100]],
    });
    const written = await run(Buffer.from(await wb.xlsx.writeBuffer()), fixtureResult({ invoiceNoUpdates: [], exceptions: [] }));
    const part = await tablePart(written, 'Invoices');
    expect([part.ref, part.totalsRowCount]).toEqual(['B2:P5', 1]);
    const sheet = (await reopen(written)).getWorksheet('Register')!;
    expect([sheet.getCell('B4').value, sheet.getCell('B5').value]).toEqual(['INV-00002', 'Total']);
    expect((sheet.getCell('C5').value as ExcelJS.CellFormulaValue).formula).toBe('SUBTOTAL(109,Invoices[Net])');
  });

  test('refuses to grow the register over cells a user filled below it', async () => {
    const wb = await reopen(await fixtureWorkbook());
    wb.getWorksheet('Register')!.getCell('C7').value = 'my total';
    const book = await XlsxWorkbook.load(Buffer.from(await wb.xlsx.writeBuffer()));
    await expect(book.writeResult(fixtureResult())).rejects.toThrow(WorkbookWriteError);
  });
});

describe('writing a preview', () => {
  test('adds only Preview sheets and leaves every other sheet unchanged', async () => {
    const input = await fixtureWorkbook();
    const before = await reopen(input);
    const after = await reopen(await run(input, fixtureResult({ preview: true, invoices: [invoice('')], invoiceNoUpdates: [] })));
    const added = after.worksheets.map((w) => w.name).filter((n) => !before.getWorksheet(n));
    expect(added.every((n) => n.startsWith('Preview '))).toBe(true);
    expect(added).toEqual(expect.arrayContaining(['Preview Invoices', 'Preview InvoiceLines', 'Preview Exceptions', 'Preview OrderStatus', 'Preview AgreementSummary']));
    for (const ws of before.worksheets) expect(sheetValues(after.getWorksheet(ws.name)!)).toEqual(sheetValues(ws));
    expect(after.getWorksheet('Time')!.getCell('B6').fill).toEqual(before.getWorksheet('Time')!.getCell('B6').fill);
  });

  test('a second preview replaces the first one instead of adding sheets', async () => {
    const previewResult = fixtureResult({ preview: true, invoices: [invoice('')], invoiceNoUpdates: [] });
    const once = await run(await fixtureWorkbook(), previewResult);
    const twice = await run(once, previewResult);
    expect((await reopen(twice)).worksheets.map((w) => w.name)).toEqual((await reopen(once)).worksheets.map((w) => w.name));
  });

  test('a real run deletes the Preview sheets of an earlier preview', async () => {
    const previewed = await run(await fixtureWorkbook(), fixtureResult({ preview: true, invoices: [invoice('')], invoiceNoUpdates: [] }));
    const names = (await reopen(await run(previewed))).worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith('Preview'))).toEqual([]);
  });

  test('shows a placeholder instead of consuming an invoice number', async () => {
    const bytes = await run(await fixtureWorkbook(), fixtureResult({ preview: true, invoices: [invoice('', { net: new Decimal('1') })], invoiceNoUpdates: [] }));
    expect((await reopen(bytes)).getWorksheet('Preview Invoices')!.getCell('A2').value).toBe('Preview 1');
  });
});

describe('low-balance agreements stand out', () => {
  const h = (v: string) => new Decimal(v);
  const summary = (agreementId: string, lowBalance: boolean) => ({
    agreementId, customer: 'Acme', initial: h('10'), added: h('0'), rolledOver: h('0'), used: h('9'), remaining: h('1'),
    overrun: h('0'), recorded: h('9'), lowBalance, deferredRevenue: h('100'), status: 'Active',
  });
  const filled = (ws: ExcelJS.Worksheet, row: number) =>
    [1, 11].map((c) => (ws.getCell(row, c).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? null);

  test('a low-balance row of AgreementSummary gets the highlight fill, which moves with the next run', async () => {
    const first = await run(await fixtureWorkbook(), fixtureResult({ agreementSummary: [summary('A-1', true), summary('A-2', false)] }));
    const once = (await reopen(first)).getWorksheet('AgreementSummary')!;
    expect([filled(once, 2), filled(once, 3)]).toEqual([['FFFFEB9C', 'FFFFEB9C'], [null, null]]);

    const second = await run(first, fixtureResult({ invoices: [], invoiceNoUpdates: [], agreementSummary: [summary('A-1', false), summary('A-2', true)] }));
    const twice = (await reopen(second)).getWorksheet('AgreementSummary')!;
    expect([twice.getCell('A2').value, filled(twice, 2), filled(twice, 3)]).toEqual(['A-1', [null, null], ['FFFFEB9C', 'FFFFEB9C']]);
  });
});
