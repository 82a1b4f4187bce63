/**
 * What the command line does with the files around a run: files it cannot read, temporary
 * files a killed run left, read-only workbooks, result names and extensions.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { billingWorkbook, placeWorkbook, cli, type CliRun } from './billingFixture';

/** The lines a user reads, without the progress line "Reading ...". */
const said = (run: CliRun) => run.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('Reading '));

const BROKEN = path.join(__dirname, '..', 'fixtures', 'broken');
/** No zip internals, no JavaScript, no address, no stack trace. */
const LIBRARY_TEXT = /zip|central directory|properties|undefined|null|TypeError|http|\bat \w|Usage:/i;

describe('a file that cannot be read gets one plain sentence, exit 2', () => {
  test.each([
    'clusterfuzz-testcase-minimized-POIXSSFFuzzer-5089447305609216.xlsx',
    'clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5025401116950528.xlsx',
    'crash-274d6342e4842d61be0fb48eaadad6208ae767ae.xlsx',
  ])('the fuzzer-made %s', async (name) => {
    const { dir, file } = await placeWorkbook(await fs.readFile(path.join(BROKEN, name)), 'broken.xlsx');
    const run = await cli(['generate', file]);
    expect(run.code).toBe(2);
    expect(said(run)).toEqual([`psa-billing: Cannot open ${file}: the file is damaged (cut short or corrupted); open it in Excel to repair it, or use a backup.`]);
    expect(await fs.readdir(dir)).toEqual(['broken.xlsx']);
  });

  async function zipOf(files: Record<string, string>): Promise<Buffer> {
    const zip = new JSZip();
    for (const [name, text] of Object.entries(files)) zip.file(name, text);
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  test.each([
    ['an empty file', async () => Buffer.alloc(0), 'the file is empty'],
    ['a text file', async () => Buffer.from('EntryId;Date\nE1;2025-01-02\n'), 'it is not an Excel workbook (.xlsx)'],
    ['an old .xls or a password-protected workbook', async () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'it is a password-protected workbook or an old .xls file; save it from Excel as an .xlsx workbook without a password'],
    ['an OpenDocument spreadsheet', () => zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }), 'it is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx)'],
    ['a binary workbook', () => zipOf({ 'xl/workbook.bin': 'x' }), 'it is a binary workbook (.xlsb); save it as an Excel workbook (.xlsx)'],
    ['a zip that is no workbook', () => zipOf({ 'readme.txt': 'hello' }), 'it is not an Excel workbook (.xlsx)'],
    ['a workbook whose parts are garbage', () => zipOf({ '[Content_Types].xml': '<Types', 'xl/workbook.xml': '<<<', '_rels/.rels': '<' }), 'the workbook is damaged or written in a form this tool cannot read; open it in Excel and save it again'],
  ])('%s', async (_what, bytes, reason) => {
    const { file } = await placeWorkbook(await bytes(), 'book.xlsx');
    const run = await cli(['generate', file]);
    expect(run.code).toBe(2);
    expect(said(run)).toEqual([`psa-billing: Cannot open ${file}: ${reason}.`]);
    expect(said(run).join('\n').replace(file, '')).not.toMatch(LIBRARY_TEXT);
  });

  test('a folder named like a workbook', async () => {
    const { dir } = await placeWorkbook(Buffer.from('x'));
    const folder = path.join(dir, 'folder.xlsx');
    await fs.mkdir(folder);
    expect(said(await cli(['generate', folder]))).toEqual([`psa-billing: Cannot open ${folder}: it is a folder, not a file.`]);
  });
});

describe('a temporary file left by a killed run is removed by the next run', () => {
  /** A process id that is not running: above Linux's largest (4,194,304). */
  const DEAD_PID = 4_194_999;

  test('the next run over the same target removes it; a live run\'s file and other files stay', async () => {
    const { dir, file } = await placeWorkbook(await billingWorkbook());
    const left = `.book-billed.xlsx.${DEAD_PID}.1733000000000.tmp`;
    const live = `.book-billed.xlsx.${process.ppid}.1733000000000.tmp`;
    const other = '.book-billed.xlsx.notes.tmp';
    for (const name of [left, live, other]) await fs.writeFile(path.join(dir, name), 'partial');
    expect((await cli(['generate', file, '--date', '2025-01-31'])).code).toBe(0);
    expect((await fs.readdir(dir)).sort()).toEqual([live, other, 'book-billed.xlsx', 'book.xlsx'].sort());
  });

  test('--in-place removes the one left beside the workbook', async () => {
    const { dir, file } = await placeWorkbook(await billingWorkbook());
    await fs.writeFile(path.join(dir, `.book.xlsx.${DEAD_PID}.1733000000000.tmp`), 'partial');
    expect((await cli(['generate', file, '--in-place', '--date', '2025-01-31'])).code).toBe(0);
    expect(await fs.readdir(dir)).toEqual(['book.xlsx']);
  });
});

describe('--in-place on a read-only workbook', () => {
  test('is refused with a sentence, exit 2, and the workbook stays as it was', async () => {
    const bytes = await billingWorkbook();
    const { dir, file } = await placeWorkbook(bytes);
    await fs.chmod(file, 0o444);
    const run = await cli(['generate', file, '--in-place', '--date', '2025-01-31']);
    expect(run.code).toBe(2);
    expect(said(run)).toEqual([`psa-billing: Refusing --in-place: ${file} is read-only; make it writable first, or write the result to a new file with --out.`]);
    expect((await fs.readFile(file)).equals(bytes)).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['book.xlsx']);
  });
});

describe('result names', () => {
  test('--out must end in .xlsx', async () => {
    const { dir, file } = await placeWorkbook(await billingWorkbook());
    for (const out of ['result.csv', 'result', 'result.xlsm', 'result.xls']) {
      const run = await cli(['generate', file, '--out', path.join(dir, out), '--date', '2025-01-31']);
      expect([out, run.code, run.stderr]).toEqual([out, 2, expect.stringContaining(`must end in .xlsx, the kind of file the result is.`)]);
    }
    expect((await cli(['generate', file, '--out', path.join(dir, 'RESULT.XLSX'), '--date', '2025-01-31'])).code).toBe(0);
    expect((await fs.readdir(dir)).sort()).toEqual(['RESULT.XLSX', 'book.xlsx']);
  });

  test('the default result of macro.xlsm is macro-billed.xlsm, typed as a macro workbook so Excel opens it', async () => {
    const { dir, file } = await placeWorkbook(await billingWorkbook(), 'macro.xlsm');
    expect((await cli(['generate', file, '--date', '2025-01-31'])).code).toBe(0);
    expect((await fs.readdir(dir)).sort()).toEqual(['macro-billed.xlsm', 'macro.xlsm']);
    const types = await (await JSZip.loadAsync(await fs.readFile(path.join(dir, 'macro-billed.xlsm')))).file('[Content_Types].xml')!.async('string');
    expect(types).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(types).not.toContain('spreadsheetml.sheet.main+xml');
  });

  test('a macro workbook may go to --out .xlsm or .xlsx', async () => {
    const { dir, file } = await placeWorkbook(await billingWorkbook(), 'macro.xlsm');
    expect((await cli(['generate', file, '--out', path.join(dir, 'a.xlsm'), '--date', '2025-01-31'])).code).toBe(0);
    expect((await cli(['generate', file, '--out', path.join(dir, 'b.xlsx'), '--date', '2025-01-31'])).code).toBe(0);
    expect((await cli(['generate', file, '--out', path.join(dir, 'c.txt'), '--date', '2025-01-31'])).stderr).toContain('must end in .xlsx or .xlsm');
  });
});
