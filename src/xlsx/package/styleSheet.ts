/**
 * The package's `styles.xml`: which cell styles show dates (so a number is read as a date,
 * as exceljs and Excel do), which carry the engine's fills, and new cell styles derived
 * from a cell's own ("this style plus the money format"). New number formats, fonts,
 * fills and cell styles are appended; no existing index moves, so every cell of the file
 * keeps the look it had.
 */
import { childElements, documentXml, firstChild, localName, sibling, elementXml, type XmlElement } from './xmlTree';

/** One change to a cell's style. The same text always means the same change. */
export type StyleOp = `numFmt:${string}` | 'bold' | `fill:${string}` | `clearFill:${string}`;

/** Built-in number formats Excel does not list in the file, by the format text the engine writes. */
const BUILTIN_FORMAT_IDS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** The codes of Excel's other built-in number formats (ECMA-376 part 1, 18.8.30), by id. */
const BUILTIN_FORMAT_CODES: Record<number, string> = {
  ...Object.fromEntries(Object.entries(BUILTIN_FORMAT_IDS).map(([code, id]) => [id, code])),
  11: '0.00E+00', 12: '# ?/?', 13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0',
};

/** Built-in formats that show dates or times (Excel's list; 27-36 and 50-58 are East Asian dates). */
function isBuiltinDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A format shows a date when it has date or time letters outside quotes and brackets (exceljs's rule). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

const MINIMAL_STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export class StyleSheet {
  private changed = false;
  private readonly formats = new Map<number, string>();
  private readonly derived = new Map<string, number>();
  private dateStyles: boolean[] | undefined;
  private xmlIndex: Map<string, number> | undefined;

  constructor(private readonly root: XmlElement) {
    for (const f of childElements(this.list('numFmts', false) ?? root, 'numFmt')) {
      this.formats.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? '');
    }
  }

  /** The minimal stylesheet, for a package that has none. */
  static minimalXml(): string {
    return MINIMAL_STYLES;
  }

  get isChanged(): boolean {
    return this.changed;
  }

  xml(): string {
    for (const local of ['numFmts', 'fonts', 'fills', 'cellXfs']) {
      const list = this.list(local, false);
      if (list) list.attrs.count = String(childElements(list).length);
    }
    return documentXml(this.root);
  }

  /** True when cell style `s` shows its number as a date or time. */
  isDate(s: number): boolean {
    if (!this.dateStyles) {
      this.dateStyles = this.xfs().map((xf) => {
        const id = Number(xf.attrs.numFmtId ?? 0);
        const code = this.formats.get(id);
        return code !== undefined ? isDateFormat(code) : isBuiltinDateFormat(id);
      });
    }
    return this.dateStyles[s] ?? false;
  }

  /** The number format code of cell style `s`; undefined for General. */
  formatCode(s: number): string | undefined {
    const id = Number(this.xfs()[s]?.attrs.numFmtId ?? 0);
    if (id === 0) return undefined;
    const code = this.formats.get(id) ?? BUILTIN_FORMAT_CODES[id];
    return code === undefined || code.toLowerCase() === 'general' ? undefined : code;
  }

  /** How many cell styles there are (indexes 0 to count - 1). */
  get count(): number {
    return this.xfs().length;
  }

  hasSolidFill(s: number): boolean {
    return this.solidFill(s) !== undefined;
  }

  /** The colour (`FFRRGGBB`) of style `s`'s solid fill, if it has one. */
  solidFill(s: number): string | undefined {
    const xf = this.xfs()[s];
    if (!xf) return undefined;
    return solidColour(childElements(this.list('fills', false) ?? this.root, 'fill')[Number(xf.attrs.fillId ?? 0)]);
  }

  /** Style `s` changed by `ops`, in order, as a cell style index (an existing one when it is the same). */
  apply(s: number, ops: readonly StyleOp[]): number {
    let at = s;
    for (const op of ops) at = this.applyOne(at, op);
    return at;
  }

  private applyOne(s: number, op: StyleOp): number {
    const key = `${s}\u0000${op}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const xfs = this.xfs();
    const base = xfs[s] ?? xfs[0];
    const next = this.changedXf(base, op);
    const index = next === base ? s : this.indexOf(next);
    this.derived.set(key, index);
    return index;
  }

  /** `base` with `op` made, or `base` itself when it already looks so. */
  private changedXf(base: XmlElement | undefined, op: StyleOp): XmlElement | undefined {
    const attrs = { ...(base?.attrs ?? { numFmtId: '0', fontId: '0', fillId: '0', borderId: '0', xfId: '0' }) };
    const make = (): XmlElement => ({ name: base?.name ?? 'xf', attrs, children: base?.children ?? [] });
    if (op.startsWith('numFmt:')) {
      const id = this.formatId(op.slice('numFmt:'.length));
      if (Number(attrs.numFmtId ?? 0) === id) return base;
      attrs.numFmtId = String(id);
      attrs.applyNumberFormat = '1';
      return make();
    }
    if (op === 'bold') {
      const fonts = this.list('fonts', true)!;
      const font = childElements(fonts, 'font')[Number(attrs.fontId ?? 0)];
      if (font && isBold(font)) return base;
      const children = (font?.children ?? []).filter((c) => typeof c === 'string' || localName(c.name) !== 'b');
      fonts.children.push(sibling(font ?? fonts, 'font', { ...(font?.attrs ?? {}) }, [sibling(font ?? fonts, 'b'), ...children]));
      attrs.fontId = String(childElements(fonts, 'font').length - 1);
      attrs.applyFont = '1';
      return make();
    }
    const fills = this.list('fills', true)!;
    if (op.startsWith('fill:')) {
      const argb = op.slice('fill:'.length);
      if (solidColour(childElements(fills, 'fill')[Number(attrs.fillId ?? 0)]) === argb) return base;
      const fill = sibling(fills, 'fill', {}, [
        sibling(fills, 'patternFill', { patternType: 'solid' }, [sibling(fills, 'fgColor', { rgb: argb }), sibling(fills, 'bgColor', { indexed: '64' })]),
      ]);
      fills.children.push(fill);
      attrs.fillId = String(childElements(fills, 'fill').length - 1);
      attrs.applyFill = '1';
      return make();
    }
    const argb = op.slice('clearFill:'.length);
    if (solidColour(childElements(fills, 'fill')[Number(attrs.fillId ?? 0)]) !== argb) return base;
    attrs.fillId = '0';
    delete attrs.applyFill;
    return make();
  }

  /** The index of a cell style like `xf`, appending it when the file has none. */
  private indexOf(xf: XmlElement | undefined): number {
    const list = this.list('cellXfs', true)!;
    if (!this.xmlIndex) {
      this.xmlIndex = new Map();
      childElements(list, 'xf').forEach((e, i) => {
        const xml = elementXml(e);
        if (!this.xmlIndex!.has(xml)) this.xmlIndex!.set(xml, i);
      });
    }
    const element = xf ?? sibling(list, 'xf', { numFmtId: '0', fontId: '0', fillId: '0', borderId: '0', xfId: '0' });
    const xml = elementXml(element);
    const found = this.xmlIndex.get(xml);
    if (found !== undefined) return found;
    list.children.push(element);
    this.changed = true;
    this.dateStyles = undefined;
    const index = childElements(list, 'xf').length - 1;
    this.xmlIndex.set(xml, index);
    return index;
  }

  private formatId(code: string): number {
    for (const [id, known] of this.formats) if (known === code) return id;
    const builtin = BUILTIN_FORMAT_IDS[code];
    if (builtin !== undefined) return builtin;
    const id = Math.max(163, ...this.formats.keys()) + 1;
    const list = this.list('numFmts', true)!;
    list.children.push(sibling(list, 'numFmt', { numFmtId: String(id), formatCode: code }));
    this.formats.set(id, code);
    this.changed = true;
    return id;
  }

  private xfs(): XmlElement[] {
    const list = this.list('cellXfs', false);
    return list ? childElements(list, 'xf') : [];
  }

  /** A list element of the stylesheet (`fonts`, `cellXfs`...), created in its place when asked to. */
  private list(local: string, create: boolean): XmlElement | undefined {
    const found = firstChild(this.root, local);
    if (found || !create) return found;
    const order = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'];
    const made = sibling(this.root, local);
    const after = order.slice(order.indexOf(local) + 1);
    const at = this.root.children.findIndex((c) => typeof c !== 'string' && after.includes(localName(c.name)));
    if (at < 0) this.root.children.push(made);
    else this.root.children.splice(at, 0, made);
    this.changed = true;
    return made;
  }
}

function isBold(font: XmlElement): boolean {
  const b = firstChild(font, 'b');
  return b !== undefined && b.attrs.val !== '0' && b.attrs.val !== 'false';
}

/** `FFRRGGBB` of a solid pattern fill with an RGB foreground; undefined for anything else. */
function solidColour(fill: XmlElement | undefined): string | undefined {
  const pattern = fill && firstChild(fill, 'patternFill');
  if (!pattern || pattern.attrs.patternType !== 'solid') return undefined;
  const rgb = firstChild(pattern, 'fgColor')?.attrs.rgb;
  return rgb === undefined ? undefined : rgb.toUpperCase();
}
