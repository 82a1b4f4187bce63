/**
 * The firm's own template (docs/invoice-documents.md, "The firm's own template"): the fill
 * plan an adapter follows to make each invoice sheet a copy of the InvoiceTemplate sheet.
 */
import { DATE_FORMAT, MONEY_FORMAT } from '../../src/core/cellFormats';
import { dayFromIso } from '../../src/core/day';
import { Decimal, sumDecimals } from '../../src/core/money';
import type { BillingResult } from '../../src/engine/billingResult';
import { fillInvoiceTemplate, type TemplateFill } from '../../src/engine/invoiceTemplate/fillInvoiceTemplate';
import { buildCreditTables, buildResultTables, type ResultTables } from '../../src/engine/resultTables';
import { runBilling } from '../../src/engine/runBilling';
import { creditInvoice } from '../../src/engine/creditInvoice';
import type { BillingWorkbook } from '../../src/schema/model';
import { formatIssue, readBillingWorkbook } from '../../src/schema/readBillingWorkbook';
import { invoiceTemplateSheetName } from '../../src/schema/readInvoiceTemplate';
import type { CellValue, RawSheetCell, RawWorkbook } from '../../src/schema/rawTable';
import { rawTableAtA1 as table } from '../builders/rawWorkbook';

const day = (iso: string) => dayFromIso(iso)!;

const SETTINGS: [string, CellValue][] = [
  ['TaxRate', 0.19], ['InvoiceTimes', 'ByItemsPerson'], ['CompanyName', 'Nordwind Consulting GmbH'], ['Iban', 'DE02120300000000202051'],
];

/** A template with a header, the repeated row on row 6 and totals below it. */
const TEMPLATE: RawSheetCell[] = [
  { row: 1, column: 1, value: '{Seller.CompanyName}' },
  { row: 2, column: 1, value: 'Invoice {Invoice.Number} of {Invoice.Date}' },
  { row: 3, column: 1, value: 'Date' },
  { row: 3, column: 2, value: '{Invoice.Date}' },
  { row: 3, column: 3, value: '{ invoice.duedate }', numFmt: 'dd.mm.yyyy' },
  { row: 4, column: 1, value: '{Customer.LegalName}' },
  { row: 4, column: 2, value: '{Customer.VatId}' },
  { row: 5, column: 1, value: 'Description' },
  { row: 6, column: 1, value: '{Row.Description} ({Row.Person})' },
  { row: 6, column: 2, value: '{Row.Quantity}' },
  { row: 6, column: 3, value: '{Row.UnitPrice}', numFmt: '#,##0.00 "€"' },
  { row: 6, column: 4, value: '{Row.Amount}' },
  { row: 6, column: 5, value: '·' },
  { row: 8, column: 3, value: 'Net' },
  { row: 8, column: 4, value: '{Totals.Net}' },
  { row: 9, column: 3, value: 'VAT {Totals.TaxRate}' },
  { row: 9, column: 4, value: '{Totals.Tax}' },
  { row: 10, column: 4, value: '{Totals.Gross}' },
  { row: 12, column: 1, value: 'Pay to IBAN {Seller.Iban}, reference {Invoice.PaymentReference}' },
];

function raw(template: RawSheetCell[] | undefined, settings = SETTINGS): RawWorkbook {
  return {
    tables: [
      table('Settings', ['Setting', 'Value'], settings),
      table('Customers', ['Customer', 'LegalName', 'VatId', 'Language'], [['Acme', 'Acme Industries Ltd', 'GB987654321', 'en'], ['Bertha', 'Bertha Werke AG', null, 'de']]),
      table('Orders', ['OrderId', 'Customer'], [['O-1', 'Acme'], ['O-2', 'Bertha']]),
      table('LineItems', ['OrderId', 'Line', 'Item', 'UnitPrice', 'Link'], [['O-1', '1', 'Consulting', 120, 'MainProject'], ['O-2', '1', 'Beratung', 100.5, 'MainProject']]),
      table('ProjectTree', ['NodeId', 'ParentId', 'Name', 'Kind', 'OrderId'], [['P1', null, 'Acme', 'MainProject', 'O-1'], ['P2', null, 'Bertha', 'MainProject', 'O-2']]),
      table('TimeEntries', ['EntryId', 'Date', 'Person', 'NodeId', 'Hours'], [
        ['E1', '2025-01-06', 'Anna', 'P1', 1.5], ['E2', '2025-01-20', 'Ben', 'P1', 2], ['E3', '2025-01-21', 'Carla', 'P1', 0.25], ['E4', '2025-01-09', 'Ben', 'P2', 3],
      ]),
    ],
    ...(template === undefined ? {} : { invoiceTemplate: { name: 'InvoiceTemplate', cells: template } }),
  };
}

