/**
 * The bundled sample (assets/sample.xlsx), read through the real file adapter and billed as
 * of the demo's date. Figures are the hand-computed ones in docs/sample-workbook.md.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { readBillingWorkbook } from '../../src/schema/readBillingWorkbook';
import { runBilling } from '../../src/engine/runBilling';
import { dayFromIso } from '../../src/engine/day';
import type { BillingResult, Invoice } from '../../src/engine/billingResult';
import type { RawWorkbook } from '../../src/schema/rawTable';
import { writeSampleWorkbook } from '../../scripts/sample/writeSampleWorkbook';
import { SAMPLE_BILLING_DATE } from '../../scripts/sample/sampleTables';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample.xlsx');

async function readTables(file: string): Promise<RawWorkbook> {
  const workbook = await XlsxWorkbook.load(fs.readFileSync(file));
  return workbook.readTables();
}

function bill(raw: RawWorkbook): BillingResult {
  const read = readBillingWorkbook(raw);
  if (!read.workbook) throw new Error(`sample has input issues: ${read.issues.map((i) => i.message).join('; ')}`);
  return runBilling(read.workbook, { billingDate: dayFromIso(SAMPLE_BILLING_DATE) as number, preview: false });
}

function invoiceFor(result: BillingResult, source: string, kind: Invoice['kind'] = 'Order'): Invoice {
  const invoice = result.invoices.find((i) => i.source === source && i.kind === kind);
  if (!invoice) throw new Error(`no ${kind} invoice for ${source}`);
  return invoice;
}

/** Rows as a reader sees them on the invoice: text, hours, price, amount. */
function rowsOf(invoice: Invoice): string[][] {
  return invoice.rows.map((r) => [r.description, r.quantity.toFixed(2), r.unitPrice?.toFixed(2) ?? '', r.amount.toFixed(2)]);
}

let raw: RawWorkbook;
let result: BillingResult;

beforeAll(async () => {
  raw = await readTables(SAMPLE);
  result = bill(raw);
});

test('the sample workbook validates with zero issues', () => {
  expect(readBillingWorkbook(raw).issues).toEqual([]);
});

test("bills Volker's 4.5 hours on his own collector at 180.00 and everyone else's on the rest", () => {
  const rows = rowsOf(invoiceFor(result, 'O-1001'));
  expect(rows).toContainEqual(['Consulting: Volker Vorstand', '4.50', '180.00', '810.00']);
  expect(rows).toContainEqual(['Consulting: Anna Berg', '7.00', '120.00', '840.00']);
  const volker = invoiceFor(result, 'O-1001').rows.find((r) => r.person === 'Volker Vorstand');
  expect(volker?.lineItem).toBe('O-1001/5');
  expect(volker?.entryIds).toEqual(['E-1003', 'E-1008', 'E-1010']);
});

test('time the extension order refuses runs up to the main order, which bills it', () => {
  expect(rowsOf(invoiceFor(result, 'O-1002'))).toEqual([['Professional services', '8.00', '105.00', '840.00']]);
  const mainEntries = invoiceFor(result, 'O-1001').rows.flatMap((r) => r.entryIds);
  expect(mainEntries).toEqual(expect.arrayContaining(['E-1010', 'E-1011']));
});

test('caps support at 45 minutes a month and splits the rest onto the next line', () => {
  expect(rowsOf(invoiceFor(result, 'O-1003'))).toEqual([
    ['Support: Password reset front desk', '0.50', '80.00', '40.00'],
    ['Support: Printer driver', '0.25', '80.00', '20.00'],
    ['Support: Printer driver', '0.25', '120.00', '30.00'],
    ['Support: Booking system outage', '0.75', '80.00', '60.00'],
    ['Support: Booking system outage', '0.25', '120.00', '30.00'],
  ]);
});

test('shows a SeparateRow entry on its own row and leaves the non-billable entry off the invoice', () => {
  const invoice = invoiceFor(result, 'O-1004');
  expect(rowsOf(invoice)).toEqual([
    ['Consulting', '5.00', '125.00', '625.00'],
    ['Development', '11.00', '105.00', '1155.00'],
    ['Development: Go-live weekend support', '3.00', '105.00', '315.00'],
    ['Training', '4.00', '95.00', '380.00'],
  ]);
  expect(invoice.rows.flatMap((r) => r.entryIds)).not.toContain('E-1207');
});

test('order invoices carry the nets and grosses listed in the docs', () => {
  const orders = result.invoices.filter((i) => i.kind === 'Order').map((i) => [i.source, i.customer, i.net.toFixed(2), i.tax.toFixed(2), i.gross.toFixed(2)]);
  expect(orders).toEqual([
    ['O-1003', 'Alpenblick Hotels AG', '180.00', '34.20', '214.20'],
    ['O-1004', 'Brückner Logistik KG', '2475.00', '470.25', '2945.25'],
    ['O-1001', 'Nordlicht GmbH', '3895.00', '740.05', '4635.05'],
    ['O-1002', 'Nordlicht GmbH', '840.00', '159.60', '999.60'],
  ]);
});

