/**
 * The Office.js adapter against the fake Excel: one fixture, two adapters, the same cells.
 * Each workbook file is billed by the command line's adapter (XlsxWorkbook) and, loaded
 * cell for cell into the fake, by ExcelWorkbook; every cell either wrote must look the same.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { dayFromIso } from '../../src/core/day';
import type { BillingResult } from '../../src/engine/billingResult';
import { runBilling } from '../../src/engine/runBilling';
import { creditInvoice } from '../../src/engine/creditInvoice';
import { WorkbookWriteError } from '../../src/engine/workbookPort';
import type { ExcelRun } from '../../src/excel/excelRun';
import { ExcelWorkbook } from '../../src/excel/ExcelWorkbook';
import { CELL_EDIT_MESSAGE } from '../../src/excel/syncBatcher';
import { checkBillingWorkbook } from '../../src/engine/checkBillingWorkbook';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { billingWorkbook } from '../cli/billingFixture';
import { FakeExcel } from '../fakeExcel/FakeExcel';
import { fakeFromXlsx, fakeLook, writtenCells, xlsxLook, type WorkbookLook } from './workbookCells';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample.xlsx');
const SAMPLE_DATE = dayFromIso('2026-11-30')!;
const FIXTURE_DATE = dayFromIso('2025-01-31')!;

const noWait = { sleep: async () => undefined };

function bill(raw: Awaited<ReturnType<XlsxWorkbook['readTables']>>, billingDate: number, preview = false): BillingResult {
  const { workbook, issues } = checkBillingWorkbook(raw);
  if (!workbook || issues.length > 0) throw new Error(`fixture has input errors: ${JSON.stringify(issues.slice(0, 3))}`);
  return runBilling(workbook, { billingDate, preview });
}

/** Bills the file through the command line's adapter; what the result file holds. */
async function billedByFile(bytes: Buffer, billingDate: number, preview = false): Promise<WorkbookLook> {
  const book = await XlsxWorkbook.load(bytes);
  await book.writeResult(bill(await book.readTables(), billingDate, preview));
  return xlsxLook(await book.toBuffer());
}

/** Bills the same file through the Office.js adapter in the fake Excel. */
async function billedInExcel(fake: FakeExcel, billingDate: number, preview = false): Promise<ExcelWorkbook> {
  const book = new ExcelWorkbook(fake.run, noWait);
  await book.writeResult(bill(await book.readTables(), billingDate, preview));
  return book;
}

/** `fake.run`, and a switch that makes the n-th sync from now fail as a lost connection would (nothing of it applied). */
function breakableRun(fake: FakeExcel): { run: ExcelRun; failSync: (n: number, message: string) => void } {
  let countdown = 0;
  let failure = '';
  const run: ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => fake.run((context) => {
    const sync = context.sync.bind(context);
    context.sync = (() => (countdown > 0 && --countdown === 0 ? Promise.reject(new Error(failure)) : sync())) as typeof context.sync;
    return batch(context);
  });
  return { run, failSync: (n, message) => { countdown = n; failure = message; } };
}

async function expectSameAsFile(bytes: Buffer, billingDate: number, preview = false): Promise<FakeExcel> {
  const before = await xlsxLook(bytes);
  const file = await billedByFile(bytes, billingDate, preview);
  // With its setup: the sample's invoice sheets are copies of its InvoiceTemplate sheet, whose look the fake must hold.
  const fake = await fakeFromXlsx(bytes, { setup: true });
  const excelBefore = fakeLook(fake);
  await billedInExcel(fake, billingDate, preview);
  const excel = fakeLook(fake);

  expect([...excel.cells.keys()].sort()).toEqual([...file.cells.keys()].sort());
  expect(excel.tables).toEqual(file.tables);
  // Every invoice sheet prints the same way from both adapters: A4, print area, title rows, margins, footer, one page wide.
  const printedNow = (look: WorkbookLook) => Object.fromEntries([...look.print].filter(([sheet]) => !before.cells.has(sheet)));
  expect(printedNow(excel)).toEqual(printedNow(file));
  const newInvoiceSheets = [...file.cells.keys()].filter((s) => !before.cells.has(s) && /^(INV-|Preview Invoice )/.test(s));
  expect(Object.keys(printedNow(file)).sort()).toEqual(newInvoiceSheets.sort());
  const differing = writtenCells(before, file, excelBefore, excel).filter((c) => JSON.stringify(c.file) !== JSON.stringify(c.excel));
  expect(differing.slice(0, 10)).toEqual([]);
  for (const [sheet, widths] of file.widths) {
    if (before.widths.get(sheet)?.size) continue;
    expect({ sheet, widths: Object.fromEntries(excel.widths.get(sheet) ?? []) }).toEqual({ sheet, widths: Object.fromEntries(widths) });
  }
  return fake;
}

