/**
 * Invoices a customer can receive (docs/invoice-documents.md): seller from Settings, buyer
 * from Customers, service period, due date, payment instructions, the words in the
 * customer's language, the print setup, and one warning per legally required blank field.
 */
import { dayFromIso } from '../../src/core/day';
import type { BillingResult } from '../../src/engine/billingResult';
import { runBilling } from '../../src/engine/runBilling';
import { buildResultTables, INVOICES_COLUMNS, type InvoiceSheet } from '../../src/engine/resultTables';
import { readBillingWorkbook } from '../../src/schema/readBillingWorkbook';
import type { CellValue, RawTable } from '../../src/schema/rawTable';
import { rawTableAtA1 as table } from '../builders/rawWorkbook';

const SELLER: [string, CellValue][] = [
  ['TaxRate', 0.19],
  ['CompanyName', 'Nordwind Consulting GmbH'],
  ['CompanyAddress', 'Hafenstraße 1\n24103 Kiel\nGermany'],
  ['CompanyVatId', 'DE123456789'],
  ['CompanyEmail', 'billing@nordwind.example'],
  ['BankName', 'Förde Sparkasse'],
  ['Iban', 'DE02120300000000202051'],
  ['Bic', 'BYLADEM1001'],
  ['PaymentTermsDays', 30],
  ['InvoiceFooter', 'Nordwind Consulting GmbH · Amtsgericht Kiel HRB 1234'],
];

const CUSTOMERS = table('Customers', ['Customer', 'LegalName', 'Address', 'Country', 'VatId', 'PaymentTermsDays', 'BuyerReference', 'Language'], [
  ['Acme', 'Acme Industries Ltd', '1 Main Street\nLondon', 'gb', 'GB987654321', null, 'PO-4711', 'en'],
  ['Bertha', 'Bertha Werke AG', 'Werkstraße 5\n20095 Hamburg', 'DE', 'DE999999999', 10, null, 'de'],
]);

function raw(settings: [string, CellValue][], extra: RawTable[] = []) {
  return {
    tables: [
      table('Settings', ['Setting', 'Value'], settings),
      table('Orders', ['OrderId', 'Customer'], [['O-1', 'Acme'], ['O-2', 'Bertha'], ['O-3', 'Carl']]),
      table('LineItems', ['OrderId', 'Line', 'Item', 'UnitPrice', 'Link'], [
        ['O-1', '1', 'Consulting', 120, 'MainProject'], ['O-2', '1', 'Beratung', 100, 'MainProject'], ['O-3', '1', 'Support', 80, 'MainProject'],
      ]),
      table('ProjectTree', ['NodeId', 'ParentId', 'Name', 'Kind', 'OrderId'], [
        ['P1', null, 'Acme', 'MainProject', 'O-1'], ['P2', null, 'Bertha', 'MainProject', 'O-2'], ['P3', null, 'Carl', 'MainProject', 'O-3'],
      ]),
      table('TimeEntries', ['EntryId', 'Date', 'Person', 'NodeId', 'Hours'], [
        ['E1', '2025-01-06', 'Anna', 'P1', 1.5], ['E2', '2025-01-20', 'Anna', 'P1', 2],
        ['E3', '2025-01-09', 'Ben', 'P2', 3], ['E4', '2025-01-10', 'Ben', 'P3', 1],
      ]),
      ...extra,
    ],
  };
}

function bill(settings: [string, CellValue][], extra: RawTable[] = []): BillingResult {
  const { workbook, issues } = readBillingWorkbook(raw(settings, extra));
  expect(issues).toEqual([]);
  return runBilling(workbook!, { billingDate: dayFromIso('2025-01-31')!, preview: false });
}

/** The sheet's cell values as text lines, columns joined by ` | `, blank rows kept. */
function textOf(sheet: InvoiceSheet): string[] {
  return sheet.grid.map((row) => row.map((c) => (c === null || c.value === null ? '' : String(c.value))).join(' | ').replace(/( \| )+$/, ''));
}

const day = (iso: string) => dayFromIso(iso)!;

