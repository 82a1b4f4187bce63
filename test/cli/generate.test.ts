import { promises as fs } from 'fs';
import * as path from 'path';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { findTable } from '../../src/schema/rawTable';
import JSZip from 'jszip';
import { billingWorkbook, placeWorkbook, readBook, withPart, cli } from './billingFixture';

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function invoiceNos(file: string): Promise<unknown[]> {
  const raw = await (await XlsxWorkbook.load(await fs.readFile(file))).readTables();
  const time = findTable(raw, 'TimeEntries')!;
  const col = time.headers.findIndex((h) => h === 'InvoiceNo');
  return time.rows.map((r) => (col < 0 ? null : r[col]));
}

describe('psa-billing generate', () => {
  test('writes <workbook>-billed.xlsx beside the input and leaves the input byte for byte as it was', async () => {
    const bytes = await billingWorkbook();
    const { dir, file } = await placeWorkbook(bytes);
    const run = await cli(['generate', file, '--date', '2025-01-31']);
    expect(run.code).toBe(0);
    expect(await exists(path.join(dir, 'book-billed.xlsx'))).toBe(true);
    expect((await fs.readFile(file)).equals(bytes)).toBe(true);
  });

  test('continues invoice numbers after the register and writes them into TimeEntries', async () => {
    const { dir, file } = await placeWorkbook(await billingWorkbook());
    await cli(['generate', file, '--date', '2025-01-31']);
    expect(await invoiceNos(path.join(dir, 'book-billed.xlsx'))).toEqual(['INV-00008', 'INV-00008', null]);
  });

  test('--json prints the invoices with totals as money strings', async () => {
    const { file } = await placeWorkbook(await billingWorkbook());
    const run = await cli(['generate', file, '--date', '2025-01-31', '--json']);
    const summary = JSON.parse(run.stdout);
    expect(summary.invoices.map((i: { invoiceNo: string; net: string }) => [i.invoiceNo, i.net])).toEqual([['INV-00008', '350.00']]);
    expect(summary.totals).toMatchObject({ invoices: 1, net: '350.00', gross: '350.00', exceptions: 1 });
    expect(summary.exceptions[0]).toMatchObject({ entryId: 'E3', reason: 'UnknownNode', hours: '1.00' });
  });

  test('a second run over the billed workbook bills nothing', async () => {
    const { dir, file } = await placeWorkbook(await billingWorkbook());
    await cli(['generate', file, '--date', '2025-01-31']);
    const second = await cli(['generate', path.join(dir, 'book-billed.xlsx'), '--date', '2025-02-28', '--json']);
    expect(JSON.parse(second.stdout).invoices).toEqual([]);
  });

  test('--out writes the result where it says', async () => {
    const { dir, file } = await placeWorkbook(await billingWorkbook());
    const out = path.join(dir, 'sub-result.xlsx');
    expect((await cli(['generate', file, '--out', out, '--date', '2025-01-31'])).code).toBe(0);
    expect(await invoiceNos(out)).toEqual(['INV-00008', 'INV-00008', null]);
  });

  test('--in-place replaces the workbook and leaves no temporary file behind', async () => {
    const { dir, file } = await placeWorkbook(await billingWorkbook());
    expect((await cli(['generate', file, '--in-place', '--date', '2025-01-31'])).code).toBe(0);
    expect(await invoiceNos(file)).toEqual(['INV-00008', 'INV-00008', null]);
    expect(await fs.readdir(dir)).toEqual(['book.xlsx']);
  });

  test('--in-place leaves the workbook intact when the result cannot be placed, exiting 1 with the reason', async () => {
    const book = await readBook((await placeWorkbook(await billingWorkbook())).file);
    book.getWorksheet('Register')!.getCell('C5').value = 'my note under the register';
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const { dir, file } = await placeWorkbook(bytes);
    const run = await cli(['generate', file, '--in-place', '--date', '2025-01-31']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Register!C5');
    expect((await fs.readFile(file)).equals(bytes)).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['book.xlsx']);
  });

  test.each([
    ['a chart', 'xl/charts/chart1.xml'],
    ['a pivot table', 'xl/pivotTables/pivotTable1.xml'],
    ['a macro project', 'xl/vbaProject.bin'],
  ])('--in-place bills a workbook holding %s and keeps that part as it was', async (_what, part) => {
    const bytes = await withPart(await billingWorkbook(), part);
    const { dir, file } = await placeWorkbook(bytes);
    const run = await cli(['generate', file, '--in-place', '--date', '2025-01-31']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/^Note:/m);
    expect(await invoiceNos(file)).toEqual(['INV-00008', 'INV-00008', null]);
    const [before, after] = await Promise.all([JSZip.loadAsync(bytes), JSZip.loadAsync(await fs.readFile(file))]);
    expect(await after.file(part)!.async('string')).toBe(await before.file(part)!.async('string'));
    expect(await fs.readdir(dir)).toEqual(['book.xlsx']);
  });

  test('--out bills a workbook holding a chart and keeps the chart', async () => {
    const { dir, file } = await placeWorkbook(await withPart(await billingWorkbook(), 'xl/charts/chart1.xml'));
    const run = await cli(['generate', file, '--date', '2025-01-31']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/^Note:/m);
    const out = path.join(dir, 'book-billed.xlsx');
    expect(await invoiceNos(out)).toEqual(['INV-00008', 'INV-00008', null]);
    expect((await JSZip.loadAsync(await fs.readFile(out))).file('xl/charts/chart1.xml')).not.toBeNull();
  });

  test('--preview adds only Preview sheets and writes no invoice numbers', async () => {
    const { dir, file } = await placeWorkbook(await billingWorkbook());
    expect((await cli(['generate', file, '--preview', '--date', '2025-01-31'])).code).toBe(0);
    const out = path.join(dir, 'book-billed.xlsx');
    const before = (await readBook(file)).worksheets.map((w) => w.name);
    const after = (await readBook(out)).worksheets.map((w) => w.name);
    expect(after.filter((n) => !before.includes(n)).every((n) => n.startsWith('Preview '))).toBe(true);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(await invoiceNos(out)).toEqual([null, null, null]);
  });

  test('without --date the invoice is dated today on the machine clock', async () => {
    const { file } = await placeWorkbook(await billingWorkbook());
    const run = await cli(['generate', file, '--json'], new Date(2025, 2, 15, 23, 30));
    expect(JSON.parse(run.stdout).invoices[0].date).toBe('2025-03-15');
  });

  test('shows its progress on standard error, keeping standard output for --json', async () => {
    const { file } = await placeWorkbook(await billingWorkbook());
    const run = await cli(['generate', file, '--date', '2025-01-31', '--json']);
    expect(run.stderr).toMatch(/Billing as of 2025-01-31/);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });

  test('writes OrderStatus with the contract\'s columns, a percent Progress and money formats', async () => {
    const { dir, file } = await placeWorkbook(await billingWorkbook());
    await cli(['generate', file, '--date', '2025-01-31']);
    const wb = await readBook(path.join(dir, 'book-billed.xlsx'));
    const sheet = wb.getWorksheet('OrderStatus')!;
    const values = [1, 2].map((r) => [...Array(10).keys()].map((c) => sheet.getCell(r, c + 1).value));
    // O-1 billed 350.00 now and 10.00 earlier (INV-00007, by the register's Net): Billed 360.00; no cost rates: Cost 0.
    expect(values).toEqual([
      ['OrderId', 'Customer', 'BillingMode', 'CanBill', 'Reason', 'Progress', 'Unbilled', 'Billed', 'Cost', 'Margin'],
      ['O-1', 'Acme', 'Rules', true, null, 0.5, 0, 360, 0, 360],
    ]);
    expect([sheet.getCell('F2').numFmt, sheet.getCell('H2').numFmt]).toEqual(['0%', '#,##0.00']);
  });
});

