/**
 * A large sheet read in two halves at once (sheetHalves.ts; the command line's second thread,
 * nodeSheetReader.ts) gives exactly what one pass gives: every value of the tables, the cells
 * elsewhere, the captured rows and the byte layout the writer splices by. Where a cut could be
 * unsafe or the halves cannot be joined, it reads in one pass instead, with the same result.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import AdmZip from 'adm-zip';
import { dayFromIso } from '../../../src/core/day';
import { checkBillingWorkbook } from '../../../src/engine/checkBillingWorkbook';
import { runBilling } from '../../../src/engine/runBilling';
import { nodeDeflater } from '../../../src/xlsx/package/nodeDeflater';
import { nodeRowThread } from '../../../src/xlsx/package/nodeSheetReader';
import type { ReadHelpers } from '../../../src/xlsx/package/PackageWorkbook';
import { XlsxWorkbook } from '../../../src/xlsx/XlsxWorkbook';
import { packRows, readSheetCellsInTwo, startSecondHalf, type RowJob, type RowThread } from '../../../src/xlsx/package/sheetHalves';
import { readSheetCells, type SheetCells } from '../../../src/xlsx/package/sheetReader';
import { StyleSheet } from '../../../src/xlsx/package/styleSheet';
import { parseXml } from '../../../src/xlsx/package/xmlTree';

const STYLES = new StyleSheet(
  parseXml(
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<fonts count="1"><font/></fonts>' +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      '<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/></patternFill></fill></fills>' +
      '<borders count="1"><border/></borders>' +
      '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/>' +
      '<xf numFmtId="0" fontId="0" fillId="2" borderId="0"/></cellXfs></styleSheet>',
  ),
);
const ctx = { sharedStrings: ['Development', 'Person 7', 'Ümlaut € text'], styles: STYLES, date1904: false };
/** The table A1:F{rows+1}; rows 1, the last and the one before it are captured, as the adapter asks. */
const regions = (rows: number) => [{ top: 1, left: 1, bottom: rows + 1, right: 6 }];
const capture = (rows: number) => new Set([1, rows, rows + 1]);

/** Row r of the TimeEntries-like table, with every kind of cell, multi-byte text, and a cell right of the table. */
function row(r: number): string {
  const cells = [
    `<c r="A${r}" t="inlineStr"><is><t>E${r} ${r % 7 === 0 ? 'café ☕' : 'plain'}</t></is></c>`,
    `<c r="B${r}" s="1"><v>${45000 + (r % 40)}</v></c>`,
    `<c r="C${r}" t="s"><v>${r % 3}</v></c>`,
    r % 5 === 0 ? `<c r="D${r}" t="b"><v>1</v></c>` : `<c r="D${r}"><f>B${r}*2</f><v>${r * 0.25}</v></c>`,
    r % 11 === 0 ? `<c r="E${r}" t="e"><v>#N/A</v></c>` : `<c r="E${r}" s="2" t="str"><v>x_x000D_y</v></c>`,
    r % 4 === 0 ? `<c r="F${r}"/>` : `<c r="F${r}" t="inlineStr"><is><r><t>rich </t></r><r><t>text</t></r><rPh><t>ignored</t></rPh></is></c>`,
  ];
  if (r % 13 === 0) cells.push(`<c r="H${r}"><v>${r}</v></c>`);
  return `<row r="${r}" spans="1:8">${cells.join('')}</row>`;
}

function sheet(rows: number, middle = ''): Uint8Array {
  const body: string[] = [];
  for (let r = 1; r <= rows + 1; r++) body.push(r === Math.floor(rows / 2) ? middle + row(r) : row(r));
  const xml =
    '\ufeff<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<dimension ref="A1:H${rows + 1}"/><sheetData>${body.join('')}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  return new TextEncoder().encode(xml);
}

/** The second thread's work done here, on a copy of the job as a thread would be given it. */
function inProcessThread(): RowThread & { jobs: number; usable: boolean } {
  const thread = Object.assign(
    (job: RowJob) => {
      thread.jobs++;
      const packed = packRows(structuredClone(job));
      thread.usable = packed.usable;
      return { take: () => structuredClone(packed) };
    },
    { jobs: 0, usable: false },
  );
  return thread;
}

/** Read with the rows after a cut at `share` of the part read by `thread`. */
function inTwo(bytes: Uint8Array, thread: RowThread, share = 0.5, rows = 3_000): SheetCells {
  return readSheetCellsInTwo(bytes, regions(rows), capture(rows), ctx, startSecondHalf(bytes, regions(rows), capture(rows), ctx, thread, share, 1));
}

function comparable(cells: SheetCells) {
  const l = cells.layout;
  const used = (a: ArrayLike<number> | undefined) => (l && a ? Array.from(a).slice(0, l.count) : undefined);
  return {
    regions: cells.regions,
    others: [...cells.others].sort((a, b) => a - b),
    captured: [...cells.captured].sort((a, b) => a[0] - b[0]),
    layout: l && { count: l.count, rows: used(l.rows), openEnds: used(l.openEnds), ends: used(l.ends), lastColumns: used(l.lastColumns), filled: used(l.filled), blank: used(l.blankLastCellEnds), dimensionEnd: l.dimensionEnd, sheetDataEnd: l.sheetDataEnd },
  };
}

