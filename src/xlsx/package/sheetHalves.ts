/**
 * A large sheet read in two halves at once, on the machine's two cores: the part is cut where
 * a row starts, this thread reads the rows before the cut (and what follows `sheetData`), a
 * second thread the rows after it (nodeSheetReader.ts, command line only) and hands them back
 * packed: per region, a kind and a number per cell and each text once, which passes between
 * threads far cheaper than a million small arrays. The result is exactly what one pass
 * (`readSheetCells`) gives; anything that would make the cut unsafe or the halves disagree (a
 * comment, CDATA section or processing instruction in the part, a row without its number,
 * rows out of order, an error in either half) and the whole part is read again in one pass.
 */
import type { CellValue } from '../../schema/rawTable';
import type { Box } from './cellRefs';
import {
  bomLength,
  emptyCells,
  finish,
  placeInto,
  readSheetCells,
  RowLayout,
  scanRows,
  SharedValues,
  type CapturedCell,
  type CellStyles,
  type RowReadContext,
  type SheetCells,
  type Stretch,
} from './sheetReader';

/** Below this many bytes one pass is about as fast as starting a second thread. */
export const SPLIT_MIN_BYTES = 16 << 20;

/** A column whose texts are mostly distinct (ids, comments) stops being looked up after this many. */
const DEDUPE_LIMIT = 4096;

const LESS_THAN = 0x3c;
/** `row` and `/sheetData`, as bytes. */
const ROW = [0x72, 0x6f, 0x77];
const SHEET_DATA_END = [...'/sheetData>'].map((c) => c.charCodeAt(0));

const enum Kind {
  Blank = 0,
  Number = 1,
  Text = 2,
  True = 3,
  False = 4,
  Date = 5,
}

/** One region's cells from the second thread: rows [firstRow, firstRow + rowCount) of the box, row by row. */
export interface PackedRegion {
  firstRow: number;
  rowCount: number;
  kinds: Uint8Array;
  /** The number, a date's time, or a text's index into `texts`. */
  numbers: Float64Array;
  texts: string[];
}

export interface PackedRows {
  layout: RowLayout;
  others: number[];
  captured: [number, CapturedCell[]][];
  exact: boolean;
  /** False when the rows cannot be put together with the first half's (a row without its number, rows out of order). */
  usable: boolean;
  regions: PackedRegion[];
}

/** What the styles say of each style index, as arrays a second thread can be given. */
export interface StyleFacts {
  dates: Uint8Array;
  fills: Uint8Array;
}

/** The second thread's task: its copy of the rows after the cut, and what reading them needs. */
export interface RowJob {
  bytes: Uint8Array;
  /** Where `bytes` starts in the part. */
  base: number;
  regions: Box[];
  captureRows: number[];
  sharedStrings: string[];
  styles: StyleFacts;
  date1904: boolean;
}

/**
 * Starts a second thread on a job; `take` waits for its packed rows (undefined when it failed)
 * and ends the thread.
 */
export type RowThread = (job: RowJob) => { take(): PackedRows | undefined };

export function styleFacts(styles: CellStyles): StyleFacts {
  const facts = { dates: new Uint8Array(styles.count), fills: new Uint8Array(styles.count) };
  for (let s = 0; s < styles.count; s++) {
    facts.dates[s] = styles.isDate(s) ? 1 : 0;
    facts.fills[s] = styles.hasSolidFill(s) ? 1 : 0;
  }
  return facts;
}

function stylesOf(facts: StyleFacts): CellStyles {
  return { count: facts.dates.length, isDate: (s) => facts.dates[s] === 1, hasSolidFill: (s) => facts.fills[s] === 1 };
}

function matchesAt(bytes: Uint8Array, at: number, pattern: readonly number[]): boolean {
  for (let i = 0; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) return false;
  return true;
}

/**
 * Where to cut: the start of the first `<row` at or after `firstShare` of the part, and where the rows end
 * (the last `</sheetData>`); undefined when the part has no such place (a prefixed element
 * name, no rows past the share).
 */
