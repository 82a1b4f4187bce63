/**
 * Reads the cells of one sheet part as a stream (saxes over the text as it is decoded), as
 * Excel shows them: a formula by its cached result, a shared or inline string as its text,
 * a number in a date format as a Date (exceljs's rule, so workbooks read as they did before), an error as
 * its text, an empty cell as null. Only the cells of the asked regions (the tables) are
 * kept as values; of the rest, only where something is (so a growing table can check the
 * cells it takes in), and whole rows asked for by number (a totals row that must move).
 */
import { SaxesParser } from 'saxes';
import type { CellValue } from '../../schema/rawTable';
import { cellKey, parseCellRef, type Box } from './cellRefs';
import type { StyleSheet } from './styleSheet';
import { decodeExcelEscapes } from './xmlTree';

/** A cell kept as it is, to be written elsewhere: its style, type, formula and cached value. */
export interface CapturedCell {
  column: number;
  s: number;
  t: string | undefined;
  formula?: { attrs: Record<string, string>; text: string };
  v: string | undefined;
  value: CellValue;
}

/**
 * Where each row of the sheet part is, as byte offsets into the part, so a writer can copy
 * unchanged rows as they are, without parsing or even decoding them.
 */
export class RowLayout {
  count = 0;
  rows = new Int32Array(1024);
  /** Offset just after the row's start tag. */
  openEnds = new Float64Array(1024);
  /** Offset just after the row's end (its end tag, or its start tag when it has no content). */
  ends = new Float64Array(1024);
  /** The rightmost column that has a cell. */
  lastColumns = new Int32Array(1024);
  /** 1 when a cell of the row has a solid fill (a fill the run may have to clear). */
  filled = new Uint8Array(1024);
  /**
   * Offset just after the start tag of the cell in the rightmost column when that cell is
   * blank and self-closing (`<c r="K5" s="3"/>`, a cell the run may fill in place); -1 otherwise.
   */
  blankLastCellEnds = new Float64Array(1024);
  /** Offsets just after the `dimension` tag and after the end of `sheetData` (its end tag, or the start tag of an empty one). */
  dimensionEnd = -1;
  sheetDataEnd = -1;
  sheetDataSelfClosing = false;

  add(row: number, openEnd: number): void {
    if (this.count === this.rows.length) {
      const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
        const next = new (a.constructor as new (n: number) => T)(a.length * 2);
        next.set(a);
        return next;
      };
      this.rows = grow(this.rows);
      this.openEnds = grow(this.openEnds);
      this.ends = grow(this.ends);
      this.lastColumns = grow(this.lastColumns);
      this.filled = grow(this.filled);
      this.blankLastCellEnds = grow(this.blankLastCellEnds);
    }
    this.rows[this.count] = row;
    this.openEnds[this.count] = openEnd;
    this.ends[this.count] = openEnd;
    this.blankLastCellEnds[this.count] = -1;
    this.count++;
  }

  /** Adds the rows of another layout (the rows after this one's, read by a second thread) after these. */
  append(other: RowLayout): void {
    for (let k = 0; k < other.count; k++) {
      this.add(other.rows[k], other.openEnds[k]);
      const at = this.count - 1;
      this.ends[at] = other.ends[k];
      this.lastColumns[at] = other.lastColumns[k];
      this.filled[at] = other.filled[k];
      this.blankLastCellEnds[at] = other.blankLastCellEnds[k];
    }
  }

  /** Moves every offset by `by` (rows read from a copy of a stretch of the part, into the part's offsets). */
  shift(by: number): void {
    for (let k = 0; k < this.count; k++) {
      this.openEnds[k] += by;
      this.ends[k] += by;
      if (this.blankLastCellEnds[k] >= 0) this.blankLastCellEnds[k] += by;
    }
  }

  /** A layout as it came from another thread (its fields, without the class). */
  static revive(fields: RowLayout): RowLayout {
    return Object.assign(new RowLayout(), fields);
  }
}

export interface SheetCells {
  /** Where the rows are, for the writer. */
  layout?: RowLayout;
  /** The regions as they were asked for. */
  boxes: Box[];
  /** Per asked region, its rows top to bottom, each as wide as the region. */
  regions: CellValue[][][];
  /** Once the values are handed out and dropped: per region, 1 for each row that holds something. */
  filledRows?: Uint8Array[];
  /** Keys (cellKey) of cells outside the regions that are not blank. */
  others: Set<number>;
  /** Cells of the rows asked for, by row. */
  captured: Map<number, CapturedCell[]>;
}

export interface ReadContext {
  sharedStrings: string[];
  styles: StyleSheet;
  date1904: boolean;
}