describe('§10 Invoice documents: every invoice carries seller, buyer, dates and payment details', () => {
  const result = bill(SELLER, [CUSTOMERS]);
  const sheets = buildResultTables(result).invoiceSheets;
  const acme = result.invoices.find((i) => i.customer === 'Acme')!;

  test('the service period runs from the first to the last billed date; the due date adds the payment terms', () => {
    expect([acme.periodFrom, acme.periodTo, acme.dueDate]).toEqual([day('2025-01-06'), day('2025-01-20'), day('2025-03-02')]);
  });

  test("a customer's own PaymentTermsDays win over Settings", () => {
    expect(result.invoices.find((i) => i.customer === 'Bertha')!.dueDate).toBe(day('2025-02-10'));
  });

  test('a customer without a Customers row bills under its name, with Settings terms', () => {
    const carl = result.invoices.find((i) => i.customer === 'Carl')!;
    expect(carl.buyer).toEqual({ name: 'Carl', language: 'en', isKnown: false });
    expect(carl.dueDate).toBe(day('2025-03-02'));
  });

  test('the English sheet shows seller, buyer, number, dates, reference, rows, totals, payment and footer', () => {
    const sheet = sheets.find((s) => s.sheetName === acme.invoiceNo)!;
    expect(textOf(sheet)).toEqual([
      'Nordwind Consulting GmbH', 'Hafenstraße 1', '24103 Kiel', 'Germany', 'VAT ID DE123456789', 'billing@nordwind.example',
      '',
      'Bill to', 'Acme Industries Ltd', '1 Main Street', 'London', 'GB', 'VAT ID GB987654321',
      '',
      'Invoice', `Invoice number | ${acme.invoiceNo}`, `Invoice date | ${day('2025-01-31')}`,
      `Service period | ${day('2025-01-06')} | ${day('2025-01-20')}`, `Due date | ${day('2025-03-02')}`, 'Your reference | PO-4711',
      'Order | O-1', 'Currency | EUR',
      '',
      'Description | Quantity | Unit price | Amount',
      'Consulting | 3.5 | 120 | 420',
      '',
      ' |  | Net | 420', ' |  | VAT 19 % | 79.8', ' |  | Gross | 499.8',
      '',
      'Payment', 'Please pay 499.80 EUR by 2025-03-02 to:', 'Bank Förde Sparkasse', 'IBAN DE02120300000000202051', 'BIC BYLADEM1001',
      `Reference ${acme.invoiceNo}`,
      '',
      'Nordwind Consulting GmbH · Amtsgericht Kiel HRB 1234',
    ]);
  });

  test('the dates of the details block are left-aligned like the texts beside them', () => {
    const sheet = sheets.find((s) => s.sheetName === acme.invoiceNo)!;
    const details = sheet.grid.filter((row) => ['Invoice date', 'Service period', 'Due date'].includes(String(row[0]?.value)));
    const formats = details.flatMap((row) => row.slice(1).filter((c) => c !== null).map((c) => c!.numFmt));
    // A number format's `* ` fills the cell after the date with spaces: the date stands at the left.
    expect(formats).toEqual(['yyyy-mm-dd* ', 'yyyy-mm-dd* ', '"– "yyyy-mm-dd* ', 'yyyy-mm-dd* ']);
  });

  test('the sheet prints on A4, one page wide, repeating the rows header, with page n of m', () => {
    const sheet = sheets.find((s) => s.sheetName === acme.invoiceNo)!;
    const header = sheet.grid.findIndex((row) => row[0]?.value === 'Description') + 1;
    expect(sheet.print).toEqual({
      paperSize: 'A4', orientation: 'portrait', area: `A1:D${sheet.grid.length}`, titleRows: `$${header}:$${header}`,
      margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }, footer: 'Page &P of &N', fitToWidth: 1, fitToHeight: 0,
    });
  });

  test('a German customer gets the German words, also in the footer and the amount', () => {
    const bertha = result.invoices.find((i) => i.customer === 'Bertha')!;
    const lines = textOf(sheets.find((s) => s.sheetName === bertha.invoiceNo)!);
    expect(lines).toEqual(expect.arrayContaining(['Rechnungsempfänger', 'Rechnung', 'Beschreibung | Menge | Einzelpreis | Betrag',
      ' |  | USt. 19 % | 57', 'Bitte überweisen Sie 357,00 EUR bis 2025-02-10 an:', `Verwendungszweck ${bertha.invoiceNo}`]));
    expect(sheets.find((s) => s.sheetName === bertha.invoiceNo)!.print.footer).toBe('Seite &P von &N');
  });

  test('the Invoices register gains DueDate, PeriodFrom, PeriodTo, BuyerReference and Status at its right end', () => {
    // EInvoice (issue 11) follows them: the e-invoice's file name, blank for EInvoiceFormat None.
    expect(INVOICES_COLUMNS.slice(-6).map((c) => c.header)).toEqual(['DueDate', 'PeriodFrom', 'PeriodTo', 'BuyerReference', 'Status', 'EInvoice']);
    const register = buildResultTables(result).tables.find((t) => t.name === 'Invoices')!;
    const row = register.rows.find((r) => r[0] === acme.invoiceNo)!;
    expect(row.slice(-6)).toEqual([day('2025-03-02'), day('2025-01-06'), day('2025-01-20'), 'PO-4711', null, null]);
  });

  test('the sheet sums equal the register to the cent', () => {
    const register = buildResultTables(result).tables.find((t) => t.name === 'Invoices')!;
    for (const sheet of sheets) {
      const total = (...labels: string[]) => sheet.grid.find((r) => labels.includes(String(r[2]?.value)))![3]!.value;
      const row = register.rows.find((r) => r[0] === sheet.sheetName)!;
      expect([total('Net', 'Netto'), total('Gross', 'Brutto')]).toEqual([row[5], row[7]]);
    }
  });

  test('with every required field filled, the run warns only about the customer the Customers table lacks', () => {
    expect(result.warnings!.map((w) => w.code)).toEqual(['MISSING_INVOICE_FIELD']);
    expect(result.warnings![0].message).toContain('Customer Carl has no row in the Customers table');
  });
});