export function cutAtRow(bytes: Uint8Array, firstShare: number): { cut: number; rowsEnd: number } | undefined {
  let rowsEnd = bytes.lastIndexOf(LESS_THAN);
  while (rowsEnd >= 0 && !matchesAt(bytes, rowsEnd + 1, SHEET_DATA_END)) rowsEnd = rowsEnd === 0 ? -1 : bytes.lastIndexOf(LESS_THAN, rowsEnd - 1);
  if (rowsEnd < 0) return undefined;
  const start = bomLength(bytes);
  for (let at = bytes.indexOf(LESS_THAN, start + Math.floor((rowsEnd - start) * firstShare)); at >= 0 && at < rowsEnd; at = bytes.indexOf(LESS_THAN, at + 1)) {
    const after = bytes[at + 4];
    if (matchesAt(bytes, at + 1, ROW) && (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d)) return { cut: at, rowsEnd };
  }
  return undefined;
}

/** Gathers one region's cells in packed form, rows growing as they come. */
class RegionPacker {
  private firstRow = -1;
  private rowCount = 0;
  private kinds = new Uint8Array(0);
  private numbers = new Float64Array(0);
  private readonly texts: string[] = [];
  /** Per column, each text's index while the column has shown few distinct ones (an id column stops at DEDUPE_LIMIT). */
  private readonly textIndexes: (Map<string, number> | null)[];
  private readonly width: number;
  ordered = true;

  constructor(private readonly box: Box) {
    this.width = box.right - box.left + 1;
    this.textIndexes = Array.from({ length: this.width }, () => new Map());
  }

  private textAt(column: number, text: string): number {
    const known = this.textIndexes[column];
    if (known === null) return this.texts.push(text) - 1;
    let index = known.get(text);
    if (index === undefined) {
      index = this.texts.push(text) - 1;
      if (known.size >= DEDUPE_LIMIT) this.textIndexes[column] = null;
      else known.set(text, index);
    }
    return index;
  }

  put(row: number, column: number, value: CellValue): void {
    if (value === null) return;
    if (this.firstRow < 0) this.firstRow = row - this.box.top;
    const r = row - this.box.top - this.firstRow;
    if (r < 0) {
      this.ordered = false;
      return;
    }
    if (r >= this.rowCount) this.grow(r + 1);
    const k = r * this.width + column - this.box.left;
    if (typeof value === 'number') {
      this.kinds[k] = Kind.Number;
      this.numbers[k] = value;
    } else if (typeof value === 'boolean') this.kinds[k] = value ? Kind.True : Kind.False;
    else if (typeof value === 'string') {
      this.kinds[k] = Kind.Text;
      this.numbers[k] = this.textAt(column - this.box.left, value);
    } else {
      this.kinds[k] = Kind.Date;
      this.numbers[k] = value.getTime();
    }
  }

  private grow(rows: number): void {
    this.rowCount = rows;
    if (rows * this.width <= this.kinds.length) return;
    const capacity = Math.max(1024, rows * 2) * this.width;
    const kinds = new Uint8Array(capacity);
    kinds.set(this.kinds);
    const numbers = new Float64Array(capacity);
    numbers.set(this.numbers);
    this.kinds = kinds;
    this.numbers = numbers;
  }

  packed(): PackedRegion {
    return { firstRow: Math.max(0, this.firstRow), rowCount: this.rowCount, kinds: this.kinds, numbers: this.numbers, texts: this.texts };
  }
}

/** The second thread's work: reads the job's rows and packs them. */
export function packRows(job: RowJob): PackedRows {
  const packers = job.regions.map((box) => new RegionPacker(box));
  const ctx: RowReadContext = { sharedStrings: job.sharedStrings, styles: stylesOf(job.styles), date1904: job.date1904 };
  const scan = scanRows(job.bytes, [[0, job.bytes.length]], true, job.regions, new Set(job.captureRows), ctx, (i, row, column, value) => packers[i].put(row, column, value));
  scan.layout.shift(job.base);
  return {
    layout: scan.layout,
    others: [...scan.others],
    captured: [...scan.captured],
    exact: scan.exact,
    usable: scan.numbered && !scan.sawMarkup && packers.every((p) => p.ordered),
    regions: packers.map((p) => p.packed()),
  };
}

