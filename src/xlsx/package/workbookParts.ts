/**
 * The parts of an .xlsx package that say what is in it: content types, the workbook and its
 * sheets, relationships, table parts, shared strings. Parsed when opened; the few this tool
 * changes are written back from their element trees, the rest never leave the zip.
 */
import { SaxesParser } from 'saxes';
import { partFolder, relativePartPath } from '../partPaths';
import { decodeRange, type Box } from './cellRefs';
import { feedText } from './sheetReader';
import type { ZipPackage } from './zipPackage';
import { childElements, decodeExcelEscapes, documentXml, firstChild, localName, parseXml, sibling, type XmlElement } from './xmlTree';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TYPE = `${REL_NS}/`;
export const REL_WORKSHEET = `${REL_TYPE}worksheet`;
export const REL_TABLE = `${REL_TYPE}table`;
export const REL_STYLES = `${REL_TYPE}styles`;
export const REL_SHARED_STRINGS = `${REL_TYPE}sharedStrings`;
export const REL_CALC_CHAIN = `${REL_TYPE}calcChain`;
const REL_OFFICE_DOCUMENT = `${REL_TYPE}officeDocument`;
export const TYPE_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const TYPE_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
export const TYPE_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** A part path from a relationship target: relative to the source part's folder, or absolute from the package root. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const folder = partFolder(sourcePart);
  const parts = folder === '.' ? [] : folder.split('/');
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** The relationships part of a part: `xl/worksheets/_rels/sheet1.xml.rels` of `xl/worksheets/sheet1.xml`. */
export function relsPathOf(part: string): string {
  const folder = partFolder(part);
  const name = part.slice(part.lastIndexOf('/') + 1);
  return folder === '.' ? `_rels/${name}.rels` : `${folder}/_rels/${name}.rels`;
}

/** A relationships part, its targets resolved. */
export class Relationships {
  private constructor(readonly path: string, readonly source: string, readonly root: XmlElement, public changed: boolean) {}

  static read(pkg: ZipPackage, source: string): Relationships {
    const path = relsPathOf(source);
    const text = pkg.text(path);
    const root = text === undefined
      ? { name: 'Relationships', attrs: { xmlns: 'http://schemas.openxmlformats.org/package/2006/relationships' }, children: [] }
      : parseXml(text);
    return new Relationships(path, source, root, false);
  }

  private resolved: { id: string; type: string; target: string; external: boolean; element: XmlElement }[] | undefined;

  /** Every relationship, its target resolved; kept until one is removed. */
  all(): { id: string; type: string; target: string; external: boolean; element: XmlElement }[] {
    this.resolved ??= childElements(this.root, 'Relationship').map((e) => ({
      id: e.attrs.Id ?? '',
      type: e.attrs.Type ?? '',
      target: e.attrs.TargetMode === 'External' ? (e.attrs.Target ?? '') : resolveTarget(this.source, e.attrs.Target ?? ''),
      external: e.attrs.TargetMode === 'External',
      element: e,
    }));
    return this.resolved;
  }

  byId(id: string): string | undefined {
    return this.all().find((r) => r.id === id && !r.external)?.target;
  }

  ofType(type: string): string[] {
    return this.all().filter((r) => r.type === type && !r.external).map((r) => r.target);
  }

  /** Adds a relationship to a part (targets written relative to the source's folder); its new id. */
  add(type: string, targetPart: string): string {
    const ids = new Set(this.all().map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const from = partFolder(this.source);
    const target = from === '.' ? targetPart : relativePartPath(from, targetPart);
    const element = sibling(childElements(this.root, 'Relationship')[0] ?? this.root, 'Relationship', { Id: id, Type: type, Target: target });
    this.root.children.push(element);
    this.changed = true;
    // Kept, not resolved again: a run adds a relationship per invoice sheet, a thousand of them.
    this.resolved?.push({ id, type, target: resolveTarget(this.source, target), external: false, element });
    return id;
  }

  removeId(id: string): void {
    this.root.children = this.root.children.filter((c) => typeof c === 'string' || c.attrs.Id !== id);
    this.changed = true;
    this.resolved = undefined;
  }

  removeTarget(part: string): void {
    for (const r of this.all()) if (!r.external && r.target === part) this.removeId(r.id);
  }

  save(pkg: ZipPackage): void {
    if (this.changed) pkg.set(this.path, documentXml(this.root));
  }
}


/** `[Content_Types].xml`. */
export class ContentTypes {
  changed = false;
  private byPart: Map<string, XmlElement> | undefined;
  private constructor(readonly root: XmlElement) {}

  static read(pkg: ZipPackage): ContentTypes {
    const text = pkg.text('[Content_Types].xml');
    if (text === undefined) throw new Error('The package has no content types.');
    return new ContentTypes(parseXml(text));
  }

