/**
 * One invoice laid out by the firm's own template (docs/invoice-documents.md, "The firm's
 * own template"): which template sheet to copy, how many copies of the repeated row to
 * insert, and the final value of every cell the copy must change. Adapter-neutral: row and
 * column numbers, values and number formats. An adapter copies the sheet (styles, merged
 * cells, widths, print setup, pictures), inserts the rows, then writes `cells`.
 */
import { DATE_FORMAT, fitCell, HOURS_FORMAT, MONEY_FORMAT, type OutputCell } from '../../core/cellFormats';
import { isoFromDay } from '../../core/day';
import { Decimal } from '../../core/money';
import { PLACEHOLDERS, type PlaceholderKind } from '../../schema/invoicePlaceholders';
import type { InvoiceTemplate, TemplateCell, TemplatePart } from '../../schema/model';
import type { Invoice, InvoiceSeller } from '../billingResult';
import { moneyText } from '../invoiceSheet';
import { PLACEHOLDER_VALUES, placeholderContext, type PlaceholderContext, type PlaceholderValue } from './placeholderValues';

/** One cell of the filled copy, at its place on the copy (below the repeated row: moved down by `insertedRows`). */
export interface TemplateFillCell {
  /** 1-based row and column on the copy. */
  row: number;
  column: number;
  value: OutputCell;
  /**
   * Number format to give the cell, keeping its other formatting. Set only when the
   * template cell has none (General) and the value needs one (a date, an amount); a
   * template cell's own format is kept by the copy.
   */
  numFmt?: string;
}

/** How one invoice sheet is made from the template. */
export interface TemplateFill {
  /** The template sheet to copy, as the workbook spells it. */
  templateSheet: string;
  /** 1-based template row holding the `{Row.…}` placeholders; absent when the template has none. */
  repeatedRow?: number;
  /**
   * Copies of the repeated row to insert directly below it, each with its formatting,
   * height and merged cells, pushing everything below down: one fewer than the invoice's
   * rows (the template's own row holds the first), 0 when it has one row or none.
   */
  insertedRows: number;
  /**
   * Every cell whose value the copy must change, by row then column: each cell that held a
   * placeholder, and on every inserted row the repeated row's other cells (their template
   * values). `null` clears a cell (a placeholder with no value on this invoice).
   */
  cells: TemplateFillCell[];
}

const DEFAULT_FORMATS: Record<PlaceholderKind, string | undefined> = {
  text: undefined,
  date: DATE_FORMAT,
  money: MONEY_FORMAT,
  hours: HOURS_FORMAT,
  percent: '0%',
};

/** The rate's format when it has fractional percent points (7.5 %). */
const FINE_PERCENT_FORMAT = '0.0#%';

export function fillInvoiceTemplate(template: InvoiceTemplate, invoice: Invoice, invoiceNo: string, seller: InvoiceSeller = {}): TemplateFill {
  const context = placeholderContext(invoice, invoiceNo, seller);
  const repeated = template.repeatedRow;
  const rowCount = invoice.rows.length;
  const insertedRows = repeated === undefined ? 0 : Math.max(rowCount - 1, 0);
  const cells: TemplateFillCell[] = [];
  for (const cell of template.cells) {
    if (cell.row === repeated) continue;
    if (cell.parts === undefined) continue;
    const row = repeated !== undefined && cell.row > repeated ? cell.row + insertedRows : cell.row;
    cells.push({ ...fillCell(cell, cell.parts, context), row, column: cell.column });
  }
  if (repeated !== undefined) {
    const rowCells = template.cells.filter((cell) => cell.row === repeated);
    for (let i = 0; i < Math.max(rowCount, 1); i++) {
      const rowContext: PlaceholderContext = { ...context, row: invoice.rows[i] };
      for (const cell of rowCells) {
        if (cell.parts !== undefined) cells.push({ ...fillCell(cell, cell.parts, rowContext), row: repeated + i, column: cell.column });
        else if (i > 0) cells.push({ row: repeated + i, column: cell.column, value: staticValue(cell) });
      }
    }
  }
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  return { templateSheet: template.sheet, ...(repeated === undefined ? {} : { repeatedRow: repeated }), insertedRows, cells };
}

/** A cell without placeholders, as an inserted row repeats it (a date read as a Date object becomes its serial). */
function staticValue(cell: TemplateCell): OutputCell {
  const { value } = cell;
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569;
  return value;
}

/** A placeholder alone in its cell is written typed; text around placeholders makes the cell text. */
function fillCell(cell: TemplateCell, parts: TemplatePart[], context: PlaceholderContext): { value: OutputCell; numFmt?: string } {
  const placeholders = parts.filter((p): p is Extract<TemplatePart, { placeholder: unknown }> => 'placeholder' in p);
  const isAlone = placeholders.length === 1 && parts.every((p) => 'placeholder' in p || p.text.trim() === '');
  if (isAlone) {
    const name = placeholders[0].placeholder;
    return typedValue(PLACEHOLDERS[name], PLACEHOLDER_VALUES[name](context), cell.numFmt);
  }
  const text = parts.map((p) => ('placeholder' in p ? valueText(PLACEHOLDERS[p.placeholder], PLACEHOLDER_VALUES[p.placeholder](context), context) : p.text)).join('');
  return { value: text.trim() === '' ? null : fitCell(text) };
}

function typedValue(kind: PlaceholderKind, value: PlaceholderValue, templateFormat: string | undefined): { value: OutputCell; numFmt?: string } {
  if (value === undefined) return { value: null };
  if (typeof value === 'string') return { value: value === '' ? null : fitCell(value) };
  const number = value instanceof Decimal ? value.toNumber() : value;
  if (templateFormat !== undefined) return { value: number };
  const numFmt = kind === 'percent' && value instanceof Decimal && !value.mul(100).isInteger() ? FINE_PERCENT_FORMAT : DEFAULT_FORMATS[kind];
  return numFmt === undefined ? { value: number } : { value: number, numFmt };
}

/** A value inside text: dates `yyyy-mm-dd`, amounts and hours with two decimals in the invoice's language, rates as `19 %`. */
function valueText(kind: PlaceholderKind, value: PlaceholderValue, { language }: PlaceholderContext): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return kind === 'date' ? isoFromDay(value) : String(value);
  if (kind === 'percent') {
    const points = value.mul(100).toString();
    return `${language === 'de' ? points.replace('.', ',') : points} %`;
  }
  return moneyText(value, language);
}