/** What reading a cell needs of the styles: whether a style shows a date, and whether it fills the cell. */
export interface CellStyles {
  /** How many cell styles there are (indexes 0 to count - 1). */
  readonly count: number;
  isDate(s: number): boolean;
  hasSolidFill(s: number): boolean;
}

/** What reading rows needs of the workbook (a second thread gets these, not the whole StyleSheet). */
export interface RowReadContext {
  sharedStrings: string[];
  styles: CellStyles;
  date1904: boolean;
}

const MS_PER_DAY = 86_400_000;
const CHUNK = 1 << 22;

/** exceljs's conversion of a date serial, so a date reads as it did through exceljs. */
function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY));
}

/** The length of the part's UTF-8 byte order mark: 3, or 0 when it has none. */
export function bomLength(bytes: Uint8Array): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/**
 * Feeds the UTF-8 text of a part to a parser in pieces, never as one string as long as the
 * whole part. A piece ends where a character starts (in valid UTF-8), so it is the text of
 * exactly its own bytes; `from` is the byte offset where each piece starts. `start` and `end`
 * feed only that stretch of the part (each must be where a character starts).
 */
export function feedText(bytes: Uint8Array, write: (text: string, from: number, to: number) => void, start = bomLength(bytes), end = bytes.length): void {
  const decoder = new TextDecoder('utf-8');
  let at = start;
  while (at < end) {
    let to = Math.min(end, at + CHUNK);
    // Back to the start of a character: continuation bytes are 10xxxxxx.
    for (let back = 0; back < 3 && to < end && to > at + 1 && (bytes[to] & 0xc0) === 0x80; back++) to--;
    write(decoder.decode(bytes.subarray(at, to), { stream: to < end }), at, to);
    at = to;
  }
}

/**
 * Turns the parser's positions (offsets into the text fed so far, in UTF-16 code units, never
 * decreasing) into byte offsets into the part. A piece of plain ASCII maps one to one; in any
 * other piece the bytes are counted from the last position found. `exact` turns false when a
 * piece holds a replaced character (U+FFFD: invalid UTF-8, whose bytes the count cannot
 * follow), and the positions are then not to be used.
 */
class ByteOffsets {
  exact = true;
  private text = 0;
  private byte = 0;
  private ascii = true;
  private pieceEnd = 0;
  private pieceBytesEnd = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** A piece about to be fed: `length` code units decoded from bytes [from, to). */
  piece(piece: string, from: number, to: number): void {
    this.text = this.pieceEnd;
    this.byte = from;
    this.pieceEnd += piece.length;
    this.pieceBytesEnd = to;
    const replaced = piece.indexOf('\ufffd') >= 0;
    if (replaced) this.exact = false;
    this.ascii = !replaced && piece.length === to - from && this.bytes[from] < 0x80 && this.bytes[to - 1] < 0x80;
  }

  at(position: number): number {
    if (this.ascii) return this.byte + (position - this.text);
    const bytes = this.bytes;
    let text = this.text;
    let byte = this.byte;
    while (text < position && byte < this.pieceBytesEnd) {
      const b = bytes[byte];
      // A 4-byte character is two UTF-16 units; a continuation byte none.
      if (b < 0x80 || (b >= 0xc0 && b < 0xf0)) text++;
      else if (b >= 0xf0) text += 2;
      byte++;
    }
    // Past the last byte of a character that started before `position`.
    while (byte < this.pieceBytesEnd && (bytes[byte] & 0xc0) === 0x80) byte++;
    this.text = text;
    this.byte = byte;
    return byte;
  }
}

function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function cellValue(t: string | undefined, v: string | undefined, inline: string | undefined, s: number, ctx: RowReadContext): CellValue {
  switch (t) {
    case 's': {
      const text = v === undefined ? undefined : ctx.sharedStrings[Number(v)];
      return text === undefined || text === '' ? null : text;
    }
    case 'inlineStr':
      return inline === undefined || inline === '' ? (v === undefined || v === '' ? null : v) : inline;
    case 'str':
    case 'e':
      return v === undefined || v === '' ? null : decodeExcelEscapes(v);
    case 'b':
      return v === undefined || v === '' ? null : v === '1' || v === 'true';
    case 'd': {
      if (v === undefined || v === '') return null;
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
      return Number.isNaN(date.getTime()) ? v : date;
    }
    default: {
      if (v === undefined || v.trim() === '') return null;
      const n = Number(v);
      if (Number.isNaN(n)) return v;
      return ctx.styles.isDate(s) ? excelToDate(n, ctx.date1904) : n;
    }
  }
}

/** A column stops sharing its values once it has seen this many distinct ones (a column of ids). */
const SHARE_LIMIT = 1 << 16;

