/**
 * The firm's own invoice template in a file (docs/invoice-documents.md, "The firm's own
 * template"): its cells read for the schema, and one filled copy of its sheet part per
 * invoice. The copy keeps everything the template's part holds (styles, merged cells, column
 * widths, page setup, header and footer) and its drawing with the pictures (the drawing part
 * is copied, the images are shared); the repeated row is copied below itself, pushing rows,
 * merged cells, drawing anchors and page breaks below it down; then the fill plan's values
 * are written. A template is a small sheet, so its part is handled as an element tree.
 */
import type { TemplateFill, TemplateFillCell } from '../../engine/invoiceTemplate/fillInvoiceTemplate';
import { columnLetters, type RawSheetCell } from '../../schema/rawTable';
import { cellRef } from './cellXml';
import { decodeRange, encodeRange, parseCellRef, type Box } from './cellRefs';
import { cellValue, type ReadContext } from './sheetReader';
import type { StyleSheet } from './styleSheet';
import { relsPathOf, resolveTarget, type ContentTypes } from './workbookParts';
import type { ZipPackage } from './zipPackage';
import { childElements, documentXml, encodeExcelEscapes, firstChild, localName, parseXml, sibling, textOf, type XmlElement } from './xmlTree';

/** Relationships a copy does not take along: its tables (names are unique per workbook), notes and pivot tables. */
const LEFT_BEHIND = ['/table', '/comments', '/threadedComment', '/pivotTable', '/queryTable', '/slicer', '/timeline'];
/** Parts every copy shares with the template: pictures and media. */
const SHARED = ['/image', '/hdphoto', '/media', '/video', '/audio', '/oleObject', '/package'];

const endsWithAny = (type: string, ends: string[]) => ends.some((end) => type.endsWith(end));

/** The package's part names by their lower case, for parts named in another case than they are referred to. */
const namesIgnoringCase = new WeakMap<ZipPackage, Map<string, string>>();

/**
 * A part's text, its name compared ignoring case as packages name parts (a generator may write
 * `Sheet1.xml` beside `_rels/sheet1.xml.rels`).
 */
function partText(pkg: ZipPackage, path: string): string | undefined {
  const exact = pkg.text(path);
  if (exact !== undefined) return exact;
  let names = namesIgnoringCase.get(pkg);
  if (!names) namesIgnoringCase.set(pkg, (names = new Map(pkg.names().map((n) => [n.toLowerCase(), n]))));
  const found = names.get(path.toLowerCase());
  return found === undefined ? undefined : pkg.text(found);
}

// ---- reading ------------------------------------------------------------------------

/** Every non-empty cell of the template sheet part, with its value as Excel shows it and its number format. */
export function readTemplateCells(xml: string, ctx: ReadContext): RawSheetCell[] {
  const sheetData = firstChild(parseXml(xml), 'sheetData');
  const cells: RawSheetCell[] = [];
  for (const row of sheetData ? childElements(sheetData, 'row') : []) {
    for (const c of childElements(row, 'c')) {
      const at = c.attrs.r === undefined ? undefined : parseCellRef(c.attrs.r);
      if (!at) continue;
      const s = Number(c.attrs.s ?? 0) || 0;
      const v = firstChild(c, 'v');
      const inline = firstChild(c, 'is');
      const value = cellValue(c.attrs.t, v === undefined ? undefined : textOf(v), inline === undefined ? undefined : inlineText(inline), s, ctx);
      if (value === null || value === '') continue;
      const numFmt = ctx.styles.formatCode(s);
      cells.push({ row: at.row, column: at.column, value, ...(numFmt === undefined ? {} : { numFmt }) });
    }
  }
  return cells;
}

/** An inline string's text, its phonetic runs left out. */
function inlineText(is: XmlElement): string {
  let out = '';
  for (const child of childElements(is)) {
    const name = localName(child.name);
    if (name === 't') out += textOf(child);
    else if (name === 'r') out += childElements(child, 't').map(textOf).join('');
  }
  return out;
}

// ---- rows that move -------------------------------------------------------------------

/** Where rows go when `inserted` rows follow `repeatedRow`: rows below move down. */
export interface RowShift {
  repeatedRow: number;
  inserted: number;
}

const shiftRow = (row: number, shift: RowShift) => (row > shift.repeatedRow ? row + shift.inserted : row);

