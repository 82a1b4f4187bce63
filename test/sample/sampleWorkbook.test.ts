/**
 * The bundled sample (assets/sample.xlsx), read through the real file adapter and billed as
 * of the demo's date. Figures are the hand-computed ones in docs/sample-workbook.md.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { checkBillingWorkbook } from '../../src/engine/checkBillingWorkbook';
import { runBilling } from '../../src/engine/runBilling';
import { dayFromIso } from '../../src/core/day';
import { sumDecimals, type Decimal } from '../../src/core/money';
import { createAllProjects, withNewNodes } from '../../src/engine/projects/createProject';
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
  const read = checkBillingWorkbook(raw);
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
  expect(checkBillingWorkbook(raw).issues).toEqual([]);
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
    ['O-1007', 'Quickborn Bau AG', '810.00', '153.90', '963.90'],
    ['O-1009', 'Rendsburg Kanalservice GmbH', '1370.00', '260.30', '1630.30'],
    ['O-1010', 'Sylt Strandhotel KG', '5000.00', '950.00', '5950.00'],
    ['O-1011', 'Travemünde Marina GmbH', '720.00', '136.80', '856.80'],
    ['O-1012', 'Uetersen Papier AG', '996.00', '189.24', '1185.24'],
  ]);
});

test('reports time no line item takes as NoLineItem and the mistyped node as UnknownNode', () => {
  const orderExceptions = result.exceptions
    .filter((e) => e.nodeId !== undefined)
    .map((e) => [e.entryId, e.reason, e.nodeId, (e.seconds / 3600).toFixed(2)]);
  expect(orderExceptions).toEqual([
    ['E-1204', 'NoLineItem', 'P-1004', '1.50'],
    ['E-1205', 'NoLineItem', 'P-1004-S2', '2.00'],
    ['E-3131', 'OrderBilled', 'P-1013-W1', '1.50'],
    ['E-1013', 'UnknownNode', 'P-1001-W5', '2.00'],
  ]);
});

test('issues the seventeen invoices listed in docs/sample-workbook.md, in number order', () => {
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
    ['INV-00011', 'Order', 'Quickborn Bau AG', 'O-1007', '963.90'],
    ['INV-00012', 'Order', 'Rendsburg Kanalservice GmbH', 'O-1009', '1630.30'],
    ['INV-00013', 'Order', 'Sylt Strandhotel KG', 'O-1010', '5950.00'],
    ['INV-00014', 'Order', 'Travemünde Marina GmbH', 'O-1011', '856.80'],
    ['INV-00015', 'Order', 'Uetersen Papier AG', 'O-1012', '1185.24'],
    ['INV-00016', 'Overage', 'Hafenmeisterei Lübeck', 'AG-102', '136.85'],
    ['INV-00017', 'Overage', 'Stadtwerke Kiel', 'AG-101', '309.40'],
  ]);
  const total = (pick: (i: Invoice) => Decimal) => sumDecimals(result.invoices.map(pick)).toFixed(2);
  expect([total((i) => i.net), total((i) => i.tax), total((i) => i.gross)]).toEqual(['22586.00', '4291.34', '26877.34']);
});

describe('an order of every billing mode and basis', () => {
  const statusOf = (orderId: string) => {
    const row = result.orderStatus.find((o) => o.orderId === orderId);
    if (!row) throw new Error(`no OrderStatus row for ${orderId}`);
    return row;
  };
  const billedEntryIds = (): string[] => {
    const entries = raw.tables.find((t) => t.name === 'TimeEntries');
    const column = entries?.headers.indexOf('EntryId') ?? -1;
    return result.invoiceNoUpdates.filter((u) => u.table === 'TimeEntries').map((u) => String(entries?.rows[u.index][column]));
  };

  test('OrderStatus says per order whether it can bill and why not', () => {
    expect(result.orderStatus.map((o) => [o.orderId, o.billingMode, o.canBill, o.reason])).toEqual([
      ['O-1001', 'Rules', true, ''],
      ['O-1002', 'Rules', true, ''],
      ['O-1003', 'Rules', true, ''],
      ['O-1004', 'Rules', true, ''],
      ['O-1005', 'Rules', false, 'progress 40 % < 50 %'],
      ['O-1006', 'Rules', false, 'net 237.50 < minimum 500.00'],
      ['O-1007', 'Rules', true, 'Rollout: status InProgress, required Completed'],
      ['O-1008', 'Manual', false, 'BillNow is not set'],
      ['O-1009', 'Manual', true, ''],
      ['O-1010', 'PaymentPlan', true, ''],
      ['O-1011', 'BillingRules', true, 'line 2: progress 30 % < 50 %'],
      ['O-1012', 'Rules', true, ''],
      ['O-1013', 'Billed', false, 'the order is closed (BillingMode Billed)'],
      ['O-1014', 'Rules', false, 'no project yet'],
    ]);
  });

  test('OrderStatus money of the new orders: billed, unbilled, cost, margin', () => {
    const money = (orderId: string) => {
      const o = statusOf(orderId);
      return [o.progress.toString(), o.billed.toFixed(2), o.unbilled.toFixed(2), o.cost.toFixed(2), o.margin.toFixed(2)];
    };
    expect(money('O-1005')).toEqual(['0.4', '0.00', '1080.00', '640.00', '440.00']);
    expect(money('O-1006')).toEqual(['0.15', '0.00', '237.50', '175.00', '62.50']);
    expect(money('O-1007')).toEqual(['0.65', '810.00', '890.00', '1010.00', '690.00']);
    expect(money('O-1008')).toEqual(['0.25', '0.00', '550.00', '275.00', '275.00']);
    expect(money('O-1010')).toEqual(['0.44', '5000.00', '5000.00', '880.00', '9120.00']);
    expect(money('O-1011')).toEqual(['0.51', '720.00', '900.00', '960.00', '660.00']);
    expect(money('O-1012')).toEqual(['0.3', '996.00', '0.00', '600.00', '396.00']);
    expect(money('O-1013')).toEqual(['1', '0.00', '0.00', '105.00', '-105.00']);
    expect(money('O-1014')).toEqual(['0', '0.00', '0.00', '0.00', '0.00']);
  });

  test('orders that wait issue no invoice and leave their time unmarked', () => {
    for (const order of ['O-1005', 'O-1006', 'O-1008', 'O-1013', 'O-1014']) expect(result.invoices.some((i) => i.source === order)).toBe(false);
    for (const waiting of ['E-3051', 'E-3052', 'E-3061', 'E-3073', 'E-3074', 'E-3081', 'E-3112']) expect(billedEntryIds()).not.toContain(waiting);
    expect(billedEntryIds()).toEqual(expect.arrayContaining(['E-3071', 'E-3072', 'E-3091', 'E-3092', 'E-3093', 'E-3094', 'E-3111']));
  });

  test('SubprojectBasis bills the Completed Planning subproject only, its collector time included', () => {
    const invoice = invoiceFor(result, 'O-1007');
    expect(rowsOf(invoice)).toEqual([
      ['Consulting', '6.00', '120.00', '720.00'],
      ['Project management', '1.00', '90.00', '90.00'],
    ]);
    expect(invoice.rows.flatMap((r) => r.entryIds)).toEqual(['E-3071', 'E-3072']);
  });

  test('Manual with BillNow bills one row per item group (ByGroups)', () => {
    expect(rowsOf(invoiceFor(result, 'O-1009'))).toEqual([
      ['Consulting', '5.00', '', '550.00'],
      ['Engineering', '8.00', '', '820.00'],
    ]);
  });

  test('the payment plan bills the two installments due by the billing date; its time is costed, not invoiced', () => {
    const invoice = invoiceFor(result, 'O-1010');
    expect(rowsOf(invoice)).toEqual([
      ['Down payment on signing', '1.00', '1500.00', '1500.00'],
      ['Design approved (35 %)', '1.00', '3500.00', '3500.00'],
    ]);
    expect([invoice.net.toFixed(2), invoice.tax.toFixed(2), invoice.gross.toFixed(2)]).toEqual(['5000.00', '950.00', '5950.00']);
    expect(result.invoiceNoUpdates.filter((u) => u.table === 'PaymentPlan').map((u) => [u.index, u.invoiceNo])).toEqual([
      [0, invoice.invoiceNo],
      [1, invoice.invoiceNo],
    ]);
    expect(billedEntryIds()).not.toContain('E-3101');
    expect(billedEntryIds()).not.toContain('E-3102');
  });

  test('BillingRules bills the line whose BillAtStatus is reached; the line below its BillAtProgress waits', () => {
    const invoice = invoiceFor(result, 'O-1011');
    expect(rowsOf(invoice)).toEqual([['Consulting', '6.00', '120.00', '720.00']]);
    expect(invoice.rows.flatMap((r) => r.entryIds)).toEqual(['E-3111']);
  });

  test('AsBudgeted bills 30 % of each line on one Development row, recorded per line item', () => {
    const invoice = invoiceFor(result, 'O-1012');
    expect(rowsOf(invoice)).toEqual([['Development', '9.60', '', '996.00']]);
    expect([invoice.net.toFixed(2), invoice.tax.toFixed(2), invoice.gross.toFixed(2)]).toEqual(['996.00', '189.24', '1185.24']);
    expect(invoice.rows[0].parts?.map((p) => [p.lineItem, p.quantity.toFixed(2), p.unitPrice.toFixed(2), p.amount.toFixed(2)])).toEqual([
      ['O-1012/1', '6.00', '100.00', '600.00'],
      ['O-1012/2', '3.60', '110.00', '396.00'],
    ]);
    expect(billedEntryIds()).not.toContain('E-3121');
    expect(billedEntryIds()).not.toContain('E-3122');
  });

  test('"Create all projects" finds every project the sample types by hand and makes only O-1014\'s', () => {
    const read = checkBillingWorkbook(raw);
    if (!read.workbook) throw new Error('sample has input issues');
    const made = createAllProjects(read.workbook);
    expect(made.issues).toEqual([]);
    expect(made.nodes.map((n) => [n.nodeId, n.parentId, n.kind, n.orderId, n.lineItem, n.section])).toEqual([
      ['P-O-1014', '', 'MainProject', 'O-1014', '', ''],
      ['P-O-1014-1', 'P-O-1014', 'WorkPackage', 'O-1014', 'O-1014/1', ''],
      ['P-O-1014-2', 'P-O-1014', 'WorkPackage', 'O-1014', 'O-1014/2', ''],
    ]);
    const after = runBilling(withNewNodes(read.workbook, made.nodes), { billingDate: dayFromIso(SAMPLE_BILLING_DATE) as number, preview: true });
    expect(after.orderStatus.find((o) => o.orderId === 'O-1014')).toMatchObject({ canBill: true, reason: '' });
  });

  test('new time on the Billed order is an OrderBilled exception', () => {
    expect(result.exceptions.filter((e) => e.reason === 'OrderBilled').map((e) => [e.entryId, e.nodeId, (e.seconds / 3600).toFixed(2)])).toEqual([
      ['E-3131', 'P-1013-W1', '1.50'],
    ]);
  });
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
    // Expired and rolled over into AG-105: never flagged low, though 0 h is below the threshold.
    ['AG-104', '0.00', '-3.00', '7.00', '0.00', '0.00', false, '0.00'],
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

describe('the sample invoices are documents a customer can receive', () => {
  test('every invoice sheet carries seller, buyer, number, date, service period, due date, rows, totals, payment details and footer', async () => {
    const { buildResultTables } = await import('../../src/engine/resultTables');
    const layout = buildResultTables(result);
    expect(layout.invoiceSheets).toHaveLength(result.invoices.length);
    layout.invoiceSheets.forEach((sheet, i) => {
      const invoice = result.invoices[i];
      const texts = sheet.grid.flatMap((row) => row.map((c) => (c === null ? '' : String(c.value ?? ''))));
      const german = invoice.buyer?.language === 'de';
      const has = (text: string) => expect({ sheet: sheet.sheetName, has: texts.includes(text) }).toEqual({ sheet: sheet.sheetName, has: true });
      has('Nordwind Consulting GmbH');
      has('VAT ID DE123456789'.replace('VAT ID', german ? 'USt-IdNr.' : 'VAT ID'));
      has(invoice.buyer!.name);
      has(invoice.invoiceNo);
      has(String(invoice.date));
      has(String(invoice.periodFrom));
      has(String(invoice.dueDate));
      has(invoice.source);
      has('IBAN DE02 1203 0000 0000 2020 51');
      has('BIC BYLADEM1001');
      has(`${german ? 'Verwendungszweck' : 'Reference'} ${invoice.invoiceNo}`);
      has('Nordwind Consulting GmbH · Managing director Volker Vorstand · Amtsgericht Kiel HRB 12345');
      for (const row of invoice.rows) has(row.description);
      expect(sheet.print).toMatchObject({ paperSize: 'A4', fitToWidth: 1, footer: german ? 'Seite &P von &N' : 'Page &P of &N' });
    });
  });

  test('the sums on each sheet equal the Invoices and InvoiceLines registers to the cent', async () => {
    const { buildResultTables } = await import('../../src/engine/resultTables');
    const layout = buildResultTables(result);
    const invoices = layout.tables.find((t) => t.name === 'Invoices')!;
    const lines = layout.tables.find((t) => t.name === 'InvoiceLines')!;
    const cents = (v: unknown) => Math.round((v as number) * 100);
    for (const sheet of layout.invoiceSheets) {
      const register = invoices.rows.find((r) => r[0] === sheet.sheetName)!;
      const totals = sheet.grid.filter((row) => row.length === 4 && row[0] === null && row[3] !== null).map((row) => cents(row[3]!.value));
      expect(totals).toEqual([cents(register[5]), cents(register[6]), cents(register[7])]);
      const lineSum = lines.rows.filter((r) => r[0] === sheet.sheetName).reduce((sum, r) => sum + cents(r[7]), 0);
      expect(lineSum).toBe(cents(register[5]));
    }
  });

  test('Nordlicht gets its purchase-order reference, Alpenblick its 30 days in German, and the one customer without an address is a warning', () => {
    const nordlicht = invoiceFor(result, 'O-1001');
    expect([nordlicht.buyer?.name, nordlicht.buyer?.buyerReference, nordlicht.dueDate]).toEqual(['Nordlicht Medien GmbH', 'PO-2026-118', dayFromIso('2026-12-14')]);
    const alpenblick = invoiceFor(result, 'O-1003');
    expect([alpenblick.buyer?.language, alpenblick.dueDate]).toEqual(['de', dayFromIso('2026-12-30')]);
    expect(result.warnings!.map((w) => w.message)).toEqual([
      "Customer Praxis Dr. Sommer has no Address in Customers, so their invoices lack the buyer's address (Art. 226(5)); fill it in",
    ]);
  });
});
