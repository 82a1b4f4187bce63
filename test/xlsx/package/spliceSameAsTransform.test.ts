/**
 * The two ways the package writer changes a sheet give the same workbook: splicing, for a sheet
 * whose rows the reader located (the way every run writes), and the streaming transform, which
 * parses the sheet again (used for a row whose own cells change, and for a sheet never read).
 * The fixture and the sample are billed (a real run, a preview, a second run) and compared
 * cell by cell, tables and widths, as exceljs reads them back.
 */
import { promises as fs } from 'fs';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import * as path from 'path';
import { dayFromIso } from '../../../src/core/day';
import { runBilling } from '../../../src/engine/runBilling';
import { readBillingWorkbook } from '../../../src/schema/readBillingWorkbook';
import { PackageWorkbook } from '../../../src/xlsx/package/PackageWorkbook';
import type { SheetCells } from '../../../src/xlsx/package/sheetReader';
import { billingWorkbook } from '../../cli/billingFixture';
import { loadXlsx, xlsxLook } from '../../excel/workbookCells';

const SAMPLE = path.join(__dirname, '..', '..', '..', 'assets', 'sample.xlsx');
const SAMPLE_DATE = dayFromIso('2026-11-30')!;
const FIXTURE_DATE = dayFromIso('2025-01-31')!;

async function billed(bytes: Buffer, billingDate: number, preview: boolean, splice: boolean): Promise<Buffer> {
  const book = await PackageWorkbook.load(bytes);
  const { workbook, issues } = readBillingWorkbook(await book.readTables());
  if (!workbook || issues.length > 0) throw new Error(`fixture has input errors: ${JSON.stringify(issues.slice(0, 3))}`);
  await book.writeResult(runBilling(workbook, { billingDate, preview }));
  if (!splice) {
    // Without the row layout the writer falls back to the streaming transform.
    for (const sheet of (book as unknown as { sheets: { cells?: SheetCells }[] }).sheets) if (sheet.cells) sheet.cells.layout = undefined;
  }
  return Buffer.from(book.packageBytes());
}

async function expectSame(bytes: Buffer, billingDate: number, preview = false): Promise<Buffer> {
  const spliced = await billed(bytes, billingDate, preview, true);
  const a = await xlsxLook(await billed(bytes, billingDate, preview, false));
  const b = await xlsxLook(spliced);
  expect([...b.cells.keys()]).toEqual([...a.cells.keys()]);
  expect(b.tables).toEqual(a.tables);
  for (const [sheet, cells] of a.cells) {
    const other = b.cells.get(sheet)!;
    const differing = [...new Set([...cells.keys(), ...other.keys()])]
      .filter((at) => JSON.stringify(cells.get(at)) !== JSON.stringify(other.get(at)))
      .map((at) => ({ at: `${sheet}!${at}`, transform: cells.get(at), splice: other.get(at) }));
    expect(differing.slice(0, 5)).toEqual([]);
  }
  expect(b.widths).toEqual(a.widths);
  return spliced;
}

