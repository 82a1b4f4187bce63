/**
 * Table definitions read straight from a file's table parts (`xl/tables/tableN.xml`), for
 * tests that check what a written file's tables say (range, header row, filter buttons,
 * calculated columns), independently of the adapter that wrote them.
 */
import JSZip from 'jszip';

export interface TablePart {
  /** Path of the part inside the zip. */
  path: string;
  name: string;
  ref: string;
  headerRowCount: number;
  totalsRowCount: number;
  columns: string[];
  /** Columns whose filter button the user hid. */
  hiddenButtons: boolean[];
  hasAutoFilter: boolean;
  /** A column formula Excel fills down by itself (or a custom totals formula): exceljs drops both on writing. */
  hasCalculatedColumns: boolean;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) out[m[1]] = decodeXml(m[3] ?? m[4] ?? '');
  return out;
}

/** XML entities, then Excel's `_xHHHH_` escapes for characters XML cannot hold (line breaks in headers). */
function decodeXml(text: string): string {
  return text
    .replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_all, e: string) => {
      if (e === 'lt') return '<';
      if (e === 'gt') return '>';
      if (e === 'quot') return '"';
      if (e === 'apos') return "'";
      if (e === 'amp') return '&';
      return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Strips a namespace prefix so `<x:table>` reads like `<table>`. */
const tagRe = (local: string): RegExp => new RegExp(`<(?:[\\w]+:)?${local}\\b([^>]*?)(/?)>`, 'g');

export function parseTablePart(path: string, xml: string): TablePart | undefined {
  const table = tagRe('table').exec(xml);
  if (!table) return undefined;
  const a = attributes(table[1]);
  const columns: string[] = [];
  const colRe = tagRe('tableColumn');
  let m: RegExpExecArray | null;
  while ((m = colRe.exec(xml)) !== null) columns.push(attributes(m[1]).name ?? '');
  const hiddenButtons = columns.map(() => false);
  const filterRe = tagRe('filterColumn');
  while ((m = filterRe.exec(xml)) !== null) {
    const f = attributes(m[1]);
    const colId = Number(f.colId);
    if (Number.isInteger(colId) && colId >= 0 && colId < hiddenButtons.length) {
      hiddenButtons[colId] = f.hiddenButton === '1' || f.hiddenButton === 'true';
    }
  }
  return {
    path,
    name: a.name ?? a.displayName ?? '',
    ref: a.ref ?? '',
    headerRowCount: a.headerRowCount === undefined ? 1 : Number(a.headerRowCount),
    totalsRowCount: a.totalsRowCount === undefined ? 0 : Number(a.totalsRowCount),
    columns,
    hiddenButtons,
    hasAutoFilter: tagRe('autoFilter').test(xml),
    hasCalculatedColumns: /<(?:\w+:)?(calculatedColumnFormula|totalsRowFormula)\b/.test(xml),
  };
}

/** Every table part of the file, keyed by lower-cased table name. */
export async function readTableParts(zip: JSZip): Promise<Map<string, TablePart>> {
  const parts = new Map<string, TablePart>();
  const paths = Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/i.test(p));
  for (const path of paths) {
    const file = zip.file(path);
    if (!file) continue;
    const part = parseTablePart(path, await file.async('string'));
    if (part && part.name !== '') parts.set(part.name.toLowerCase(), part);
  }
  return parts;
}