describe('a large sheet read in two halves', () => {
  const rows = 3_000;

  test.each([0.5, 0.1, 0.9])('cut at %s of the rows, gives every value, the other cells, the captured rows and the byte layout exactly as one pass does', (share) => {
    const bytes = sheet(rows);
    const thread = inProcessThread();
    const read = inTwo(bytes, thread, share);
    expect([thread.jobs, thread.usable]).toEqual([1, true]);
    const onePass = readSheetCells(bytes, regions(rows), capture(rows), ctx);
    expect(comparable(read)).toEqual(comparable(onePass));
    // The halves' values are the shared ones: a repeated text is one string, a repeated date one Date.
    const dates = read.regions[0].map((r) => r[1]);
    expect(dates[2]).toBe(dates[42]);
    expect(read.regions[0][rows][2]).toBe('Person 7');
  });

  test.each([
    ['a comment among the rows', '<!-- <row r="9"> -->'],
    ['a CDATA section', ''],
  ])('reads in one pass, with the same result, when the sheet holds %s', (_, middle) => {
    const bytes = middle === '' ? new TextEncoder().encode(new TextDecoder().decode(sheet(rows)).replace('<v>x_x000D_y</v>', '<v><![CDATA[x<row r="1">]]></v>')) : sheet(rows, middle);
    const read = inTwo(bytes, inProcessThread());
    expect(comparable(read)).toEqual(comparable(readSheetCells(bytes, regions(rows), capture(rows), ctx)));
  });

  test('reads in one pass when the rows after the cut do not say their number, or the thread fails', () => {
    const text = new TextDecoder().decode(sheet(rows)).replace(/<row r="(\d+)" spans/g, (m, r) => (Number(r) > rows / 3 ? '<row spans' : m));
    const bytes = new TextEncoder().encode(text);
    const onePass = comparable(readSheetCells(bytes, regions(rows), capture(rows), ctx));
    expect(comparable(inTwo(bytes, inProcessThread()))).toEqual(onePass);
    const failing: RowThread = () => ({ take: () => undefined });
    expect(comparable(inTwo(sheet(rows), failing))).toEqual(comparable(readSheetCells(sheet(rows), regions(rows), capture(rows), ctx)));
  });

  test('a damaged second half is the same error as in one pass, not a different table', () => {
    const bytes = new TextEncoder().encode(new TextDecoder().decode(sheet(rows)).replace(`<c r="B${rows - 5}" s="1">`, `<c r="B${rows - 5}" s="1>`));
    expect(() => readSheetCells(bytes, regions(rows), capture(rows), ctx)).toThrow();
    expect(() => inTwo(bytes, inProcessThread())).toThrow();
  });

  test("the command line's second thread (the compiled worker) reads its half to the same result", () => {
    // The worker runs compiled JavaScript: npm test builds before jest.
    const thread = nodeRowThread(path.join(__dirname, '..', '..', '..', 'dist', 'xlsx', 'package', 'rowThreadWorker.js'));
    if (!thread) throw new Error('dist/xlsx/package/rowThreadWorker.js is missing: run npm run build first (npm test does).');
    const bytes = sheet(rows);
    expect(comparable(inTwo(bytes, thread))).toEqual(comparable(readSheetCells(bytes, regions(rows), capture(rows), ctx)));
  });

  test('a second thread that cannot load its reader answers at once, and the sheet is read in one pass', () => {
    const compiled = path.join(__dirname, '..', '..', '..', 'dist', 'xlsx', 'package', 'rowThreadWorker.js');
    if (!fs.existsSync(compiled)) throw new Error(`${compiled} is missing: run npm run build first (npm test does).`);
    // The worker's program alone, without the reader beside it.
    const lonely = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'row-thread-')), 'rowThreadWorker.js');
    fs.copyFileSync(compiled, lonely);
    const thread = nodeRowThread(lonely)!;
    const bytes = sheet(rows);
    const started = Date.now();
    expect(comparable(inTwo(bytes, thread))).toEqual(comparable(readSheetCells(bytes, regions(rows), capture(rows), ctx)));
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

describe('a workbook billed with its largest table sheet read in two halves', () => {
  const compiled = path.join(__dirname, '..', '..', '..', 'dist', 'xlsx', 'package', 'rowThreadWorker.js');
  const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'other-programs');

  async function billed(file: string, helpers: ReadHelpers): Promise<Map<string, Buffer>> {
    const book = await XlsxWorkbook.load(fs.readFileSync(file), helpers);
    const { workbook } = checkBillingWorkbook(await book.readTables());
    await book.writeResult(runBilling(workbook!, { billingDate: dayFromIso('2026-11-30')!, preview: false }));
    const zip = new AdmZip(Buffer.from(book.packageBytes(nodeDeflater(3))));
    return new Map(zip.getEntries().filter((e) => !e.isDirectory).map((e) => [e.entryName, e.getData()]));
  }

  // Saved by this tool (inline texts), by LibreOffice (shared strings) and by openpyxl.
  test.each(['sample-original.xlsx', 'sample-libreoffice.xlsx', 'sample-openpyxl.xlsx'])('%s: the same billed file, part for part, as read in one pass', async (name) => {
    if (!fs.existsSync(compiled)) throw new Error(`${compiled} is missing: run npm run build first (npm test does).`);
    const file = path.join(fixtures, name);
    // Every sheet counts as large: the largest table sheet is cut, its rows after the cut read by the compiled worker.
    const worker = nodeRowThread(compiled)!;
    const answers: boolean[] = [];
    const watched: RowThread = (job) => {
      const started = worker(job);
      const take = () => {
        const packed = started.take();
        answers.push(packed?.usable === true);
        return packed;
      };
      return { take };
    };
    const inTwo = await billed(file, { rowThread: watched, splitMinBytes: 1 });
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((usable) => usable)).toBe(true);
    expect(inTwo).toEqual(await billed(file, {}));
  });
});
