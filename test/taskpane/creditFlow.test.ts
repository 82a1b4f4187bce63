/**
 * Credit an invoice from the pane, over the open workbook (the fake Excel holding the billed
 * sample): the selected Invoices row is filled in, the confirmation says what will happen
 * before anything is written, the credit writes cell for cell what `psa-billing credit`
 * writes, and every refusal (unknown, credited already, the ledger check, a blocked write)
 * names what is wrong and writes nothing.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { dayFromIso } from '../../src/core/day';
import { checkBillingWorkbook } from '../../src/engine/checkBillingWorkbook';
import { runBilling } from '../../src/engine/runBilling';
import { ExcelWorkbook } from '../../src/excel/ExcelWorkbook';
import { columnLetters } from '../../src/schema/rawTable';
import { CreditFlow, type CreditState } from '../../src/taskpane/credit/creditFlow';
import { excelSource } from '../../src/taskpane/source/excelSource';
import { openFileSource } from '../../src/taskpane/source/fileSource';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { cli, placeWorkbook } from '../cli/billingFixture';
import { fakeFromXlsx, fakeLook, writtenCells, xlsxLook } from '../excel/workbookCells';
import type { FakeExcel } from '../fakeExcel/FakeExcel';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample.xlsx');
const DATE_ISO = '2026-11-30';
const DATE = dayFromIso(DATE_ISO)!;

/** The sample billed on 2026-11-30 by the command line's adapter: INV-00001 to INV-00017. */
let billed: Buffer;
beforeAll(async () => {
  const book = await XlsxWorkbook.load(await fs.readFile(SAMPLE));
  const { workbook } = checkBillingWorkbook(await book.readTables());
  await book.writeResult(runBilling(workbook!, { billingDate: DATE, preview: false }));
  billed = await book.toBuffer();
});

/** The sheet address of `column` in the data row of `table` whose first column holds `id`. */
function cellOf(fake: FakeExcel, table: string, id: string, column: string): { sheet: string; address: string } {
  const t = fake.table(table)!;
  const [, letters, top] = /!\$?([A-Z]+)\$?(\d+)/.exec(t.address)!;
  const left = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  for (let r = 0; r < t.rowCount; r++) {
    const row = Number(top) + 1 + r;
    if (fake.cell(t.sheet, row, left)?.value === id) return { sheet: t.sheet, address: `${columnLetters(left + t.headers.indexOf(column))}${row}` };
  }
  throw new Error(`${table} has no row ${id}`);
}

function flowOver(fake: FakeExcel): { flow: CreditFlow; states: CreditState[] } {
  const states: CreditState[] = [];
  return { flow: new CreditFlow(excelSource(fake.run), (s) => states.push(s)), states };
}

test('prefills the invoice whose Invoices row is selected and lists the invoices that can be credited', async () => {
  const fake = await fakeFromXlsx(billed);
  const at = cellOf(fake, 'Invoices', 'INV-00005', 'Customer');
  await new ExcelWorkbook(fake.run).selectCell(`'${at.sheet}'!${at.address}`);
  const { flow, states } = flowOver(fake);
  const chosen = await flow.start();
  expect(states.map((s) => s.status)).toEqual(['reading', 'choosing']);
  if (chosen.status !== 'choosing') throw new Error(chosen.status);
  expect(chosen.invoiceNo).toBe('INV-00005');
  expect(chosen.invoices.map((i) => i.invoiceNo)).toEqual(Array.from({ length: 17 }, (_, i) => `INV-${String(i + 1).padStart(5, '0')}`));
});

test('a selection outside Invoices fills in nothing', async () => {
  const fake = await fakeFromXlsx(billed);
  await new ExcelWorkbook(fake.run).selectCell('Orders');
  const chosen = await flowOver(fake).flow.start();
  expect(chosen.status === 'choosing' && chosen.invoiceNo).toBe('');
});

