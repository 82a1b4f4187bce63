/**
 * A short digest of the tables (and the invoice template's cells) as read, to tell whether
 * they changed between a preview and Generate. The tables on the Preview sheets (which the
 * preview itself wrote) and the input-error list are left out, so the preview's own writes
 * do not count as a change.
 */
import { isPreviewSheetName } from '../../engine';
import type { CellValue, RawWorkbook } from '../../schema/rawTable';
import { INPUT_ERRORS_SHEET } from '../../excel/ExcelWorkbook';

function isRunSheet(sheet: string): boolean {
  return isPreviewSheetName(sheet) || sheet.toLowerCase() === INPUT_ERRORS_SHEET.toLowerCase();
}

function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return `d${value.getTime()}`;
  return `${typeof value === 'string' ? 's' : typeof value === 'number' ? 'n' : 'b'}${String(value)}`;
}

/** cyrb53: a fast 53-bit string hash; two digests with different seeds make a collision negligible. */
function hash(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function tablesFingerprint(raw: RawWorkbook): string {
  const parts: string[] = [];
  const tables = raw.tables.filter((t) => !isRunSheet(t.sheet)).sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
  for (const table of tables) {
    parts.push(`\u0001${table.name}\u0002${table.sheet}\u0002${table.headerRow}\u0002${table.firstColumn}\u0002${table.headers.join('\u0003')}`);
    for (const row of table.rows) parts.push(row.map(cellText).join('\u0003'));
  }
  // The invoice template shapes the sheets Generate writes, so a change to it counts too.
  const template = raw.invoiceTemplate;
  if (template) parts.push(`\u0005${template.name}`, ...template.cells.map((c) => `${c.row}\u0003${c.column}\u0003${cellText(c.value)}\u0003${c.numFmt ?? ''}`));
  const text = parts.join('\u0004');
  return `${hash(text, 1)}-${hash(text, 2)}-${text.length}`;
}
