/**
 * The firm's own invoice layout (docs/invoice-documents.md, "The firm's own template"): the
 * sheet Settings InvoiceTemplate names, read by the adapter as cells. Every `{Group.Name}`
 * must be a known placeholder and every `{Row.…}` placeholder must sit on one row, which is
 * repeated once per invoice row; anything else is an input error on its cell.
 */
import { parseText } from './cellParsers';
import type { InputIssue } from './inputIssue';
import { closestPlaceholder, findPlaceholder, isRowPlaceholder, PLACEHOLDER_PATTERN } from './invoicePlaceholders';
import { sentences, type IssueSentence } from './issueCatalogue';
import type { InvoiceTemplate, TemplateCell, TemplatePart } from './model';
import { cellAddress, findTable, headerKey, type RawSheet, type RawSheetCell, type RawWorkbook } from './rawTable';

export const DEFAULT_TEMPLATE_SHEET = 'InvoiceTemplate';

/**
 * The sheet name Settings InvoiceTemplate gives (default `InvoiceTemplate`), read straight
 * from the raw Settings table: an adapter asks for it after reading the tables, to read that
 * sheet's cells too. A bad Settings table is the schema's to report; here it gives the default.
 */
export function invoiceTemplateSheetName(raw: RawWorkbook): string {
  const settings = findTable(raw, 'Settings');
  if (settings === undefined) return DEFAULT_TEMPLATE_SHEET;
  const cSetting = settings.headers.findIndex((h) => headerKey(h ?? '') === 'setting');
  const cValue = settings.headers.findIndex((h) => headerKey(h ?? '') === 'value');
  if (cSetting < 0 || cValue < 0) return DEFAULT_TEMPLATE_SHEET;
  for (const row of settings.rows) {
    const name = parseText(row[cSetting]);
    if (typeof name !== 'string' || headerKey(name) !== 'invoicetemplate') continue;
    const value = parseText(row[cValue]);
    return typeof value === 'string' ? value : DEFAULT_TEMPLATE_SHEET;
  }
  return DEFAULT_TEMPLATE_SHEET;
}

/** True when a sheet name is the one wanted: Excel compares sheet names ignoring case. */
export function isSheetNamed(sheet: string, wanted: string): boolean {
  return sheet.toLowerCase() === wanted.trim().toLowerCase();
}

/** The checked template, or undefined when the workbook has none; issues go to `issues`. */
export function readInvoiceTemplate(raw: RawWorkbook, issues: InputIssue[]): InvoiceTemplate | undefined {
  const sheet = raw.invoiceTemplate;
  if (sheet === undefined) return undefined;
  const cells: TemplateCell[] = [];
  let repeatedRow: number | undefined;
  for (const cell of sheet.cells) {
    const parts = typeof cell.value === 'string' ? splitPlaceholders(sheet, cell, cell.value, issues) : undefined;
    const numFmt = cell.numFmt === undefined || cell.numFmt.toLowerCase() === 'general' ? undefined : cell.numFmt;
    cells.push({ row: cell.row, column: cell.column, value: cell.value, ...(numFmt === undefined ? {} : { numFmt }), ...(parts === undefined ? {} : { parts }) });
    const rowPlaceholder = parts?.find((p) => 'placeholder' in p && isRowPlaceholder(p.placeholder));
    if (rowPlaceholder === undefined) continue;
    if (repeatedRow === undefined) repeatedRow = cell.row;
    else if (repeatedRow !== cell.row) {
      const written = `{${(rowPlaceholder as { placeholder: string }).placeholder}}`;
      issues.push(templateIssue(sheet, cell, sentences.rowPlaceholderOffRow(written, cell.row, repeatedRow)));
    }
  }
  return { sheet: sheet.name, cells, ...(repeatedRow === undefined ? {} : { repeatedRow }) };
}

/** A cell's text split at its placeholders; undefined when it holds none. Unknown ones are reported. */
function splitPlaceholders(sheet: RawSheet, cell: RawSheetCell, text: string, issues: InputIssue[]): TemplatePart[] | undefined {
  const parts: TemplatePart[] = [];
  let at = 0;
  let found = false;
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const placeholder = findPlaceholder(match[1], match[2]);
    if (placeholder === undefined) {
      const written = `{${match[1]}.${match[2]}}`;
      const suggestion = closestPlaceholder(`${match[1]}.${match[2]}`);
      issues.push(templateIssue(sheet, cell, sentences.unknownPlaceholder(written, suggestion === undefined ? undefined : `{${suggestion}}`)));
      continue;
    }
    found = true;
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    parts.push({ placeholder });
    at = match.index + match[0].length;
  }
  if (!found) return undefined;
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

function templateIssue(sheet: RawSheet, cell: RawSheetCell, { code, message }: IssueSentence): InputIssue {
  return {
    code,
    table: sheet.name,
    sheet: sheet.name,
    cell: cellAddress(sheet.name, cell.row, cell.column),
    sheetRow: cell.row,
    value: cell.value,
    message,
  };
}