/**
 * A range after the insert, as Excel moves it when rows are inserted: each edge below the
 * repeated row moves down, so a range reaching past the repeated row grows over its copies
 * and one ending on it does not (the add-in's Excel does the same).
 */
function shiftBox(box: Box, shift: RowShift): Box {
  return { ...box, top: shiftRow(box.top, shift), bottom: shiftRow(box.bottom, shift) };
}

/** A space-separated list of ranges (`sqref`), each moved. */
function shiftRefs(refs: string, shift: RowShift): string {
  return refs.split(/\s+/).filter((r) => r !== '').map((r) => encodeRange(shiftBox(decodeRange(r), shift), columnLetters)).join(' ');
}

/**
 * A reference in a formula: a string literal (kept as it is), or an optional sheet prefix and
 * a cell, a range or a range of whole rows, not part of a name or a function call (`LOG10(`).
 */
const REFERENCE = /("(?:[^"]|"")*")|(?<![\w.$])((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(?:(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?|(\$?\d+):(\$?\d+))(?![\w(!])/g;

/**
 * A formula's references moved as the rows move (shiftBox). `prefixFor` says what becomes of
 * a reference's sheet prefix (undefined: none): the prefix to write, or null to leave the
 * reference as it is (another sheet's).
 */
function shiftReferences(formula: string, shift: RowShift, prefixFor: (prefix: string | undefined) => string | null): string {
  return formula.replace(REFERENCE, (all, literal?: string, prefix?: string, from?: string, to?: string, r1?: string, r2?: string) => {
    if (literal !== undefined) return all;
    const newPrefix = prefixFor(prefix === undefined ? undefined : prefix.slice(0, -1));
    if (newPrefix === null) return all;
    const at = newPrefix === '' ? '' : `${newPrefix}!`;
    const withRow = (ref: string, row: number) => ref.replace(/\d+$/, String(row));
    if (r1 !== undefined && r2 !== undefined) {
      const box = shiftBox({ top: Number(r1.replace('$', '')), bottom: Number(r2.replace('$', '')), left: 1, right: 1 }, shift);
      return `${at}${withRow(r1, box.top)}:${withRow(r2, box.bottom)}`;
    }
    const a = parseCellRef(from!);
    const b = to === undefined ? a : parseCellRef(to);
    if (!a || !b) return all;
    const box = shiftBox({ top: a.row, bottom: b.row, left: a.column, right: b.column }, shift);
    return to === undefined ? `${at}${withRow(from!, box.top)}` : `${at}${withRow(from!, box.top)}:${withRow(to, box.bottom)}`;
  });
}

/**
 * A defined name's formula (a print area, print titles) pointed at the copy: the template's
 * sheet name becomes the copy's, rows below the repeated row move, ranges over it grow.
 */
export function repointFormula(formula: string, templateSheet: string, copySheet: string, shift: RowShift): string {
  const quoted = `'${copySheet.replace(/'/g, "''")}'`;
  const isTemplate = (prefix: string) => prefix.replace(/^'(.*)'$/, '$1').replace(/''/g, "'").toLowerCase() === templateSheet.toLowerCase();
  return shiftReferences(formula, shift, (prefix) => (prefix === undefined ? '' : isTemplate(prefix) ? quoted : null));
}

/** A cell formula on the copy: its references to its own sheet follow the rows; other sheets' stay. */
function shiftedCellFormula(formula: string, shift: RowShift): string {
  return shiftReferences(formula, shift, (prefix) => (prefix === undefined ? '' : null));
}

// ---- the copy's sheet part ------------------------------------------------------------

/**
 * The template's sheet part made into one invoice's sheet: not selected, the repeated row
 * copied below itself, everything below moved, notes and tables left behind, the values written.
 */
