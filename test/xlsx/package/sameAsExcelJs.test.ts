/**
 * The package adapter writes exactly what the exceljs adapter wrote: the same fixtures billed
 * through both, every cell compared (value, number format, fill, bold), tables and widths,
 * as exceljs reads the results back.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { dayFromIso } from '../../../src/engine/day';
import type { BillingResult } from '../../../src/engine/billingResult';
import { runBilling } from '../../../src/engine/runBilling';
import { readBillingWorkbook } from '../../../src/schema/readBillingWorkbook';
import type { RawWorkbook } from '../../../src/schema/rawTable';
import { XlsxWorkbook } from '../../../src/xlsx/XlsxWorkbook';
import { PackageWorkbook } from '../../../src/xlsx/package/PackageWorkbook';
import { billingWorkbook } from '../../cli/billingFixture';
import { loadXlsx, xlsxLook } from '../../excel/workbookCells';

const SAMPLE = path.join(__dirname, '..', '..', '..', 'assets', 'sample.xlsx');
const SAMPLE_DATE = dayFromIso('2026-11-30')!;
const FIXTURE_DATE = dayFromIso('2025-01-31')!;

function bill(raw: RawWorkbook, billingDate: number, preview = false): BillingResult {
  const { workbook, issues } = readBillingWorkbook(raw);
  if (!workbook || issues.length > 0) throw new Error(`fixture has input errors: ${JSON.stringify(issues.slice(0, 3))}`);
  return runBilling(workbook, { billingDate, preview });
}

async function billedBoth(bytes: Buffer, billingDate: number, preview = false) {
  const old = await XlsxWorkbook.load(bytes);
  const oldRaw = await old.readTables();
  await old.writeResult(bill(oldRaw, billingDate, preview));
  const book = await PackageWorkbook.load(bytes);
  const raw = await book.readTables();
  await book.writeResult(bill(raw, billingDate, preview));
  return { oldRaw, raw, old: await old.toBuffer(), now: await book.toBuffer() };
}

async function expectSame(bytes: Buffer, billingDate: number, preview = false): Promise<Buffer> {
  const { oldRaw, raw, old, now } = await billedBoth(bytes, billingDate, preview);
  expect(raw).toEqual(oldRaw);
  const a = await xlsxLook(old);
  const b = await xlsxLook(now);
  expect([...b.cells.keys()]).toEqual([...a.cells.keys()]);
  expect(b.tables).toEqual(a.tables);
  for (const [sheet, cells] of a.cells) {
    const other = b.cells.get(sheet)!;
    const differing = [...new Set([...cells.keys(), ...other.keys()])]
      .filter((at) => JSON.stringify(cells.get(at)) !== JSON.stringify(other.get(at)))
      .map((at) => ({ at: `${sheet}!${at}`, exceljs: cells.get(at), now: other.get(at) }));
    expect(differing.slice(0, 5)).toEqual([]);
  }
  for (const [sheet, widths] of a.widths) expect({ sheet, widths: Object.fromEntries(b.widths.get(sheet) ?? []) }).toEqual({ sheet, widths: Object.fromEntries(widths) });
  return now;
}

/** Page setup, footer, print area and title rows of every invoice sheet, as exceljs reads them. */
async function printSetups(bytes: Buffer): Promise<unknown[]> {
  const wb = await loadXlsx(bytes);
  return wb.worksheets.filter((w) => /^INV-/.test(w.name)).map((w) => {
    const { paperSize, orientation, fitToPage, fitToWidth, fitToHeight, margins, printArea, printTitlesRow } = w.pageSetup;
    return { sheet: w.name, paperSize, orientation, fitToPage, fitToWidth, fitToHeight, margins, printArea, printTitlesRow, footer: w.headerFooter?.oddFooter };
  });
}

describe('the package adapter writes what the exceljs adapter wrote', () => {
  test('invoice sheets print alike: A4, one page wide, print area, title rows, page footer', async () => {
    const { old, now } = await billedBoth(await fs.readFile(SAMPLE), SAMPLE_DATE);
    const expected = await printSetups(old);
    expect(expected.length).toBeGreaterThan(5);
    expect(await printSetups(now)).toEqual(expected);
  });

  test('the small fixture', async () => {
    await expectSame(await billingWorkbook(), FIXTURE_DATE);
  });
  test('the bundled sample', async () => {
    await expectSame(await fs.readFile(SAMPLE), SAMPLE_DATE);
  });
  test('a preview of the sample', async () => {
    await expectSame(await fs.readFile(SAMPLE), SAMPLE_DATE, true);
  });
  test('a second run and a run after a preview', async () => {
    const once = await expectSame(await fs.readFile(SAMPLE), SAMPLE_DATE, true);
    const twice = await expectSame(once, SAMPLE_DATE);
    await expectSame(twice, dayFromIso('2026-12-31')!);
  });
});