describe('the Office.js adapter writes exactly what the command line writes', () => {
  test('the small fixture: invoice sheet, registers, summaries, exceptions, InvoiceNo marks', async () => {
    const fake = await expectSameAsFile(await billingWorkbook(), FIXTURE_DATE);
    expect(fake.sheetNames()).toContain('INV-00008');
  });

  test('the bundled sample, every billing mode', async () => {
    await expectSameAsFile(await fs.readFile(SAMPLE), SAMPLE_DATE);
  });

  test('a preview of the sample writes only Preview sheets', async () => {
    const fake = await expectSameAsFile(await fs.readFile(SAMPLE), SAMPLE_DATE, true);
    expect(fake.sheetNames().filter((s) => s.startsWith('Preview ')).length).toBeGreaterThan(5);
  });

  test('a second run on the same day, after the first, bills nothing and matches too', async () => {
    const bytes = await fs.readFile(SAMPLE);
    const book = await XlsxWorkbook.load(bytes);
    await book.writeResult(bill(await book.readTables(), SAMPLE_DATE));
    const once = await book.toBuffer();
    await expectSameAsFile(once, SAMPLE_DATE);
    const fake = await fakeFromXlsx(once);
    const again = new ExcelWorkbook(fake.run, noWait);
    expect(bill(await again.readTables(), SAMPLE_DATE).invoices).toEqual([]);
  });
});

describe('credit notes', () => {
  /** Credits `invoiceNo` of the billed sample through both adapters; every written cell must agree. */
  async function creditedBoth(invoiceNo: string): Promise<FakeExcel> {
    const book = await XlsxWorkbook.load(await fs.readFile(SAMPLE));
    await book.writeResult(bill(await book.readTables(), SAMPLE_DATE));
    const billed = await book.toBuffer();
    const credit = (raw: Awaited<ReturnType<XlsxWorkbook['readTables']>>) => {
      const { workbook } = checkBillingWorkbook(raw);
      const outcome = creditInvoice(workbook!, { invoiceNo, date: SAMPLE_DATE, reason: 'wrong rate' });
      if (!outcome.ok) throw new Error(outcome.error);
      return outcome.result;
    };
    const before = await xlsxLook(billed);
    const fileBook = await XlsxWorkbook.load(billed);
    await fileBook.writeCredit(credit(await fileBook.readTables()));
    const file = await xlsxLook(await fileBook.toBuffer());
    const fake = await fakeFromXlsx(billed, { setup: true });
    const excelBefore = fakeLook(fake);
    const excelBook = new ExcelWorkbook(fake.run, noWait);
    await excelBook.writeCredit(credit(await excelBook.readTables()));
    const excel = fakeLook(fake);
    expect([...excel.cells.keys()].sort()).toEqual([...file.cells.keys()].sort());
    const differing = writtenCells(before, file, excelBefore, excel).filter((c) => JSON.stringify(c.file) !== JSON.stringify(c.excel));
    expect(differing.slice(0, 10)).toEqual([]);
    expect(excel.print.get('INV-00018')).toEqual(file.print.get('INV-00018'));
    return fake;
  }

  test('crediting an order invoice writes the same through the Office.js adapter as through the file', async () => {
    const fake = await creditedBoth('INV-00005');
    expect(fake.sheetNames()).toContain('INV-00018');
    const invoices = fake.table('Invoices')!;
    const status = invoices.headers.indexOf('Status') + 1;
    const statuses = Array.from({ length: invoices.rowCount }, (_, r) => fake.cell(invoices.sheet, r + 2, status)?.value ?? null);
    expect(statuses.filter((v) => v !== null && v !== '')).toEqual(['Credited']);
  });

  test('crediting a prepaid invoice clears the block\'s mark the same way in both', async () => {
    await creditedBoth('INV-00001');
  });
});

