/**
 * One invoice as a printable sheet (docs/invoice-documents.md): seller, buyer, number and
 * dates, the rows, the totals, payment instructions and footer, in the customer's language,
 * with its print setup (A4, one page wide, the rows' header repeated on every page, page
 * "n of m" in the footer). Data only: both adapters write exactly this.
 */
import type { Invoice, InvoiceSeller } from './billingResult';
import { DATE_FORMAT, fitCell, HOURS_FORMAT, MONEY_FORMAT, type OutputCell } from '../core/cellFormats';
import { isoFromDay } from '../core/day';
import type { Decimal } from '../core/money';
import { invoiceLabels, type InvoiceLabels } from './invoiceLabels';
import type { TemplateFill } from './invoiceTemplate/fillInvoiceTemplate';

export interface GridCell {
  value: OutputCell;
  numFmt?: string;
  bold?: boolean;
}

/** Page margins in inches, as Excel's Page Setup shows them. */
export interface PageMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

/** How an invoice sheet prints: always A4 portrait, one page wide, as many pages long as it needs. */
export interface PrintSetup {
  paperSize: 'A4';
  orientation: 'portrait';
  /** `A1:D40`: the whole invoice. */
  area: string;
  /** `$21:$21`: the rows' header, repeated at the top of every following page. */
  titleRows: string;
  margins: PageMargins;
  /** Centre footer in Excel's codes: `Page &P of &N`. */
  footer: string;
  fitToWidth: 1;
  /** 0: as many pages long as the rows need. */
  fitToHeight: 0;
}

/** One invoice as a small printable sheet; `grid[r][c]` is sheet row r+1, column c+1. */
export interface InvoiceSheet {
  sheetName: string;
  grid: (GridCell | null)[][];
  /** Suggested column widths in characters, left to right. */
  columnWidths: number[];
  print: PrintSetup;
  /**
   * The firm's own template filled for this invoice (docs/invoice-documents.md, "The firm's
   * own template"): when set, the adapter writes a copy of the template sheet instead of
   * `grid`, `columnWidths` and `print`, which keep the built-in layout.
   */
  template?: TemplateFill;
}

export const INVOICE_COLUMN_WIDTHS = [48, 12, 14, 16];
export const INVOICE_MARGINS: PageMargins = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/**
 * Dates of the details block, left-aligned like the texts beside them: `* ` repeats a space
 * after the date to fill the cell, which Excel and LibreOffice both honour (a number format
 * cannot otherwise align, and the layout carries no alignment).
 */
export const DETAIL_DATE_FORMAT = `${DATE_FORMAT}* `;
/** A service period's end, shown beside its start. */
const PERIOD_END_FORMAT = `"– "${DETAIL_DATE_FORMAT}`;

type Row = (GridCell | null)[];

const money = (d: Decimal | undefined): OutputCell => (d === undefined ? null : d.toNumber());
const bold = (value: OutputCell): GridCell => ({ value, bold: true });
const plain = (value: OutputCell): GridCell => ({ value });
const lines = (text: string | undefined): string[] => (text === undefined ? [] : text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== ''));

/** `1,234.56` (en) or `1.234,56` (de), for the payment sentence. */
export function moneyText(amount: Decimal, language: 'en' | 'de'): string {
  const [whole, cents] = amount.abs().toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'de' ? '.' : ',');
  return `${amount.isNegative() ? '-' : ''}${grouped}${language === 'de' ? ',' : '.'}${cents}`;
}

function sellerRows(seller: InvoiceSeller, words: InvoiceLabels): Row[] {
  const rows: Row[] = [];
  if (seller.name !== undefined) rows.push([bold(seller.name)]);
  for (const line of lines(seller.address)) rows.push([plain(line)]);
  if (seller.vatId !== undefined) rows.push([plain(`${words.vatId} ${seller.vatId}`)]);
  if (seller.taxNumber !== undefined) rows.push([plain(`${words.taxNumber} ${seller.taxNumber}`)]);
  if (seller.email !== undefined) rows.push([plain(seller.email)]);
  if (seller.phone !== undefined) rows.push([plain(`${words.phone} ${seller.phone}`)]);
  return rows;
}

function buyerRows(invoice: Invoice, words: InvoiceLabels): Row[] {
  const buyer = invoice.buyer ?? { name: invoice.customer, language: 'en' as const, isKnown: false };
  const rows: Row[] = [[bold(words.billTo)], [plain(buyer.name)]];
  for (const line of lines(buyer.address)) rows.push([plain(line)]);
  if (buyer.country !== undefined) rows.push([plain(buyer.country)]);
  if (buyer.vatId !== undefined) rows.push([plain(`${words.vatId} ${buyer.vatId}`)]);
  return rows;
}

