/**
 * The task pane in a real browser: the production build of the add-in, served as static
 * files on localhost and opened in Debian's headless Chromium through playwright-core (no
 * browser download). office.js is never fetched from the internet: its CDN address is
 * routed either to a stub that reports no Office host (file mode, as in any browser) or to
 * the fake Excel bundled for the browser (a simulated Excel host).
 *
 * Screenshots of the result view, light and dark, go to test-output/.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import webpack from 'webpack';
import { strFromU8, unzipSync } from 'fflate';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { dayFromIso } from '../../src/core/day';
import { runBilling } from '../../src/engine/runBilling';
import { findTable, headerKey, type RawTable, type RawWorkbook } from '../../src/schema/rawTable';
import { checkBillingWorkbook } from '../../src/engine/checkBillingWorkbook';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { serveStatic, type StaticServer } from './staticServer';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const addinConfig = require('../../webpack.config.js') as ((env: Record<string, unknown>) => Promise<webpack.Configuration>) & { OFFICE_JS: string };

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'assets', 'sample.xlsx');
const OUTPUT = path.join(ROOT, 'test-output');
const CHROMIUM = '/usr/bin/chromium';
const BILLING_DATE = '2026-11-30';
/** The pane's first load, compressed, without the file adapter. */
const FIRST_LOAD_LIMIT_BYTES = 1024 * 1024;

const NO_HOST_OFFICE_JS = `
window.Office = {
  HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
  onReady: function (callback) {
    var info = { host: null, platform: null };
    if (callback) callback(info);
    return Promise.resolve(info);
  },
  context: {},
};`;

const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Browser test skipped: ${CHROMIUM} is missing. Install Debian's chromium (apt-get install -y chromium); .ci/run does.`);
}
const describeInBrowser = hasChromium ? describe : describe.skip;

