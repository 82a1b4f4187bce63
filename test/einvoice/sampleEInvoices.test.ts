/**
 * Every e-invoice of the bundled sample (billed as of 2026-11-30: every billing mode and
 * layout, prepaid blocks, an addition, overage) and a credit note, in all four syntaxes:
 * the CEN's own EN 16931 rules pass them (../shared/einvoice/validate.mjs), the XRechnung
 * rules that apply to this data are checked here, and each XML read back with a parser
 * equals the Invoices and InvoiceLines registers to the cent.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { checkBillingWorkbook } from '../../src/engine/checkBillingWorkbook';
import type { BillingWorkbook } from '../../src/schema/model';
import type { RawWorkbook } from '../../src/schema/rawTable';
import { runBilling } from '../../src/engine/runBilling';
import { creditInvoice } from '../../src/engine/creditInvoice';
import { dayFromIso } from '../../src/core/day';
import { Decimal } from '../../src/core/money';
import { buildCreditTables, buildResultTables, INVOICE_LINES_COLUMNS, INVOICES_COLUMNS, type OutputTable } from '../../src/engine/resultTables';
import type { BillingResult, Invoice } from '../../src/engine/billingResult';
import { buildEInvoices, type EInvoiceFile } from '../../src/einvoice/buildEInvoices';
import type { EInvoiceSyntax } from '../../src/einvoice/en16931Invoice';

// xml2js (strict mode) ships without types; the add-in manifest test reads it the same way.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xml2js = require('xml2js') as { parseStringPromise(xml: string, options?: object): Promise<Record<string, unknown>> };
const parseStringPromise = (xml: string) => xml2js.parseStringPromise(xml, { strict: true }) as Promise<Record<string, Record<string, unknown>>>;

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'assets', 'sample.xlsx');
const VALIDATOR = path.join(ROOT, '..', 'shared', 'einvoice', 'validate.mjs');
const SYNTAXES: EInvoiceSyntax[] = ['UBL', 'CII', 'XRechnung-UBL', 'XRechnung-CII'];
/**
 * The sample's customer without an address (on purpose; it takes no e-invoices, EInvoiceFormat
 * None): its e-invoices, made here in every syntax anyway, lack the buyer's address.
 */
const NO_ADDRESS_CUSTOMER = 'Praxis Dr. Sommer';

interface Billed {
  book: BillingWorkbook;
  result: BillingResult;
  creditNote: Invoice;
  /** The registers as both adapters write them: the run's rows, then the credit note's. */
  invoices: OutputTable;
  lines: OutputTable;
}

async function billSampleAndCredit(): Promise<Billed> {
  const workbook = await XlsxWorkbook.load(fs.readFileSync(SAMPLE));
  const first = checkBillingWorkbook(await workbook.readTables());
  if (!first.workbook) throw new Error('sample has input issues');
  const result = runBilling(first.workbook, { billingDate: dayFromIso('2026-11-30')!, preview: false });
  await workbook.writeResult(result);
  const raw: RawWorkbook = await workbook.readTables();
  const billed = checkBillingWorkbook(raw);
  if (!billed.workbook) throw new Error(`billed sample has issues: ${billed.issues.map((i) => i.message).join('; ')}`);
  // INV-00009: Nordlicht's O-1001, five rows of time.
  const outcome = creditInvoice(billed.workbook, { invoiceNo: 'INV-00009', date: dayFromIso('2026-12-01')!, reason: 'Wrong hours on E-1003' });
  if (!outcome.ok) throw new Error(outcome.error);
  const run = buildResultTables(result).tables;
  const credit = buildCreditTables(outcome.result).tables;
  const table = (name: string) => {
    const a = run.find((t) => t.name === name)!;
    return { ...a, rows: [...a.rows, ...credit.find((t) => t.name === name)!.rows] };
  };
  return { book: billed.workbook, result, creditNote: outcome.result.creditNote, invoices: table('Invoices'), lines: table('InvoiceLines') };
}

interface Validation { file: string; syntax: string; ok: boolean; failures: { id: string; flag: string; text: string }[] }

/** Runs the CEN rules over the files in one Node process (it is an .mjs outside the repository). */
function validate(files: string[]): Validation[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [VALIDATOR, ...files, '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    if (failed.status !== 1 || failed.stdout === undefined) throw new Error(`validate.mjs failed: ${failed.stderr ?? String(error)}`);
    out = failed.stdout;
  }
  return out.trim().split('\n').map((l) => JSON.parse(l) as Validation);
}

