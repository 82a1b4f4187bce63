/**
 * Workbooks this project did not write (saved by Microsoft Excel, LibreOffice and Google
 * Sheets: ../shared/fixtures/real-excel) keep everything they hold through a billing run:
 * the contract's tables are added to a copy, the copy is billed with --out and --in-place,
 * and every part of the original the run had no reason to change comes out byte for byte,
 * still referenced from where it was (pivot caches, charts, pictures, macros). The results
 * read back with exceljs; where LibreOffice is installed, it opens each of them too.
 */
import { execFileSync } from 'child_process';
import { existsSync, promises as fs, readdirSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { PackageWorkbook } from '../../src/xlsx/package/PackageWorkbook';
import type { OutputCell } from '../../src/engine/resultTables';
import { billingWorkbook, placeWorkbook, cli } from './billingFixture';

const REAL = path.join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'real-excel');
const FILES = existsSync(REAL) ? readdirSync(REAL).filter((f) => /\.xls[xm]$/.test(f) && !/fuzz|crash/i.test(f)).sort() : [];
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

/** Parts a run may change (issue 9 item 2); everything else of the original must come out as it was. */
const MAY_CHANGE = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/calcChain\.xml|docProps\/app\.xml)$/;

const MS_PER_DAY = 86_400_000;

/** The original with the billing fixture's tables added on sheets of their own. */
async function withContractTables(original: Buffer): Promise<Buffer> {
  const fixture = await (await PackageWorkbook.load(await billingWorkbook())).readTables();
  const book = await PackageWorkbook.load(original);
  for (const table of fixture.tables) {
    const dates = table.headers.map((_, c) => table.rows.some((r) => r[c] instanceof Date));
    const rows: OutputCell[][] = table.rows.map((r) => r.map((v) => (v instanceof Date ? v.getTime() / MS_PER_DAY + 25_569 : v)));
    book.addTableSheet(`Billing ${table.sheet}`, table.name, table.headers.map((header, c) => (dates[c] ? { header, numFmt: 'yyyy-mm-dd' } : { header })), rows);
  }
  return book.toBuffer();
}


const entries = (bytes: Buffer): Record<string, Uint8Array> => unzipSync(new Uint8Array(bytes));

function relationships(xml: string | undefined): string[] {
  return [...(xml ?? '').matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[0])?.[1] ?? '';
    return `${a('Id')} ${a('Type')} ${a('Target').replace(/^\/xl\//, '')}`;
  }).filter((r) => !r.includes('calcChain')).sort();
}

function overrides(xml: string | undefined): string[] {
  return [...(xml ?? '').matchAll(/<Override\b[^>]*>/g)].map((m) => m[0].replace(/\s*\/?>$/, '')).filter((o) => !o.includes('calcChain')).sort();
}

/** What the run may not have touched: every entry of the original but those it may change. */
function expectKept(original: Buffer, result: Buffer): void {
  const before = entries(original);
  const after = entries(result);
  const changed = Object.keys(before).filter((name) => !MAY_CHANGE.test(name) && !(after[name] && Buffer.from(after[name]).equals(Buffer.from(before[name]))));
  expect(changed).toEqual([]);
  const text = (e: Record<string, Uint8Array>, n: string) => (e[n] ? strFromU8(e[n]) : undefined);
  const relsBefore = relationships(text(before, 'xl/_rels/workbook.xml.rels'));
  const relsAfter = relationships(text(after, 'xl/_rels/workbook.xml.rels'));
  expect(relsBefore.filter((r) => !relsAfter.includes(r))).toEqual([]);
  const typesAfter = overrides(text(after, '[Content_Types].xml'));
  expect(overrides(text(before, '[Content_Types].xml')).filter((o) => !typesAfter.includes(o))).toEqual([]);
}

const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_all, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

/** docProps/app.xml's groups (HeadingPairs) with their titles (TitlesOfParts); undefined when it has none. */
function propertyGroups(bytes: Buffer): { label: string; titles: string[] }[] | undefined {
  const xml = entries(bytes)['docProps/app.xml'];
  const text = xml ? strFromU8(xml) : '';
  const pairs = /<HeadingPairs>([\s\S]*?)<\/HeadingPairs>/.exec(text)?.[1];
  const parts = /<TitlesOfParts>([\s\S]*?)<\/TitlesOfParts>/.exec(text)?.[1];
  if (pairs === undefined || parts === undefined) return undefined;
  const variants = [...pairs.matchAll(/<vt:variant>\s*<vt:(\w+)>([^<]*)<\/vt:\1>\s*<\/vt:variant>/g)].map((m) => unescapeXml(m[2]));
  const titles = [...parts.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => unescapeXml(m[1]));
  const size = (vector: string) => Number(/<vt:vector size="(\d+)"/.exec(vector)?.[1]);
  expect(size(pairs)).toBe(variants.length);
  expect(size(parts)).toBe(titles.length);
  const groups: { label: string; titles: string[] }[] = [];
  for (let i = 0, at = 0; i + 1 < variants.length; i += 2) {
    groups.push({ label: variants[i], titles: titles.slice(at, at + Number(variants[i + 1])) });
    at += Number(variants[i + 1]);
  }
  return groups;
}