function bill(book: RawWorkbook, preview = false): BillingResult {
  const { workbook, issues } = readBillingWorkbook(book);
  expect(issues).toEqual([]);
  return runBilling(workbook!, { billingDate: day('2025-01-31'), preview });
}

const at = (fill: TemplateFill, row: number, column: number) => fill.cells.find((c) => c.row === row && c.column === column);

describe('§10 Invoice documents: an invoice sheet is the template filled for its invoice', () => {
  const result = bill(raw(TEMPLATE));
  const tables = buildResultTables(result);
  const acme = result.invoices.find((i) => i.customer === 'Acme')!;
  const fill = tables.invoiceSheets.find((s) => s.sheetName === acme.invoiceNo)!.template!;

  test('the repeated row is the one holding {Row.…} placeholders, copied once per invoice row', () => {
    expect(acme.rows).toHaveLength(3);
    expect(fill).toMatchObject({ templateSheet: 'InvoiceTemplate', repeatedRow: 6, insertedRows: 2 });
    expect([6, 7, 8].map((row) => at(fill, row, 1)?.value)).toEqual(acme.rows.map((r) => `${r.description} (${r.person})`));
  });

  test('the repeated row\'s plain cells are repeated on the inserted rows', () => {
    expect([7, 8].map((row) => at(fill, row, 5)?.value)).toEqual(['·', '·']);
    expect(at(fill, 6, 5)).toBeUndefined();
  });

  test('cells below the repeated row move down by the inserted rows; cells above stay', () => {
    expect(at(fill, 10, 4)?.value).toBe(acme.net.toNumber());
    expect(at(fill, 11, 4)?.value).toBe(acme.tax.toNumber());
    expect(at(fill, 12, 4)?.value).toBe(acme.gross.toNumber());
    expect(at(fill, 1, 1)?.value).toBe('Nordwind Consulting GmbH');
  });

  test('a date alone is a date serial, formatted as a date unless the template cell has its own format', () => {
    expect(at(fill, 3, 2)).toEqual({ row: 3, column: 2, value: day('2025-01-31'), numFmt: DATE_FORMAT });
    expect(at(fill, 3, 3)).toEqual({ row: 3, column: 3, value: acme.dueDate });
  });

  test('an amount alone is a number, formatted as money unless the template cell has its own format', () => {
    const rowCells = [6, 7, 8].map((row) => at(fill, row, 4)!);
    expect(rowCells.map((c) => c.value)).toEqual(acme.rows.map((r) => r.amount.toNumber()));
    expect(rowCells.every((c) => c.numFmt === MONEY_FORMAT)).toBe(true);
    expect(at(fill, 6, 3)).toEqual({ row: 6, column: 3, value: 120 });
  });

  test('the rows on the sheet add up to the net, the tax and the gross of the Invoices register, to the cent', () => {
    const amounts = [6, 7, 8].map((row) => new Decimal(at(fill, row, 4)!.value as number));
    const register = tables.tables.find((t) => t.name === 'Invoices')!.rows.find((r) => r[0] === acme.invoiceNo)!;
    expect(sumDecimals(amounts).toFixed(2)).toBe(new Decimal(register[5] as number).toFixed(2));
    expect(new Decimal(at(fill, 10, 4)!.value as number).plus(at(fill, 11, 4)!.value as number).toFixed(2)).toBe(new Decimal(register[7] as number).toFixed(2));
  });

  test('text around placeholders makes a text cell, dates in it as yyyy-mm-dd and the rate in percent', () => {
    expect(at(fill, 2, 1)?.value).toBe(`Invoice ${acme.invoiceNo} of 2025-01-31`);
    expect(at(fill, 11, 3)?.value).toBe('VAT 19 %');
    expect(at(fill, 14, 1)?.value).toBe(`Pay to IBAN DE02120300000000202051, reference ${acme.invoiceNo}`);
  });

  test('{Invoice.Period} is one date for one day, else from – to', () => {
    const period = (iso: string[]) => fillInvoiceTemplate({ sheet: 'T', cells: [{ row: 1, column: 1, value: '', parts: [{ placeholder: 'Invoice.Period' }] }] },
      { ...acme, periodFrom: day(iso[0]), periodTo: day(iso[1]) }, acme.invoiceNo).cells[0].value;
    expect(period(['2025-01-06', '2025-01-20'])).toBe('2025-01-06 – 2025-01-20');
    expect(period(['2025-01-06', '2025-01-06'])).toBe('2025-01-06');
  });

  test('an invoice without rows keeps the repeated row once, its placeholders empty', () => {
    const fill = fillInvoiceTemplate(result.invoiceTemplate!, { ...acme, rows: [] }, acme.invoiceNo);
    expect(fill.insertedRows).toBe(0);
    expect([1, 2, 3, 4].map((c) => at(fill, 6, c)?.value)).toEqual([' ()', null, null, null]);
    expect(at(fill, 8, 4)?.value).toBe(acme.net.toNumber());
  });

  test('a placeholder the invoice has no value for clears its cell', () => {
    const bertha = result.invoices.find((i) => i.customer === 'Bertha')!;
    const berthaFill = tables.invoiceSheets.find((s) => s.sheetName === bertha.invoiceNo)!.template!;
    expect(at(berthaFill, 4, 2)).toEqual({ row: 4, column: 2, value: null });
  });

  test('amounts inside text follow the invoice\'s language', () => {
    const billed = bill(raw([{ row: 1, column: 1, value: 'Summe {Totals.Gross} {Invoice.Currency}' }]));
    const bertha = billed.invoices.find((i) => i.customer === 'Bertha')!;
    const sheet = fillInvoiceTemplate(billed.invoiceTemplate!, bertha, bertha.invoiceNo);
    expect(sheet.cells[0].value).toBe(`Summe ${bertha.gross.toFixed(2).replace('.', ',')} EUR`);
    expect(bertha.gross.toFixed(2)).toBe('358.79');
  });

  test('a preview fills the template with the preview number', () => {
    const preview = buildResultTables(bill(raw(TEMPLATE), true));
    const first = preview.invoiceSheets[0];
    expect(first.sheetName).toBe('Preview Invoice 1');
    expect(at(first.template!, 2, 1)?.value).toBe('Invoice Preview 1 of 2025-01-31');
  });

  test('a credit note is a filled copy too, without a due date', () => {
    const outcome = creditInvoice(afterRun(tables), { invoiceNo: acme.invoiceNo, date: day('2025-02-03') });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const credit = buildCreditTables(outcome.result).invoiceSheets[0].template!;
    expect(at(credit, 3, 3)).toEqual({ row: 3, column: 3, value: null });
    expect(at(credit, 10, 4)?.value).toBe(-acme.net.toNumber());
  });

  test('without a template sheet, invoice sheets keep the built-in layout alone', () => {
    expect(buildResultTables(bill(raw(undefined))).invoiceSheets.every((s) => s.template === undefined)).toBe(true);
  });
});

