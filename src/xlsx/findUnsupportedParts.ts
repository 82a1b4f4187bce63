/**
 * Parts of an .xlsx file that exceljs cannot carry through unchanged. Writing a file that
 * holds one of these would silently drop or damage it, so the command line refuses to
 * replace such a file in place and names what it found.
 */
import type JSZip from 'jszip';

export interface UnsupportedPart {
  /** What a user calls it ("charts"). */
  kind: string;
  /** The parts found, as paths inside the file. */
  paths: string[];
}

const KINDS: { kind: string; test: (path: string) => boolean }[] = [
  { kind: 'charts', test: (p) => p.startsWith('xl/charts/') || p.startsWith('xl/chartsheets/') },
  { kind: 'drawings or shapes', test: (p) => /^xl\/drawings\/(?!_rels\/)[^/]+\.(xml|vml)$/.test(p) && !/^xl\/drawings\/vmlDrawing\d*\.vml$/.test(p) },
  { kind: 'pivot tables', test: (p) => p.startsWith('xl/pivotTables/') },
  { kind: 'pivot caches', test: (p) => p.startsWith('xl/pivotCache/') },
  { kind: 'macros (VBA project)', test: (p) => /(^|\/)vbaProject\.bin$/i.test(p) || /(^|\/)vbaProjectSignature/i.test(p) },
  { kind: 'Excel 4 macro sheets or dialog sheets', test: (p) => p.startsWith('xl/macrosheets/') || p.startsWith('xl/dialogsheets/') },
  { kind: 'slicers', test: (p) => p.startsWith('xl/slicers/') || p.startsWith('xl/slicerCaches/') },
  { kind: 'timelines', test: (p) => p.startsWith('xl/timelines/') || p.startsWith('xl/timelineCaches/') },
  { kind: 'external links', test: (p) => p.startsWith('xl/externalLinks/') },
  { kind: 'custom XML', test: (p) => p.startsWith('customXml/') },
  { kind: 'data connections or queries', test: (p) => p === 'xl/connections.xml' || p.startsWith('xl/queryTables/') || p.startsWith('xl/model/') },
  { kind: 'embedded objects or controls', test: (p) => p.startsWith('xl/embeddings/') || p.startsWith('xl/activeX/') || p.startsWith('xl/ctrlProps/') },
  { kind: 'threaded comments', test: (p) => p.startsWith('xl/threadedComments/') || p.startsWith('xl/persons/') },
  { kind: 'linked data types', test: (p) => p.startsWith('xl/richData/') },
];

/** Excel 2010 sheet extensions exceljs drops; they sit in the worksheet's closing `extLst`. */
const SHEET_EXTENSIONS: { kind: string; marker: string }[] = [
  { kind: 'sparklines', marker: 'x14:sparklineGroups' },
  { kind: 'data validation lists drawing from other sheets', marker: 'x14:dataValidations' },
];

/** How much of a worksheet's end to search: the extLst follows all cell data. */
const SHEET_TAIL_BYTES = 256 * 1024;

export async function findUnsupportedParts(zip: JSZip): Promise<UnsupportedPart[]> {
  const paths = Object.keys(zip.files).filter((p) => !zip.files[p].dir);
  const found: UnsupportedPart[] = [];
  for (const { kind, test } of KINDS) {
    const hits = paths.filter(test).sort();
    if (hits.length > 0) found.push({ kind, paths: hits });
  }
  const sheets = paths.filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p)).sort();
  const hits = new Map<string, string[]>();
  for (const path of sheets) {
    const bytes = await zip.file(path)!.async('uint8array');
    const tail = new TextDecoder().decode(bytes.subarray(Math.max(0, bytes.length - SHEET_TAIL_BYTES)));
    for (const { kind, marker } of SHEET_EXTENSIONS) {
      if (tail.includes(marker)) hits.set(kind, [...(hits.get(kind) ?? []), path]);
    }
  }
  for (const { kind } of SHEET_EXTENSIONS) {
    const at = hits.get(kind);
    if (at) found.push({ kind, paths: at });
  }
  return found;
}

/** One line: "charts (xl/charts/chart1.xml), pivot tables (xl/pivotTables/pivotTable1.xml)". */
export function describeUnsupportedParts(parts: UnsupportedPart[]): string {
  return parts.map((p) => `${p.kind} (${p.paths.join(', ')})`).join(', ');
}