/**
 * Repeated values of a table column shared: a column holds the same few texts (people,
 * categories, nodes) and dates a million times over, so one string or Date per distinct value
 * instead of one per cell keeps the heap, and the garbage collector's work, a fraction of the
 * size. Shared Dates are never changed by anyone who reads the tables (nothing in src sets a
 * Date's fields).
 */
export class SharedValues {
  private readonly texts: (Map<string, string> | null | undefined)[] = [];
  private readonly dates: (Map<number, Date> | null | undefined)[] = [];

  share(column: number, value: CellValue): CellValue {
    if (typeof value === 'string') {
      let known = this.texts[column];
      if (known === null) return value;
      if (known === undefined) this.texts[column] = known = new Map();
      const found = known.get(value);
      if (found !== undefined) return found;
      if (known.size >= SHARE_LIMIT) this.texts[column] = null;
      else known.set(value, value);
      return value;
    }
    if (value instanceof Date) {
      let known = this.dates[column];
      if (known === null) return value;
      if (known === undefined) this.dates[column] = known = new Map();
      const time = value.getTime();
      const found = known.get(time);
      if (found !== undefined) return found;
      if (known.size >= SHARE_LIMIT) this.dates[column] = null;
      else known.set(time, value);
    }
    return value;
  }

  /** The shared Date of this time, made only when the column has not shown it. */
  date(column: number, time: number): Date {
    const found = this.dates[column]?.get(time);
    return found ?? (this.share(column, new Date(time)) as Date);
  }
}

/** Where a cell read inside region `region` goes. */
export type PlaceCell = (region: number, row: number, column: number, value: CellValue) => void;

/** Byte offsets [from, to) of a stretch of a part. */
export type Stretch = readonly [number, number];

/** What a pass over rows found besides the regions' values. */
export interface RowScan {
  layout: RowLayout;
  others: Set<number>;
  captured: Map<number, CapturedCell[]>;
  /** False when the text held a replaced character (invalid UTF-8): the layout's offsets are not to be used. */
  exact: boolean;
  /** False when the first row of a stretch read alone had no number (`r`), so no row number is known. */
  numbered: boolean;
  /** A comment, CDATA section or processing instruction was met: a stretch cut at a row may have cut one. */
  sawMarkup: boolean;
}

/**
 * One pass of saxes over stretches of a sheet part: each cell of an asked region goes to
 * `place`; the rows' layout, the other non-blank cells and the captured rows are returned.
 * `inRows` reads stretches that start among the rows of `sheetData` (a second thread's part of
 * a large sheet: saxes in fragment mode, row numbers from each row's `r`).
 */