test('the confirmation says what will happen, and nothing is written until it is confirmed', async () => {
  const fake = await fakeFromXlsx(billed);
  const before = fakeLook(fake);
  const { flow } = flowOver(fake);
  await flow.start();
  const shown = flow.choose({ invoiceNo: 'inv-00005', reason: 'wrong rate', date: DATE });
  if (shown.status !== 'confirming') throw new Error(JSON.stringify(shown));
  const text = shown.plan.effects.join('\n');
  expect(text).toMatch(/^Credit note INV-00018 \(the next number\), dated 2026-11-30, for .+: INV-00005's \d+ rows? with negative amounts, gross −[\d,]+\.\d\d EUR, added to Invoices and InvoiceLines and on a new sheet INV-00018\./);
  expect(text).toContain('INV-00005 stays as issued; its Status in Invoices becomes Credited.');
  expect(text).toContain('Reason printed on it: wrong rate');
  // INV-00005 billed a prepaid block.
  expect(text).toContain('Billable again by the next Generate invoices, their InvoiceNo cleared: 1 prepaid block (Agreements).');
  expect(fakeLook(fake)).toEqual(before);
  // Back keeps what was typed.
  expect(flow.back()).toMatchObject({ status: 'choosing', invoiceNo: 'inv-00005', reason: 'wrong rate' });
});

test('the credit writes through the open workbook exactly what psa-billing credit writes to the file', async () => {
  const { dir, file } = await placeWorkbook(billed);
  const out = path.join(dir, 'credited.xlsx');
  const run = await cli(['credit', file, '--invoice', 'INV-00005', '--reason', 'wrong rate', '--date', DATE_ISO, '--out', out]);
  expect(run.code).toBe(0);
  const fileBefore = await xlsxLook(billed);
  const fileAfter = await xlsxLook(await fs.readFile(out));

  // With its setup: the credit note's sheet is a copy of the sample's InvoiceTemplate sheet.
  const fake = await fakeFromXlsx(billed, { setup: true });
  const excelBefore = fakeLook(fake);
  const { flow, states } = flowOver(fake);
  await flow.start();
  flow.choose({ invoiceNo: 'INV-00005', reason: 'wrong rate', date: DATE });
  const final = await flow.confirm();
  expect(states.slice(-2).map((s) => s.status)).toEqual(['writing', 'done']);
  expect(final.status === 'done' && final.plan.sheetName).toBe('INV-00018');
  const excelAfter = fakeLook(fake);

  expect([...excelAfter.cells.keys()].sort()).toEqual([...fileAfter.cells.keys()].sort());
  const differing = writtenCells(fileBefore, fileAfter, excelBefore, excelAfter).filter((c) => JSON.stringify(c.file) !== JSON.stringify(c.excel));
  expect(differing.slice(0, 10)).toEqual([]);
  expect(excelAfter.print.get('INV-00018')).toEqual(fileAfter.print.get('INV-00018'));
  const status = cellOf(fake, 'Invoices', 'INV-00005', 'Status');
  expect(fake.model.sheets.length).toBe(fileAfter.cells.size);
  expect(excelAfter.cells.get(status.sheet)!.get(status.address)?.value).toBe('Credited');
});

test('an invoice the register does not hold is refused by name, with nothing written', async () => {
  const fake = await fakeFromXlsx(billed);
  const before = fakeLook(fake);
  const { flow } = flowOver(fake);
  await flow.start();
  const refused = flow.choose({ invoiceNo: 'INV-00099', reason: '', date: DATE });
  expect(refused).toMatchObject({ status: 'choosing', invoiceNo: 'INV-00099', error: 'INV-00099 is not in the Invoices table; name an issued invoice. Nothing was written.' });
  expect(fakeLook(fake)).toEqual(before);
});

test('a credit note dated before the latest invoice is refused by name, with nothing written (the pane has no --allow-backdate)', async () => {
  const fake = await fakeFromXlsx(billed);
  const before = fakeLook(fake);
  const { flow } = flowOver(fake);
  await flow.start();
  const refused = flow.choose({ invoiceNo: 'INV-00005', reason: '', date: dayFromIso('2026-11-20')! });
  expect(refused).toMatchObject({ status: 'choosing', invoiceNo: 'INV-00005', error: "The credit note would be dated before INV-00017; date it on or after that invoice's date. Nothing was written." });
  expect(fakeLook(fake)).toEqual(before);
  expect(flow.choose({ invoiceNo: 'INV-00005', reason: '', date: DATE }).status).toBe('confirming');
});

test('an invoice credited already is no longer offered and is refused by name; a credit note is refused too', async () => {
  const fake = await fakeFromXlsx(billed);
  const first = flowOver(fake).flow;
  await first.start();
  first.choose({ invoiceNo: 'INV-00005', reason: '', date: DATE });
  expect((await first.confirm()).status).toBe('done');

  const before = fakeLook(fake);
  const { flow } = flowOver(fake);
  const chosen = await flow.start();
  if (chosen.status !== 'choosing') throw new Error(JSON.stringify(chosen));
  expect(chosen.invoices.map((i) => i.invoiceNo)).not.toContain('INV-00005');
  expect(chosen.invoices.map((i) => i.invoiceNo)).not.toContain('INV-00018');
  expect(flow.choose({ invoiceNo: 'INV-00005', reason: '', date: DATE })).toMatchObject({ error: 'INV-00005 is credited already (Invoices Status Credited). Nothing was written.' });
  expect(flow.choose({ invoiceNo: 'INV-00018', reason: '', date: DATE })).toMatchObject({ error: expect.stringMatching(/^INV-00018 is a credit note itself/) });
  expect(fakeLook(fake)).toEqual(before);
});

test('when the ledger check fails nothing can be credited, and each problem names its cell', async () => {
  const fake = await fakeFromXlsx(billed);
  const mark = (() => {
    const t = fake.table('TimeEntries')!;
    const at = t.headers.indexOf('InvoiceNo');
    const [, letters, top] = /!\$?([A-Z]+)\$?(\d+)/.exec(t.address)!;
    const left = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    for (let r = 0; r < t.rowCount; r++) {
      const row = Number(top) + 1 + r;
      if (String(fake.cell(t.sheet, row, left + at)?.value ?? '').startsWith('INV-')) return { sheet: t.sheet, address: `${columnLetters(left + at)}${row}` };
    }
    throw new Error('no marked entry');
  })();
  await fake.userEdit(mark.sheet, mark.address, [['']]);
  const before = fakeLook(fake);
  const failed = await flowOver(fake).flow.start();
  if (failed.status !== 'failed') throw new Error(JSON.stringify(failed));
  expect(failed.title).toMatch(/^Nothing can be credited while the tables fail the check before billing \(1 problem: input errors or the ledger check\); nothing was written\.$/);
  expect(failed.lines.join('\n')).toContain(`${mark.address}`);
  expect(fakeLook(fake)).toEqual(before);
});

test('a write the workbook refuses (a cell below Invoices in the way) leaves everything as it was', async () => {
  const fake = await fakeFromXlsx(billed);
  const { flow } = flowOver(fake);
  await flow.start();
  flow.choose({ invoiceNo: 'INV-00005', reason: '', date: DATE });
  // Someone types under the register after the confirmation was shown.
  const t = fake.table('Invoices')!;
  const [, letters, top] = /!\$?([A-Z]+)\$?(\d+)/.exec(t.address)!;
  await fake.userEdit(t.sheet, `${letters}${Number(top) + t.rowCount + 1}`, [['note']]);
  const before = fakeLook(fake);
  const final = await flow.confirm();
  if (final.status !== 'failed') throw new Error(JSON.stringify(final));
  expect(final.title).toBe('Credit note INV-00018 was not issued; nothing was written.');
  expect(final.lines[0]).toMatch(/^Table Invoices must grow to row \d+, but .+ below it is not empty/);
  expect(fakeLook(fake)).toEqual(before);
});

test('on a file opened in the browser the credit gives the same registers as the command line', async () => {
  const { dir, file } = await placeWorkbook(billed);
  const out = path.join(dir, 'credited.xlsx');
  expect((await cli(['credit', file, '--invoice', 'INV-00012', '--date', DATE_ISO, '--out', out])).code).toBe(0);
  const source = await openFileSource('sample-billed.xlsx', billed);
  const flow = new CreditFlow(source, () => undefined);
  const chosen = await flow.start();
  expect(chosen.status === 'choosing' && chosen.invoiceNo).toBe('');
  flow.choose({ invoiceNo: 'INV-00012', reason: '', date: DATE });
  expect((await flow.confirm()).status).toBe('done');
  const registers = async (bytes: Uint8Array | Buffer) => {
    const raw = await (await XlsxWorkbook.load(bytes)).readTables();
    return ['Invoices', 'InvoiceLines', 'TimeEntries', 'Agreements', 'PaymentPlan'].map((name) => raw.tables.find((t) => t.name === name)?.rows);
  };
  expect(await registers(await source.fileBytes!())).toEqual(await registers(await fs.readFile(out)));
});
