/** `psa-billing generate --einvoices <dir>`: the run's e-invoices as files, named in the Invoices register. */
import { execFileSync } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { findTable } from '../../src/schema/rawTable';
import { billingWorkbook, placeWorkbook, cli } from './billingFixture';

const VALIDATOR = path.join(__dirname, '..', '..', '..', 'shared', 'einvoice', 'validate.mjs');


/** The CLI fixture (O-1 for Acme, 350.00) with a seller in Settings and Acme in Customers asking for XRechnung-CII. */
async function bookWithEInvoices(acmeFormat: string | null, settingsFormat = 'UBL'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await billingWorkbook()) as unknown as ArrayBuffer);
  wb.addWorksheet('Settings').addTable({
    name: 'Settings', ref: 'A1', columns: [{ name: 'Setting' }, { name: 'Value' }],
    rows: [
      ['CompanyName', 'Nordwind Consulting GmbH'], ['CompanyAddress', 'Hafenstraße 12\n24103 Kiel'], ['CompanyVatId', 'DE123456789'],
      ['CompanyEmail', 'billing@nordwind.example'], ['CompanyPhone', '+49 431 555 0100'], ['Iban', 'DE02120300000000202051'], ['Bic', 'BYLADEM1001'],
      ['TaxRate', 0.19], ['EInvoiceFormat', settingsFormat],
    ],
  });
  wb.addWorksheet('Customers').addTable({
    name: 'Customers', ref: 'A1',
    columns: ['Customer', 'LegalName', 'Address', 'Country', 'Email', 'BuyerReference', 'EInvoiceFormat'].map((name) => ({ name })),
    rows: [['Acme', 'Acme GmbH', 'Am Hafen 7\n20457 Hamburg', 'DE', 'invoices@acme.example', '04011000-12345-67', acmeFormat]],
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function registerCell(file: string, header: string): Promise<unknown[]> {
  const invoices = findTable(await (await XlsxWorkbook.load(await fs.readFile(file))).readTables(), 'Invoices')!;
  const col = invoices.headers.indexOf(header);
  return invoices.rows.map((r) => (col < 0 ? undefined : r[col]));
}

test("writes each invoice's e-invoice as <InvoiceNo>.xml in the customer's syntax, and the register names the file", async () => {
  const { dir, file } = await placeWorkbook(await bookWithEInvoices('XRechnung-CII'));
  const folder = path.join(dir, 'out', 'einvoices');
  const run = await cli(['generate', file, '--date', '2025-01-31', '--einvoices', folder, '--json']);
  expect(run.stderr).toContain(`Wrote 1 e-invoice to ${folder}`);
  expect(run.code).toBe(0);
  expect(await fs.readdir(folder)).toEqual(['INV-00008.xml']);
  const xml = await fs.readFile(path.join(folder, 'INV-00008.xml'), 'utf8');
  expect(xml).toContain('<rsm:CrossIndustryInvoice');
  expect(xml).toContain('urn:xeinkauf.de:kosit:xrechnung_3.0');
  expect(await registerCell(path.join(dir, 'book-billed.xlsx'), 'EInvoice')).toEqual([null, 'INV-00008.xml']);
  expect(JSON.parse(run.stdout).eInvoices).toEqual({ folder, files: [{ invoiceNo: 'INV-00008', name: 'INV-00008.xml', syntax: 'XRechnung-CII' }], warnings: [] });
  if (existsSync(VALIDATOR)) {
    expect(execFileSync(process.execPath, [VALIDATOR, path.join(folder, 'INV-00008.xml')], { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8' })).toMatch(/^ok /);
  }
});

test('a customer without its own format takes Settings EInvoiceFormat', async () => {
  const { dir, file } = await placeWorkbook(await bookWithEInvoices(null, 'UBL'));
  await cli(['generate', file, '--date', '2025-01-31', '--einvoices', dir]);
  expect(await fs.readFile(path.join(dir, 'INV-00008.xml'), 'utf8')).toContain('urn:oasis:names:specification:ubl:schema:xsd:Invoice-2');
});

test('without --einvoices nothing is written, the register still names the file, and the run says how to write it', async () => {
  const { dir, file } = await placeWorkbook(await bookWithEInvoices('CII'));
  const run = await cli(['generate', file, '--date', '2025-01-31']);
  expect(run.stderr).toContain('1 invoice of this run asks for an e-invoice (Invoices EInvoice); give --einvoices <dir> to write it');
  expect((await fs.readdir(dir)).filter((f) => f.endsWith('.xml'))).toEqual([]);
});

test('EInvoiceFormat None writes no file and leaves the column blank', async () => {
  const { dir, file } = await placeWorkbook(await bookWithEInvoices('None'));
  const run = await cli(['generate', file, '--date', '2025-01-31', '--einvoices', path.join(dir, 'x')]);
  expect(run.stderr).toContain('No invoice of this run asks for an e-invoice');
  expect(await registerCell(path.join(dir, 'book-billed.xlsx'), 'EInvoice')).toEqual([null, null]);
});

test('--einvoices with --preview is a usage error: a preview numbers nothing', async () => {
  const { file } = await placeWorkbook(await bookWithEInvoices('UBL'));
  const run = await cli(['generate', file, '--preview', '--einvoices', 'x']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('--einvoices and --preview exclude each other');
});

test("psa-billing credit --einvoices writes the credit note's e-invoice: 381, positive amounts, the credited invoice named", async () => {
  const { dir, file } = await placeWorkbook(await bookWithEInvoices('XRechnung-UBL'));
  await cli(['generate', file, '--date', '2025-01-31', '--in-place']);
  const run = await cli(['credit', file, '--invoice', 'INV-00008', '--date', '2025-02-01', '--in-place', '--einvoices', dir, '--json']);
  expect(run.stderr).toContain(`Wrote INV-00009.xml to ${dir}`);
  expect(JSON.parse(run.stdout).eInvoices.files).toEqual([{ invoiceNo: 'INV-00009', name: 'INV-00009.xml', syntax: 'XRechnung-UBL' }]);
  const xml = await fs.readFile(path.join(dir, 'INV-00009.xml'), 'utf8');
  expect(xml).toContain('<CreditNote');
  expect(xml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
  expect(xml).toContain('<cbc:ID>INV-00008</cbc:ID>');
  expect(xml).toContain('<cbc:PayableAmount currencyID="EUR">416.50</cbc:PayableAmount>');
  expect(await registerCell(file, 'EInvoice')).toEqual([null, 'INV-00008.xml', 'INV-00009.xml']);
  if (existsSync(VALIDATOR)) {
    expect(execFileSync(process.execPath, [VALIDATOR, path.join(dir, 'INV-00009.xml')], { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8' })).toMatch(/^ok /);
  }
});