export function scanRows(bytes: Uint8Array, stretches: readonly Stretch[], inRows: boolean, regions: readonly Box[], captureRows: ReadonlySet<number>, ctx: RowReadContext, place: PlaceCell): RowScan {
  const scan: RowScan = { layout: new RowLayout(), others: new Set(), captured: new Map(), exact: true, numbered: true, sawMarkup: false };
  const layout = scan.layout;
  const offsets = new ByteOffsets(bytes);
  const filledStyles = new Map<number, boolean>();
  const isFilled = (style: number): boolean => {
    let known = filledStyles.get(style);
    if (known === undefined) filledStyles.set(style, (known = ctx.styles.hasSolidFill(style)));
    return known;
  };
  const parser = new SaxesParser({ xmlns: false, position: false, fragment: inRows });
  let inData = inRows;
  let row = 0;
  let column = 0;
  let s = 0;
  let t: string | undefined;
  let v: string | undefined;
  let inline: string | undefined;
  let formula: { attrs: Record<string, string>; text: string } | undefined;
  /** What text goes to: 1 = v, 2 = an inline string's t, 3 = f. */
  let into = 0;
  let inPhonetic = false;
  let capture = false;

  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    if (!inData) {
      if (name === 'sheetData') {
        inData = !tag.isSelfClosing;
        if (tag.isSelfClosing) {
          layout.sheetDataEnd = offsets.at(parser.position);
          layout.sheetDataSelfClosing = true;
        }
      } else if (name === 'dimension') layout.dimensionEnd = offsets.at(parser.position);
      return;
    }
    const a = tag.attributes as Record<string, string>;
    switch (name) {
      case 'row': {
        const r = a.r === undefined ? NaN : Number(a.r);
        const numbered = Number.isInteger(r) && r > 0;
        if (!numbered && inRows && layout.count === 0) scan.numbered = false;
        row = numbered ? r : row + 1;
        column = 0;
        capture = captureRows.has(row);
        layout.add(row, offsets.at(parser.position));
        break;
      }
      case 'c': {
        const at = a.r === undefined ? undefined : parseCellRef(a.r);
        column = at ? at.column : column + 1;
        if (at && at.row !== row) row = at.row;
        s = a.s === undefined ? 0 : Number(a.s) || 0;
        t = a.t;
        if (layout.count > 0) {
          const k = layout.count - 1;
          if (column > layout.lastColumns[k]) {
            layout.lastColumns[k] = column;
            layout.blankLastCellEnds[k] = tag.isSelfClosing ? offsets.at(parser.position) : -1;
          } else if (column === layout.lastColumns[k]) layout.blankLastCellEnds[k] = -1;
          if (s !== 0 && isFilled(s)) layout.filled[k] = 1;
        }
        v = undefined;
        inline = undefined;
        formula = undefined;
        break;
      }
      case 'v':
        into = 1;
        v = '';
        break;
      case 'f':
        into = 3;
        formula = { attrs: { ...a }, text: '' };
        break;
      case 'rPh':
        inPhonetic = true;
        break;
      case 't':
        if (!inPhonetic) {
          into = 2;
          if (inline === undefined) inline = '';
        }
        break;
      default:
        break;
    }
  });
  const onText = (text: string): void => {
    if (into === 1) v += text;
    else if (into === 2) inline += text;
    else if (into === 3) formula!.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', (text) => {
    scan.sawMarkup = true;
    onText(text);
  });
  parser.on('comment', () => (scan.sawMarkup = true));
  parser.on('processinginstruction', () => (scan.sawMarkup = true));
  parser.on('closetag', (tag) => {
    if (!inData) return;
    const name = local(tag.name);
    if (name === 'v' || name === 't' || name === 'f') into = 0;
    else if (name === 'rPh') inPhonetic = false;
    else if (name === 'row') {
      if (layout.count > 0) layout.ends[layout.count - 1] = offsets.at(parser.position);
    } else if (name === 'sheetData') {
      inData = false;
      layout.sheetDataEnd = offsets.at(parser.position);
    } else if (name === 'c') {
      const value = cellValue(t, v, inline === undefined ? undefined : decodeExcelEscapes(inline), s, ctx);
      let placed = false;
      for (let i = 0; i < regions.length; i++) {
        const b = regions[i];
        if (row >= b.top && row <= b.bottom && column >= b.left && column <= b.right) {
          place(i, row, column, value);
          placed = true;
          break;
        }
      }
      if (!placed && value !== null) scan.others.add(cellKey(row, column));
      if (capture) {
        let cells = scan.captured.get(row);
        if (!cells) scan.captured.set(row, (cells = []));
        cells.push({ column, s, t, formula, v, value });
      }
    }
  });
  parser.on('error', (e) => {
    throw e;
  });
  for (const [from, to] of stretches) {
    feedText(
      bytes,
      (text, pieceFrom, pieceTo) => {
        offsets.piece(text, pieceFrom, pieceTo);
        parser.write(text);
      },
      from,
      to,
    );
  }
  parser.close();
  scan.exact = offsets.exact;
  return scan;
}

export function readSheetCells(bytes: Uint8Array, regions: Box[], captureRows: Set<number>, ctx: RowReadContext): SheetCells {
  const out = emptyCells(regions);
  const scan = scanRows(bytes, [[bomLength(bytes), bytes.length]], false, regions, captureRows, ctx, placeInto(out, regions));
  return finish(out, scan);
}

/** Cells as read before any row: every region's rows blank. */
export function emptyCells(regions: readonly Box[]): SheetCells {
  return {
    boxes: regions.map((b) => ({ ...b })),
    regions: regions.map((b) => {
      const rows: CellValue[][] = new Array<CellValue[]>(Math.max(0, b.bottom - b.top + 1));
      for (let i = 0; i < rows.length; i++) rows[i] = new Array<CellValue>(b.right - b.left + 1).fill(null);
      return rows;
    }),
    others: new Set(),
    captured: new Map(),
  };
}

/** Puts each value in its region's row, a repeated text or date as the one shared value. */
export function placeInto(out: SheetCells, regions: readonly Box[], shared = regions.map(() => new SharedValues())): PlaceCell {
  return (i, row, column, value) => {
    const b = regions[i];
    out.regions[i][row - b.top][column - b.left] = value === null || typeof value === 'number' || typeof value === 'boolean' ? value : shared[i].share(column - b.left, value);
  };
}

/** The cells with what the pass found besides the values. */
export function finish(out: SheetCells, scan: RowScan): SheetCells {
  out.others = scan.others;
  out.captured = scan.captured;
  // Invalid UTF-8: the writer parses the sheet again instead of copying it by the offsets.
  out.layout = scan.exact ? scan.layout : undefined;
  return out;
}
