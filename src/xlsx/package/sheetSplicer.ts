/**
 * Applies a run's edits to a sheet part whose rows the reader has already located
 * (RowLayout, byte offsets): the bytes are copied through as they are, neither parsed nor
 * decoded again. A row that only gains cells right of its last one (the InvoiceNo mark of a
 * million time entries) gets them spliced in before its end tag; a row whose own cells change
 * (a fill, a cleared value) is rebuilt by `transformSheet` on that row alone; rows the run
 * adds are put in their place. Only what is written new is text.
 */
import { strToU8 } from 'fflate';
import { columnLetters } from '../../schema/rawTable';
import { columnNumber, decodeRange, encodeRange, type Box } from './cellRefs';
import { capturedCellXml, valueCellXml } from './cellXml';
import { SheetEdits, type CellEdit, type RegionEdit } from './sheetEdits';
import { bomLength, type RowLayout } from './sheetReader';
import { transformSheet } from './sheetWriter';
import type { StyleOp, StyleSheet } from './styleSheet';
import type { PartPiece } from './zipPackage';

const LESS_THAN = 0x3c;
const QUOTE = 0x22;
/** ` spans="`, after its leading white space. */
const SPANS = [0x73, 0x70, 0x61, 0x6e, 0x73, 0x3d, QUOTE];

const decoder = new TextDecoder('utf-8');

/** The text of a short stretch of the part (a tag, a row), from a character's start to another's. */
function textOf(bytes: Uint8Array, from: number, to: number): string {
  if (to - from <= 64) {
    let ascii = true;
    for (let i = from; i < to; i++) if (bytes[i] >= 0x80) ascii = false;
    if (ascii) return String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
  }
  return decoder.decode(bytes.subarray(from, to));
}

/** White space as `\s` takes it, among ASCII bytes. */
function isSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

/**
 * Where ` spans="…"` is in a row's start tag [from, to) as [start, end], the first such, as
 * `/\sspans="[^"]*"/` finds it; undefined when the tag has none.
 */
function spansAttribute(bytes: Uint8Array, from: number, to: number): [number, number] | undefined {
  search: for (let i = from + 1; i + SPANS.length < to; i++) {
    if (bytes[i] !== SPANS[0] || !isSpace(bytes[i - 1])) continue;
    for (let j = 1; j < SPANS.length; j++) if (bytes[i + j] !== SPANS[j]) continue search;
    const close = bytes.indexOf(QUOTE, i + SPANS.length);
    if (close < 0 || close >= to) return undefined;
    return [i - 1, close + 1];
  }
  return undefined;
}

