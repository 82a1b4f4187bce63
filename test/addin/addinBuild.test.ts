/**
 * The add-in build (webpack --env addin) into a temporary folder: one taskpane.html page that
 * loads office.js from Microsoft's CDN and then the taskpane, commands and functions bundles on
 * one webpack runtime; functions.json from src/functions/functions.ts; the icons and the
 * manifest, rewritten to the production URL. And a custom functions metadata error fails it.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import webpack from 'webpack';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js') as ((env: Record<string, unknown>) => Promise<webpack.Configuration>) & { OFFICE_JS: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

function run(configuration: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    webpack(configuration, (error, stats) => (error || !stats ? reject(error) : resolve(stats)));
  });
}

const errorsOf = (stats: webpack.Stats): string[] => (stats.toJson({ all: false, errors: true }).errors ?? []).map((e) => e.message);

describe('webpack --env addin', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-addin-'));
  let stats: webpack.Stats;

  beforeAll(async () => {
    stats = await run(await config({ addin: true, outputPath: out, addinUrl: 'https://example.com/psa/' }));
  });

  test('builds without errors', () => {
    expect(errorsOf(stats)).toEqual([]);
  });

  test('taskpane.html loads office.js from the CDN first, then one runtime, the code they share and the three bundles', () => {
    const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?/g)].map((match) => match[1]);
    expect(config.OFFICE_JS).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(scripts).toEqual([config.OFFICE_JS, 'runtime.js', 'shared.js', 'taskpane.js', 'commands.js', 'functions.js']);
    for (const script of scripts.slice(1)) expect(fs.existsSync(path.join(out, script))).toBe(true);
  });

  test('functions.json lists the PSA functions', () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(out, 'functions.json'), 'utf8')) as { functions: { id: string; name: string }[] };
    expect(Array.isArray(metadata.functions)).toBe(true);
    expect(metadata.functions.length).toBeGreaterThan(0);
    for (const fn of metadata.functions) {
      // Excel shows each as PSA.<name> (the manifest's namespace); ids and names are plain upper-case words.
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      expect(fn.name).toMatch(/^[A-Z][A-Z0-9_.]*$/);
    }
    expect(metadata.functions.map((fn) => fn.name)).toContain('BALANCE');
  });

  test('the icons and the manifest, rewritten to the add-in URL, are beside the page', () => {
    const manifest = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    expect(manifest).not.toMatch(/localhost/);
    expect(manifest).toContain('"https://example.com/psa/taskpane.html"');
    for (const png of fs.readdirSync(path.resolve(__dirname, '..', '..', 'assets')).filter((f) => f.endsWith('.png'))) {
      expect(fs.existsSync(path.join(out, 'assets', png))).toBe(true);
    }
  });

  test('a custom functions metadata error fails the build', async () => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-bad-functions-'));
    const source = path.join(bad, 'functions.ts');
    fs.writeFileSync(source, '/**\n * Sums.\n * @customfunction\n * @param values the values\n */\nexport function sum(values: Map<string, number>): number {\n  return values.size;\n}\n');
    const configuration = await config({ addin: true, outputPath: path.join(bad, 'out') });
    configuration.entry = { taskpane: './src/taskpane/index.tsx' };
    configuration.plugins = (configuration.plugins ?? [])
      .filter((plugin) => !(plugin instanceof CustomFunctionsMetadataPlugin))
      .concat(new CustomFunctionsMetadataPlugin({ input: source, output: 'functions.json' }));
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined); // the generator also prints the errors
    const failed = await run(configuration).finally(() => quiet.mockRestore());
    expect(failed.hasErrors()).toBe(true);
    expect(errorsOf(failed).join('\n')).toMatch(/does not support type "Map"/);
  });
});