describe('round trips', () => {
  test('billing the sample takes at most 10 syncs, reading included', async () => {
    const fake = await fakeFromXlsx(await fs.readFile(SAMPLE));
    await billedInExcel(fake, SAMPLE_DATE);
    expect(fake.syncCount).toBeLessThanOrEqual(10);
    // Every sync that writes cells redraws and recalculates once, at its end.
    const writing = fake.syncLog.filter((s) => s.writes > 2);
    expect(writing.length).toBeGreaterThan(0);
    expect(writing.every((s) => s.screenUpdatingSuspended && s.apiCalculationSuspended)).toBe(true);
  });

  test('100,000 time entries: one sync per chunk of about 4 MB beyond a fixed few, no request over the limit', async () => {
    const { syntheticWorkbook, BENCH_BILLING_DATE } = await import('../../bench/syntheticWorkbook');
    const raw = syntheticWorkbook({ entries: 100_000, orders: 100, linesPerOrder: 10 });
    const fake = FakeExcel.fromTables(raw.tables);
    const book = new ExcelWorkbook(fake.run, noWait);
    const read = await book.readTables();
    expect(read.tables.find((t) => t.name === 'TimeEntries')!.rows.length).toBe(100_000);
    await book.writeResult(bill(read, dayFromIso(BENCH_BILLING_DATE)!));

    const bytes = fake.syncLog.reduce((sum, s) => sum + s.requestBytes + s.responseBytes, 0);
    expect(fake.syncLog.every((s) => s.error === undefined)).toBe(true);
    expect(bytes).toBeGreaterThan(8_000_000);
    expect(fake.syncCount).toBeLessThanOrEqual(10 + Math.ceil(bytes / 3_000_000));
    const marked = fake.table('TimeEntries')!;
    expect(marked.headers).toContain('InvoiceNo');
  });
});