describe('§10 Invoice documents: a template with an unknown placeholder or two repeated rows is an input error naming its cell', () => {
  test('an unknown placeholder names its cell and the placeholder it resembles', () => {
    const { workbook, issues } = readBillingWorkbook(raw([...TEMPLATE, { row: 7, column: 2, value: 'No. {Invoice.Nmber}' }]));
    expect(workbook).toBeUndefined();
    expect(issues.map(formatIssue)).toEqual([
      'InvoiceTemplate!B7: Unknown placeholder {Invoice.Nmber} (did you mean {Invoice.Number}?); the placeholders are listed in docs/invoice-documents.md, "The firm\'s own template"',
    ]);
    expect(issues[0]).toMatchObject({ code: 'BAD_PLACEHOLDER', sheet: 'InvoiceTemplate', sheetRow: 7, value: 'No. {Invoice.Nmber}' });
  });

  test('{Row.…} placeholders on a second row are refused on that row', () => {
    const { issues } = readBillingWorkbook(raw([...TEMPLATE, { row: 9, column: 1, value: '{Row.Item}' }]));
    expect(issues.map(formatIssue)).toEqual([
      'InvoiceTemplate!A9: {Row.Item} is on sheet row 9, but the row repeated per invoice row is 6; put every {Row.…} placeholder on one row',
    ]);
  });

  test('text in braces that is no Group.Name placeholder is kept as text', () => {
    const result = bill(raw([{ row: 1, column: 1, value: 'Terms {see page 2}' }]));
    expect(buildResultTables(result).invoiceSheets[0].template!.cells).toEqual([]);
  });
});

describe('§10 Invoice documents: the template sheet is the one Settings InvoiceTemplate names', () => {
  test('the template sheet is InvoiceTemplate by default', () => {
    expect(invoiceTemplateSheetName(raw(undefined))).toBe('InvoiceTemplate');
  });

  test('the name Settings gives, as the adapter must look it up', () => {
    expect(invoiceTemplateSheetName(raw(undefined, [...SETTINGS, ['Invoice Template', 'Our invoice']]))).toBe('Our invoice');
  });
});

/** The workbook after the run: its Invoices and InvoiceLines registers hold what the run issued. */
function afterRun(tables: ResultTables): BillingWorkbook {
  const book = raw(TEMPLATE);
  for (const t of tables.tables) {
    if (t.name === 'Invoices' || t.name === 'InvoiceLines') book.tables.push(table(t.name, t.columns.map((c) => c.header), t.rows));
  }
  const { workbook, issues } = readBillingWorkbook(book);
  expect(issues).toEqual([]);
  return workbook!;
}
