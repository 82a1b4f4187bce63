/**
 * The docs point readers at code and tests by path. A file moved or renamed without its docs
 * fails here, so a reader who follows a path in docs/ always finds the file.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const DOCS = path.join(ROOT, 'docs');

interface NamedPath {
  path: string;
  line: number;
}

/**
 * Every `src/...` and `test/...` path a page names (a file or a folder), with its line: not
 * a part of a longer path, without the punctuation of the sentence around it.
 */
function namedPaths(text: string): NamedPath[] {
  const found: NamedPath[] = [];
  text.split('\n').forEach((lineText, index) => {
    for (const match of lineText.matchAll(/(?<![\w./-])(?:src|test)\/[\w./-]*/g)) {
      found.push({ path: match[0].replace(/[.,:;]+$/, ''), line: index + 1 });
    }
  });
  return found;
}

/** The files under a folder of the repository, as repository paths with forward slashes. */
function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, folder), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(`${folder}/${entry.name}`) : [`${folder}/${entry.name}`]))
    .sort();
}

const pages = fs.readdirSync(DOCS).filter((name) => name.endsWith('.md')).sort();

describe('The docs name only files that exist', () => {
  test('a page names its paths in backticks, in a sentence or as a folder, and a path inside a longer one is not one', () => {
    const text = 'Code: `src/engine/orders/`, and src/core/money.ts.\nSee `test/engine/ledger/cellLimit.test.ts`; not bench/src/x.ts or docs/test/y.';
    expect(namedPaths(text)).toEqual([
      { path: 'src/engine/orders/', line: 1 },
      { path: 'src/core/money.ts', line: 1 },
      { path: 'test/engine/ledger/cellLimit.test.ts', line: 2 },
    ]);
  });

  test('the docs are read: there are pages, and billing-rules.md names code and tests', () => {
    expect(pages).toContain('billing-rules.md');
    const named = namedPaths(fs.readFileSync(path.join(DOCS, 'billing-rules.md'), 'utf8')).map((p) => p.path);
    expect(named.some((p) => p.startsWith('src/'))).toBe(true);
    expect(named.some((p) => p.startsWith('test/'))).toBe(true);
  });

  test.each(pages)('every src/ and test/ path that docs/%s names is a file or folder of the repository', (page) => {
    const text = fs.readFileSync(path.join(DOCS, page), 'utf8');
    const missing = namedPaths(text)
      .filter((named) => !fs.existsSync(path.join(ROOT, named.path)))
      .map((named) => `docs/${page}:${named.line} ${named.path}`);
    expect(missing).toEqual([]);
  });

  test('billing-rules.md lists every test file of the engine and the e-invoices by the rule it checks', () => {
    const named = new Set(namedPaths(fs.readFileSync(path.join(DOCS, 'billing-rules.md'), 'utf8')).map((p) => p.path));
    const testFiles = ['test/engine', 'test/einvoice'].flatMap((folder) => filesUnder(folder)).filter((file) => /\.test\.tsx?$/.test(file));
    expect(testFiles.length).toBeGreaterThan(0);
    expect(testFiles.filter((file) => !named.has(file))).toEqual([]);
  });

  test('billing-rules.md names each code file by its whole path, so every pointer is checked', () => {
    const text = fs.readFileSync(path.join(DOCS, 'billing-rules.md'), 'utf8');
    const bare = [...text.matchAll(/`([^`\s]+\.tsx?)`/g)].map((m) => m[1]).filter((name) => !/^(src|test)\//.test(name));
    expect(bare).toEqual([]);
  });
});