export function spliceSheet(bytes: Uint8Array, edits: SheetEdits, styles: StyleSheet, layout: RowLayout, push: (piece: PartPiece) => void): void {
  // The source's bytes up to `copied` are written up to `flushed`; the rest of them go out, as
  // one piece, before the next new text (a row's cells and its InvoiceNo mark are one piece).
  let flushed = bomLength(bytes);
  let copied = flushed;
  const flush = (): void => {
    if (copied > flushed) push(bytes.subarray(flushed, copied));
    flushed = copied;
  };
  const emit = (text: string): void => {
    if (text.length === 0) return;
    flush();
    push(text);
  };
  const copyTo = (at: number): void => {
    if (at > copied) copied = at;
  };
  /** Leaves the source out up to `at` (what new text replaced). */
  const skipTo = (at: number): void => {
    flush();
    flushed = copied = at;
  };
  const tagStart = (end: number): number => bytes.lastIndexOf(LESS_THAN, end - 1);
  const text = (from: number, to: number): string => textOf(bytes, from, to);

  const memo = new Map<string, number>();
  const styleOf = (edit: CellEdit): number => {
    const base = edit.style ?? 0;
    if (edit.ops.length === 0) return base;
    const key = `${base}|${edit.ops.join('|')}`;
    let s = memo.get(key);
    if (s === undefined) memo.set(key, (s = styles.apply(base, edit.ops as StyleOp[])));
    return s;
  };
  const cellsXml = (p: string, row: number, cells: Map<number, CellEdit>): string => {
    let xml = '';
    for (const c of [...cells.keys()].sort((a, b) => a - b)) {
      const edit = cells.get(c)!;
      const s = styleOf(edit);
      const content = edit.content;
      xml += content && 'captured' in content ? capturedCellXml(p, row, c, s, content.captured) : valueCellXml(p, row, c, s, content ? content.value : null);
    }
    return xml;
  };

  // The prefix of the sheet's elements (`x:` in `<x:row>`), from the first row or sheetData.
  let p = '';
  if (layout.count > 0) {
    const first = text(tagStart(layout.openEnds[0]), layout.openEnds[0]);
    p = /^<([\w.-]+:)?row\b/.exec(first)?.[1] ?? '';
  }

  const extent = edits.extent();
  if (extent && layout.dimensionEnd >= 0) {
    const start = tagStart(layout.dimensionEnd);
    const tag = text(start, layout.dimensionEnd);
    let box: Box = extent;
    const ref = /\bref="([^"]*)"/.exec(tag)?.[1];
    try {
      const old = decodeRange(ref ?? '');
      box = { top: Math.min(old.top, extent.top), left: Math.min(old.left, extent.left), bottom: Math.max(old.bottom, extent.bottom), right: Math.max(old.right, extent.right) };
    } catch {
      // An unreadable dimension is replaced by the edits' extent.
    }
    copyTo(start);
    emit(ref === undefined ? tag : tag.replace(/\bref="[^"]*"/, `ref="${encodeRange(box, columnLetters)}"`));
    skipTo(layout.dimensionEnd);
  }

  const editRows = edits.editedRows();
  let nextEdit = 0;
  const emitNewRowsBefore = (row: number): void => {
    while (nextEdit < editRows.length && editRows[nextEdit] < row) {
      const at = editRows[nextEdit++];
      emit(`<${p}row r="${at}">${cellsXml(p, at, edits.rowEdits(at)!)}</${p}row>`);
    }
  };
  const noRegions: RegionEdit[] = [];
  const regionsAt = (row: number, filled: boolean): RegionEdit[] => {
    let out = noRegions;
    for (const r of edits.regions) {
      if (row < r.box.top || row > r.box.bottom || !(r.clearValue || filled)) continue;
      if (out === noRegions) out = [];
      out.push(r);
    }
    return out;
  };

  /**
   * The common case, a million times over (InvoiceNo marks): the row's one edit is a plain
   * value for its blank rightmost cell, or for a column right of its last cell. The new cell
   * goes in place without the row being taken apart; false leaves the row to the general path.
   */
  const placeSoleValue = (k: number, start: number, row: number, column: number): boolean => {
    const openEnd = layout.openEnds[k];
    const end = layout.ends[k];
    if (openEnd === end) return false;
    let at: number;
    let to: number;
    let s = 0;
    if (column > layout.lastColumns[k]) {
      at = to = tagStart(end);
    } else if (column === layout.lastColumns[k] && layout.blankLastCellEnds[k] >= 0) {
      to = layout.blankLastCellEnds[k];
      at = tagStart(to);
      // The blank cell keeps its style.
      s = Number(/\ss="(\d+)"/.exec(text(at, to))?.[1] ?? 0);
    } else return false;
    // The start tag without its `spans` (the row's cells now span more).
    const spans = spansAttribute(bytes, start, openEnd);
    if (spans) {
      copyTo(spans[0]);
      skipTo(spans[1]);
    }
    copyTo(at);
    const content = edits.contentAt(row, column);
    emit(valueCellXml(p, row, column, s, content && 'value' in content ? content.value : null));
    skipTo(to);
    return true;
  };

  for (let k = 0; k < layout.count; k++) {
    const row = layout.rows[k];
    const edited = nextEdit < editRows.length && editRows[nextEdit] <= row;
    const regions = edits.regions.length === 0 ? noRegions : regionsAt(row, layout.filled[k] === 1);
    if (!edited && regions.length === 0) continue;
    const start = tagStart(layout.openEnds[k]);
    copyTo(start);
    emitNewRowsBefore(row);
    if (regions.length === 0 && nextEdit < editRows.length && editRows[nextEdit] === row) {
      const column = edits.soleValueColumn(row);
      if (column !== 0 && placeSoleValue(k, start, row, column)) {
        nextEdit++;
        continue;
      }
    }
    const rowEdits = nextEdit < editRows.length && editRows[nextEdit] === row ? edits.rowEdits(row) : undefined;
    if (rowEdits) nextEdit++;
    if (!rowEdits && regions.length === 0) continue;
    const end = layout.ends[k];
    const source = text(start, end);
    // Offsets into the row's text from here on (the layout's are bytes).
    const openLength = text(start, layout.openEnds[k]).length;
    const inserted = regions.length === 0 && rowEdits ? insertCells(source, openLength, rowEdits, layout.lastColumns[k]) : undefined;
    if (inserted) {
      const open = source.slice(0, openLength).replace(/\sspans="[^"]*"/, '');
      if (openLength === source.length) {
        // `<row .../>`: no cells yet.
        emit(`${open.replace(/\s*\/>$/, '>')}${cellsXml(p, row, rowEdits!)}</${p}row>`);
      } else {
        emit(open);
        let at = openLength;
        for (const [offset, replaced, cells] of inserted) {
          emit(source.slice(at, offset));
          emit(cellsXml(p, row, cells));
          at = replaced;
        }
        emit(source.slice(at));
      }
    } else {
      emit(rebuildRow(source, row, p, rowEdits, regions, edits, styles));
    }
    skipTo(end);
  }

  if (layout.sheetDataEnd >= 0) {
    const start = tagStart(layout.sheetDataEnd);
    if (layout.sheetDataSelfClosing) {
      const tag = text(start, layout.sheetDataEnd);
      const name = /^<([\w.:-]+)/.exec(tag)![1];
      copyTo(start);
      emit(tag.replace(/\s*\/>$/, '>'));
      emitNewRowsBefore(Infinity);
      emit(`</${name}>`);
      skipTo(layout.sheetDataEnd);
    } else {
      copyTo(start);
      emitNewRowsBefore(Infinity);
    }
  }
  copyTo(bytes.length);
  flush();
}