  override(part: string, type: string): void {
    this.remove(part);
    const element = sibling(this.root, 'Override', { PartName: `/${part}`, ContentType: type });
    this.root.children.push(element);
    this.overrides().set(`/${part}`.toLowerCase(), element);
    this.changed = true;
  }

  remove(part: string): void {
    const key = `/${part}`.toLowerCase();
    if (!this.overrides().has(key)) return;
    this.root.children = this.root.children.filter((c) => typeof c === 'string' || localName(c.name) !== 'Override' || c.attrs.PartName?.toLowerCase() !== key);
    this.overrides().delete(key);
    this.changed = true;
  }

  typeOf(part: string): string | undefined {
    const found = this.overrides().get(`/${part}`.toLowerCase());
    if (found) return found.attrs.ContentType;
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    for (const e of childElements(this.root, 'Default')) if (e.attrs.Extension?.toLowerCase() === ext) return e.attrs.ContentType;
    return undefined;
  }

  /** The first Override of each part name (in lower case): a run adds a thousand invoice sheets, each looked up. */
  private overrides(): Map<string, XmlElement> {
    if (!this.byPart) {
      this.byPart = new Map();
      for (const e of childElements(this.root, 'Override')) {
        const key = e.attrs.PartName?.toLowerCase();
        if (key !== undefined && !this.byPart.has(key)) this.byPart.set(key, e);
      }
    }
    return this.byPart;
  }

  save(pkg: ZipPackage): void {
    if (this.changed) pkg.set('[Content_Types].xml', documentXml(this.root));
  }
}

/** One table part, its facts read and its changes kept until the package is written. */
export class TablePart {
  changed = false;
  constructor(readonly path: string, readonly root: XmlElement) {}

  get name(): string {
    return this.root.attrs.name ?? this.root.attrs.displayName ?? '';
  }

  get id(): number {
    return Number(this.root.attrs.id) || 0;
  }

  get box(): Box {
    return decodeRange(this.root.attrs.ref ?? '');
  }

  get hasHeaderRow(): boolean {
    return this.root.attrs.headerRowCount === undefined || Number(this.root.attrs.headerRowCount) !== 0;
  }

  get hasTotalsRow(): boolean {
    return this.root.attrs.totalsRowCount !== undefined && Number(this.root.attrs.totalsRowCount) > 0;
  }

  columnsElement(): XmlElement | undefined {
    return firstChild(this.root, 'tableColumns');
  }

  get columns(): string[] {
    const list = this.columnsElement();
    return list ? childElements(list, 'tableColumn').map((c) => decodeExcelEscapes(c.attrs.name ?? '')) : [];
  }

  /** Sets the table's range; the filter range follows (header and data, never the totals row). */
  setRef(ref: string, filterRef: string | undefined): void {
    this.root.attrs.ref = ref;
    const filter = firstChild(this.root, 'autoFilter');
    if (filter && filterRef !== undefined) filter.attrs.ref = filterRef;
    this.changed = true;
  }

  addColumn(name: string): void {
    const list = this.columnsElement()!;
    const ids = childElements(list, 'tableColumn').map((c) => Number(c.attrs.id) || 0);
    list.children.push(sibling(list, 'tableColumn', { id: String(Math.max(0, ...ids) + 1), name }));
    list.attrs.count = String(childElements(list, 'tableColumn').length);
    this.changed = true;
  }

  save(pkg: ZipPackage): void {
    if (this.changed) pkg.set(this.path, documentXml(this.root));
  }
}

/** The shared strings, streamed (a workbook of a million entries has about as many). */
export function readSharedStrings(bytes: Uint8Array | undefined): string[] {
  if (!bytes) return [];
  const out: string[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  let text = '';
  let inT = false;
  let inPhonetic = false;
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') text = '';
    else if (name === 't' && !inPhonetic) inT = !tag.isSelfClosing;
    else if (name === 'rPh') inPhonetic = true;
  });
  const onText = (t: string): void => {
    if (inT) text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inT = false;
    else if (name === 'rPh') inPhonetic = false;
    else if (name === 'si') out.push(decodeExcelEscapes(text));
  });
  parser.on('error', (e) => {
    throw e;
  });
  feedText(bytes, (t) => parser.write(t));
  parser.close();
  return out;
}

/** The workbook part's path, from the package relationships (`xl/workbook.xml` as a rule). */
export function workbookPartPath(pkg: ZipPackage): string {
  const rels = Relationships.read(pkg, '');
  const path = rels.ofType(REL_OFFICE_DOCUMENT)[0] ?? rels.all().find((r) => r.type.endsWith('/officeDocument'))?.target;
  return path !== undefined && pkg.has(path) ? path : 'xl/workbook.xml';
}