export function filledSheetXml(templateXml: string, fill: TemplateFill, styles: StyleSheet, keptRelIds: Set<string>): string {
  const root = parseXml(templateXml);
  const shift: RowShift = { repeatedRow: fill.repeatedRow ?? Number.MAX_SAFE_INTEGER, inserted: fill.insertedRows };
  for (const view of childElements(firstChild(root, 'sheetViews') ?? root, 'sheetView')) delete view.attrs.tabSelected;
  // What names the template itself, Excel's revision id and its macros' code name, is not the copy's.
  for (const key of Object.keys(root.attrs)) if (key.endsWith(':uid')) delete root.attrs[key];
  const sheetPr = firstChild(root, 'sheetPr');
  if (sheetPr) delete sheetPr.attrs.codeName;
  const sheetData = firstChild(root, 'sheetData') ?? insertSheetData(root);
  if (fill.repeatedRow !== undefined && fill.insertedRows > 0) {
    insertRows(sheetData, fill.repeatedRow, shift);
    shiftFormulas(sheetData, shift);
  }
  shiftSheetRanges(root, shift);
  const rows = new Map(childElements(sheetData, 'row').map((row) => [Number(row.attrs.r), row]));
  for (const cell of fill.cells) writeCell(rowElement(sheetData, rows, cell.row), cell, styles);
  root.children = root.children.filter((c) => {
    if (typeof c === 'string') return true;
    const name = localName(c.name);
    if (name === 'tableParts') return false;
    const id = relId(c);
    return id === undefined || keptRelIds.has(id);
  });
  return documentXml(root);
}

/** The `r:id` of an element that points at a related part (`drawing`, `legacyDrawing`, `pageSetup`...). */
function relId(element: XmlElement): string | undefined {
  const key = Object.keys(element.attrs).find((k) => k.endsWith(':id') && k !== 'xml:id');
  return key === undefined ? undefined : element.attrs[key];
}

function insertSheetData(root: XmlElement): XmlElement {
  const made = sibling(root, 'sheetData');
  const at = root.children.findIndex((c) => typeof c !== 'string' && !['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols'].includes(localName(c.name)));
  root.children.splice(at < 0 ? root.children.length : at, 0, made);
  return made;
}

/** Moves every row below the repeated one down, and puts the copies of the repeated row (formats only) under it. */
function insertRows(sheetData: XmlElement, repeatedRow: number, shift: RowShift): void {
  const rows = childElements(sheetData, 'row');
  for (const row of rows) {
    const r = Number(row.attrs.r);
    if (r > repeatedRow) renumberRow(row, r + shift.inserted);
  }
  const original = rows.find((row) => Number(row.attrs.r) === repeatedRow);
  if (!original) return;
  const copies: XmlElement[] = [];
  for (let i = 1; i <= shift.inserted; i++) {
    // The row and its cells' styles, no values: the plan writes every value of the copies, and
    // formulas are not copied (a shared formula has one master).
    const cells = childElements(original, 'c').map((c): XmlElement => {
      const { t: _type, ...attrs } = c.attrs;
      return { name: c.name, attrs, children: [] };
    });
    const copy: XmlElement = { name: original.name, attrs: { ...original.attrs }, children: cells };
    renumberRow(copy, repeatedRow + i);
    copies.push(copy);
  }
  sheetData.children.splice(sheetData.children.indexOf(original) + 1, 0, ...copies);
}

function renumberRow(row: XmlElement, r: number): void {
  row.attrs.r = String(r);
  for (const c of childElements(row, 'c')) {
    const at = c.attrs.r === undefined ? undefined : parseCellRef(c.attrs.r);
    if (at) c.attrs.r = cellRef(r, at.column);
  }
}

/** Every formula of the sheet refers to the rows where they now are; a shared or array formula's range moves too. */
function shiftFormulas(sheetData: XmlElement, shift: RowShift): void {
  for (const row of childElements(sheetData, 'row')) {
    for (const c of childElements(row, 'c')) {
      const f = firstChild(c, 'f');
      if (!f) continue;
      if (f.attrs.ref !== undefined) f.attrs.ref = shiftRefs(f.attrs.ref, shift);
      const text = textOf(f);
      if (text !== '') f.children = [shiftedCellFormula(text, shift)];
    }
  }
}

