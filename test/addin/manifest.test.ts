/**
 * manifest.xml checked offline (`npm run validate:manifest`): Microsoft's validator
 * (office-addin-manifest validate) needs its online service, so these tests check what it
 * would and what this add-in depends on: shared runtime, resource ids and types, icon files
 * and sizes, ribbon functions against RIBBON_ACTION_IDS, one base URL, requirement sets.
 */
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import { RIBBON_ACTION_IDS } from '../../src/commands/ribbonActionIds';
import { XmlElement, allElements, at, child, childrenNamed, manifestPath, parseXml, pngSize, repoRoot } from './manifestXml';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js') as { rewriteManifestUrls(xml: string, url: string): string; DEV_BASE_URL: string };

const BASE_URL = 'https://localhost:3000/';
const manifestXml = fs.readFileSync(manifestPath, 'utf8');
let root: XmlElement;

beforeAll(async () => {
  root = await parseXml(manifestXml);
});

type ResourceKind = 'bt:Images' | 'bt:Urls' | 'bt:ShortStrings' | 'bt:LongStrings';

/** Every resource the manifest defines: id -> its kind and value. */
function resources(): Map<string, { kind: ResourceKind; value: string; count: number }> {
  const out = new Map<string, { kind: ResourceKind; value: string; count: number }>();
  const block = at(root, 'VersionOverrides', 'Resources');
  for (const kind of ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'] as const) {
    for (const group of childrenNamed(block, kind)) {
      for (const item of group.children) {
        const id = item.attributes.id;
        const seen = out.get(id);
        out.set(id, { kind, value: item.attributes.DefaultValue, count: (seen?.count ?? 0) + 1 });
      }
    }
  }
  return out;
}

/** The resource kind an element's resid must name, by the element that holds it. */
function expectedKind(element: XmlElement): ResourceKind {
  switch (element.name) {
    case 'bt:Image':
      return 'bt:Images';
    case 'SourceLocation':
    case 'FunctionFile':
    case 'Runtime':
    case 'LearnMoreUrl':
      return 'bt:Urls';
    case 'Label':
    case 'Title':
    case 'Namespace':
      return 'bt:ShortStrings';
    case 'Description':
      return 'bt:LongStrings';
    default:
      throw new Error(`no rule for resid on <${element.name}>: add one to the manifest test`);
  }
}

const resid = (element: XmlElement): string => element.attributes.resid;
const references = (): XmlElement[] => allElements(root).filter((element) => element.attributes.resid !== undefined);
const shortString = (id: string): string | undefined => {
  const found = resources().get(id);
  return found?.kind === 'bt:ShortStrings' ? found.value : undefined;
};

function host(): XmlElement {
  const hosts = childrenNamed(at(root, 'VersionOverrides', 'Hosts'), 'Host');
  expect(hosts.map((h) => h.attributes['xsi:type'])).toEqual(['Workbook']);
  return hosts[0];
}

function ribbonTab(): XmlElement {
  const surface = childrenNamed(child(host(), 'DesktopFormFactor'), 'ExtensionPoint').find((e) => e.attributes['xsi:type'] === 'PrimaryCommandSurface');
  if (!surface) throw new Error('no PrimaryCommandSurface extension point');
  return child(surface, 'CustomTab');
}

function buttons(): XmlElement[] {
  return childrenNamed(ribbonTab(), 'Group').flatMap((group) => childrenNamed(group, 'Control'));
}