function compile(configs: webpack.Configuration[]): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(configs, (error, stats) => {
      if (error || !stats) return reject(error ?? new Error('webpack gave no stats'));
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

function fakeHostConfig(outputPath: string): webpack.Configuration {
  return {
    name: 'fake-host',
    mode: 'development',
    devtool: false,
    target: 'web',
    entry: { 'fake-office': path.join(__dirname, 'fakeHost.ts') },
    output: { path: outputPath, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext' } } } }] },
  };
}

/** Tables as the fake Excel holds them: dates as Excel serials, as Office.js gives them. */
function asExcelValues(tables: RawTable[]): RawTable[] {
  const serial = (date: Date) => date.getTime() / 86_400_000 + 25_569;
  return tables.map((t) => ({ ...t, rows: t.rows.map((row) => row.map((v) => (v instanceof Date ? serial(v) : v))) }));
}

interface InvoiceFigure {
  invoiceNo: string;
  gross: string;
}

/** What the command line issues for the sample on the billing date: the same engine on the same file. */
async function expectedInvoices(raw: RawWorkbook): Promise<InvoiceFigure[]> {
  const { workbook, issues } = checkBillingWorkbook(raw);
  if (!workbook || issues.length > 0) throw new Error(`the sample has input errors: ${issues[0]?.message}`);
  const result = runBilling(workbook, { billingDate: dayFromIso(BILLING_DATE)!, preview: false });
  return result.invoices.map((i) => ({ invoiceNo: i.invoiceNo, gross: i.gross.toFixed(2) }));
}

function registerFigures(raw: RawWorkbook): InvoiceFigure[] {
  const table = findTable(raw, 'Invoices');
  if (!table) return [];
  const at = (name: string) => table.headers.findIndex((h) => headerKey(h) === headerKey(name));
  return table.rows.map((row) => ({ invoiceNo: String(row[at('InvoiceNo')]), gross: Number(row[at('Gross')]).toFixed(2) }));
}

/** Console errors and uncaught page errors, to assert there are none. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function axeViolations(page: Page): Promise<string[]> {
  // A panel still fading in would be measured at part of its contrast.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const results = await axe.run(document);
    return results.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
}

describeInBrowser('the task pane in Chromium', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-pane-'));
  const addinDir = path.join(out, 'addin');
  const fakeDir = path.join(out, 'fake');
  let server: StaticServer;
  let browser: Browser;
  let sampleRaw: RawWorkbook;
  let expected: InvoiceFigure[];
  let fakeOfficeJs: string;

  beforeAll(async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    const addin = await addinConfig({ addin: true, production: true, outputPath: addinDir, addinUrl: 'https://example.com/psa/' });
    await compile([addin, fakeHostConfig(fakeDir)]);
    fakeOfficeJs = fs.readFileSync(path.join(fakeDir, 'fake-office.js'), 'utf8');
    sampleRaw = await (await XlsxWorkbook.load(fs.readFileSync(SAMPLE))).readTables();
    expected = await expectedInvoices(sampleRaw);
    server = await serveStatic(addinDir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 300_000); // two webpack builds; on an idle 2-core machine about 30 s, far longer when it is busy

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(out, { recursive: true, force: true });
  });

  /** A page whose office.js is the given script instead of Microsoft's CDN; nothing else leaves localhost. */
  async function openPane(officeJs: string, options: { colorScheme?: 'light' | 'dark'; tables?: RawTable[] } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', reducedMotion: 'reduce', acceptDownloads: true, viewport: { width: 420, height: 900 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === addinConfig.OFFICE_JS) return route.fulfill({ contentType: 'text/javascript', body: officeJs });
      if (url.startsWith(server.url)) return route.continue();
      return route.abort();
    });
    if (options.tables) await context.addInitScript((tables) => { (window as unknown as { __psaFakeTables: unknown }).__psaFakeTables = tables; }, options.tables);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}taskpane.html`);
    return { context, page, errors };
  }

  async function openSampleFile(page: Page): Promise<void> {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open workbook' }).click();
    await (await chooser).setFiles(SAMPLE);
    await page.getByText('sample.xlsx', { exact: false }).first().waitFor();
  }

  async function previewAt(page: Page, date: string): Promise<void> {
    await page.getByLabel('Billing date').fill(date);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText(`Preview as of ${date}:`).first().waitFor();
  }

  test('file mode: the pane loads with no console error, and its first load is small', async () => {
    const sizes = new Map<string, number>();
    const measured: Promise<void>[] = [];
    const context = await browser.newContext();
    await context.route(addinConfig.OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: NO_HOST_OFFICE_JS }));
    const page = await context.newPage();
    const errors = watchErrors(page);
    page.on('response', (response) => {
      const url = response.url();
      if (url.startsWith(server.url) && /\.(js|css)(\?|$)/.test(url)) {
        measured.push(response.body().then((body) => {
          sizes.set(url.slice(server.url.length), zlib.gzipSync(body, { level: 9 }).length);
        }));
      }
    });
    await page.goto(`${server.url}taskpane.html`);
    await page.getByRole('button', { name: 'Open workbook' }).waitFor();
    await page.waitForLoadState('networkidle');
    await Promise.all(measured);
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    const list = [...sizes].map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`).join(', ');
    console.log(`Task pane first load (JS + CSS, gzip): ${(total / 1024).toFixed(1)} KB: ${list}`);
    expect(sizes.has('xlsx.js')).toBe(false);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(FIRST_LOAD_LIMIT_BYTES);
    expect(await page.locator('html').getAttribute('data-psa-mode')).toBe('file');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('without office.js at all (blocked or offline) the pane still opens in file mode', async () => {
    const context = await browser.newContext();
    await context.route(addinConfig.OFFICE_JS, (route) => route.abort());
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}taskpane.html`);
    await page.getByRole('button', { name: 'Open workbook' }).waitFor();
    expect(await page.locator('html').getAttribute('data-psa-mode')).toBe('file');
    // The browser reports the blocked script itself; nothing of the add-in fails.
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });

  test('file mode: previews and generates the sample; the download holds the command line\'s invoices', async () => {
    const { context, page, errors } = await openPane(NO_HOST_OFFICE_JS);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await openSampleFile(page);
    await previewAt(page, BILLING_DATE);
    expect(await page.getByRole('heading', { name: /Invoices it would issue/ }).isVisible()).toBe(true);
    // The engine ran in its Web Worker, so its progress could be painted.
    expect(workers.some((url) => url.endsWith('billing-worker.js'))).toBe(true);
    const invoiceButtons = page.locator('[aria-labelledby="result-invoices"] button[aria-expanded]');
    expect(await invoiceButtons.count()).toBe(expected.length);

    await invoiceButtons.filter({ hasText: 'Order' }).first().click();
    await page.getByRole('list', { name: 'Invoice rows' }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-result-light.png'), fullPage: true });
    await page.locator('[aria-labelledby="result-invoices"] button[aria-expanded="true"]').first().screenshot({ path: path.join(OUTPUT, 'taskpane-invoice-light.png') }).catch(() => undefined);
    await page.getByRole('list', { name: 'Invoice rows' }).first().evaluate((el) => el.closest('[class*="AccordionItem"], .fui-AccordionItem')?.scrollIntoView());
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-invoice-light.png') });

    await page.getByRole('button', { name: 'Generate invoices' }).click();
    const last = expected[expected.length - 1].invoiceNo;
    await page.getByText(`Issued ${expected.length} invoices (${expected[0].invoiceNo} to ${last}) as of ${BILLING_DATE}`).first().waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download billed workbook' }).click();
    const file = await (await download).path();
    expect((await download).suggestedFilename()).toBe('sample-billed.xlsx');
    const billed = await (await XlsxWorkbook.load(fs.readFileSync(file))).readTables();
    expect(registerFigures(billed)).toEqual(expected);

    // The e-invoices the register names (its EInvoice column), as one zip.
    const invoices = findTable(billed, 'Invoices')!;
    const eInvoiceAt = invoices.headers.findIndex((h) => headerKey(h) === 'einvoice');
    const named = invoices.rows.map((row) => row[eInvoiceAt]).filter((name): name is string => typeof name === 'string' && name !== '');
    const zipDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: `Download ${named.length} e-invoices` }).click();
    expect((await zipDownload).suggestedFilename()).toBe('e-invoices.zip');
    const zipped = unzipSync(new Uint8Array(fs.readFileSync(await (await zipDownload).path())));
    expect(Object.keys(zipped).sort()).toEqual([...named].sort());
    expect(strFromU8(zipped[named[0]])).toContain('urn:cen.eu:en16931:2017');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('dark theme: the result view follows the dark preference and passes axe', async () => {
    const { context, page, errors } = await openPane(NO_HOST_OFFICE_JS, { colorScheme: 'dark' });
    await openSampleFile(page);
    await previewAt(page, BILLING_DATE);
    await page.locator('[aria-labelledby="result-invoices"] button[aria-expanded]').filter({ hasText: 'Order' }).first().click();
    const background = await page.locator('main').evaluate((el) => getComputedStyle(el.parentElement!).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-result-dark.png'), fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-top-dark.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  test('inside a simulated Excel: Generate writes the invoices into the workbook and keeps the billing date', async () => {
    const { context, page, errors } = await openPane(fakeOfficeJs, { tables: asExcelValues(sampleRaw.tables) });
    await page.getByText('This workbook').waitFor();
    expect(await page.locator('html').getAttribute('data-psa-mode')).toBe('excel');
    await page.getByLabel('Billing date').fill(BILLING_DATE);
    await page.getByRole('button', { name: 'Generate invoices' }).click();
    await page.getByText(`Issued ${expected.length} invoices`).first().waitFor();
    const written = await page.evaluate(() => {
      interface Fake {
        table: (name: string) => { sheet: string; address: string; headers: string[]; rowCount: number } | undefined;
        cell: (sheet: string, row: number, column: number) => { value: unknown } | undefined;
        settings: Map<string, unknown>;
      }
      const fake = (window as unknown as { __psaFake: Fake }).__psaFake;
      const table = fake.table('Invoices');
      if (!table) return { headers: [], rows: [], date: fake.settings.get('PSA.BillingDate') };
      const [, letters, top] = /!\$?([A-Z]+)\$?(\d+)/.exec(table.address)!;
      const left = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const rows = Array.from({ length: table.rowCount }, (_, r) =>
        table.headers.map((_h, c) => fake.cell(table.sheet, Number(top) + 1 + r, left + c)?.value ?? null));
      return { headers: table.headers, rows, date: fake.settings.get('PSA.BillingDate') };
    });
    const at = (name: string) => written.headers.findIndex((h) => headerKey(h) === headerKey(name));
    expect(written.rows.map((r) => ({ invoiceNo: String(r[at('InvoiceNo')]), gross: Number(r[at('Gross')]).toFixed(2) }))).toEqual(expected);
    expect(written.date).toBe(BILLING_DATE);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('inside a simulated Excel: a date before the latest invoice is refused by Generate and announced by Preview, with nothing issued', async () => {
    const { context, page, errors } = await openPane(fakeOfficeJs, { tables: asExcelValues(sampleRaw.tables) });
    await page.getByText('This workbook').waitFor();
    await page.getByLabel('Billing date').fill(BILLING_DATE);
    await page.getByRole('button', { name: 'Generate invoices' }).click();
    await page.getByText(`Issued ${expected.length} invoices`).first().waitFor();
    const invoiceRows = () => page.evaluate(() => (window as unknown as { __psaFake: { table: (n: string) => { rowCount: number } | undefined } }).__psaFake.table('Invoices')?.rowCount);
    const issued = await invoiceRows();
    const last = expected[expected.length - 1].invoiceNo;

    await page.getByLabel('Billing date').fill('2026-11-20');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText(`Generate invoices will refuse this date: 2026-11-20 is before the last invoice. ${last} is dated ${BILLING_DATE}`).first().waitFor();
    expect(await page.getByText('Generate invoices issues exactly what this preview shows').count()).toBe(0);

    await page.getByRole('button', { name: 'Generate invoices' }).click();
    await page.getByText(`Not billed: 2026-11-20 is before the last invoice. ${last} is dated ${BILLING_DATE}`).first().waitFor();
    expect(await invoiceRows()).toBe(issued);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('inside a simulated Excel: with an InvoiceTemplate sheet, Generate makes each invoice sheet a filled copy of it', async () => {
    const { context, page, errors } = await openPane(fakeOfficeJs, { tables: asExcelValues(sampleRaw.tables) });
    await page.getByText('This workbook').waitFor();
    await page.evaluate(() => {
      const fake = (window as unknown as { __psaFake: { addSheet: (n: string) => void; setCells: (s: string, a: string, v: unknown[][]) => void } }).__psaFake;
      fake.addSheet('InvoiceTemplate');
      fake.setCells('InvoiceTemplate', 'A1', [['Invoice', '{Invoice.Number}'], ['Customer', '{Customer.LegalName}'], ['{Row.Description}', '{Row.Amount}'], ['Gross', '{Totals.Gross}']]);
    });
    await page.getByLabel('Billing date').fill(BILLING_DATE);
    await page.getByRole('button', { name: 'Generate invoices' }).click();
    await page.getByText(`Issued ${expected.length} invoices`).first().waitFor();
    const first = expected[0];
    const sheet = await page.evaluate((name) => {
      const fake = (window as unknown as { __psaFake: { cell: (s: string, r: number, c: number) => { value: unknown } | undefined; usedCells: (s: string) => { row: number; column: number; value: unknown }[] } }).__psaFake;
      const cells = fake.usedCells(name);
      const last = Math.max(...cells.map((c) => c.row));
      return { number: fake.cell(name, 1, 2)?.value, grossLabel: fake.cell(name, last, 1)?.value, gross: fake.cell(name, last, 2)?.value };
    }, first.invoiceNo);
    expect(sheet).toEqual({ number: first.invoiceNo, grossLabel: 'Gross', gross: Number(first.gross) });
    expect(errors).toEqual([]);
    await context.close();
  });

  test('at 200 % zoom the result view reflows to the narrow pane without scrolling sideways', async () => {
    const { context, page, errors } = await openPane(NO_HOST_OFFICE_JS);
    // 200 % zoom of a 420 px wide pane leaves 210 CSS pixels.
    await page.setViewportSize({ width: 210, height: 700 });
    await openSampleFile(page);
    await previewAt(page, BILLING_DATE);
    await page.locator('[aria-labelledby="result-invoices"] button[aria-expanded]').filter({ hasText: 'Order' }).first().click();
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-zoom-200.png'), fullPage: true });
    const sticking = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return Array.from(document.querySelectorAll('main *'))
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}"`);
    });
    expect(sticking).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('inside a simulated Excel: Create project shows the rows it will add, then adds them to ProjectTree', async () => {
    const { context, page, errors } = await openPane(fakeOfficeJs, { tables: asExcelValues(sampleRaw.tables) });
    await page.getByText('This workbook').waitFor();
    const projectRows = () => page.evaluate(() => (window as unknown as { __psaFake: { table: (n: string) => { rowCount: number } | undefined } }).__psaFake.table('ProjectTree')?.rowCount ?? 0);
    const before = await projectRows();
    await page.getByLabel('Order').fill('O-1014');
    await page.getByRole('button', { name: 'Show its rows' }).click();
    const list = page.getByRole('list', { name: 'ProjectTree rows for order O-1014' });
    await list.waitFor();
    const shown = await list.getByRole('listitem').count();
    expect(shown).toBeGreaterThan(0);
    expect(await projectRows()).toBe(before);
    await page.getByRole('button', { name: /^Add \d+ rows? to ProjectTree$/ }).click();
    await page.getByText(`to ProjectTree for order O-1014`).waitFor();
    expect(await projectRows()).toBe(before + shown);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('inside a simulated Excel: keyboard alone credits the selected invoice after saying what will happen', async () => {
    const { context, page, errors } = await openPane(fakeOfficeJs, { tables: asExcelValues(sampleRaw.tables) });
    await page.getByText('This workbook').waitFor();
    await page.getByLabel('Billing date').fill(BILLING_DATE);
    await page.getByRole('button', { name: 'Generate invoices' }).click();
    await page.getByText(`Issued ${expected.length} invoices`).first().waitFor();
    interface Fake {
      run: (batch: (context: { workbook: { tables: { getItem: (n: string) => { getDataBodyRange: () => { getCell: (r: number, c: number) => { select: () => void } } } } }; sync: () => Promise<void> }) => Promise<void>) => Promise<void>;
      table: (name: string) => { sheet: string; address: string; headers: string[]; rowCount: number } | undefined;
      cell: (sheet: string, row: number, column: number) => { value: unknown } | undefined;
      sheetNames: () => string[];
      selection?: { sheet: string; address: string };
    }
    // The user selects INV-00005's row in the Invoices register.
    await page.evaluate(() => (window as unknown as { __psaFake: Fake }).__psaFake.run(async (context) => {
      context.workbook.tables.getItem('Invoices').getDataBodyRange().getCell(4, 2).select();
      await context.sync();
    }));
    const statusOf = (invoiceNo: string) => page.evaluate((no) => {
      const fake = (window as unknown as { __psaFake: Fake }).__psaFake;
      const t = fake.table('Invoices')!;
      const [, letters, top] = /!\$?([A-Z]+)\$?(\d+)/.exec(t.address)!;
      const left = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      for (let r = 1; r <= t.rowCount; r++) {
        if (fake.cell(t.sheet, Number(top) + r, left)?.value === no) return fake.cell(t.sheet, Number(top) + r, left + t.headers.indexOf('Status'))?.value ?? null;
      }
      return 'missing';
    }, invoiceNo);
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? { tag: el.tagName.toLowerCase(), name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(), value: (el as HTMLInputElement).value ?? '' } : undefined;
    });
    const tabTo = async (name: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if ((await focused())?.name === name) return;
      }
      throw new Error(`Tab never reached ${name}`);
    };

    await tabTo('Choose an invoice to credit');
    await page.keyboard.press('Enter');
    await page.getByLabel('Invoice', { exact: true }).waitFor();
    // The selected row is filled in, and the focus is in the field.
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.value === 'INV-00005');
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong rate');
    await page.keyboard.press('Enter');
    const effects = page.getByRole('list', { name: 'What crediting INV-00005 writes' });
    await effects.waitFor();
    expect(await effects.getByRole('listitem').first().textContent()).toMatch(/^Credit note INV-00018 \(the next number\), dated 2026-11-30/);
    expect(await focused()).toMatchObject({ tag: 'button', name: 'Issue credit note INV-00018' });
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[aria-labelledby="credit-confirm-title"]').screenshot({ path: path.join(OUTPUT, 'taskpane-credit-confirm.png') }).catch(() => undefined);
    // Escape cancels: nothing written, the focus back on the start.
    await page.keyboard.press('Escape');
    expect(await focused()).toMatchObject({ name: 'Choose an invoice to credit' });
    expect(await statusOf('INV-00005')).toBeNull();

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.value === 'INV-00005');
    await page.keyboard.press('Enter');
    await effects.waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Issued credit note INV-00018 for INV-00005.').waitFor();
    expect(await statusOf('INV-00005')).toBe('Credited');
    expect(await statusOf('INV-00018')).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { __psaFake: Fake }).__psaFake.sheetNames())).toContain('INV-00018');
    expect(await axeViolations(page)).toEqual([]);
    await tabTo('Show sheet INV-00018');
    await page.keyboard.press('Enter');
    const selection = () => page.evaluate(() => (window as unknown as { __psaFake: Fake }).__psaFake.selection);
    for (let i = 0; i < 50 && (await selection())?.sheet !== 'INV-00018'; i++) await page.waitForTimeout(50);
    expect(await selection()).toEqual({ sheet: 'INV-00018', address: 'A1' });

    // Crediting it again is refused by name, in the field, with nothing written.
    await page.getByRole('button', { name: 'Choose an invoice to credit' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Invoice', { exact: true }).fill('INV-00005');
    await page.keyboard.press('Enter');
    await page.getByText('INV-00005 is credited already (Invoices Status Credited). Nothing was written.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('keyboard alone: reaches Preview and Generate, runs Preview, and an input error\'s link selects its cell', async () => {
    const tables = asExcelValues(sampleRaw.tables).map((t) => {
      if (t.name !== 'TimeEntries') return t;
      const hours = t.headers.findIndex((h) => headerKey(h) === 'hours');
      return { ...t, rows: t.rows.map((row, i) => (i === 0 ? row.map((v, c) => (c === hours ? -1.5 : v)) : row)) };
    });
    const entries = tables.find((t) => t.name === 'TimeEntries')!;
    const hoursColumn = entries.firstColumn + entries.headers.findIndex((h) => headerKey(h) === 'hours');
    const { context, page, errors } = await openPane(fakeOfficeJs, { tables });
    await page.getByText('This workbook').waitFor();

    const focusedName = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
    });
    const tabTo = async (name: string | RegExp, limit = 40): Promise<string[]> => {
      const seen: string[] = [];
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        const now = await focusedName();
        seen.push(now);
        if (typeof name === 'string' ? now === name : name.test(now)) return seen;
      }
      throw new Error(`Tab never reached ${String(name)}; it went through: ${seen.join(' | ')}`);
    };
    await tabTo('Preview');
    await tabTo('Generate invoices');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName()).toBe('Preview');
    await page.keyboard.press('Enter');
    await page.getByText('Nothing is written while the workbook has input errors').waitFor();
    await page.screenshot({ path: path.join(OUTPUT, 'taskpane-input-errors.png') });

    const link = /^Select cell TimeEntries!/;
    await tabTo(link);
    const label = await focusedName();
    const address = /Select cell (\S+?)(,|$)/.exec(label)![1];
    expect(address).toMatch(new RegExp(`^TimeEntries!${String.fromCharCode(64 + hoursColumn)}\\d+$`));
    await page.keyboard.press('Enter');
    const selection = () => page.evaluate(() => (window as unknown as { __psaFake: { selection?: { sheet: string; address: string } } }).__psaFake.selection);
    for (let i = 0; i < 50 && (await selection())?.address !== address.split('!')[1]; i++) await page.waitForTimeout(50);
    expect(await selection()).toEqual({ sheet: entries.sheet, address: address.split('!')[1] });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