describe('splicing a sheet writes what the streaming transform writes', () => {
  test('the small fixture: InvoiceNo column added, exception fill', async () => {
    await expectSame(await billingWorkbook(), FIXTURE_DATE);
  });

  test('an InvoiceNo column between others, its cells missing: the marks go between the cells', async () => {
    const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const bytes = await billingWorkbook({
      timeHeaders: ['EntryId', 'Date', 'Person', 'NodeId', 'Hours', 'InvoiceNo', 'MyNote'],
      timeEntries: [
        ['E1', utc('2025-01-02'), 'Anna', 'N1', 2, null, 'mine'],
        ['E2', utc('2025-01-03'), 'Ben', 'N1', 1.5, null, 'kept'],
        ['E3', utc('2025-01-04'), 'Anna', 'N9', 1, null, null],
      ],
    });
    const spliced = await expectSame(bytes, FIXTURE_DATE);
    const time = (await xlsxLook(spliced)).cells.get('Time')!;
    expect([time.get('G5')?.value, time.get('H5')?.value, time.get('G6')?.value, time.get('H6')?.value]).toEqual(['INV-00008', 'mine', 'INV-00008', 'kept']);
  });

  test('blank cells waiting for the marks (styled, no value) are filled in place, keeping their style', async () => {
    const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const wb = await loadXlsx(await billingWorkbook({
      timeHeaders: ['EntryId', 'Date', 'Person', 'NodeId', 'Hours', 'InvoiceNo', 'MyNote'],
      timeEntries: [
        ['E1', utc('2025-01-02'), 'Anna', 'N1', 2, null, 'mine'],
        ['E2', utc('2025-01-03'), 'Ben', 'N1', 1.5, null, 'kept'],
        ['E3', utc('2025-01-04'), 'Anna', 'N9', 1, null, null],
      ],
    }));
    for (const at of ['G5', 'G6', 'G7']) wb.getWorksheet('Time')!.getCell(at).font = { italic: true };
    const spliced = await expectSame(Buffer.from(await wb.xlsx.writeBuffer()), FIXTURE_DATE);
    const time = (await loadXlsx(spliced)).getWorksheet('Time')!;
    expect(['G5', 'G6', 'G7'].map((at) => [time.getCell(at).value, time.getCell(at).font?.italic])).toEqual([['INV-00008', true], ['INV-00008', true], [null, true]]);
  });

  test('InvoiceNo the rightmost column, its blank cells styled: each mark goes into its blank cell, keeping the style', async () => {
    const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const wb = await loadXlsx(await billingWorkbook({
      timeHeaders: ['EntryId', 'Date', 'Person', 'NodeId', 'Hours', 'InvoiceNo'],
      timeEntries: [
        ['E1', utc('2025-01-02'), 'Anna', 'N1', 2, null],
        ['E2', utc('2025-01-03'), 'Ben', 'N1', 1.5, null],
        ['E3', utc('2025-01-04'), 'Anna', 'N9', 1, null],
      ],
    }));
    const sheet = wb.getWorksheet('Time')!;
    expect(sheet.getCell('G4').value).toBe('InvoiceNo');
    for (const at of ['G5', 'G6', 'G7']) sheet.getCell(at).font = { italic: true };
    const spliced = await expectSame(Buffer.from(await wb.xlsx.writeBuffer()), FIXTURE_DATE);
    const time = (await loadXlsx(spliced)).getWorksheet('Time')!;
    expect(['G5', 'G6', 'G7'].map((at) => [time.getCell(at).value, time.getCell(at).font?.italic])).toEqual([['INV-00008', true], ['INV-00008', true], [null, true]]);
  });

  test('text beyond ASCII before and inside the rows (offsets in bytes, not characters): the marks land in their cells', async () => {
    // Two-, three- and four-byte characters in comments, at the start of sheetData and in every row, ahead of where the marks go.
    const note = '<!-- Grüße, naïve € 😀 -->';
    const widened = (bytes: Buffer): Buffer => {
      const files = unzipSync(bytes);
      for (const name of Object.keys(files)) {
        if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
        const xml = strFromU8(files[name]).replace('<sheetData>', `<sheetData>${note}`).replace(/<row\b([^>]*)>/g, `<row$1>${note}`).replace(/<\/row>/g, `${note}</row>`);
        files[name] = strToU8(xml);
      }
      return Buffer.from(zipSync(files));
    };
    const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const entries = [
      ['E1', utc('2025-01-02'), 'Anna', 'N1', 2, null, 'mine'],
      ['E2', utc('2025-01-03'), 'Ben', 'N1', 1.5, null, 'kept'],
      ['E3', utc('2025-01-04'), 'Anna', 'N9', 1, null, null],
    ];
    // The marks right of the last cell (placed in place), and between cells (the row's text taken apart).
    const right = await expectSame(widened(await billingWorkbook({ timeHeaders: ['EntryId', 'Date', 'Person', 'NodeId', 'Hours'], timeEntries: entries.map((e) => e.slice(0, 5)) })), FIXTURE_DATE);
    const between = await expectSame(widened(await billingWorkbook({ timeHeaders: ['EntryId', 'Date', 'Person', 'NodeId', 'Hours', 'InvoiceNo', 'MyNote'], timeEntries: entries })), FIXTURE_DATE);
    const rightTime = (await xlsxLook(right)).cells.get('Time')!;
    expect(['G4', 'G5', 'G6', 'G7'].map((at) => rightTime.get(at)?.value)).toEqual(['InvoiceNo', 'INV-00008', 'INV-00008', undefined]);
    const betweenTime = (await xlsxLook(between)).cells.get('Time')!;
    expect(['G5', 'H5', 'G6', 'H6'].map((at) => betweenTime.get(at)?.value)).toEqual(['INV-00008', 'mine', 'INV-00008', 'kept']);
  });

  test('a sheet that is not valid UTF-8 is written by parsing it again: the marks still land in their cells', async () => {
    const files = unzipSync(await billingWorkbook());
    for (const name of Object.keys(files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = strFromU8(files[name]);
      const at = xml.indexOf('<sheetData>') + '<sheetData>'.length;
      // A comment of bytes no UTF-8 text has (0xFF), before the rows.
      files[name] = new Uint8Array([...strToU8(`${xml.slice(0, at)}<!-- `), ...new Array<number>(40).fill(0xff), ...strToU8(` -->${xml.slice(at)}`)]);
    }
    const billed = await expectSame(Buffer.from(zipSync(files)), FIXTURE_DATE);
    const time = (await xlsxLook(billed)).cells.get('Time')!;
    expect(time.get('I5')?.value).toBe('INV-00008');
  });

  test('the sample: a preview, a real run after it, a second run a month later', async () => {
    const previewed = await expectSame(await fs.readFile(SAMPLE), SAMPLE_DATE, true);
    const once = await expectSame(previewed, SAMPLE_DATE);
    await expectSame(once, dayFromIso('2026-12-31')!);
  });
});