function detailRows(invoice: Invoice, invoiceNo: string, words: InvoiceLabels): Row[] {
  const date = (day: number | undefined, numFmt = DETAIL_DATE_FORMAT): GridCell | null => (day === undefined ? null : { value: day, numFmt });
  const rows: Row[] = [[{ value: invoice.kind === 'Credit' ? words.creditNote : words.invoice, bold: true }]];
  if (invoice.credits !== undefined) {
    rows.push([plain(words.creditNoteFor(invoice.credits.invoiceNo))]);
    if (invoice.credits.reason !== undefined) rows.push([plain(`${words.reason}: ${invoice.credits.reason}`)]);
  }
  rows.push([bold(words.invoiceNumber), plain(invoiceNo)]);
  rows.push([bold(words.invoiceDate), date(invoice.date)]);
  const { periodFrom, periodTo } = invoice;
  if (periodFrom !== undefined) {
    rows.push([bold(words.servicePeriod), date(periodFrom), periodTo !== undefined && periodTo !== periodFrom ? date(periodTo, PERIOD_END_FORMAT) : null]);
  }
  if (invoice.dueDate !== undefined && invoice.kind !== 'Credit') rows.push([bold(words.dueDate), date(invoice.dueDate)]);
  if (invoice.buyer?.buyerReference !== undefined) rows.push([bold(words.buyerReference), plain(invoice.buyer.buyerReference)]);
  rows.push([bold(invoice.kind === 'Order' ? words.order : words.sourceOf(invoice.kind)), plain(invoice.source)]);
  rows.push([bold(words.currency), plain(invoice.currency)]);
  return rows;
}

function itemRows(invoice: Invoice): Row[] {
  return invoice.rows.map((r) => [
    plain(fitCell(r.description)),
    { value: money(r.quantity), numFmt: HOURS_FORMAT },
    { value: money(r.unitPrice), numFmt: MONEY_FORMAT },
    { value: money(r.amount), numFmt: MONEY_FORMAT },
  ]);
}

function totalRows(invoice: Invoice, words: InvoiceLabels): Row[] {
  const ratePoints = invoice.taxRate.mul(100).toString();
  return [
    [null, null, bold(words.net), { value: money(invoice.net), numFmt: MONEY_FORMAT }],
    [null, null, bold(`${words.tax} ${ratePoints} %`), { value: money(invoice.tax), numFmt: MONEY_FORMAT }],
    [null, null, bold(words.gross), { value: money(invoice.gross), numFmt: MONEY_FORMAT, bold: true }],
  ];
}

function paymentRows(invoice: Invoice, invoiceNo: string, seller: InvoiceSeller, words: InvoiceLabels): Row[] {
  const language = invoice.buyer?.language ?? 'en';
  if (invoice.kind === 'Credit') return [[bold(words.payment)], [plain(words.creditSettled)]];
  const due = invoice.dueDate === undefined ? '' : isoFromDay(invoice.dueDate);
  const rows: Row[] = [[bold(words.payment)], [plain(words.pleasePay(`${moneyText(invoice.gross, language)} ${invoice.currency}`, due))]];
  if (seller.bankName !== undefined) rows.push([plain(`${words.bank} ${seller.bankName}`)]);
  if (seller.iban !== undefined) rows.push([plain(`IBAN ${seller.iban}`)]);
  if (seller.bic !== undefined) rows.push([plain(`BIC ${seller.bic}`)]);
  rows.push([plain(`${words.paymentReference} ${invoiceNo}`)]);
  return rows;
}

/** The whole invoice, top to bottom, blocks separated by a blank row. */
export function buildInvoiceSheet(invoice: Invoice, invoiceNo: string, sheetName: string, seller: InvoiceSeller = {}): InvoiceSheet {
  const words = invoiceLabels(invoice.buyer?.language ?? 'en');
  const grid: Row[] = [];
  const block = (rows: Row[]) => {
    if (rows.length === 0) return;
    if (grid.length > 0) grid.push([]);
    grid.push(...rows);
  };
  block(sellerRows(seller, words));
  block(buyerRows(invoice, words));
  block(detailRows(invoice, invoiceNo, words));
  grid.push([]);
  grid.push([bold(words.description), bold(words.quantity), bold(words.unitPrice), bold(words.amount)]);
  const headerRow = grid.length;
  grid.push(...itemRows(invoice));
  block(totalRows(invoice, words));
  block(paymentRows(invoice, invoiceNo, seller, words));
  block(lines(seller.footer).map((line) => [plain(line)]));
  return {
    sheetName,
    grid,
    columnWidths: INVOICE_COLUMN_WIDTHS,
    print: {
      paperSize: 'A4',
      orientation: 'portrait',
      area: `A1:D${grid.length}`,
      titleRows: `$${headerRow}:$${headerRow}`,
      margins: INVOICE_MARGINS,
      footer: words.pageOf,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  };
}