test('reports time no line item takes as NoLineItem and the mistyped node as UnknownNode', () => {
  const orderExceptions = result.exceptions
    .filter((e) => e.nodeId !== undefined)
    .map((e) => [e.entryId, e.reason, e.nodeId, (e.seconds / 3600).toFixed(2)]);
  expect(orderExceptions).toEqual([
    ['E-1204', 'NoLineItem', 'P-1004', '1.50'],
    ['E-1205', 'NoLineItem', 'P-1004-S2', '2.00'],
    ['E-1013', 'UnknownNode', 'P-1001-W5', '2.00'],
  ]);
});

test('issues the twelve invoices listed in docs/sample-workbook.md, in number order', () => {
  expect(result.invoices.map((i) => [i.invoiceNo, i.kind, i.customer, i.source, i.gross.toFixed(2)])).toEqual([
    ['INV-00001', 'Prepaid', 'Hafenmeisterei Lübeck', 'AG-102', '1071.00'],
    ['INV-00002', 'Prepaid', 'Praxis Dr. Sommer', 'AG-103', '952.00'],
    ['INV-00003', 'Prepaid', 'Stadtwerke Kiel', 'AG-101', '2261.00'],
    ['INV-00004', 'Prepaid', 'Stadtwerke Kiel', 'AG-101', '565.25'],
    ['INV-00005', 'Prepaid', 'Weingut Rheinhessen', 'AG-104', '1071.00'],
    ['INV-00006', 'Prepaid', 'Weingut Rheinhessen', 'AG-105', '1130.50'],
    ['INV-00007', 'Order', 'Alpenblick Hotels AG', 'O-1003', '214.20'],
    ['INV-00008', 'Order', 'Brückner Logistik KG', 'O-1004', '2945.25'],
    ['INV-00009', 'Order', 'Nordlicht GmbH', 'O-1001', '4635.05'],
    ['INV-00010', 'Order', 'Nordlicht GmbH', 'O-1002', '999.60'],
    ['INV-00011', 'Overage', 'Hafenmeisterei Lübeck', 'AG-102', '136.85'],
    ['INV-00012', 'Overage', 'Stadtwerke Kiel', 'AG-101', '309.40'],
  ]);
});

test('bills the hour beyond AG-102 and the onsite work AG-101 excludes at their overage rates', () => {
  expect(rowsOf(invoiceFor(result, 'AG-102', 'Overage'))).toEqual([['Hours beyond the block AG-102', '1.00', '115.00', '115.00']]);
  expect(rowsOf(invoiceFor(result, 'AG-101', 'Overage'))).toEqual([['Work not covered: Onsite', '2.00', '130.00', '260.00']]);
});

test('agreement balances show the top-up, the overrun, the low balance and the 3 hours rolled over', () => {
  const summary = result.agreementSummary.map((a) => [
    a.agreementId, a.added.toFixed(2), a.rolledOver.toFixed(2), a.used.toFixed(2), a.remaining.toFixed(2), a.overrun.toFixed(2), a.lowBalance, a.deferredRevenue.toFixed(2),
  ]);
  expect(summary).toEqual([
    ['AG-101', '5.00', '0.00', '6.50', '18.50', '0.00', false, '1757.50'],
    ['AG-102', '0.00', '0.00', '10.00', '0.00', '1.00', true, '0.00'],
    ['AG-103', '0.00', '0.00', '6.50', '1.50', '0.00', true, '150.00'],
    ['AG-104', '0.00', '-3.00', '7.00', '0.00', '0.00', true, '0.00'],
    ['AG-105', '0.00', '3.00', '3.50', '9.50', '0.00', false, '902.50'],
    ['AG-106', '0.00', '0.00', '0.00', '5.00', '0.00', false, '0.00'],
  ]);
});

test('time under the cancelled agreement is an AgreementInactive exception and gets no prepaid invoice', () => {
  expect(result.exceptions.filter((e) => e.agreement !== undefined).map((e) => [e.entryId, e.reason, e.agreement])).toEqual([
    ['E-2401', 'AgreementInactive', 'AG-106'],
  ]);
  expect(result.invoices.some((i) => i.source === 'AG-106')).toBe(false);
});

/** Everything a reader compares: sheet names, every table's place, headers and cell values. */
async function contentsOf(file: string): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const readMe = workbook.getWorksheet('Read me');
  const lines: unknown[] = [];
  readMe?.eachRow((row) => lines.push(row.getCell(1).value));
  return { sheets: workbook.worksheets.map((ws) => ws.name), readMe: lines, tables: (await readTables(file)).tables };
}

test('the committed assets/sample.xlsx holds exactly what the generator writes', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-sample-'));
  try {
    const fresh = path.join(dir, 'sample.xlsx');
    await writeSampleWorkbook(fresh);
    expect(await contentsOf(SAMPLE)).toEqual(await contentsOf(fresh));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