/** Everything typed in a packed result, to be handed over rather than copied. */
export function packedBuffers(packed: PackedRows): ArrayBuffer[] {
  const l = packed.layout;
  const arrays = [l.rows, l.openEnds, l.ends, l.lastColumns, l.filled, l.blankLastCellEnds, ...packed.regions.flatMap((r) => [r.kinds, r.numbers])];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** Puts the second thread's rows in their places, each repeated text and date as the one shared value. */
function unpack(region: PackedRegion, rows: CellValue[][], width: number, shared: SharedValues): void {
  const { kinds, numbers, texts } = region;
  // A text's index stands for one column's text (the packer keeps texts apart by column): shared once per index.
  const canonical: (string | undefined)[] = new Array<string | undefined>(texts.length);
  for (let r = 0; r < region.rowCount; r++) {
    const values = rows[region.firstRow + r];
    for (let c = 0, k = r * width; c < width; c++, k++) {
      switch (kinds[k]) {
        case Kind.Blank:
          break;
        case Kind.Number:
          values[c] = numbers[k];
          break;
        case Kind.Text: {
          const index = numbers[k];
          values[c] = canonical[index] ?? (canonical[index] = shared.share(c, texts[index]) as string);
          break;
        }
        case Kind.Date:
          values[c] = shared.date(c, numbers[k]);
          break;
        default:
          values[c] = kinds[k] === Kind.True;
      }
    }
  }
}

/** The rows after the cut, being read by the second thread. */
export interface SecondHalf {
  cut: number;
  rowsEnd: number;
  take(): PackedRows | undefined;
}

/**
 * Starts the second thread on the rows after a cut, when the sheet is large enough and can be
 * cut. `firstShare` is the share of the rows' bytes left to this thread: about half, less when
 * this thread has other sheets to read meanwhile.
 */
export function startSecondHalf(bytes: Uint8Array, regions: Box[], captureRows: Set<number>, ctx: RowReadContext, thread: RowThread, firstShare: number, minBytes = SPLIT_MIN_BYTES): SecondHalf | undefined {
  const where = bytes.length >= minBytes ? cutAtRow(bytes, firstShare) : undefined;
  if (!where) return undefined;
  // A copy of its own to hand over (`new`, not `slice`: a Node Buffer's slice shares the memory).
  const job: RowJob = { bytes: new Uint8Array(bytes.subarray(where.cut, where.rowsEnd)), base: where.cut, regions, captureRows: [...captureRows], sharedStrings: ctx.sharedStrings, styles: styleFacts(ctx.styles), date1904: ctx.date1904 };
  return { ...where, take: thread(job).take };
}

/**
 * The sheet's cells, the rows before the cut read here and the rest taken from the second
 * thread; exactly what `readSheetCells` gives. Without a second half, or when the halves
 * cannot be put together, the whole part is read here in one pass.
 */
export function readSheetCellsInTwo(bytes: Uint8Array, regions: Box[], captureRows: Set<number>, ctx: RowReadContext, second: SecondHalf | undefined): SheetCells {
  if (second) {
    const out = emptyCells(regions);
    const shared = regions.map(() => new SharedValues());
    const place = placeInto(out, regions, shared);
    const stretches: Stretch[] = [
      [bomLength(bytes), second.cut],
      [second.rowsEnd, bytes.length],
    ];
    let scan: ReturnType<typeof scanRows> | undefined;
    try {
      scan = scanRows(bytes, stretches, false, regions, captureRows, ctx, place);
    } catch {
      // Read again in one pass below, which says what is wrong with the part.
    }
    const packed = second.take();
    if (scan && !scan.sawMarkup && packed?.usable) {
      packed.regions.forEach((region, i) => unpack(region, out.regions[i], regions[i].right - regions[i].left + 1, shared[i]));
      scan.layout.append(RowLayout.revive(packed.layout));
      for (const key of packed.others) scan.others.add(key);
      for (const [row, cells] of packed.captured) scan.captured.set(row, cells);
      scan.exact = scan.exact && packed.exact;
      return finish(out, scan);
    }
  }
  return readSheetCells(bytes, regions, captureRows, ctx);
}
