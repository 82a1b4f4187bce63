/**
 * Applies a run's edits to an existing sheet part as a stream: the source text is copied
 * through as it is, except the rows that change (rebuilt from their own cells, unchanged
 * cells kept as they were written), rows the run adds (put in their place), and the
 * `dimension` element. Everything else of the sheet (views, columns, merged cells,
 * conditional formats, drawings, extensions) passes through byte for byte.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { columnLetters } from '../../schema/rawTable';
import { decodeRange, encodeRange, parseCellRef, type Box } from './cellRefs';
import { capturedCellXml, valueCellXml } from './cellXml';
import type { CellEdit, RegionEdit, SheetEdits } from './sheetEdits';
import { feedText } from './sheetReader';
import type { StyleOp, StyleSheet } from './styleSheet';
import { attrsXml } from './xmlTree';

/** Output is handed on in pieces of about this many characters. */
const FLUSH_AT = 1 << 20;

interface SourceCell {
  column: number;
  attrs: Record<string, string>;
  /** The cell's XML as written, and what is between its tags (undefined when self-closing). */
  raw: string;
  inner: string | undefined;
  hasFormula: boolean;
}

function prefixOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon + 1);
}

function localOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function transformSheet(bytes: Uint8Array, edits: SheetEdits, styles: StyleSheet, push: (text: string) => void): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const extent = edits.extent();
  const editRows = edits.editedRows();
  let nextEdit = 0;

  // Output buffering.
  let pending: string[] = [];
  let pendingLength = 0;
  const emit = (text: string): void => {
    if (text.length === 0) return;
    pending.push(text);
    pendingLength += text.length;
    if (pendingLength >= FLUSH_AT) {
      push(pending.join(''));
      pending = [];
      pendingLength = 0;
    }
  };

  // The source text not yet copied: buf starts at absolute offset bufStart; copied is where copying stopped.
  let buf = '';
  let bufStart = 0;
  let copied = 0;
  const copyTo = (at: number): void => {
    if (at > copied) emit(buf.slice(copied - bufStart, at - bufStart));
    copied = Math.max(copied, at);
  };
  const skipTo = (at: number): void => {
    copied = at;
  };
  const tagStart = (end: number): number => buf.lastIndexOf('<', end - 1 - bufStart) + bufStart;

  // Region edits by row, so a row finds its few quickly.
  const regionsAt = (row: number): RegionEdit[] => edits.regions.filter((r) => row >= r.box.top && row <= r.box.bottom);
  const styleMemo = new Map<StyleOp[], Map<number, number>>();
  const applyOps = (s: number, ops: StyleOp[]): number => {
    if (ops.length === 0) return s;
    let memo = styleMemo.get(ops);
    if (!memo) styleMemo.set(ops, (memo = new Map()));
    let out = memo.get(s);
    if (out === undefined) memo.set(s, (out = styles.apply(s, ops)));
    return out;
  };

  let p = '';
  let inData = false;
  let row = 0;
  let column = 0;
  // The row being rebuilt, if any.
  let rowOpen: { start: number; attrs: Record<string, string>; name: string; edits: Map<number, CellEdit> | undefined; regions: RegionEdit[]; cells: SourceCell[] } | undefined;
  let cellStart = 0;
  let cellOpenEnd = 0;
  let cellAttrs: Record<string, string> = {};
  let cellHasFormula = false;
  let cellSelfClosing = false;

  const newRowXml = (r: number, cells: Map<number, CellEdit>): string => {
    let out = `<${p}row r="${r}">`;
    for (const c of [...cells.keys()].sort((a, b) => a - b)) out += editedCellXml(r, c, undefined, cells.get(c)!, []);
    return `${out}</${p}row>`;
  };
  const emitNewRowsBefore = (r: number): void => {
    while (nextEdit < editRows.length && editRows[nextEdit] < r) {
      const at = editRows[nextEdit++];
      emit(newRowXml(at, edits.rowEdits(at)!));
    }
  };

  /** The cell as it ends up; undefined when the source cell stays exactly as written. */
  function editedCellXml(r: number, c: number, source: SourceCell | undefined, edit: CellEdit | undefined, regions: RegionEdit[]): string {
    const oldS = source?.attrs.s === undefined ? 0 : Number(source.attrs.s) || 0;
    let s = oldS;
    let clear = false;
    if (source) {
      for (const region of regions) {
        if (c < region.box.left || c > region.box.right) continue;
        if (region.clearValue) clear = true;
        s = applyOps(s, region.ops);
      }
    }
    if (edit) {
      if (edit.style !== undefined) s = edit.style;
      s = applyOps(s, edit.ops);
    }
    if (edit?.content) {
      if (source?.hasFormula) edits.overwritesFormulas = true;
      if ('captured' in edit.content) return capturedCellXml(p, r, c, s, edit.content.captured);
      return valueCellXml(p, r, c, s, edit.content.value);
    }
    if (!source) return valueCellXml(p, r, c, s, null);
    if (clear) {
      if (source.hasFormula) edits.overwritesFormulas = true;
      return valueCellXml(p, r, c, s, null);
    }
    if (s === oldS) return source.raw;
    const attrs: Record<string, string> = { ...source.attrs, r: source.attrs.r ?? `${columnLetters(c)}${r}` };
    if (s === 0) delete attrs.s;
    else attrs.s = String(s);
    return source.inner === undefined ? `<${p}c${attrsXml(attrs)}/>` : `<${p}c${attrsXml(attrs)}>${source.inner}</${p}c>`;
  }

  const finishRow = (end: number): void => {
    const open = rowOpen!;
    rowOpen = undefined;
    const parts: string[] = [];
    let changed = open.edits !== undefined;
    let sourceAt = 0;
    const editColumns = open.edits ? [...open.edits.keys()].sort((a, b) => a - b) : [];
    let editAt = 0;
    while (sourceAt < open.cells.length || editAt < editColumns.length) {
      const source = open.cells[sourceAt];
      const ec = editColumns[editAt];
      if (source && (ec === undefined || source.column < ec)) {
        const xml = editedCellXml(row, source.column, source, undefined, open.regions);
        if (xml !== source.raw) changed = true;
        parts.push(xml);
        sourceAt++;
      } else if (source && source.column === ec) {
        parts.push(editedCellXml(row, ec, source, open.edits!.get(ec), open.regions));
        sourceAt++;
        editAt++;
      } else {
        parts.push(editedCellXml(row, ec, undefined, open.edits!.get(ec), open.regions));
        editAt++;
      }
    }
    if (!changed) return;
    copyTo(open.start);
    const attrs: Record<string, string> = { ...open.attrs, r: String(row) };
    delete attrs.spans;
    emit(`<${open.name}${attrsXml(attrs)}>${parts.join('')}</${open.name}>`);
    skipTo(end);
  };

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localOf(tag.name);
    const end = parser.position;
    const a = tag.attributes as Record<string, string>;
    if (name === 'dimension' && extent) {
      const start = tagStart(end);
      let box: Box = extent;
      try {
        const old = decodeRange(a.ref ?? '');
        box = { top: Math.min(old.top, extent.top), left: Math.min(old.left, extent.left), bottom: Math.max(old.bottom, extent.bottom), right: Math.max(old.right, extent.right) };
      } catch {
        // An unreadable dimension is replaced by the edits' extent.
      }
      copyTo(start);
      emit(`<${tag.name}${attrsXml({ ...a, ref: encodeRange(box, columnLetters) })}${tag.isSelfClosing ? '/>' : '>'}`);
      skipTo(end);
      return;
    }
    if (name === 'sheetData') {
      inData = true;
      p = prefixOf(tag.name);
      if (tag.isSelfClosing) {
        copyTo(tagStart(end));
        emit(`<${tag.name}${attrsXml(a)}>`);
        emitNewRowsBefore(Infinity);
        emit(`</${tag.name}>`);
        skipTo(end);
      }
      return;
    }
    if (!inData) return;
    if (name === 'row') {
      const r = a.r === undefined ? NaN : Number(a.r);
      row = Number.isInteger(r) && r > 0 ? r : row + 1;
      column = 0;
      const start = tagStart(end);
      if (nextEdit < editRows.length && editRows[nextEdit] < row) {
        copyTo(start);
        emitNewRowsBefore(row);
      }
      let rowEdits: Map<number, CellEdit> | undefined;
      if (nextEdit < editRows.length && editRows[nextEdit] === row) {
        rowEdits = edits.rowEdits(row);
        nextEdit++;
      }
      const regions = edits.regions.length === 0 ? [] : regionsAt(row);
      if (rowEdits || regions.length > 0) {
        rowOpen = { start, attrs: a, name: tag.name, edits: rowEdits, regions, cells: [] };
        if (tag.isSelfClosing) finishRow(end);
      }
      return;
    }
    if (name === 'c') {
      const at = a.r === undefined ? undefined : parseCellRef(a.r);
      column = at ? at.column : column + 1;
      if (!rowOpen) return;
      cellStart = tagStart(end);
      cellOpenEnd = end;
      cellAttrs = a;
      cellHasFormula = false;
      cellSelfClosing = tag.isSelfClosing;
      if (tag.isSelfClosing) {
        rowOpen.cells.push({ column, attrs: a, raw: buf.slice(cellStart - bufStart, end - bufStart), inner: undefined, hasFormula: false });
      }
      return;
    }
    if (name === 'f' && rowOpen) cellHasFormula = true;
  });

  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (!inData) return;
    const name = localOf(tag.name);
    const end = parser.position;
    if (name === 'c' && rowOpen && !cellSelfClosing) {
      const closeStart = tagStart(end);
      rowOpen.cells.push({
        column,
        attrs: cellAttrs,
        raw: buf.slice(cellStart - bufStart, end - bufStart),
        inner: buf.slice(cellOpenEnd - bufStart, closeStart - bufStart),
        hasFormula: cellHasFormula,
      });
      return;
    }
    if (name === 'c') {
      cellSelfClosing = false;
      return;
    }
    if (name === 'row' && rowOpen && !tag.isSelfClosing) {
      finishRow(end);
      return;
    }
    if (name === 'sheetData' && !tag.isSelfClosing) {
      inData = false;
      copyTo(tagStart(end));
      emitNewRowsBefore(Infinity);
    }
  });
  parser.on('error', (e) => {
    throw e;
  });

  feedText(bytes, (text) => {
    buf += text;
    parser.write(text);
    // Everything before an open, changing row can go, and before a tag not yet whole; the rest waits.
    const lastTag = buf.lastIndexOf('<') + bufStart;
    const safe = rowOpen ? rowOpen.start : lastTag < bufStart ? parser.position : Math.min(parser.position, lastTag);
    copyTo(safe);
    buf = buf.slice(copied - bufStart);
    bufStart = copied;
  });
  parser.close();
  copyTo(bufStart + buf.length);
  if (pending.length > 0) push(pending.join(''));
}
