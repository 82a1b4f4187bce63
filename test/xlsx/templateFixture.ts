/**
 * A small billing workbook with the firm's own invoice template, written with exceljs:
 * Acme's order bills Anna and Ben (two invoice rows), Bertha's bills Carl (one row). The
 * template has a logo at A1 and a signature picture under the totals, merged cells above,
 * in and below the repeated row (row 10), number formats, column widths, a print area and
 * print titles.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import * as path from 'path';

type Row = (string | number | boolean | Date | null)[];

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
export const LOGO_PNG = readFileSync(path.join(__dirname, '..', '..', 'assets', 'icon-64.png'));

function table(ws: ExcelJS.Worksheet, name: string, ref: string, headers: string[], rows: Row[]): void {
  ws.addTable({ name, ref, columns: headers.map((h) => ({ name: h, filterButton: true })), rows });
}

/** The template's cells, by address: what the tests change to break it. */
export const TEMPLATE_CELLS: Record<string, string> = {
  C1: '{Seller.CompanyName}',
  C2: '{Seller.CompanyAddress}',
  A5: 'Invoice',
  B5: '{Invoice.Number}',
  A6: 'Date',
  B6: '{Invoice.Date}',
  A7: 'Due',
  B7: '{Invoice.DueDate}',
  A8: 'Bill to {Customer.LegalName}',
  A9: 'Description',
  C9: 'Hours',
  D9: 'Price',
  E9: 'Amount',
  A10: '{Row.Description}',
  C10: '{Row.Quantity}',
  D10: '{Row.UnitPrice}',
  E10: '{Row.Amount}',
  A12: 'Net',
  E12: '{Totals.Net}',
  A13: 'VAT {Totals.TaxRate}',
  E13: '{Totals.Tax}',
  A14: 'Gross',
  E14: '{Totals.Gross}',
  A16: 'Please pay to IBAN {Seller.Iban}, reference {Invoice.PaymentReference}',
};

/** `withFormulas`: two formulas beside the totals (F12, F13), for the test that they follow their rows. */
export async function templateWorkbook(cells: Record<string, string> = TEMPLATE_CELLS, templateName = 'InvoiceTemplate', withFormulas = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  table(wb.addWorksheet('Settings'), 'Settings', 'A1', ['Setting', 'Value'], [
    ['TaxRate', 0.19], ['InvoiceTimes', 'ByItemsPerson'], ['CompanyName', 'Nordwind Consulting GmbH'], ['CompanyAddress', 'Hafenstraße 1\n24103 Kiel'],
    ['Iban', 'DE02120300000000202051'], ['InvoiceTemplate', templateName],
  ]);
  table(wb.addWorksheet('Orders'), 'Orders', 'A1', ['OrderId', 'Customer'], [['O-1', 'Acme'], ['O-2', 'Bertha']]);
  table(wb.addWorksheet('LineItems'), 'LineItems', 'A1', ['OrderId', 'Line', 'Item', 'UnitPrice'], [['O-1', 1, 'Consulting', 120], ['O-2', 1, 'Support', 80.5]]);
  table(wb.addWorksheet('Projects'), 'ProjectTree', 'A1', ['NodeId', 'ParentId', 'Name', 'Kind', 'OrderId', 'LineItem', 'Status'], [
    ['P1', null, 'Acme', 'MainProject', 'O-1', null, 'InProgress'], ['N1', 'P1', 'Consulting', 'WorkPackage', 'O-1', 'O-1/1', 'InProgress'],
    ['P2', null, 'Bertha', 'MainProject', 'O-2', null, 'InProgress'], ['N2', 'P2', 'Support', 'WorkPackage', 'O-2', 'O-2/1', 'InProgress'],
  ]);
  table(wb.addWorksheet('Time'), 'TimeEntries', 'A1', ['EntryId', 'Date', 'Person', 'NodeId', 'Hours'], [
    ['E1', utc('2025-01-02'), 'Anna', 'N1', 2], ['E2', utc('2025-01-03'), 'Ben', 'N1', 1.25], ['E3', utc('2025-01-09'), 'Carl', 'N2', 3],
  ]);
  addTemplateSheet(wb, templateName, cells, withFormulas);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addTemplateSheet(wb: ExcelJS.Workbook, name: string, cells: Record<string, string>, withFormulas: boolean): void {
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 30 }, { width: 12 }, { width: 10 }, { width: 12 }, { width: 14 }];
  for (const [address, value] of Object.entries(cells)) ws.getCell(address).value = value;
  if (withFormulas) {
    // Beside the totals: one over the repeated row and the blank row under it, one naming a cell below it, a text and another sheet.
    ws.getCell('F12').value = { formula: 'SUM(E10:E11)', result: 0 };
    ws.getCell('F13').value = { formula: 'IF(E12>0,"E12 ok",Settings!B2)', result: 'E12 ok' };
  }
  ws.getCell('C1').font = { bold: true, size: 14 };
  ws.getCell('C2').alignment = { wrapText: true, vertical: 'top' };
  ws.getCell('B6').numFmt = 'dd.mm.yyyy';
  ws.getCell('D10').numFmt = '#,##0.00 "€"';
  ws.getCell('A9').font = { bold: true };
  ws.getCell('E14').font = { bold: true };
  ws.mergeCells('C1:E1');
  ws.mergeCells('C2:E3');
  ws.mergeCells('A10:B10');
  ws.mergeCells('A12:D12');
  ws.mergeCells('A13:D13');
  ws.mergeCells('A14:D14');
  ws.mergeCells('A16:E16');
  const logo = wb.addImage({ buffer: LOGO_PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(logo, { tl: { col: 0, row: 0 }, ext: { width: 64, height: 64 } });
  ws.addImage(logo, { tl: { col: 3, row: 17 }, ext: { width: 32, height: 32 } });
  ws.pageSetup.printArea = 'A1:E19';
  ws.pageSetup.printTitlesRow = '9:9';
  ws.pageSetup.paperSize = 9;
  ws.pageSetup.orientation = 'portrait';
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = 1;
  ws.pageSetup.fitToHeight = 0;
}
