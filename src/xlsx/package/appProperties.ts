/**
 * `docProps/app.xml`, the extended properties: among them the list of the workbook's
 * worksheets that Excel shows in the file's properties (and Windows Explorer in its
 * details): `HeadingPairs` names groups with their counts ("Worksheets", 8; "Named Ranges",
 * 2; the group names are in the language of the Excel that saved the file), `TitlesOfParts`
 * lists the titles of all groups one after the other. When a run adds or removes sheets
 * (invoice sheets, Preview sheets), the worksheet group is made to list the sheets as they
 * now are; every other group, and everything else in the part, stays as it was.
 */
import { Relationships } from './workbookParts';
import type { ZipPackage } from './zipPackage';
import { childElements, documentXml, firstChild, localName, parseXml, sibling, textOf, type XmlElement } from './xmlTree';

const REL_EXTENDED_PROPERTIES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties';

/** The `vt:vector` inside `HeadingPairs` or `TitlesOfParts`. */
function vectorOf(root: XmlElement, local: string): XmlElement | undefined {
  const holder = firstChild(root, local);
  return holder ? firstChild(holder, 'vector') : undefined;
}

/**
 * Lists `after` as the worksheets in the app.xml of the package, where it lists `before` now.
 * The worksheet group is the group whose titles hold most of the `before` names; a part with
 * no such group (LibreOffice writes none) is left alone, as is one that cannot be read
 * (the file opens in Excel either way, which rewrites the part on its next save).
 */
export function updateSheetTitles(pkg: ZipPackage, before: string[], after: string[]): void {
  const path = Relationships.read(pkg, '').ofType(REL_EXTENDED_PROPERTIES)[0];
  const text = path === undefined ? undefined : pkg.text(path);
  if (path === undefined || text === undefined) return;
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch {
    return;
  }
  const pairs = vectorOf(root, 'HeadingPairs');
  const titles = vectorOf(root, 'TitlesOfParts');
  if (!pairs || !titles) return;
  const variants = childElements(pairs, 'variant');
  const titleElements = childElements(titles);
  const groups: { count: XmlElement; first: number; length: number }[] = [];
  let at = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const count = childElements(variants[i + 1])[0];
    const length = count ? Number(textOf(count)) : NaN;
    if (!count || !Number.isInteger(length) || length < 0 || at + length > titleElements.length) return;
    groups.push({ count, first: at, length });
    at += length;
  }
  const known = new Set(before);
  let best: (typeof groups)[number] | undefined;
  let bestHits = 0;
  for (const group of groups) {
    const hits = titleElements.slice(group.first, group.first + group.length).filter((t) => known.has(textOf(t))).length;
    if (hits > bestHits) {
      best = group;
      bestHits = hits;
    }
  }
  if (!best) return;
  const like = titleElements[best.first];
  const listed = after.map((name) => sibling(like, localName(like.name), {}, [name]));
  const kept = titleElements.slice(0, best.first).concat(listed, titleElements.slice(best.first + best.length));
  // Text between the elements (none, as Excel writes them) is dropped with the old titles.
  titles.children = kept;
  titles.attrs.size = String(kept.length);
  best.count.children = [String(after.length)];
  pkg.set(path, documentXml(root));
}