/** Merged cells, conditional formats, validations, hyperlinks and page breaks follow their rows. */
function shiftSheetRanges(root: XmlElement, shift: RowShift): void {
  if (shift.inserted === 0) return;
  const dimension = firstChild(root, 'dimension');
  if (dimension?.attrs.ref !== undefined) dimension.attrs.ref = shiftRefs(dimension.attrs.ref, shift);
  const merges = firstChild(root, 'mergeCells');
  if (merges) {
    const added: XmlElement[] = [];
    for (const merge of childElements(merges, 'mergeCell')) {
      const box = decodeRange(merge.attrs.ref ?? '');
      if (box.top === shift.repeatedRow && box.bottom === shift.repeatedRow) {
        // A merge inside the repeated row is made on every copy of it.
        for (let i = 1; i <= shift.inserted; i++) added.push(sibling(merge, 'mergeCell', { ref: encodeRange({ ...box, top: box.top + i, bottom: box.bottom + i }, columnLetters) }));
      } else merge.attrs.ref = encodeRange(shiftBox(box, shift), columnLetters);
    }
    merges.children.push(...added);
    merges.attrs.count = String(childElements(merges, 'mergeCell').length);
  }
  for (const cf of childElements(root, 'conditionalFormatting')) if (cf.attrs.sqref) cf.attrs.sqref = shiftRefs(cf.attrs.sqref, shift);
  for (const dv of childElements(firstChild(root, 'dataValidations') ?? root, 'dataValidation')) if (dv.attrs.sqref) dv.attrs.sqref = shiftRefs(dv.attrs.sqref, shift);
  for (const link of childElements(firstChild(root, 'hyperlinks') ?? root, 'hyperlink')) if (link.attrs.ref) link.attrs.ref = shiftRefs(link.attrs.ref, shift);
  for (const brk of childElements(firstChild(root, 'rowBreaks') ?? root, 'brk')) if (brk.attrs.id) brk.attrs.id = String(shiftRow(Number(brk.attrs.id), shift));
}

/** One value of the plan in its cell (made when missing), keeping the cell's style; `numFmt` derives a style with that format. */
function writeCell(row: XmlElement, cell: TemplateFillCell, styles: StyleSheet): void {
  const c = cellElement(row, cell.row, cell.column);
  c.children = [];
  delete c.attrs.t;
  if (cell.numFmt !== undefined) {
    const s = styles.apply(Number(c.attrs.s ?? 0) || 0, [`numFmt:${cell.numFmt}`]);
    if (s === 0) delete c.attrs.s;
    else c.attrs.s = String(s);
  }
  const { value } = cell;
  if (value === null || value === '') return;
  if (typeof value === 'number') {
    c.children.push(sibling(c, 'v', {}, [Number.isFinite(value) ? String(value) : '0']));
  } else if (typeof value === 'boolean') {
    c.attrs.t = 'b';
    c.children.push(sibling(c, 'v', {}, [value ? '1' : '0']));
  } else {
    c.attrs.t = 'inlineStr';
    c.children.push(sibling(c, 'is', {}, [sibling(c, 't', { 'xml:space': 'preserve' }, [encodeExcelEscapes(value)])]));
  }
}

/** Row `r` of the sheet, looked up by number (an invoice may have thousands), made in its place when missing. */
function rowElement(sheetData: XmlElement, rows: Map<number, XmlElement>, r: number): XmlElement {
  const found = rows.get(r);
  if (found) return found;
  const made = sibling(sheetData, 'row', { r: String(r) });
  const next = childElements(sheetData, 'row').find((row) => Number(row.attrs.r) > r);
  sheetData.children.splice(next === undefined ? sheetData.children.length : sheetData.children.indexOf(next), 0, made);
  rows.set(r, made);
  return made;
}

function cellElement(row: XmlElement, r: number, column: number): XmlElement {
  const cells = childElements(row, 'c');
  const columnOf = (c: XmlElement) => parseCellRef(c.attrs.r ?? '')?.column ?? 0;
  const found = cells.find((c) => columnOf(c) === column);
  if (found) return found;
  const made = sibling(row, 'c', { r: cellRef(r, column) });
  const next = cells.find((c) => columnOf(c) > column);
  row.children.splice(next === undefined ? row.children.length : row.children.indexOf(next), 0, made);
  // Excel's optional span hint would now be wrong.
  delete row.attrs.spans;
  return made;
}

// ---- the copy's related parts ----------------------------------------------------------

/** What a copy needs of the package to copy related parts. */
export interface PartCopier {
  pkg: ZipPackage;
  contentTypes: ContentTypes;
  /** A free part name in `folder`, like `xl/drawings/drawing3.xml`. */
  newPartName(folder: string, stem: string, extension: string): string;
}

/**
 * Writes the copy's relationships: a drawing (pictures shared), printer settings and
 * header/footer pictures are copied; tables, notes and pivot tables stay with the template.
 * Returns the relationship ids the copy keeps (the same ids as the template's).
 */
