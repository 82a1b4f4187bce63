/**
 * Table definitions read straight from the file's table parts (`xl/tables/tableN.xml`).
 * exceljs 4.4.0 loads tables but misreads two attributes Excel leaves at their default:
 * a missing `headerRowCount` (Excel's default, 1) comes back as "no header row", and a
 * missing `hiddenButton` as "filter button hidden". Written back as loaded, every table
 * Excel made would lose its header and filter buttons. The adapter takes these facts from
 * the parts themselves and corrects exceljs's model before it writes.
 */
import JSZip from 'jszip';
import { partFolder, relativePartPath } from './partPaths';

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

/**
 * The table part reduced to what exceljs 4.4.0 parses without stumbling: a `tableColumn`
 * with child elements (a calculated column) makes it lose the columns after it, and filter
 * kinds it does not know (`dynamicFilter`, `colorFilter`, ...) make it throw. Columns,
 * header and filter-button facts are taken from the original part (parseTablePart), so
 * nothing the adapter needs is lost here.
 */
export function simplifyTablePartXml(xml: string): string {
  return xml
    .replace(/<((?:\w+:)?filterColumn)\b[^>]*?(?:\/>|(?<!\/)>[\s\S]*?<\/\1>)/g, '')
    .replace(/<((?:\w+:)?sortState)\b[^>]*?(?:\/>|(?<!\/)>[\s\S]*?<\/\1>)/g, '')
    .replace(/<((?:\w+:)?tableColumn)\b([^>]*?)(?<!\/)>[\s\S]*?<\/\1>/g, '<$1$2/>');
}

/**
 * A relationship part with its absolute targets made relative to the part's folder
 * (`Target="/xl/tables/table1.xml"` in `xl/worksheets/_rels/sheet2.xml.rels` becomes
 * `../tables/table1.xml`). Both forms are valid; openpyxl writes the absolute one, and
 * exceljs 4.4.0 looks a sheet's tables (and comments, drawings) up by the relative form
 * only, so it found no table and failed with "Cannot read properties of undefined".
 * External targets (hyperlinks) are left alone. Undefined when nothing needed changing.
 */
export function relativeRelationshipTargets(relsPath: string, xml: string): string | undefined {
  // `xl/worksheets/_rels/sheet2.xml.rels` describes `xl/worksheets/sheet2.xml`: targets are relative to `xl/worksheets`.
  const folder = partFolder(partFolder(relsPath));
  let changed = false;
  const out = xml.replace(/<((?:\w+:)?Relationship)\b([^>]*?)(\/?)>/g, (tag: string, name: string, attrs: string, close: string) => {
    if (/\bTargetMode\s*=\s*["']External["']/.test(attrs)) return tag;
    const rewritten = attrs.replace(/(\bTarget\s*=\s*)(["'])\/([^"']*)\2/, (_all, before: string, quote: string, target: string) => {
      changed = true;
      const relative = relativePartPath(folder === '.' ? '' : folder, target);
      return `${before}${quote}${relative}${quote}`;
    });
    return `<${name}${rewritten}${close}>`;
  });
  return changed ? out : undefined;
}

/**
 * The file as exceljs can load it: table parts simplified, relationship targets made
 * relative; the same bytes when nothing needed it.
 */
export async function bytesForExcelJs(zip: JSZip, parts: Map<string, TablePart>, original: Uint8Array): Promise<Uint8Array> {
  let changed = false;
  for (const relsPath of Object.keys(zip.files).filter((p) => /(^|\/)_rels\/[^/]*\.rels$/i.test(p))) {
    const file = zip.file(relsPath);
    if (!file) continue;
    const relative = relativeRelationshipTargets(relsPath, await file.async('string'));
    if (relative !== undefined) {
      zip.file(relsPath, relative);
      changed = true;
    }
  }
  for (const part of parts.values()) {
    const file = zip.file(part.path);
    if (!file) continue;
    const xml = await file.async('string');
    const simple = simplifyTablePartXml(xml);
    if (simple !== xml) {
      zip.file(part.path, simple);
      changed = true;
    }
  }
  return changed ? zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) : original;
}
