/**
 * The sample's InvoiceTemplate sheet: the firm's own invoice layout, which every invoice sheet
 * of a run copies with its placeholders filled (docs/invoice-documents.md, "The firm's own
 * template"). It shows what a template may hold: a logo, merged cells (the address blocks, the
 * description over two columns, the payment lines), number formats, a repeated row (row 17,
 * holding the {Row.…} placeholders) and its print setup (A4, one page wide, row 16 repeated on
 * every page, page n of m).
 */
import ExcelJS from 'exceljs';
import { LOGO_SIZE, sampleLogoPng } from './sampleLogo';

export const TEMPLATE_SHEET = 'InvoiceTemplate';

const TEAL = 'FF0F6E56';
const GREY = 'FF605E5C';
const MONEY = '#,##0.00';

/** Cells by address: a value, and optionally a font, alignment or number format. */
const CELLS: [string, string, Partial<ExcelJS.Style>?][] = [
  ['C1', '{Seller.CompanyName}', { font: { bold: true, size: 14, color: { argb: TEAL } }, alignment: { horizontal: 'right' } }],
  ['C2', '{Seller.CompanyAddress}', { alignment: { horizontal: 'right', vertical: 'top', wrapText: true } }],
  ['C5', '{Seller.CompanyEmail} · {Seller.CompanyPhone}', { font: { color: { argb: GREY }, size: 9 }, alignment: { horizontal: 'right' } }],
  ['A7', '{Customer.LegalName}', { font: { bold: true } }],
  ['A8', '{Customer.Address}', { alignment: { vertical: 'top', wrapText: true } }],
  ['A11', '{Customer.Country}'],
  ['A12', '{Customer.VatId}'],
  ['D7', 'Invoice number', { font: { bold: true } }],
  ['E7', '{Invoice.Number}', { alignment: { horizontal: 'right' } }],
  ['D8', 'Date', { font: { bold: true } }],
  ['E8', '{Invoice.Date}', { numFmt: 'yyyy-mm-dd', alignment: { horizontal: 'right' } }],
  ['D9', 'Service period', { font: { bold: true } }],
  ['E9', '{Invoice.Period}', { alignment: { horizontal: 'right' } }],
  ['D10', 'Due date', { font: { bold: true } }],
  ['E10', '{Invoice.DueDate}', { numFmt: 'yyyy-mm-dd', alignment: { horizontal: 'right' } }],
  ['D11', 'Your reference', { font: { bold: true } }],
  ['E11', '{Invoice.BuyerReference}', { alignment: { horizontal: 'right' } }],
  ['D12', 'Order / agreement', { font: { bold: true } }],
  ['E12', '{Invoice.Source}', { alignment: { horizontal: 'right' } }],
  ['A14', '{Invoice.Title} {Invoice.Number}', { font: { bold: true, size: 16, color: { argb: TEAL } } }],
  ['A16', 'Description', { font: { bold: true, color: { argb: 'FFFFFFFF' } } }],
  ['C16', 'Hours', { font: { bold: true, color: { argb: 'FFFFFFFF' } }, alignment: { horizontal: 'right' } }],
  ['D16', 'Unit price', { font: { bold: true, color: { argb: 'FFFFFFFF' } }, alignment: { horizontal: 'right' } }],
  ['E16', 'Amount {Invoice.Currency}', { font: { bold: true, color: { argb: 'FFFFFFFF' } }, alignment: { horizontal: 'right' } }],
  ['A17', '{Row.Description}', { alignment: { vertical: 'top', wrapText: true } }],
  ['C17', '{Row.Quantity}', { numFmt: '0.00', alignment: { vertical: 'top' } }],
  ['D17', '{Row.UnitPrice}', { numFmt: MONEY, alignment: { vertical: 'top' } }],
  ['E17', '{Row.Amount}', { numFmt: MONEY, alignment: { vertical: 'top' } }],
  ['D19', 'Net'],
  ['E19', '{Totals.Net}', { numFmt: MONEY }],
  ['D20', 'VAT {Totals.TaxRate}'],
  ['E20', '{Totals.Tax}', { numFmt: MONEY }],
  ['D21', 'Total', { font: { bold: true } }],
  ['E21', '{Totals.Gross}', { numFmt: MONEY, font: { bold: true }, border: { top: { style: 'thin' }, bottom: { style: 'double' } } }],
  ['A23', '{Invoice.PaymentText}', { alignment: { wrapText: true, vertical: 'top' } }],
  ['A24', '{Seller.BankName} · IBAN {Seller.Iban} · BIC {Seller.Bic} · Reference {Invoice.PaymentReference}'],
  ['A26', '{Seller.InvoiceFooter}', { font: { color: { argb: GREY }, size: 9 }, alignment: { horizontal: 'center', wrapText: true } }],
  ['A27', 'VAT ID {Seller.CompanyVatId} · Tax number {Seller.CompanyTaxNumber}', { font: { color: { argb: GREY }, size: 9 }, alignment: { horizontal: 'center' } }],
];

const MERGES = ['C1:E1', 'C2:E4', 'C5:E5', 'A8:B10', 'A14:E14', 'A16:B16', 'A17:B17', 'A23:E23', 'A24:E24', 'A26:E26', 'A27:E27'];

export function addInvoiceTemplateSheet(workbook: ExcelJS.Workbook): void {
  const ws = workbook.addWorksheet(TEMPLATE_SHEET, {
    pageSetup: {
      paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: 'A1:E27', printTitlesRow: '16:16',
      margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&CPage &P of &N' },
  });
  ws.columns = [{ width: 30 }, { width: 12 }, { width: 10 }, { width: 18 }, { width: 24 }];
  for (const [address, value, style] of CELLS) {
    const cell = ws.getCell(address);
    cell.value = value;
    if (style) Object.assign(cell, style);
  }
  for (const range of MERGES) ws.mergeCells(range);
  for (const column of ['A', 'B', 'C', 'D', 'E']) ws.getCell(`${column}16`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TEAL } };
  ws.getRow(2).height = 15;
  ws.getRow(23).height = 30;
  const logo = workbook.addImage({ buffer: sampleLogoPng() as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(logo, { tl: { col: 0.1, row: 0.2 }, ext: { width: LOGO_SIZE * 0.75, height: LOGO_SIZE * 0.75 } });
}