describe('safety', () => {
  test('a register that cannot grow over a filled cell stops the run before anything is written', async () => {
    const bytes = await billingWorkbook();
    const fake = await fakeFromXlsx(bytes);
    // Invoices sits at A3:I4 on Register; something of the user's right under it.
    fake.setCells('Register', 'C5', [['my total']]);
    const before = JSON.stringify(fakeLook(fake).cells.get('Time'));
    const book = new ExcelWorkbook(fake.run, noWait);
    const result = bill(await book.readTables(), FIXTURE_DATE);
    await expect(book.writeResult(result)).rejects.toThrow(new WorkbookWriteError(
      'Table Invoices must grow to row 5, but Register!C5 below it is not empty. Move what is below the table.'));
    expect(fake.sheetNames()).not.toContain('INV-00008');
    expect(JSON.stringify(fakeLook(fake).cells.get('Time'))).toBe(before);
    expect(fake.calculationMode).toBe('Automatic');
  });

  test('a sheet named like the next invoice number moves numbering past it: numbers continue after every number shown', async () => {
    const fake = await fakeFromXlsx(await billingWorkbook());
    fake.addSheet('INV-00008');
    const book = new ExcelWorkbook(fake.run, noWait);
    const result = bill(await book.readTables(), FIXTURE_DATE);
    expect(result.invoices.map((i) => i.invoiceNo)).toEqual(['INV-00009']);
    await book.writeResult(result);
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(['INV-00008', 'INV-00009']));
  });

  test('a result whose invoice sheet name is taken stops the run before anything is written', async () => {
    const fake = await fakeFromXlsx(await billingWorkbook());
    const book = new ExcelWorkbook(fake.run, noWait);
    const result = bill(await book.readTables(), FIXTURE_DATE);
    fake.addSheet('INV-00008');
    await expect(book.writeResult(result)).rejects.toThrow(WorkbookWriteError);
    expect(fake.table('Invoices')!.rowCount).toBe(1);
  });

  test('a second write through the same adapter reads the tables again instead of trusting the first read', async () => {
    const fake = await fakeFromXlsx(await billingWorkbook());
    const book = new ExcelWorkbook(fake.run, noWait);
    await book.writeResult(bill(await book.readTables(), FIXTURE_DATE));
    // The run gave TimeEntries an InvoiceNo column; a write planned on the first read would see it moved.
    await book.appendRows('TimeEntries', ['EntryId', 'Date', 'Person', 'NodeId', 'Hours'], [['E4', 45688, 'Anna', 'N1', 1]]);
    expect(fake.table('TimeEntries')!.rowCount).toBe(4);
  });

  test('a table moved between reading and writing is not written into', async () => {
    const fake = await fakeFromXlsx(await billingWorkbook());
    const book = new ExcelWorkbook(fake.run, noWait);
    const result = bill(await book.readTables(), FIXTURE_DATE);
    await fake.run(async (context) => {
      context.workbook.tables.getItem('TimeEntries').rows.add(undefined, [['E4', 45680, 'Anna', 'N1', 1, 'late', '']]);
    });
    await expect(book.writeResult(result)).rejects.toThrow('The TimeEntries table moved or changed size while billing ran, so nothing was written. Run billing again.');
    expect(fake.table('Invoices')!.rowCount).toBe(1);
  });

  test('calculation and events are off while writing and restored after, also when a sync fails midway', async () => {
    const fake = await fakeFromXlsx(await fs.readFile(SAMPLE));
    await fake.run(async (context) => {
      context.workbook.application.calculationMode = 'AutomaticExceptTables';
    });
    const broken = breakableRun(fake);
    const book = new ExcelWorkbook(broken.run, noWait);
    const result = bill(await book.readTables(), SAMPLE_DATE);
    // The write's syncs: the check, then the first block of writes, which fails.
    broken.failSync(2, 'connection lost');
    await expect(book.writeResult(result)).rejects.toThrow('connection lost');
    expect(fake.calculationMode).toBe('AutomaticExceptTables');
    expect(fake.enableEvents).toBe(true);
  });

  test('a run cut off after the registers leaves invoices whose time is still open, never marks without an invoice', async () => {
    const fake = await fakeFromXlsx(await billingWorkbook());
    const broken = breakableRun(fake);
    const book = new ExcelWorkbook(broken.run, noWait);
    const result = bill(await book.readTables(), FIXTURE_DATE);
    // The write's syncs: the check, the registers and sheets, then the marks, which fail here.
    broken.failSync(3, 'Excel closed');
    await expect(book.writeResult(result)).rejects.toThrow('Excel closed');
    expect(fake.table('Invoices')!.rowCount).toBe(2);
    expect(fake.table('TimeEntries')!.headers).not.toContain('InvoiceNo');
    // The next run does not bill that time again: the ledger check names the invoice that did.
    const again = checkBillingWorkbook(await new ExcelWorkbook(fake.run, noWait).readTables());
    expect(again.workbook).toBeUndefined();
    expect(again.issues.map((i) => i.message).join('\n')).toContain('INV-00008');
  });

  test('waits while a person edits a cell, says so, then writes everything', async () => {
    const fake = await fakeFromXlsx(await billingWorkbook());
    const told: string[] = [];
    const book = new ExcelWorkbook(fake.run, { ...noWait, onProgress: (m) => told.push(m) });
    const result = bill(await book.readTables(), FIXTURE_DATE);
    fake.editingCellForSyncs = 2;
    await book.writeResult(result);
    expect(told).toContain(CELL_EDIT_MESSAGE);
    expect(fake.sheetNames()).toContain('INV-00008');
    expect(fake.table('TimeEntries')!.headers).toContain('InvoiceNo');
  });

  test('text that Excel would read as a number is written as text (an entry id 0012 stays 0012)', async () => {
    const bytes = await billingWorkbook({
      timeEntries: [['E1', new Date('2025-01-02T00:00:00Z'), 'Anna', 'N1', 2, 'x', null], ['0012', new Date('2025-01-03T00:00:00Z'), 'Ben', 'N9', 1, 'lost', null]],
    });
    const fake = await fakeFromXlsx(bytes);
    await billedInExcel(fake, FIXTURE_DATE);
    const exceptions = fake.table('BillingExceptions')!;
    expect(fake.cell(exceptions.sheet, 2, 1)?.value).toBe('0012');
  });
});