/** One row rebuilt from its own cells by the streaming transform, run on that row alone. */
function rebuildRow(
  source: string, row: number, p: string, rowEdits: Map<number, CellEdit> | undefined, regions: RegionEdit[], edits: SheetEdits, styles: StyleSheet,
): string {
  const one = new SheetEdits();
  for (const [column, edit] of rowEdits ?? []) {
    if (edit.content && 'captured' in edit.content) one.setCaptured(row, column, edit.content.captured, edit.style ?? 0);
    else {
      if (edit.content) one.setValue(row, column, edit.content.value, edit.ops);
      else one.restyle(row, column, edit.ops);
      if (edit.style !== undefined) {
        const ops = one.rows.get(row)?.get(column)?.ops ?? [];
        one.setStyle(row, column, edit.style);
        one.restyle(row, column, ops);
      }
    }
  }
  for (const r of regions) one.region({ ...r.box, top: row, bottom: row }, r.clearValue, r.ops);
  const wrapped = `<${p}sheetData>${source}</${p}sheetData>`;
  const parts: string[] = [];
  transformSheet(strToU8(wrapped), one, styles, (t) => parts.push(t));
  if (one.overwritesFormulas) edits.overwritesFormulas = true;
  const out = parts.join('');
  return out.slice(`<${p}sheetData>`.length, out.length - `</${p}sheetData>`.length);
}

/** A cell's start tag and its column letters, in the text of a row the reader has parsed. */
const CELL_START = /<(?:[\w.-]+:)?c\s[^<>]*?\br="\$?([A-Z]{1,3})\$?\d+"/g;

/**
 * Where the new cells of a row go, as [offset, end of what they replace, cells] into the row's
 * text, when the run only adds cells the row does not have or fills cells that are blank
 * (`<c r="L5" s="3"/>`, keeping their style): before the first cell to their right, in place of
 * the blank cell, or before the row's end tag. Undefined when a cell the run writes holds
 * something (the row is then rebuilt).
 */
function insertCells(source: string, openLength: number, edits: Map<number, CellEdit>, lastColumn: number): [number, number, Map<number, CellEdit>][] | undefined {
  const columns = [...edits.keys()].sort((a, b) => a - b);
  const end = openLength === source.length ? source.length : source.lastIndexOf('<');
  if (columns[0] > lastColumn) return [[end, end, edits]];
  const found: { column: number; offset: number; tagEnd: number }[] = [];
  CELL_START.lastIndex = openLength;
  for (let m = CELL_START.exec(source); m !== null; m = CELL_START.exec(source)) {
    const column = columnNumber(m[1]);
    // Cells out of order (or without a reference) are left to the transform, which reads them properly.
    if (found.length > 0 && column <= found[found.length - 1].column) return undefined;
    found.push({ column, offset: m.index, tagEnd: source.indexOf('>', m.index + m[0].length) + 1 });
  }
  if (found.length === 0 || found[found.length - 1].column !== lastColumn) return undefined;
  const out: [number, number, Map<number, CellEdit>][] = [];
  let at = 0;
  for (const column of columns) {
    while (at < found.length && found[at].column < column) at++;
    const cell = found[at];
    if (cell && cell.column === column) {
      // Only a blank cell (no value, no formula) is filled in place; it keeps its style.
      if (source.charCodeAt(cell.tagEnd - 2) !== 47) return undefined;
      const edit = edits.get(column)!;
      const s = Number(/\ss="(\d+)"/.exec(source.slice(cell.offset, cell.tagEnd))?.[1] ?? 0);
      out.push([cell.offset, cell.tagEnd, new Map([[column, { ...edit, style: edit.style ?? s }]])]);
      continue;
    }
    const offset = cell ? cell.offset : end;
    const last = out[out.length - 1];
    if (last && last[0] === offset && last[1] === offset) last[2].set(column, edits.get(column)!);
    else out.push([offset, offset, new Map([[column, edits.get(column)!]])]);
  }
  return out;
}
