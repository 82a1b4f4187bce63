/**
 * The sample's InvoiceTemplate sheet (scripts/sample/invoiceTemplateSheet.ts): billed as of the
 * demo's date, every invoice sheet is a filled copy of it, with its logo, and the figures on each
 * sheet are the Invoices and InvoiceLines registers' to the cent.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Decimal, sumDecimals } from '../../src/core/money';
import { dayFromIso } from '../../src/core/day';
import { checkBillingWorkbook } from '../../src/engine/checkBillingWorkbook';
import { runBilling } from '../../src/engine/runBilling';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { SAMPLE_BILLING_DATE } from '../../scripts/sample/sampleTables';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample.xlsx');
/** The template's repeated row and the columns of the rows' amounts and of the totals. */
const REPEATED_ROW = 17;

let wb: ExcelJS.Workbook;
beforeAll(async () => {
  const book = await XlsxWorkbook.load(fs.readFileSync(SAMPLE));
  const read = checkBillingWorkbook(await book.readTables());
  if (!read.workbook) throw new Error(read.issues.map((i) => i.message).join('; '));
  await book.writeResult(runBilling(read.workbook, { billingDate: dayFromIso(SAMPLE_BILLING_DATE)!, preview: false }));
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
});

const cents = (value: unknown) => new Decimal(value as number).toFixed(2);

test('every invoice sheet of the billed sample is a copy of the template, logo included', () => {
  const sheets = wb.worksheets.filter((w) => /^INV-\d{5}$/.test(w.name));
  expect(sheets).toHaveLength(17);
  for (const sheet of sheets) {
    // {Invoice.Title} is in the customer's language: Stadtwerke Kiel's invoices are German.
    expect({ sheet: sheet.name, title: sheet.getCell('A14').value, number: sheet.getCell('E7').value, images: sheet.getImages().length })
      .toEqual({ sheet: sheet.name, title: expect.stringMatching(new RegExp(`^(Invoice|Rechnung) ${sheet.name}$`)), number: sheet.name, images: 1 });
  }
});

test('the rows and totals on each sheet equal the Invoices and InvoiceLines registers to the cent', () => {
  const invoices = wb.getWorksheet('Invoices')!.getSheetValues().slice(2) as unknown[][];
  const lines = wb.getWorksheet('InvoiceLines')!.getSheetValues().slice(2) as unknown[][];
  for (const register of invoices) {
    const name = register[1] as string;
    const sheet = wb.getWorksheet(name)!;
    const rowCount = new Set(lines.filter((l) => l[1] === name).map((l) => l[2])).size;
    const amounts = Array.from({ length: rowCount }, (_, i) => new Decimal(sheet.getCell(`E${REPEATED_ROW + i}`).value as number));
    const totalsRow = REPEATED_ROW + rowCount + 1;
    const lineSum = sumDecimals(lines.filter((l) => l[1] === name).map((l) => new Decimal(l[8] as number)));
    expect({ name, rows: sumDecimals(amounts).toFixed(2), lines: lineSum.toFixed(2) }).toEqual({ name, rows: cents(register[6]), lines: cents(register[6]) });
    expect({ name, totals: [0, 1, 2].map((k) => cents(sheet.getCell(`E${totalsRow + k}`).value)) })
      .toEqual({ name, totals: [cents(register[6]), cents(register[7]), cents(register[8])] });
  }
});
