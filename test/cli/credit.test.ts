/**
 * `psa-billing credit` (billing-rules section 8): bill, credit, correct an entry, bill again.
 * Nothing is lost, nothing is billed twice, numbers stay gapless.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { findTable, headerKey, type CellValue, type RawWorkbook } from '../../src/schema/rawTable';
import { checkBillingWorkbook } from '../../src/engine/checkBillingWorkbook';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { billingWorkbook, placeWorkbook, readBook, cli as cliAt } from './billingFixture';

/** The credit note is issued on 2025-02-05, after the fixture's billing on 2025-01-31. */
const cli = (argv: string[]) => cliAt(argv, new Date(2025, 1, 5, 10, 0, 0));

async function tables(file: string): Promise<RawWorkbook> {
  return (await XlsxWorkbook.load(await fs.readFile(file))).readTables();
}

/** The named columns of a table, row by row. */
function columns(raw: RawWorkbook, table: string, names: string[]): CellValue[][] {
  const t = findTable(raw, table)!;
  const at = names.map((n) => t.headers.findIndex((h) => headerKey(h) === headerKey(n)));
  return t.rows.map((row) => at.map((i) => (i < 0 ? null : row[i])));
}

/** The fixture billed on 2025-01-31 (INV-00008 bills E1 2 h and E2 1.5 h at 100.00), in place. */
async function billed(): Promise<{ dir: string; file: string }> {
  const { dir, file } = await placeWorkbook(await billingWorkbook());
  expect((await cli(['generate', file, '--date', '2025-01-31', '--in-place'])).code).toBe(0);
  return { dir, file };
}

describe('psa-billing credit', () => {
  test('bill, credit, correct an entry, bill again: nothing lost, nothing billed twice, numbers gapless', async () => {
    const { file } = await billed();

    const credit = await cli(['credit', file, '--invoice', 'inv-00008', '--reason', 'E1 was booked with 2 h instead of 1 h', '--in-place', '--json']);
    expect(credit.stderr).toContain('Issued credit note INV-00009 for INV-00008 (gross -350.00 EUR); cleared 2 InvoiceNo marks');
    expect(credit.code).toBe(0);
    expect(JSON.parse(credit.stdout).creditNote).toMatchObject({ invoiceNo: 'INV-00009', credits: 'INV-00008', net: '-350.00', gross: '-350.00', date: '2025-02-05' });
    let raw = await tables(file);
    expect(columns(raw, 'Invoices', ['InvoiceNo', 'Kind', 'Net', 'Status'])).toEqual([
      ['INV-00007', 'Order', 10, null], ['INV-00008', 'Order', 350, 'Credited'], ['INV-00009', 'Credit', -350, null],
    ]);
    expect(columns(raw, 'InvoiceLines', ['InvoiceNo', 'Quantity', 'UnitPrice', 'Amount'])).toEqual([['INV-00008', 3.5, 100, 350], ['INV-00009', -3.5, 100, -350]]);
    expect(columns(raw, 'TimeEntries', ['EntryId', 'InvoiceNo'])).toEqual([['E1', null], ['E2', null], ['E3', null]]);
    expect(raw.sheets).toEqual(expect.arrayContaining(['INV-00008', 'INV-00009']));

    // Correct E1 to 1 h, then bill again: both entries bill once more, on the next number.
    const book = await readBook(file);
    book.getWorksheet('Time')!.getCell('F5').value = 1;
    await book.xlsx.writeFile(file);
    const again = await cli(['generate', file, '--date', '2025-02-28', '--in-place', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).invoices.map((i: { invoiceNo: string; net: string }) => [i.invoiceNo, i.net])).toEqual([['INV-00010', '250.00']]);
    raw = await tables(file);
    expect(columns(raw, 'TimeEntries', ['EntryId', 'InvoiceNo'])).toEqual([['E1', 'INV-00010'], ['E2', 'INV-00010'], ['E3', null]]);
    const numbers = columns(raw, 'Invoices', ['InvoiceNo']).map(([n]) => n);
    expect(numbers).toEqual(['INV-00007', 'INV-00008', 'INV-00009', 'INV-00010']);
    // What the order billed in all: 350.00 - 350.00 + 250.00, the corrected value.
    const net = columns(raw, 'Invoices', ['InvoiceNo', 'Net']).filter(([n]) => n !== 'INV-00007').reduce((sum, [, v]) => sum + (v as number), 0);
    expect(net).toBeCloseTo(250, 10);

    // The ledger holds, and a third run bills nothing.
    const { workbook, issues } = checkBillingWorkbook(raw);
    expect(issues).toEqual([]);
    expect(workbook!.orders).toHaveLength(1);
    const third = await cli(['generate', file, '--date', '2025-02-28', '--in-place', '--json']);
    expect(JSON.parse(third.stdout).invoices).toEqual([]);
  });

  test('a credit note, a credited invoice and an unknown number are refused with one sentence, exit 1, nothing written', async () => {
    const { dir, file } = await billed();
    expect((await cli(['credit', file, '--invoice', 'INV-00008', '--in-place'])).code).toBe(0);
    const out = path.join(dir, 'never.xlsx');
    for (const [invoice, sentence] of [
      ['INV-00008', 'INV-00008 is credited already (Invoices Status Credited).'],
      ['INV-00009', 'INV-00009 is a credit note itself; a credit note is not credited.'],
      ['INV-00042', 'INV-00042 is not in the Invoices table; name an issued invoice.'],
      ['INV-00007', 'InvoiceLines holds no row of INV-00007, so there is nothing to credit; a credit note repeats the invoice\'s rows.'],
    ]) {
      const run = await cli(['credit', file, '--invoice', invoice, '--out', out]);
      expect([run.code, run.stderr]).toEqual([1, expect.stringContaining(`${sentence}\nNothing was written.\n`)]);
    }
    await expect(fs.access(out)).rejects.toThrow();
  });

  test('a credit note dated before the latest invoice is refused unless --allow-backdate', async () => {
    const { file } = await billed();
    const run = await cli(['credit', file, '--invoice', 'INV-00008', '--date', '2025-01-15']);
    expect([run.code, run.stderr]).toEqual([1, expect.stringContaining('The credit note would be dated before INV-00008')]);
    expect((await cli(['credit', file, '--invoice', 'INV-00008', '--date', '2025-01-15', '--allow-backdate'])).code).toBe(0);
  });

  test('without --invoice it is a usage error', async () => {
    const { file } = await billed();
    const run = await cli(['credit', file]);
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('Say which invoice to credit: --invoice <InvoiceNo>.')]);
  });
});
