/**
 * Small package parts (workbook, relationships, content types, styles, table parts) as a
 * plain element tree, parsed with saxes and written back. Elements and attributes keep
 * their order and their namespace prefixes; comments and processing instructions other
 * than the XML declaration are not kept (no part this tool changes has any that matter).
 * Sheets are never loaded this way: they are streamed (sheetReader.ts, sheetWriter.ts).
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The local part of a prefixed name: `row` of `x:row`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [] };
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (t: string): void => {
    if (stack.length > 0) stack[stack.length - 1].children.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(text).close();
  if (!root) throw new Error('The part holds no XML element.');
  return root;
}

export function escapeText(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(text: string): string {
  return text.replace(/[&<>"\n\r\t]/g, (c) => {
    switch (c) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return '&quot;';
      default: return `&#${c.charCodeAt(0)};`;
    }
  });
}

export function attrsXml(attrs: Record<string, string>): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) out += ` ${k}="${escapeAttr(v)}"`;
  return out;
}

export function elementXml(e: XmlElement): string {
  if (e.children.length === 0) return `<${e.name}${attrsXml(e.attrs)}/>`;
  let inner = '';
  for (const c of e.children) inner += typeof c === 'string' ? escapeText(c) : elementXml(c);
  return `<${e.name}${attrsXml(e.attrs)}>${inner}</${e.name}>`;
}

export function documentXml(root: XmlElement): string {
  return DECLARATION + elementXml(root);
}

/** Child elements, optionally only those of one local name. */
export function childElements(e: XmlElement, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of e.children) if (typeof c !== 'string' && (local === undefined || localName(c.name) === local)) out.push(c);
  return out;
}

export function firstChild(e: XmlElement, local: string): XmlElement | undefined {
  for (const c of e.children) if (typeof c !== 'string' && localName(c.name) === local) return c;
  return undefined;
}

/** The element's text, its descendants' included. */
export function textOf(e: XmlElement): string {
  let out = '';
  for (const c of e.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

/** An attribute by its local name (`r:id` is found as `id` only when asked with its prefix). */
export function attr(e: XmlElement, name: string): string | undefined {
  return e.attrs[name];
}

/** A new element with the prefix of `like` (`x:row` beside `x:c`). */
export function sibling(like: XmlElement, local: string, attrs: Record<string, string> = {}, children: XmlNode[] = []): XmlElement {
  const colon = like.name.indexOf(':');
  return { name: colon < 0 ? local : `${like.name.slice(0, colon + 1)}${local}`, attrs, children };
}

/** Excel's `_xHHHH_` escapes for characters XML cannot hold (line breaks in table headers, control characters). */
export function decodeExcelEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text as Excel stores it: control characters as `_xHHHH_`, and a literal `_xHHHH_` protected. */
const NEEDS_EXCEL_ESCAPES = /_x[0-9a-fA-F]{4}_|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

export function encodeExcelEscapes(text: string): string {
  if (!NEEDS_EXCEL_ESCAPES.test(text)) return text;
  return text
    .replace(/_x([0-9a-fA-F]{4})_/g, '_x005F_x$1_')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}