const hasShared = fs.existsSync(VALIDATOR);
if (!hasShared) {
  console.warn(`\n*** ${VALIDATOR} is missing: the EN 16931 validation of the e-invoices is SKIPPED. Check out ../shared beside the repository. ***\n`);
}

let billed: Billed;
const files = new Map<EInvoiceSyntax, EInvoiceFile[]>();
let dir: string;

beforeAll(async () => {
  billed = await billSampleAndCredit();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'einvoices-'));
  for (const syntax of SYNTAXES) {
    const made = buildEInvoices([...billed.result.invoices, billed.creditNote], billed.result.seller, billed.book, { syntax });
    files.set(syntax, made.files);
    fs.mkdirSync(path.join(dir, syntax));
    for (const f of made.files) fs.writeFileSync(path.join(dir, syntax, f.name), f.xml);
  }
});

afterAll(() => {
  if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
});

test('the sample gives one e-invoice per invoice and one for the credit note, in each syntax', () => {
  for (const syntax of SYNTAXES) {
    expect(files.get(syntax)!.map((f) => f.name)).toEqual([...billed.result.invoices.map((i) => `${i.invoiceNo}.xml`), 'INV-00018.xml']);
  }
  expect(billed.result.invoices.map((i) => i.kind)).toEqual(expect.arrayContaining(['Prepaid', 'Order', 'Overage']));
});

(hasShared ? describe : describe.skip)('the official EN 16931 rules (CEN validation artefacts)', () => {
  let results: Validation[];
  beforeAll(() => {
    results = validate(SYNTAXES.flatMap((s) => files.get(s)!.map((f) => path.join(dir, s, f.name))));
  });

  test('pass every e-invoice whose buyer has an address, in UBL, CII and both XRechnung syntaxes', () => {
    const noAddress = new Set(billed.result.invoices.filter((i) => i.customer === NO_ADDRESS_CUSTOMER).map((i) => `${i.invoiceNo}.xml`));
    const failing = results.filter((r) => !r.ok && !noAddress.has(path.basename(r.file)));
    expect(failing.map((r) => `${r.file}: ${r.failures.map((f) => f.id).join(', ')}`)).toEqual([]);
    expect(results.filter((r) => r.ok).length).toBe(results.length - noAddress.size * SYNTAXES.length);
  });

  test("fail the buyer without an address only on the buyer's country code (BR-11), which the run warns about", () => {
    const praxis = results.filter((r) => !r.ok);
    expect(praxis).toHaveLength(SYNTAXES.length);
    for (const r of praxis) expect(r.failures.filter((f) => f.flag !== 'warning').map((f) => f.id)).toEqual(['BR-11']);
  });
});

/** The first child of a parsed element, by local name (namespace prefixes ignored). */
function child(node: unknown, name: string): Record<string, unknown> | undefined {
  if (node === undefined || node === null || typeof node !== 'object') return undefined;
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k.replace(/^.*:/, '') === name) return (Array.isArray(v) ? v[0] : v) as Record<string, unknown>;
  }
  return undefined;
}
function children(node: unknown, name: string): Record<string, unknown>[] {
  if (node === undefined || node === null || typeof node !== 'object') return [];
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) if (k.replace(/^.*:/, '') === name) return v as Record<string, unknown>[];
  return [];
}
/** Text at a path of local names. */
function text(node: unknown, ...names: string[]): string | undefined {
  let at: unknown = node;
  for (const name of names) at = child(at, name);
  if (at === undefined) return undefined;
  return typeof at === 'string' ? at : ((at as { _?: string })._ ?? undefined);
}

interface ReadBack {
  number: string; typeCode: string; currency: string; net: string; tax: string; gross: string; payable: string;
  buyerName: string; sellerVat?: string; preceding?: string;
  lines: { id: string; quantity: string; unit: string; price: string; base?: string; net: string; name: string }[];
  buyerReference?: string; dueDate?: string; paymentTerms?: string; sellerContact: { name?: string; phone?: string; email?: string };
  buyerEndpoint?: string; sellerEndpoint?: string; iban?: string;
  customization: string; sellerCity?: string; sellerPostcode?: string; buyerCity?: string; buyerPostcode?: string; vatRate?: string;
}