/** Every absolute URL in the manifest's attributes and text, except XML namespace names. */
function urls(xml: XmlElement): string[] {
  const out: string[] = [];
  for (const element of allElements(xml)) {
    for (const [name, value] of Object.entries(element.attributes)) {
      if (name !== 'xmlns' && !name.startsWith('xmlns:') && /^[a-z]+:\/\//i.test(value)) out.push(value);
    }
    if (/^[a-z]+:\/\//i.test(element.text)) out.push(element.text);
  }
  return out;
}

/** The image file a manifest URL names, relative to the repository (assets/...). */
function localFile(url: string): string {
  expect(url.startsWith(BASE_URL)).toBe(true);
  return path.join(repoRoot, url.slice(BASE_URL.length));
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what scripts/drawPng.ts writes) to count its colours. */
function distinctOpaqueColours(file: string): number {
  const bytes = fs.readFileSync(file);
  const { width, height } = pngSize(file);
  expect([bytes[24], bytes[25], bytes[28]]).toEqual([8, 6, 0]);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  const colours = new Set<number>();
  let previous = Buffer.alloc(width * 4);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * stride];
    const line = Buffer.from(raw.subarray(y * stride + 1, (y + 1) * stride));
    for (let i = 0; i < line.length; i++) {
      const left = i >= 4 ? line[i - 4] : 0;
      const up = previous[i];
      const upLeft = i >= 4 ? previous[i - 4] : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predictor = [0, left, up, (left + up) >> 1, filter === 4 ? paeth() : 0][filter];
      line[i] = (line[i] + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) if (line[x * 4 + 3] === 255) colours.add(line.readUInt32BE(x * 4));
    previous = line;
  }
  return colours.size;
}

describe('manifest.xml', () => {
  test('is a well-formed Excel task pane add-in named PSA Billing with a stable id', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attributes['xsi:type']).toBe('TaskPaneApp');
    expect(child(root, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, 'DisplayName').attributes.DefaultValue).toBe('PSA Billing');
    expect(child(root, 'ProviderName').text).not.toBe('');
    expect(child(root, 'Description').attributes.DefaultValue.length).toBeGreaterThan(20);
    expect(child(root, 'SupportUrl').attributes.DefaultValue).toMatch(/^https:\/\//);
    expect(childrenNamed(at(root, 'Hosts'), 'Host').map((h) => h.attributes.Name)).toEqual(['Workbook']);
    expect(at(root, 'DefaultSettings', 'SourceLocation').attributes.DefaultValue).toBe(`${BASE_URL}taskpane.html`);
  });

  test('a malformed manifest would be caught by the parser', async () => {
    await expect(parseXml(manifestXml.replace('</Hosts>', ''))).rejects.toThrow();
  });

  test('declares one long-lived shared runtime, the page of the pane, the commands and the functions', () => {
    const runtimes = childrenNamed(at(host(), 'Runtimes'), 'Runtime');
    expect(runtimes.map((r) => [resid(r), r.attributes.lifetime])).toEqual([['Taskpane.Url', 'long']]);
    expect(resid(at(host(), 'DesktopFormFactor', 'FunctionFile'))).toBe('Taskpane.Url');
    const functions = child(at(host(), 'AllFormFactors'), 'ExtensionPoint');
    expect(functions.attributes['xsi:type']).toBe('CustomFunctions');
    expect(resid(at(functions, 'Page', 'SourceLocation'))).toBe('Taskpane.Url');
    expect(resources().get('Taskpane.Url')?.value).toBe(`${BASE_URL}taskpane.html`);
    expect(resources().get(resid(at(functions, 'Script', 'SourceLocation')))?.value).toBe(`${BASE_URL}functions.js`);
    expect(resources().get(resid(at(functions, 'Metadata', 'SourceLocation')))?.value).toBe(`${BASE_URL}functions.json`);
  });

  test('the custom functions namespace is PSA', () => {
    const functions = child(at(host(), 'AllFormFactors'), 'ExtensionPoint');
    expect(shortString(resid(child(functions, 'Namespace')))).toBe('PSA');
  });

  test('requires SharedRuntime 1.1, ExcelApi 1.13 and CustomFunctionsRuntime 1.1', () => {
    const sets = (element: XmlElement) => Object.fromEntries(element.children.map((set) => [set.attributes.Name, set.attributes.MinVersion]));
    const expected = { SharedRuntime: '1.1', ExcelApi: '1.13', CustomFunctionsRuntime: '1.1' };
    const rootSets = at(root, 'Requirements', 'Sets');
    expect(rootSets.attributes.DefaultMinVersion).toBe('1.1');
    expect(sets(rootSets)).toEqual(expected);
    const overrideSets = at(root, 'VersionOverrides', 'Requirements', 'bt:Sets');
    expect(sets(overrideSets)).toEqual(expected);
  });

  test('every resid is defined in <Resources> exactly once, with the type its element needs', () => {
    const defined = resources();
    for (const [id, { count }] of defined) expect([id, count]).toEqual([id, 1]);
    const problems = references()
      .map((element) => ({ element: element.name, id: resid(element), want: expectedKind(element), have: defined.get(resid(element))?.kind }))
      .filter(({ want, have }) => want !== have);
    expect(problems).toEqual([]);
  });

  test('every resource is used', () => {
    const used = new Set(references().map(resid));
    expect([...resources().keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test('every URL starts with the one base URL', () => {
    const all = urls(root);
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((url) => !url.startsWith(BASE_URL))).toEqual([]);
    expect(webpackConfig.DEV_BASE_URL).toBe(BASE_URL);
  });

  test('every icon exists in assets/ as a PNG of the size the manifest declares, and is not blank', () => {
    const defined = resources();
    const icons: { url: string; size: number }[] = [
      { url: child(root, 'IconUrl').attributes.DefaultValue, size: 32 },
      { url: child(root, 'HighResolutionIconUrl').attributes.DefaultValue, size: 64 },
      ...allElements(root)
        .filter((element) => element.name === 'bt:Image' && element.attributes.size)
        .map((element) => ({ url: defined.get(resid(element))!.value, size: Number(element.attributes.size) })),
    ];
    expect(icons.length).toBeGreaterThan(10);
    for (const { url, size } of icons) {
      const file = localFile(url);
      expect(path.relative(repoRoot, file)).toMatch(/^assets[\\/][\w-]+\.png$/);
      expect(fs.existsSync(file)).toBe(true);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
      expect(distinctOpaqueColours(file)).toBeGreaterThanOrEqual(2);
    }
    for (const [id, { kind, value }] of defined) if (kind === 'bt:Images') expect([id, fs.existsSync(localFile(value))]).toEqual([id, true]);
  });

  test('every ribbon function is a RIBBON_ACTION_IDS id, and every id has its button', () => {
    const names = allElements(root)
      .filter((element) => element.name === 'Action' && element.attributes['xsi:type'] === 'ExecuteFunction')
      .map((action) => child(action, 'FunctionName').text);
    expect(names.filter((name) => !(RIBBON_ACTION_IDS as readonly string[]).includes(name))).toEqual([]);
    expect([...names].sort()).toEqual([...RIBBON_ACTION_IDS].sort());
  });

  test('the PSA Billing tab holds the four buttons with their labels, supertips and icons', () => {
    expect(shortString(resid(child(ribbonTab(), 'Label')))).toBe('PSA Billing');
    const seen = buttons().map((button) => {
      expect(button.attributes['xsi:type']).toBe('Button');
      const supertip = child(button, 'Supertip');
      expect(shortString(resid(child(supertip, 'Title')))).toBeDefined();
      expect(resources().get(resid(child(supertip, 'Description')))?.value.length).toBeGreaterThan(40);
      expect(childrenNamed(child(button, 'Icon'), 'bt:Image').map((image) => image.attributes.size)).toEqual(['16', '32', '80']);
      return [shortString(resid(child(button, 'Label'))), child(child(button, 'Action'), 'FunctionName').text];
    });
    expect(seen).toEqual([
      ['Generate invoices', 'generateInvoices'],
      ['Preview', 'previewInvoices'],
      ['Create project', 'createProject'],
      ['Open pane', 'openPane'],
    ]);
    const ids = allElements(root).filter((element) => ['CustomTab', 'Group', 'Control'].includes(element.name)).map((element) => element.attributes.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the production manifest (webpack --env addinUrl=...)', () => {
  const { rewriteManifestUrls } = webpackConfig;

  test('every localhost URL becomes the add-in URL, and nothing else changes', async () => {
    const rewritten = rewriteManifestUrls(manifestXml, 'https://example.com/psa/');
    expect(rewritten).not.toMatch(/localhost/i);
    const before = urls(root);
    const after = urls(await parseXml(rewritten));
    expect(after).toEqual(before.map((url) => url.replace(BASE_URL, 'https://example.com/psa/')));
    expect(rewritten.split('https://example.com/psa/').length - 1).toBe(manifestXml.split(BASE_URL).length - 1);
    expect(rewritten.replace(/https:\/\/example\.com\/psa\//g, BASE_URL)).toBe(manifestXml);
  });

  test('a URL without its final slash gets one', () => {
    expect(rewriteManifestUrls(manifestXml, 'https://example.com/psa')).toContain('"https://example.com/psa/taskpane.html"');
    expect(rewriteManifestUrls(manifestXml, 'https://addins.example.com')).toContain('"https://addins.example.com/assets/icon-32.png"');
  });

  test('refuses what Office could not load', () => {
    expect(() => rewriteManifestUrls(manifestXml, 'http://example.com/psa/')).toThrow(/https/);
    expect(() => rewriteManifestUrls(manifestXml, 'example.com/psa/')).toThrow(/not a URL/);
    expect(() => rewriteManifestUrls(manifestXml, 'https://example.com/psa/?v=1')).toThrow(/query/);
    expect(() => rewriteManifestUrls(manifestXml.replace('https://localhost:3000/functions.json', 'https://localhost:3001/functions.json'), 'https://example.com/')).toThrow(
      /localhost:3001/,
    );
  });
});
