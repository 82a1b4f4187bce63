import { promises as fs } from 'fs';
import * as path from 'path';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { findTable } from '../../src/schema/rawTable';
import { billingWorkbook, placeWorkbook, readBook, cli } from './billingFixture';


/** The fixture billed on 2025-01-31: INV-00008 bills E1 (Time!B5) and E2; returns the billed file. */
async function billed(): Promise<{ dir: string; file: string }> {
  const { dir, file } = await placeWorkbook(await billingWorkbook());
  expect((await cli(['generate', file, '--date', '2025-01-31'])).code).toBe(0);
  return { dir, file: path.join(dir, 'book-billed.xlsx') };
}

/** Sets one cell of the billed file's Time sheet and saves it. */
async function edit(file: string, address: string, value: number | string | null): Promise<void> {
  const wb = await readBook(file);
  wb.getWorksheet('Time')!.getCell(address).value = value;
  await wb.xlsx.writeFile(file);
}

describe('psa-billing generate keeps the ledger', () => {
  test('the result holds InvoiceEntries: every billed entry with its invoice row and billed seconds', async () => {
    const { file } = await billed();
    const raw = await (await XlsxWorkbook.load(await fs.readFile(file))).readTables();
    const entries = findTable(raw, 'InvoiceEntries')!;
    expect(entries.rows.map((r) => r.slice(0, 5))).toEqual([
      ['INV-00008', 1, 'E1', 7200, 7200],
      ['INV-00008', 1, 'E2', 5400, 5400],
    ]);
  });

  test('a cleared InvoiceNo of a billed entry stops the run, naming the cell and the invoice; nothing is written', async () => {
    const { dir, file } = await billed();
    await edit(file, 'I5', null);
    const run = await cli(['generate', file, '--date', '2025-02-28', '--out', path.join(dir, 'again.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Time!I5 (entry E1): InvoiceNo is blank but INV-00008 billed it (InvoiceEntries!C2); restore it, or credit INV-00008 to bill the entry again\n');
    await expect(fs.access(path.join(dir, 'again.xlsx'))).rejects.toThrow();
  });

  test('an entry changed after billing is a warning in the summary and in --json, naming the invoice to credit', async () => {
    const { file } = await billed();
    await edit(file, 'F5', 3);
    const run = await cli(['generate', file, '--date', '2025-02-28', '--in-place', '--json']);
    expect(run.code).toBe(0);
    const sentence = 'Entry E1 changed after INV-00008 billed it (Hours 2.00 became 3.00); INV-00008 stays as issued: credit it to bill the entry again, corrected';
    expect(run.stderr).toContain(`Warning: Time!F5: ${sentence}\n`);
    const summary = JSON.parse(run.stdout);
    expect(summary.invoices).toEqual([]);
    expect(summary.totals.warnings).toBe(1);
    expect(summary.warnings).toEqual([{ code: 'ENTRY_CHANGED', entryId: 'E1', invoiceNo: 'INV-00008', cell: 'Time!F5', message: sentence }]);
  });

  test('a billing date before the latest invoice\'s date is refused with one sentence and exit 1, unless --allow-backdate', async () => {
    const { dir, file } = await billed();
    const out = path.join(dir, 'back.xlsx');
    const refused = await cli(['generate', file, '--date', '2025-01-15', '--out', out, '--json']);
    expect(refused.code).toBe(1);
    const sentence =
      'The billing date 2025-01-15 is before 2025-01-31, the date of INV-00008, so the new invoices would be numbered after it but dated before it; bill on or after 2025-01-31, or give --allow-backdate to issue them anyway.';
    expect(refused.stderr).toContain(`${sentence}\nNothing was written.\n`);
    expect(JSON.parse(refused.stdout).errors).toEqual([sentence]);
    await expect(fs.access(out)).rejects.toThrow();

    expect((await cli(['generate', file, '--date', '2025-01-15', '--out', out, '--preview'])).code).toBe(0);
    expect((await cli(['generate', file, '--date', '2025-01-15', '--out', out, '--allow-backdate'])).code).toBe(0);
  });

  test('--allow-backdate takes no value', async () => {
    const run = await cli(['generate', 'book.xlsx', '--allow-backdate=yes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--allow-backdate takes no value.');
  });
});