async function readUbl(xml: string): Promise<ReadBack> {
  const parsed = await parseStringPromise(xml);
  const rootName = Object.keys(parsed)[0];
  const root = parsed[rootName];
  const credit = rootName.endsWith('CreditNote');
  const seller = child(child(root, 'AccountingSupplierParty'), 'Party');
  const buyer = child(child(root, 'AccountingCustomerParty'), 'Party');
  const vat = children(seller, 'PartyTaxScheme').find((s) => text(s, 'TaxScheme', 'ID') === 'VAT');
  return {
    number: text(root, 'ID')!, typeCode: text(root, credit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode')!, currency: text(root, 'DocumentCurrencyCode')!,
    net: text(root, 'LegalMonetaryTotal', 'TaxExclusiveAmount')!, tax: text(root, 'TaxTotal', 'TaxAmount')!,
    gross: text(root, 'LegalMonetaryTotal', 'TaxInclusiveAmount')!, payable: text(root, 'LegalMonetaryTotal', 'PayableAmount')!,
    buyerName: text(buyer, 'PartyLegalEntity', 'RegistrationName')!, sellerVat: text(vat, 'CompanyID'),
    preceding: text(root, 'BillingReference', 'InvoiceDocumentReference', 'ID'),
    lines: children(root, credit ? 'CreditNoteLine' : 'InvoiceLine').map((l) => {
      const q = child(l, credit ? 'CreditedQuantity' : 'InvoicedQuantity') as { _: string; $: { unitCode: string } };
      return { id: text(l, 'ID')!, quantity: q._, unit: q.$.unitCode, price: text(l, 'Price', 'PriceAmount')!, base: text(l, 'Price', 'BaseQuantity'), net: text(l, 'LineExtensionAmount')!, name: text(l, 'Item', 'Name')! };
    }),
    buyerReference: text(root, 'BuyerReference'), dueDate: text(root, 'DueDate'), paymentTerms: text(root, 'PaymentTerms', 'Note'),
    sellerContact: { name: text(seller, 'Contact', 'Name'), phone: text(seller, 'Contact', 'Telephone'), email: text(seller, 'Contact', 'ElectronicMail') },
    buyerEndpoint: text(buyer, 'EndpointID'), sellerEndpoint: text(seller, 'EndpointID'), iban: text(root, 'PaymentMeans', 'PayeeFinancialAccount', 'ID'),
    customization: text(root, 'CustomizationID')!, sellerCity: text(seller, 'PostalAddress', 'CityName'), sellerPostcode: text(seller, 'PostalAddress', 'PostalZone'),
    buyerCity: text(buyer, 'PostalAddress', 'CityName'), buyerPostcode: text(buyer, 'PostalAddress', 'PostalZone'), vatRate: text(root, 'TaxTotal', 'TaxSubtotal', 'TaxCategory', 'Percent'),
  };
}

async function readCii(xml: string): Promise<ReadBack> {
  const root = (await parseStringPromise(xml))['rsm:CrossIndustryInvoice'];
  const transaction = child(root, 'SupplyChainTradeTransaction');
  const agreement = child(transaction, 'ApplicableHeaderTradeAgreement');
  const settlement = child(transaction, 'ApplicableHeaderTradeSettlement');
  const totals = child(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation');
  const seller = child(agreement, 'SellerTradeParty');
  const buyer = child(agreement, 'BuyerTradeParty');
  const vat = children(seller, 'SpecifiedTaxRegistration').map((r) => child(r, 'ID') as unknown as { _: string; $: { schemeID: string } }).find((id) => id.$.schemeID === 'VA');
  return {
    number: text(root, 'ExchangedDocument', 'ID')!, typeCode: text(root, 'ExchangedDocument', 'TypeCode')!, currency: text(settlement, 'InvoiceCurrencyCode')!,
    net: text(totals, 'TaxBasisTotalAmount')!, tax: text(totals, 'TaxTotalAmount')!, gross: text(totals, 'GrandTotalAmount')!, payable: text(totals, 'DuePayableAmount')!,
    buyerName: text(buyer, 'Name')!, sellerVat: vat?._, preceding: text(settlement, 'InvoiceReferencedDocument', 'IssuerAssignedID'),
    lines: children(transaction, 'IncludedSupplyChainTradeLineItem').map((l) => {
      const q = child(child(l, 'SpecifiedLineTradeDelivery'), 'BilledQuantity') as { _: string; $: { unitCode: string } };
      const price = child(child(l, 'SpecifiedLineTradeAgreement'), 'NetPriceProductTradePrice');
      return {
        id: text(l, 'AssociatedDocumentLineDocument', 'LineID')!, quantity: q._, unit: q.$.unitCode, price: text(price, 'ChargeAmount')!, base: text(price, 'BasisQuantity'),
        net: text(l, 'SpecifiedLineTradeSettlement', 'SpecifiedTradeSettlementLineMonetarySummation', 'LineTotalAmount')!, name: text(l, 'SpecifiedTradeProduct', 'Name')!,
      };
    }),
    buyerReference: text(agreement, 'BuyerReference'), dueDate: text(settlement, 'SpecifiedTradePaymentTerms', 'DueDateDateTime', 'DateTimeString'),
    paymentTerms: text(settlement, 'SpecifiedTradePaymentTerms', 'Description'),
    sellerContact: { name: text(seller, 'DefinedTradeContact', 'PersonName'), phone: text(seller, 'DefinedTradeContact', 'TelephoneUniversalCommunication', 'CompleteNumber'), email: text(seller, 'DefinedTradeContact', 'EmailURIUniversalCommunication', 'URIID') },
    buyerEndpoint: text(buyer, 'URIUniversalCommunication', 'URIID'), sellerEndpoint: text(seller, 'URIUniversalCommunication', 'URIID'),
    iban: text(settlement, 'SpecifiedTradeSettlementPaymentMeans', 'PayeePartyCreditorFinancialAccount', 'IBANID'),
    customization: text(root, 'ExchangedDocumentContext', 'GuidelineSpecifiedDocumentContextParameter', 'ID')!,
    sellerCity: text(seller, 'PostalTradeAddress', 'CityName'), sellerPostcode: text(seller, 'PostalTradeAddress', 'PostcodeCode'),
    buyerCity: text(buyer, 'PostalTradeAddress', 'CityName'), buyerPostcode: text(buyer, 'PostalTradeAddress', 'PostcodeCode'), vatRate: text(settlement, 'ApplicableTradeTax', 'RateApplicablePercent'),
  };
}

const readBack = (syntax: EInvoiceSyntax, xml: string) => (syntax.endsWith('UBL') ? readUbl(xml) : readCii(xml));

/** A register cell as money text, the sign turned for a credit note (EN 16931 writes 381 with positive amounts). */
function cents(value: unknown, credit: boolean): string {
  const d = new Decimal(value as number);
  return (credit ? d.negated() : d).toFixed(2);
}

describe.each(SYNTAXES)('%s read back with a parser', (syntax) => {
  test('totals, parties and the preceding invoice equal the Invoices register to the cent', async () => {
    const col = (h: string) => INVOICES_COLUMNS.findIndex((c) => c.header === h);
    for (const f of files.get(syntax)!) {
      const doc = await readBack(syntax, f.xml);
      const row = billed.invoices.rows.find((r) => r[0] === f.invoiceNo)!;
      const credit = row[col('Kind')] === 'Credit';
      expect([doc.number, doc.typeCode, doc.currency]).toEqual([row[0], credit ? '381' : '380', row[col('Currency')]]);
      expect([doc.net, doc.tax, doc.gross, doc.payable]).toEqual(['Net', 'Tax', 'Gross', 'Gross'].map((h) => cents(row[col(h)], credit)));
      const invoice = [...billed.result.invoices, billed.creditNote].find((i) => i.invoiceNo === f.invoiceNo)!;
      expect(doc.buyerName).toBe(invoice.buyer!.name);
      expect(doc.sellerVat).toBe('DE123456789');
      expect(doc.preceding).toBe(credit ? 'INV-00009' : undefined);
    }
  });

  test('lines equal the InvoiceLines register to the cent, and quantity × price ÷ base quantity is the line net exactly (Peppol R120)', async () => {
    const col = (h: string) => INVOICE_LINES_COLUMNS.findIndex((c) => c.header === h);
    for (const f of files.get(syntax)!) {
      const doc = await readBack(syntax, f.xml);
      const credit = doc.typeCode === '381';
      const registerRows = billed.lines.rows.filter((r) => r[0] === f.invoiceNo);
      // An AsBudgeted row over several line items has one register record per line item.
      const byRow = new Map<unknown, Decimal>();
      for (const r of registerRows) byRow.set(r[col('Row')], (byRow.get(r[col('Row')]) ?? new Decimal(0)).plus(r[col('Amount')] as number));
      expect(doc.lines.map((l) => l.net)).toEqual([...byRow.values()].map((a) => cents(a.toNumber(), credit)));
      for (const l of doc.lines) {
        const product = new Decimal(l.quantity).mul(l.price).div(l.base ?? 1);
        expect(`${f.invoiceNo}/${l.id}: ${product.toFixed(2)} ${product.equals(l.net)}`).toBe(`${f.invoiceNo}/${l.id}: ${l.net} true`);
      }
    }
  });
});

test('hours are HUR, installments C62, and 20 minutes at 100.00 stay exact', async () => {
  const ubl = files.get('UBL')!;
  const units = async (no: string) => (await readUbl(ubl.find((f) => f.invoiceNo === no)!.xml)).lines.map((l) => l.unit);
  const sylt = billed.result.invoices.find((i) => i.source === 'O-1010')!;
  expect(await units(sylt.invoiceNo)).toEqual(['C62', 'C62']);
  expect(await units('INV-00009')).toEqual(['HUR', 'HUR', 'HUR', 'HUR', 'HUR']);
  expect(await units('INV-00001')).toEqual(['HUR']);
});

/**
 * The XRechnung CIUS rules (BR-DE-*) that apply to this data, checked in the XML itself;
 * the CEN artefacts leave them out.
 */
function xrechnungProblems(doc: ReadBack): string[] {
  const problems: string[] = [];
  if (doc.buyerReference === undefined) problems.push('BR-DE-15 BT-10');
  if (doc.dueDate === undefined && doc.paymentTerms === undefined) problems.push('BR-CO-25/BR-DE BT-9 or BT-20');
  if (doc.sellerContact.name === undefined || doc.sellerContact.phone === undefined || doc.sellerContact.email === undefined) problems.push('BR-DE-2/5/6/7 seller contact');
  if (doc.sellerEndpoint === undefined) problems.push('BT-34');
  if (doc.buyerEndpoint === undefined) problems.push('BT-49');
  if (doc.iban === undefined) problems.push('BR-DE-1/13 BG-16');
  if (doc.sellerCity === undefined || doc.sellerPostcode === undefined) problems.push('BR-DE-3/4 BT-37');
  if (doc.buyerCity === undefined || doc.buyerPostcode === undefined) problems.push('BR-DE-8/9 BT-52');
  if (doc.vatRate === undefined) problems.push('BR-DE-14 BT-119');
  if (doc.sellerVat === undefined) problems.push('BR-DE-16 BT-31');
  if (!doc.customization.endsWith('urn:xeinkauf.de:kosit:xrechnung_3.0')) problems.push('BR-DE-21 BT-24');
  return problems;
}

describe.each(['XRechnung-UBL', 'XRechnung-CII'] as const)('%s: the German CIUS', (syntax) => {
  test('a customer with a buyer reference and an e-mail address gets an e-invoice that meets every BR-DE rule that applies', async () => {
    for (const no of ['INV-00009', 'INV-00010', 'INV-00018']) {
      const doc = await readBack(syntax, files.get(syntax)!.find((f) => f.invoiceNo === no)!.xml);
      expect([no, xrechnungProblems(doc)]).toEqual([no, []]);
    }
  });

  test('every BR-DE rule an e-invoice misses is a warning of the run naming the business term and its cell', async () => {
    const made = buildEInvoices(billed.result.invoices, billed.result.seller, billed.book, { syntax });
    const messages = made.warnings.map((w) => w.message);
    for (const f of made.files) {
      const doc = await readBack(syntax, f.xml);
      for (const problem of xrechnungProblems(doc)) {
        const term = problem.split(' ').pop()!;
        expect([f.invoiceNo, problem, messages.some((m) => m.startsWith(term) && m.includes(f.invoiceNo))]).toEqual([f.invoiceNo, problem, true]);
      }
    }
    // Once per term and cell: Quickborn has a buyer reference but no e-mail address.
    expect(messages.filter((m) => m.startsWith('BT-49') && m.includes('Quickborn') === false).length).toBe(messages.filter((m) => m.startsWith('BT-49')).length);
    expect(made.warnings.filter((w) => w.message.startsWith('BT-10 Buyer reference'))[0].cell).toMatch(/^Customers!|^[A-Za-z']/);
  });
});

test("missing data is one warning per run naming the business term and the cell it would come from; the rest is written", () => {
  const made = buildEInvoices(billed.result.invoices, billed.result.seller, billed.book, { syntax: 'UBL' });
  expect(made.files).toHaveLength(billed.result.invoices.length);
  expect(made.warnings.map((w) => w.message)).toEqual([
    'BG-8 Buyer postal address is blank (Customers!C19), so the e-invoice INV-00002 lacks it (EN 16931 BR-10); the rest is written',
    'BT-55 Buyer country code is blank (Customers!D19), so the e-invoice INV-00002 lacks it (EN 16931 BR-11); the rest is written',
  ]);
});

test('no seller VAT id or tax number: one warning naming BT-31 and Settings CompanyVatId, for all invoices at once', () => {
  const seller = { ...billed.result.seller, vatId: undefined, taxNumber: undefined };
  const made = buildEInvoices(billed.result.invoices, seller, billed.book, { syntax: 'CII' });
  const vat = made.warnings.filter((w) => w.message.startsWith('BT-31'));
  expect(vat).toHaveLength(1);
  expect(vat[0].message).toContain('(Settings CompanyVatId), so the e-invoices INV-00001, INV-00002, INV-00003 and 14 more lack it (EN 16931 BR-S-02)');
});

test("the sample's own formats: UBL from Settings, XRechnung-CII for Nordlicht, CII for Alpenblick, none for Praxis Dr. Sommer; Nordlicht's XRechnung lacks nothing", () => {
  const made = buildEInvoices(billed.result.invoices, billed.result.seller, billed.book);
  const syntaxOf = (source: string) => made.files.find((f) => f.invoiceNo === billed.result.invoices.find((i) => i.source === source && i.kind === 'Order')!.invoiceNo)!.syntax;
  expect([syntaxOf('O-1001'), syntaxOf('O-1002'), syntaxOf('O-1003'), syntaxOf('O-1004')]).toEqual(['XRechnung-CII', 'XRechnung-CII', 'CII', 'UBL']);
  const wanted = billed.result.invoices.filter((i) => i.customer !== NO_ADDRESS_CUSTOMER);
  expect(made.files.map((f) => f.invoiceNo)).toEqual(wanted.map((i) => i.invoiceNo));
  expect(made.warnings).toEqual([]);
  const register = buildResultTables(billed.result).tables.find((t) => t.name === 'Invoices')!;
  expect(register.rows.map((r) => r[INVOICES_COLUMNS.findIndex((c) => c.header === 'EInvoice')]))
    .toEqual(billed.result.invoices.map((i) => (i.customer === NO_ADDRESS_CUSTOMER ? null : `${i.invoiceNo}.xml`)));
});

(hasShared ? test : test.skip)('every e-invoice the sample run makes, in its customer\'s own syntax, passes the CEN rules', () => {
  const made = buildEInvoices(billed.result.invoices, billed.result.seller, billed.book);
  const own = path.join(dir, 'own');
  fs.mkdirSync(own, { recursive: true });
  for (const f of made.files) fs.writeFileSync(path.join(own, f.name), f.xml);
  const results = validate(made.files.map((f) => path.join(own, f.name)));
  expect(results.filter((r) => !r.ok).map((r) => `${path.basename(r.file)}: ${r.failures.map((f) => f.id).join(', ')}`)).toEqual([]);
  expect(results).toHaveLength(billed.result.invoices.length - 1);
});

(hasShared ? test : test.skip)('an invoice taxed at 0 % is VAT exempt (category E with its reason) and passes the CEN rules in both syntaxes', () => {
  const original = billed.result.invoices.find((i) => i.source === 'O-1001')!;
  const untaxed: Invoice = { ...original, taxRate: new Decimal(0), tax: new Decimal(0), gross: original.net };
  const paths: string[] = [];
  for (const syntax of ['UBL', 'CII'] as const) {
    const [made] = buildEInvoices([untaxed], billed.result.seller, billed.book, { syntax }).files;
    expect(made.xml).toContain('Exempt from VAT');
    const file = path.join(dir, `exempt-${syntax}.xml`);
    fs.writeFileSync(file, made.xml);
    paths.push(file);
  }
  expect(validate(paths).map((r) => [path.basename(r.file), r.ok, r.failures.filter((f) => f.flag !== 'warning').map((f) => f.id)])).toEqual([
    ['exempt-UBL.xml', true, []], ['exempt-CII.xml', true, []],
  ]);
});
