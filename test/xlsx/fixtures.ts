/** Small workbooks built in the test, shaped like the ones finance keeps: tables not at A1, extra columns, other sheets. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Decimal } from '../../src/core/money';
import type { BillingResult, Invoice } from '../../src/engine/billingResult';
import { dayFromIso } from '../../src/core/day';

export const day = (iso: string): number => {
  const d = dayFromIso(iso);
  if (d === undefined) throw new Error(iso);
  return d;
};

export function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** TimeEntries at B3 on sheet "Time" (no InvoiceNo column, a user column "MyNote"), Invoices at A5 on "Register", a user sheet "Notes". */
export async function fixtureWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = 'Keep this note';
  notes.getCell('B2').value = { formula: '1+2', result: 3 };
  notes.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };

  const time = wb.addWorksheet('Time');
  time.getCell('A1').value = 'Time booked';
  time.addTable({
    name: 'TimeEntries',
    ref: 'B3',
    columns: ['EntryId', 'Date', 'Person', 'NodeId', 'Hours', 'MyNote'].map((name) => ({ name, filterButton: true })),
    rows: [
      ['E1', utc('2025-01-02'), 'Anna', 'N1', 2, 'first'],
      ['E2', utc('2025-01-03'), 'Ben', 'N1', 1.5, 'second'],
      ['E3', utc('2025-01-04'), 'Anna', 'N9', 1, 'third'],
    ],
  });

  const register = wb.addWorksheet('Register');
  register.getCell('A1').value = 'Invoice register';
  register.addTable({
    name: 'Invoices',
    ref: 'A5',
    columns: ['InvoiceNo', 'Date', 'Customer', 'Source', 'Kind', 'Net', 'Tax', 'Gross', 'Currency', 'Paid'].map((name) => ({ name, filterButton: true })),
    rows: [['INV-00001', utc('2024-12-31'), 'Acme', 'O-1', 'Order', 100, 19, 119, 'EUR', 'yes']],
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Rewrites one zip entry, to shape a file the way Excel (not exceljs) writes it. */
export async function editZip(bytes: Buffer, edit: (zip: JSZip) => Promise<void> | void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'nodebuffer' });
}

export function invoice(invoiceNo: string, overrides: Partial<Invoice> = {}): Invoice {
  return {
    invoiceNo,
    date: day('2025-01-31'),
    customer: 'Acme',
    source: 'O-1',
    kind: 'Order',
    currency: 'EUR',
    taxRate: new Decimal('0.19'),
    rows: [
      {
        row: 1,
        description: 'Consulting: Anna',
        item: 'Consulting',
        person: 'Anna',
        quantity: new Decimal('2'),
        unitPrice: new Decimal('1234.5'),
        amount: new Decimal('2469.00'),
        revenueAccount: 'Professional Services',
        source: 'O-1',
        lineItem: 'O-1/10',
        entryIds: ['E1'],
      },
      {
        row: 2,
        description: 'Consulting: Ben',
        item: 'Consulting',
        person: 'Ben',
        quantity: new Decimal('1.5'),
        unitPrice: new Decimal('100'),
        amount: new Decimal('150.00'),
        revenueAccount: 'Professional Services',
        source: 'O-1',
        lineItem: 'O-1/10',
        entryIds: ['E2'],
      },
    ],
    net: new Decimal('2619.00'),
    tax: new Decimal('497.61'),
    gross: new Decimal('3116.61'),
    ...overrides,
  };
}

/** A real run over the fixture: one invoice for E1 and E2, E3 an exception. */
export function fixtureResult(overrides: Partial<BillingResult> = {}): BillingResult {
  return {
    billingDate: day('2025-01-31'),
    preview: false,
    currency: 'EUR',
    invoices: [invoice('INV-00002')],
    exceptions: [
      { entryId: 'E3', date: day('2025-01-04'), person: 'Anna', nodeId: 'N9', seconds: 3600, reason: 'UnknownNode', message: 'Node N9 does not exist.', entryIndex: 2 },
    ],
    invoiceNoUpdates: [
      { table: 'TimeEntries', index: 0, invoiceNo: 'INV-00002' },
      { table: 'TimeEntries', index: 1, invoiceNo: 'INV-00002' },
    ],
    orderStatus: [
      {
        orderId: 'O-1', customer: 'Acme', billingMode: 'Rules', canBill: true, reason: '', progress: new Decimal('0.5'),
        unbilled: new Decimal('0'), billed: new Decimal('2719.00'), cost: new Decimal('300'), margin: new Decimal('2419.00'),
      },
    ],
    agreementSummary: [],
    ...overrides,
  };
}
