/**
 * A thin layer over xmlbuilder2 for the two syntaxes: elements by prefixed name, every
 * namespace declared once on the root, optional elements left out when blank. Text is
 * escaped by the builder, never by hand.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';

const XMLNS = 'http://www.w3.org/2000/xmlns/';

export type Attributes = Record<string, string>;

export class XmlNode {
  constructor(private readonly node: XMLBuilder, private readonly namespaces: Record<string, string>) {}

  private uri(qualifiedName: string): string {
    const colon = qualifiedName.indexOf(':');
    const prefix = colon < 0 ? '' : qualifiedName.slice(0, colon);
    const uri = this.namespaces[prefix];
    if (uri === undefined) throw new Error(`no namespace for ${qualifiedName}`);
    return uri;
  }

  /** A child element, with text when given. */
  add(qualifiedName: string, text?: string, attributes?: Attributes): XmlNode {
    const child = this.node.ele(this.uri(qualifiedName), qualifiedName, attributes);
    if (text !== undefined) child.txt(text);
    return new XmlNode(child, this.namespaces);
  }

  /** A child element with text, left out when the text is blank. */
  opt(qualifiedName: string, text: string | undefined, attributes?: Attributes): void {
    if (text !== undefined && text.trim() !== '') this.add(qualifiedName, text, attributes);
  }
}

/**
 * A document whose root is `rootName` in the namespace of its prefix; `namespaces` maps
 * each prefix ('' for the default namespace) to its URI.
 */
export function xmlDocument(rootName: string, namespaces: Record<string, string>): { root: XmlNode; end: () => string } {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const colon = rootName.indexOf(':');
  const rootPrefix = colon < 0 ? '' : rootName.slice(0, colon);
  const rootNode = doc.ele(namespaces[rootPrefix], rootName);
  for (const [prefix, uri] of Object.entries(namespaces)) {
    if (prefix !== rootPrefix) rootNode.att(XMLNS, prefix === '' ? 'xmlns' : `xmlns:${prefix}`, uri);
  }
  return { root: new XmlNode(rootNode, namespaces), end: () => doc.end({ prettyPrint: true }) };
}