describe('a workbook with errors', () => {
  const bad = () =>
    billingWorkbook({
      timeEntries: [
        ['E1', 'not a date', 'Anna', 'N1', 2, null, null],
        ['E2', new Date('2025-01-03T00:00:00Z'), 'Ben', 'N1', 1.5, null, null],
        ['E3', new Date('2025-01-04T00:00:00Z'), 'Anna', 'N1', -1.5, null, null],
      ],
    });

  test('exits 1 and lists every error on its own line naming the cell and the entry', async () => {
    const { file } = await placeWorkbook(await bad());
    const run = await cli(['generate', file, '--date', '2025-01-31']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Time!C5 \(entry E1\).*$/m);
    expect(run.stderr).toMatch(/^Time!F7 \(entry E3\).*-1\.5.*$/m);
  });

  test('--json prints the same error lines as a JSON list', async () => {
    const { file } = await placeWorkbook(await bad());
    const run = await cli(['generate', file, '--date', '2025-01-31', '--json']);
    const printed = JSON.parse(run.stdout);
    expect(printed.errors).toEqual(run.stderr.split('\n').filter((l) => /^Time!/.test(l)));
    expect(printed.errors.length).toBeGreaterThanOrEqual(2);
  });

  test('writes nothing and leaves the input unchanged', async () => {
    const bytes = await bad();
    const { dir, file } = await placeWorkbook(bytes);
    await cli(['generate', file, '--in-place', '--date', '2025-01-31']);
    expect((await fs.readFile(file)).equals(bytes)).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['book.xlsx']);
  });
});

describe('usage errors exit 2 with the usage line', () => {
  test.each([
    ['an unknown option', ['--colour']],
    ['a --date that is not a calendar date', ['--date', '2025-02-30']],
    ['--date without a value', ['--date']],
    ['--out together with --in-place', ['--out', 'x.xlsx', '--in-place']],
  ])('%s', async (_what, extra) => {
    const { file } = await placeWorkbook(await billingWorkbook());
    const run = await cli(['generate', file, ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: psa-billing generate <workbook.xlsx>');
  });

  test('a missing workbook argument', async () => {
    const run = await cli(['generate']);
    expect([run.code, run.stderr.includes('Usage:')]).toEqual([2, true]);
  });

  test('an unknown command', async () => {
    const run = await cli(['bill', 'x.xlsx']);
    expect([run.code, run.stderr.includes('Unknown command bill')]).toEqual([2, true]);
  });

  test('a workbook file that does not exist', async () => {
    const run = await cli(['generate', '/nonexistent/book.xlsx']);
    expect([run.code, run.stderr.includes('Cannot open')]).toEqual([2, true]);
  });

  test('a file that is not an .xlsx workbook', async () => {
    const { dir, file } = await placeWorkbook(Buffer.from('just text'), 'notes.xlsx');
    const run = await cli(['generate', file]);
    expect([run.code, run.stderr.includes('not an Excel workbook (.xlsx)')]).toEqual([2, true]);
    expect(await fs.readdir(dir)).toEqual(['notes.xlsx']);
  });
});