describe('§10 Invoice documents: missing legally required fields are warnings, once per run, never input errors', () => {
  test('without seller settings and Customers, four warnings name what to fill in', () => {
    const result = bill([]);
    expect(result.invoices).toHaveLength(3);
    expect(result.warnings!.map((w) => w.message)).toEqual([
      "Settings CompanyName is blank, so all 3 invoices of this run lack the seller's name (EU VAT Directive Art. 226(5)); add it to Settings",
      "Settings CompanyAddress is blank, so all 3 invoices of this run lack the seller's address (Art. 226(5)); add it to Settings",
      "Settings CompanyVatId and CompanyTaxNumber are blank, so all 3 invoices of this run lack the seller's VAT identification number (Art. 226(3)); add one to Settings",
      "3 customers Acme, Bertha, Carl have no row in the Customers table, so their invoices show the name alone and lack the buyer's address (Art. 226(5)); add them to Customers",
    ]);
  });

  test('a tax number instead of a VAT id is enough for the seller', () => {
    const settings = SELLER.filter(([k]) => k !== 'CompanyVatId').concat([['CompanyTaxNumber', '19/123/45678']]);
    const customers = table('Customers', ['Customer', 'Address'], [['Acme', 'x'], ['Bertha', 'y'], ['Carl', 'z']]);
    expect(bill(settings, [customers]).warnings).toEqual([]);
  });

  test('a run that issues nothing warns about nothing', () => {
    const { workbook } = readBillingWorkbook(raw([]));
    expect(runBilling(workbook!, { billingDate: dayFromIso('2025-01-01')!, preview: false }).warnings).toEqual([]);
  });
});

describe('§10 Invoice documents: the seller comes from Settings, the buyer from Customers', () => {
  test('a Customers row with a bad country, language or terms is an input error on its cell', () => {
    const customers = table('Customers', ['Customer', 'Country', 'Language', 'PaymentTermsDays'], [['Acme', 'Germany', 'fr', -3]]);
    const { issues } = readBillingWorkbook(raw([], [customers]));
    expect(issues.map((i) => i.cell).sort()).toEqual(['Customers!B2', 'Customers!C2', 'Customers!D2']);
    expect(issues[0].message).toBe('Country "Germany" is not a two-letter ISO 3166 country code like DE or AT');
  });

  test('two rows for one customer are refused as a duplicate id', () => {
    const customers = table('Customers', ['Customer'], [['Acme'], ['acme ']]);
    expect(readBillingWorkbook(raw([], [customers])).issues.map((i) => i.code)).toEqual(['DUPLICATE_ID']);
  });

  test('seller settings are read; a negative PaymentTermsDays is refused', () => {
    const { workbook } = readBillingWorkbook(raw(SELLER));
    expect(workbook!.settings).toMatchObject({ companyName: 'Nordwind Consulting GmbH', iban: 'DE02120300000000202051', paymentTermsDays: 30 });
    expect(readBillingWorkbook(raw([['PaymentTermsDays', -1]])).issues.map((i) => i.cell)).toEqual(['Settings!B2']);
  });
});
