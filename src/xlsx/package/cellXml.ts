/** One cell of a sheet part as XML, for the cells a run writes. Text goes inline, so the shared strings stay as they are. */
import type { OutputCell } from '../../engine/resultTables';
import { columnLetters } from '../../schema/rawTable';
import type { CapturedCell } from './sheetReader';
import { attrsXml, encodeExcelEscapes, escapeText } from './xmlTree';

/** `B12`, with the column letters of the first 702 columns cached (every cell written asks). */
const letters: string[] = [];
export function cellRef(row: number, column: number): string {
  let l = letters[column];
  if (l === undefined) l = letters[column] = columnLetters(column);
  return l + row;
}

/** Anything in a text that inlineText must escape or mark (most texts a run writes have nothing): one test instead of three. */
const NEEDS_CARE = /[&<>\u0000-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\s|\s$/;

export function inlineText(p: string, text: string): string {
  if (!NEEDS_CARE.test(text)) return `<${p}is><${p}t>${text}</${p}t></${p}is>`;
  const escaped = escapeText(encodeExcelEscapes(text));
  const preserve = /^\s|\s$|[\n\t]/.test(text) ? ' xml:space="preserve"' : '';
  return `<${p}is><${p}t${preserve}>${escaped}</${p}t></${p}is>`;
}

/** A cell holding `value` (null: a blank cell that keeps its style). `p` is the sheet's element prefix. */
export function valueCellXml(p: string, row: number, column: number, s: number, value: OutputCell): string {
  const style = s === 0 ? '' : ` s="${s}"`;
  const r = cellRef(row, column);
  if (value === null || value === '') return `<${p}c r="${r}"${style}/>`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `<${p}c r="${r}"${style} t="e"><${p}v>#NUM!</${p}v></${p}c>`;
    return `<${p}c r="${r}"${style}><${p}v>${value}</${p}v></${p}c>`;
  }
  if (typeof value === 'boolean') return `<${p}c r="${r}"${style} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  return `<${p}c r="${r}"${style} t="inlineStr">${inlineText(p, value)}</${p}c>`;
}

/** A captured cell (a totals row's) at its new place, formula and cached value as they were. */
export function capturedCellXml(p: string, row: number, column: number, s: number, cell: CapturedCell): string {
  const style = s === 0 ? '' : ` s="${s}"`;
  const r = cellRef(row, column);
  if (cell.formula === undefined && (cell.t === 'inlineStr' || cell.t === 's')) {
    return typeof cell.value === 'string' ? valueCellXml(p, row, column, s, cell.value) : `<${p}c r="${r}"${style}/>`;
  }
  const type = cell.t === undefined || cell.t === 'n' ? '' : ` t="${cell.t === 'inlineStr' || cell.t === 's' ? 'str' : cell.t}"`;
  const f = cell.formula ? `<${p}f${attrsXml(cell.formula.attrs)}>${escapeText(cell.formula.text)}</${p}f>` : '';
  let v = '';
  if (cell.t === 'inlineStr' || cell.t === 's') v = typeof cell.value === 'string' ? `<${p}v>${escapeText(cell.value)}</${p}v>` : '';
  else if (cell.v !== undefined) v = `<${p}v>${escapeText(cell.v)}</${p}v>`;
  return `<${p}c r="${r}"${style}${type}>${f}${v}</${p}c>`;
}