function sheetNamesOf(bytes: Buffer): string[] {
  const xml = strFromU8(entries(bytes)['xl/workbook.xml']);
  return [...xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
}

/** The file's properties list the worksheets the result has (Excel's first group), every other group as the original had it. */
function expectSheetTitles(original: Buffer, result: Buffer): void {
  const before = propertyGroups(original);
  if (!before) return;
  const after = propertyGroups(result)!;
  expect(after.map((g) => g.label)).toEqual(before.map((g) => g.label));
  expect(after[0].titles).toEqual(sheetNamesOf(result));
  expect(after.slice(1)).toEqual(before.slice(1));
}

async function invoicesRead(bytes: Buffer): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets.find((w) => w.getTable('Invoices'))!;
  const out: unknown[] = [];
  sheet.eachRow((row) => out.push(row.getCell(1).value));
  return out;
}

(FILES.length > 0 ? describe : describe.skip)('workbooks saved by other programs keep what they hold', () => {
  const results: string[] = [];

  test.each(FILES)('%s, billed with --out and --in-place', async (name) => {
    const original = await fs.readFile(path.join(REAL, name));
    const prepared = await withContractTables(original);
    expectKept(original, prepared);
    const ext = path.extname(name);
    const { dir, file } = await placeWorkbook(prepared, `book${ext}`);

    const out = path.join(dir, `result${ext}`);
    const run = await cli(['generate', file, '--out', out, '--date', '2025-01-31']);
    expect(run.code).toBe(0);
    const billed = await fs.readFile(out);
    expectKept(original, billed);
    expect(await invoicesRead(billed)).toEqual(['InvoiceNo', 'INV-00007', 'INV-00008']);
    expectSheetTitles(original, billed);

    const inPlace = await cli(['generate', file, '--in-place', '--date', '2025-01-31']);
    expect(inPlace.code).toBe(0);
    const replaced = await fs.readFile(file);
    expectKept(original, replaced);
    expect(await invoicesRead(replaced)).toEqual(['InvoiceNo', 'INV-00007', 'INV-00008']);
    expectSheetTitles(original, replaced);
    results.push(out);
  });

  test('the file properties (docProps/app.xml) list the sheets a preview adds, and no longer the ones the next run removes', async () => {
    // Saved by Excel with two groups: its worksheets, then its named ranges (which stay as they are).
    const original = await fs.readFile(path.join(REAL, '45431.xlsm'));
    expect(propertyGroups(original)!.map((g) => g.label)).toEqual(['Worksheets', 'Named Ranges']);
    const { file } = await placeWorkbook(await withContractTables(original), 'book.xlsm');

    expect((await cli(['generate', file, '--in-place', '--preview', '--date', '2025-01-31'])).code).toBe(0);
    const previewed = await fs.readFile(file);
    const listed = propertyGroups(previewed)![0].titles;
    expect(listed.filter((t) => /preview/i.test(t)).length).toBeGreaterThan(0);
    expectSheetTitles(original, previewed);

    expect((await cli(['generate', file, '--in-place', '--date', '2025-01-31'])).code).toBe(0);
    const billed = await fs.readFile(file);
    expect(propertyGroups(billed)![0].titles.filter((t) => /preview/i.test(t))).toEqual([]);
    expect(propertyGroups(billed)![0].titles).toEqual(expect.arrayContaining(['SheetA', 'InvoiceLines', 'INV-00008']));
    expectSheetTitles(original, billed);
  });

  (SOFFICE ? test : test.skip)('LibreOffice opens every result', () => {
    const outDir = path.join(path.dirname(results[0]), 'csv');
    for (const file of results) {
      const ext = path.extname(file);
      execFileSync(SOFFICE!, ['--headless', '--convert-to', 'csv', '--outdir', path.join(outDir, path.basename(path.dirname(file))), file], { stdio: 'pipe', timeout: 120_000 });
      const csv = path.join(outDir, path.basename(path.dirname(file)), path.basename(file, ext) + '.csv');
      expect(existsSync(csv)).toBe(true);
    }
  }, 600_000);
});
