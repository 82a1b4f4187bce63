/**
 * manifest.xml read with a real XML parser (xml2js, strict mode; it comes with
 * office-addin-manifest) into a small element tree the manifest tests walk.
 */
import fs from 'fs';
import path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const xml2js = require('xml2js') as { parseStringPromise(xml: string, options: object): Promise<Record<string, RawNode>> };

interface RawNode {
  '#name': string;
  $?: Record<string, string>;
  _?: string;
  $$?: RawNode[];
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
  parent: XmlElement | undefined;
}

export const repoRoot = path.resolve(__dirname, '..', '..');
export const manifestPath = path.join(repoRoot, 'manifest.xml');

export async function parseXml(xml: string): Promise<XmlElement> {
  const parsed = await xml2js.parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true, explicitRoot: true, strict: true });
  const rootName = Object.keys(parsed)[0];
  const convert = (node: RawNode, name: string, parent: XmlElement | undefined): XmlElement => {
    const element: XmlElement = { name, attributes: node.$ ?? {}, text: (node._ ?? '').trim(), children: [], parent };
    element.children = (node.$$ ?? []).map((child) => convert(child, child['#name'], element));
    return element;
  };
  return convert(parsed[rootName], rootName, undefined);
}

/** Every element below (and including) `root`, in document order. */
export function allElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [root];
  for (const child of root.children) out.push(...allElements(child));
  return out;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function child(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}> children, expected one`);
  return found[0];
}

/** Follows a path of child names, each of which must be unique. */
export function at(element: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(child, element);
}

/** Width and height from a PNG file's IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file} is not a PNG file`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
