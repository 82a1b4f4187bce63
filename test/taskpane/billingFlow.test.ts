/**
 * The pane's billing state machine over the open workbook (the fake Excel holding the
 * sample): phases in order, Generate issuing exactly what the preview showed, a change in
 * between caught, and nothing written while input errors remain.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { dayFromIso } from '../../src/core/day';
import { previewMemo, runBillingFlow, type BillingState, type PreviewMemo } from '../../src/taskpane/billing/billingFlow';
import { excelSource } from '../../src/taskpane/source/excelSource';
import { fakeFromXlsx, fakeLook } from '../excel/workbookCells';
import type { FakeExcel } from '../fakeExcel/FakeExcel';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample.xlsx');
const DATE = dayFromIso('2026-11-30')!;

let bytes: Buffer;
beforeAll(async () => {
  bytes = await fs.readFile(SAMPLE);
});

async function preview(fake: FakeExcel): Promise<PreviewMemo> {
  const final = await runBillingFlow(excelSource(fake.run), { action: 'preview', billingDate: DATE }, () => undefined);
  if (final.status !== 'done') throw new Error(`preview ended ${final.status}`);
  return previewMemo(final.run);
}

function invoicesOf(state: BillingState): string[] {
  if (state.status !== 'done') throw new Error(`ended ${state.status}: ${state.status === 'failed' ? state.message : ''}`);
  return state.run.result.invoices.map((i) => `${i.customer}|${i.source}|${i.gross.toFixed(2)}`);
}

test('goes through reading, checking, billing and writing, counting the rows it reads', async () => {
  const fake = await fakeFromXlsx(bytes);
  const states: BillingState[] = [];
  const final = await runBillingFlow(excelSource(fake.run), { action: 'preview', billingDate: DATE }, (s) => states.push(s));
  const phases = states.map((s) => s.status).filter((s, i, all) => s !== all[i - 1]);
  expect(phases).toEqual(['reading', 'checking', 'billing', 'writing', 'done']);
  const counted = states.flatMap((s) => (s.status === 'reading' && s.progress ? [s.progress] : []));
  const last = counted[counted.length - 1];
  expect(last.unit).toBe('rows');
  expect(last.total).toBeGreaterThan(0);
  expect(last.done).toBe(last.total);
  expect(final.status).toBe('done');
});

test('Generate after an unchanged preview issues exactly the invoices the preview showed', async () => {
  const fake = await fakeFromXlsx(bytes);
  const memo = await preview(fake);
  const final = await runBillingFlow(excelSource(fake.run), { action: 'generate', billingDate: DATE, lastPreview: memo }, () => undefined);
  expect(final.status === 'done' && final.run.result.preview).toBe(false);
  expect(final.status === 'done' && final.run.notice).toBeUndefined();
  const shown = await runBillingFlow(excelSource((await fakeFromXlsx(bytes)).run), { action: 'preview', billingDate: DATE }, () => undefined);
  expect(invoicesOf(final)).toEqual(invoicesOf(shown));
  expect(fake.table('Invoices')?.rowCount).toBe(invoicesOf(final).length);
});

test('Generate after the tables changed issues nothing, previews again and says why', async () => {
  const fake = await fakeFromXlsx(bytes);
  const memo = await preview(fake);
  const entries = fake.table('TimeEntries')!;
  const hours = entries.headers.findIndex((h) => h.toLowerCase() === 'hours');
  const top = Number(/(\d+)/.exec(entries.address.split('!')[1])![1]);
  await fake.userEdit(entries.sheet, `${String.fromCharCode(65 + hours)}${top + 1}`, [[7.25]]);
  const final = await runBillingFlow(excelSource(fake.run), { action: 'generate', billingDate: DATE, lastPreview: memo }, () => undefined);
  expect(final.status === 'done' && final.run.result.preview).toBe(true);
  expect(final.status === 'done' && final.run.notice).toMatch(/tables changed since the preview, so nothing was issued/);
  expect(fake.table('Invoices')).toBeUndefined();
});

test('Generate after the billing date changed previews again as of the new date', async () => {
  const fake = await fakeFromXlsx(bytes);
  const memo = await preview(fake);
  const final = await runBillingFlow(excelSource(fake.run), { action: 'generate', billingDate: DATE + 1, lastPreview: memo }, () => undefined);
  expect(final.status === 'done' && final.run.result.preview).toBe(true);
  expect(final.status === 'done' && final.run.notice).toMatch(/billing date changed since the preview \(it was 2026-11-30\)/);
});

test('input errors end the run with every issue and nothing written', async () => {
  const fake = await fakeFromXlsx(bytes);
  const sheetsBefore = fake.sheetNames();
  const entries = fake.table('TimeEntries')!;
  const hours = entries.headers.findIndex((h) => h.toLowerCase() === 'hours');
  const top = Number(/(\d+)/.exec(entries.address.split('!')[1])![1]);
  await fake.userEdit(entries.sheet, `${String.fromCharCode(65 + hours)}${top + 1}`, [[-1.5]]);
  const final = await runBillingFlow(excelSource(fake.run), { action: 'generate', billingDate: DATE }, () => undefined);
  expect(final.status).toBe('failed');
  expect(final.status === 'failed' && final.issues.map((i) => i.cell)).toEqual([`${entries.sheet}!${String.fromCharCode(65 + hours)}${top + 1}`]);
  expect(final.status === 'failed' && final.message).toBe('1 input error to fix: nothing is written until every one is fixed.');
  expect(fake.sheetNames()).toEqual(sheetsBefore);
});

test('Generate after the invoice template changed issues nothing and previews again', async () => {
  const { templateWorkbook } = await import('../xlsx/templateFixture');
  const fake = await fakeFromXlsx(await templateWorkbook(), { setup: true });
  const day = dayFromIso('2025-01-31')!;
  const first = await runBillingFlow(excelSource(fake.run), { action: 'preview', billingDate: day }, () => undefined);
  if (first.status !== 'done') throw new Error(first.status);
  await fake.userEdit('InvoiceTemplate', 'A5', [['Rechnung']]);
  const final = await runBillingFlow(excelSource(fake.run), { action: 'generate', billingDate: day, lastPreview: previewMemo(first.run) }, () => undefined);
  expect(final.status === 'done' && final.run.notice).toMatch(/tables changed since the preview, so nothing was issued/);
  expect(fake.cell('Preview Invoice 1', 5, 1)?.value).toBe('Rechnung');
  expect(fake.sheetNames()).not.toContain('INV-00001');
});

test('an unknown placeholder in the open workbook\'s template is an input error naming its cell, and nothing is written', async () => {
  const { TEMPLATE_CELLS, templateWorkbook } = await import('../xlsx/templateFixture');
  const fake = await fakeFromXlsx(await templateWorkbook({ ...TEMPLATE_CELLS, B5: '{Invoice.Nmber}' }), { setup: true });
  const sheets = fake.sheetNames();
  const final = await runBillingFlow(excelSource(fake.run), { action: 'generate', billingDate: dayFromIso('2025-01-31')! }, () => undefined);
  if (final.status !== 'failed') throw new Error(final.status);
  expect(final.issues.map((i) => [i.code, i.cell])).toEqual([['BAD_PLACEHOLDER', 'InvoiceTemplate!B5']]);
  expect(fake.sheetNames()).toEqual(sheets);
});

describe('dates in order: the pane refuses a Generate dated before the latest issued invoice, as the ribbon does', () => {
  const ISSUED = dayFromIso('2026-10-31')!;
  const EARLIER = dayFromIso('2026-10-20')!;

  /** The sample with a run of 2026-10-31 issued through the pane: INV-00001 to INV-00011, all dated 2026-10-31. */
  async function issuedOn31October(): Promise<FakeExcel> {
    const fake = await fakeFromXlsx(bytes);
    const issued = await runBillingFlow(excelSource(fake.run), { action: 'generate', billingDate: ISSUED }, () => undefined);
    if (issued.status !== 'done') throw new Error(`generate ended ${issued.status}`);
    expect(issued.run.result.invoices.map((i) => i.invoiceNo).slice(-1)).toEqual(['INV-00011']);
    return fake;
  }

  const REFUSAL = 'Not billed: 2026-10-20 is before the last invoice. INV-00011 is dated 2026-10-31; new invoices would be numbered after it but dated before it. Bill on or after 2026-10-31. Nothing was written.';

  test('Generate dated before the latest invoice is refused with that sentence before billing, and nothing is written', async () => {
    const fake = await issuedOn31October();
    const before = fakeLook(fake);
    const states: BillingState[] = [];
    const final = await runBillingFlow(excelSource(fake.run), { action: 'generate', billingDate: EARLIER }, (s) => states.push(s));
    expect(final).toEqual({ status: 'failed', action: 'generate', issues: [], message: REFUSAL });
    expect(states.map((s) => s.status)).not.toContain('billing');
    expect(states.map((s) => s.status)).not.toContain('writing');
    expect(fakeLook(fake)).toEqual(before);
  });

  test('a preview dated before it is not refused (it numbers nothing) but says Generate will be, and Generate after it is refused', async () => {
    const fake = await issuedOn31October();
    const shown = await runBillingFlow(excelSource(fake.run), { action: 'preview', billingDate: EARLIER }, () => undefined);
    if (shown.status !== 'done') throw new Error(`preview ended ${shown.status}`);
    expect(shown.run.result.preview).toBe(true);
    expect(shown.run.notice).toBe('Generate invoices will refuse this date: 2026-10-20 is before the last invoice. INV-00011 is dated 2026-10-31; new invoices would be numbered after it but dated before it. Choose 2026-10-31 or later to issue them.');
    expect(shown.run.laterInvoice).toEqual({ invoiceNo: 'INV-00011', date: ISSUED });

    const before = fakeLook(fake);
    const final = await runBillingFlow(excelSource(fake.run), { action: 'generate', billingDate: EARLIER, lastPreview: previewMemo(shown.run) }, () => undefined);
    expect(final).toMatchObject({ status: 'failed', action: 'generate', message: REFUSAL });
    expect(fakeLook(fake)).toEqual(before);
  });

  test('Generate on the latest invoice\'s date or after it bills, numbering on from it', async () => {
    const fake = await issuedOn31October();
    const onTheDay = await runBillingFlow(excelSource(fake.run), { action: 'generate', billingDate: ISSUED }, () => undefined);
    expect(onTheDay).toMatchObject({ status: 'done', action: 'generate' });
    expect(onTheDay.status === 'done' && onTheDay.run.notice).toBeUndefined();

    const after = await runBillingFlow(excelSource(fake.run), { action: 'generate', billingDate: DATE }, () => undefined);
    if (after.status !== 'done') throw new Error(`generate ended ${after.status}: ${after.status === 'failed' ? after.message : ''}`);
    const issued = after.run.result.invoices;
    expect(issued.length).toBeGreaterThan(0);
    expect(issued[0].invoiceNo).toBe('INV-00012');
    expect(issued.every((i) => i.date === DATE)).toBe(true);
  });
});
