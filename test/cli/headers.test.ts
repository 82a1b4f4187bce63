/** A renamed or misspelt InvoiceNo header on a real file: never billed again, never a second column. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { findTable } from '../../src/schema/rawTable';
import { billingWorkbook, placeWorkbook, cli } from './billingFixture';


const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const HEADERS = ['EntryId', 'Date', 'Person', 'NodeId', 'Hours', 'Comment'];
/** E1 already billed by an earlier system (INV-00005); E2 and E3 not. */
const ROWS = [
  ['E1', utc('2025-01-02'), 'Anna', 'N1', 2, 'analysis', 'INV-00005'],
  ['E2', utc('2025-01-03'), 'Ben', 'N1', 1.5, 'workshop', null],
  ['E3', utc('2025-01-04'), 'Anna', 'N9', 1, 'lost', null],
];

describe('an InvoiceNo header written another way', () => {
  test.each(['Invoice No.', 'invoice_no', 'INVOICE-NO'])('%j is InvoiceNo: the marked entry is not billed again and no second column is added', async (header) => {
    const { dir, file } = await placeWorkbook(await billingWorkbook({ timeHeaders: [...HEADERS, header], timeEntries: ROWS }));
    const run = await cli(['generate', file, '--date', '2025-01-31', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).invoices.map((i: { net: string }) => i.net)).toEqual(['150.00']);
    const raw = await (await XlsxWorkbook.load(await fs.readFile(path.join(dir, 'book-billed.xlsx')))).readTables();
    const time = findTable(raw, 'TimeEntries')!;
    expect(time.headers).toEqual([...HEADERS, header]);
    expect(time.rows.map((r) => r[6])).toEqual(['INV-00005', 'INV-00008', null]);
  });

  test.each(['Invoice Nr', 'Inv No', 'InvoiceNumber', 'InvoicNo'])('%j is an input error naming both, and nothing is written', async (header) => {
    const { dir, file } = await placeWorkbook(await billingWorkbook({ timeHeaders: [...HEADERS, header], timeEntries: ROWS }));
    const run = await cli(['generate', file, '--date', '2025-01-31']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Time!H4: "${header}" looks like "InvoiceNo"; rename it, or name it something else if it is your own column`);
    expect(await fs.readdir(dir)).toEqual(['book.xlsx']);
  });
});