export function copySheetRelationships(copier: PartCopier, templatePath: string, copyPath: string, shift: RowShift): Set<string> {
  const kept = new Set<string>();
  const relsXml = partText(copier.pkg, relsPathOf(templatePath));
  if (relsXml === undefined) return kept;
  const rels = parseXml(relsXml);
  const notesDrawing = notesDrawingId(copier.pkg.text(templatePath) ?? '');
  rels.children = rels.children.filter((r) => {
    if (typeof r === 'string') return true;
    const type = r.attrs.Type ?? '';
    if (endsWithAny(type, LEFT_BEHIND) || r.attrs.Id === notesDrawing) return false;
    kept.add(r.attrs.Id ?? '');
    if (r.attrs.TargetMode === 'External' || endsWithAny(type, SHARED)) return true;
    r.attrs.Target = copiedTarget(copier, templatePath, r.attrs.Target ?? '', shift);
    return true;
  });
  copier.pkg.set(relsPathOf(copyPath), documentXml(rels));
  return kept;
}

/** The relationship id of the sheet's `legacyDrawing`: the shapes of its notes, which stay with the template. */
function notesDrawingId(sheetXml: string): string | undefined {
  const tag = /<(?:\w+:)?legacyDrawing\s[^>]*>/.exec(sheetXml)?.[0];
  return tag === undefined ? undefined : /\w+:id="([^"]*)"/.exec(tag)?.[1];
}

/** Copies the part a relationship points at (and what it points at in turn); the new target, relative as the old one was. */
function copiedTarget(copier: PartCopier, source: string, target: string, shift: RowShift): string {
  const from = resolveTarget(source, target);
  const to = copyPart(copier, from, shift);
  return target.slice(0, target.lastIndexOf('/') + 1) + to.slice(to.lastIndexOf('/') + 1);
}

function copyPart(copier: PartCopier, path: string, shift: RowShift): string {
  const slash = path.lastIndexOf('/');
  const file = path.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  const stem = file.slice(0, dot < 0 ? file.length : dot).replace(/\d+$/, '');
  const copy = copier.newPartName(path.slice(0, slash), stem, dot < 0 ? '' : file.slice(dot + 1));
  const type = copier.contentTypes.typeOf(path);
  const isDrawing = type?.endsWith('drawing+xml') === true && !path.endsWith('.vml');
  copier.pkg.set(copy, isDrawing ? shiftedDrawingXml(copier.pkg.text(path) ?? '', shift) : (copier.pkg.bytes(path) ?? new Uint8Array()));
  if (type !== undefined) copier.contentTypes.override(copy, type);
  const relsXml = partText(copier.pkg, relsPathOf(path));
  if (relsXml !== undefined) {
    const rels = parseXml(relsXml);
    for (const r of childElements(rels, 'Relationship')) {
      if (r.attrs.TargetMode === 'External' || endsWithAny(r.attrs.Type ?? '', SHARED)) continue;
      r.attrs.Target = copiedTarget(copier, path, r.attrs.Target ?? '', shift);
    }
    copier.pkg.set(relsPathOf(copy), documentXml(rels));
  }
  return copy;
}

/** A drawing whose anchors below the repeated row move down with their rows (anchor rows are 0-based). */
function shiftedDrawingXml(xml: string, shift: RowShift): string {
  const root = parseXml(xml);
  if (shift.inserted > 0) {
    for (const anchor of childElements(root)) {
      for (const end of [firstChild(anchor, 'from'), firstChild(anchor, 'to')]) {
        const row = end && firstChild(end, 'row');
        if (!row) continue;
        const r = Number(textOf(row)) + 1;
        row.children = [String(shiftRow(r, shift) - 1)];
      }
    }
  }
  return documentXml(root);
}

/** Parts a copied sheet took along (drawings, printer settings), to remove with it; shared pictures stay. */
export function ownedParts(pkg: ZipPackage, sheetPath: string): string[] {
  const out: string[] = [];
  const walk = (source: string) => {
    const xml = pkg.text(relsPathOf(source));
    if (xml === undefined) return;
    out.push(relsPathOf(source));
    for (const r of childElements(parseXml(xml), 'Relationship')) {
      const type = r.attrs.Type ?? '';
      if (r.attrs.TargetMode === 'External' || endsWithAny(type, SHARED) || endsWithAny(type, LEFT_BEHIND)) continue;
      const target = resolveTarget(source, r.attrs.Target ?? '');
      if (!pkg.has(target) || out.includes(target)) continue;
      out.push(target);
      walk(target);
    }
  };
  walk(sheetPath);
  return out;
}
