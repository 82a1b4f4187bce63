/**
 * `psa-billing generate` on a workbook with the firm's own template (docs/invoice-documents.md,
 * "The firm's own template"): each invoice sheet is a filled copy of it; a template with an
 * unknown placeholder stops the run like any input error, naming the cell, and writes nothing.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { TEMPLATE_CELLS, templateWorkbook } from '../xlsx/templateFixture';
import { cli, placeWorkbook, readBook } from './billingFixture';

describe('psa-billing generate with an InvoiceTemplate sheet', () => {
  test('writes one filled copy of the template per invoice', async () => {
    const { dir, file } = await placeWorkbook(await templateWorkbook());
    const run = await cli(['generate', file, '--date', '2025-01-31']);
    expect(run.code).toBe(0);
    const wb = await readBook(path.join(dir, 'book-billed.xlsx'));
    expect(['INV-00001', 'INV-00002'].map((name) => wb.getWorksheet(name)!.getCell('B5').value)).toEqual(['INV-00001', 'INV-00002']);
    expect(wb.getWorksheet('INV-00002')!.getCell('A10').value).toBe('Support: Carl');
  });

  test('an unknown placeholder exits 1 naming its cell, and nothing is written', async () => {
    const bytes = await templateWorkbook({ ...TEMPLATE_CELLS, E13: '{Totals.Gros}' });
    const { dir, file } = await placeWorkbook(bytes);
    const run = await cli(['generate', file, '--in-place', '--date', '2025-01-31']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^InvoiceTemplate!E13: Unknown placeholder \{Totals\.Gros\} \(did you mean \{Totals\.Gross\}\?\); the placeholders are listed in docs\/invoice-documents\.md/m);
    expect((await fs.readFile(file)).equals(bytes)).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['book.xlsx']);
  });
});
