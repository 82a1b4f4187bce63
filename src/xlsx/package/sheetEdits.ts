/**
 * What a run changes in one existing sheet, cell by cell, before any of it is written:
 * values to set, styles to change, a region whose existing cells lose a value or a fill.
 * `transformSheet` (sheetWriter.ts) applies them while it streams the sheet.
 */
import type { OutputCell } from '../../engine/resultTables';
import type { Box } from './cellRefs';
import type { CapturedCell } from './sheetReader';
import type { StyleOp } from './styleSheet';

export type CellContent = { value: OutputCell } | { captured: CapturedCell };

export interface CellEdit {
  content?: CellContent;
  /** An absolute cell style, applied before `ops`. */
  style?: number;
  ops: StyleOp[];
}

/** Applies to the cells of the box that the sheet has; creates none. */
export interface RegionEdit {
  box: Box;
  clearValue: boolean;
  ops: StyleOp[];
}

export class SheetEdits {
  /** Edits with a style or a kept cell, by row and column. */
  readonly rows = new Map<number, Map<number, CellEdit>>();
  /**
   * Plain values, by column then row: most of a run's cells (a million InvoiceNo marks), kept
   * without an object per cell.
   */
  private readonly values = new Map<number, Map<number, OutputCell>>();
  readonly regions: RegionEdit[] = [];
  /** A formula cell was given a value: the workbook's calculation chain no longer holds. */
  overwritesFormulas = false;

  private edit(row: number, column: number): CellEdit {
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = new Map()));
    let edit = cells.get(column);
    if (!edit) {
      edit = { ops: [] };
      const plain = this.values.get(column);
      if (plain?.has(row)) {
        edit.content = { value: plain.get(row)! };
        plain.delete(row);
      }
      cells.set(column, edit);
    }
    return edit;
  }

  setValue(row: number, column: number, value: OutputCell, ops: readonly StyleOp[] = []): void {
    const existing = this.rows.get(row)?.get(column);
    if (ops.length === 0 && !existing) {
      let plain = this.values.get(column);
      if (!plain) this.values.set(column, (plain = new Map()));
      plain.set(row, value);
      return;
    }
    const edit = existing ?? this.edit(row, column);
    edit.content = { value };
    if (ops.length > 0) edit.ops.push(...ops);
  }

  setCaptured(row: number, column: number, captured: CapturedCell, style: number): void {
    const edit = this.edit(row, column);
    edit.content = { captured };
    edit.style = style;
    edit.ops = [];
  }

  /** The cell's style becomes `style` (creating the cell, blank, when the sheet lacks it). */
  setStyle(row: number, column: number, style: number): void {
    const edit = this.edit(row, column);
    edit.style = style;
    edit.ops = [];
  }

  restyle(row: number, column: number, ops: readonly StyleOp[]): void {
    this.edit(row, column).ops.push(...ops);
  }

  region(box: Box, clearValue: boolean, ops: StyleOp[]): void {
    this.regions.push({ box, clearValue, ops });
  }

  /** What the run put into the cell, if anything. */
  contentAt(row: number, column: number): CellContent | undefined {
    const edit = this.rows.get(row)?.get(column);
    if (edit) return edit.content;
    const plain = this.values.get(column);
    return plain?.has(row) ? { value: plain.get(row)! } : undefined;
  }

  /** Every edit of one row, by column (a new map: the plain values joined in). */
  rowEdits(row: number): Map<number, CellEdit> | undefined {
    let out: Map<number, CellEdit> | undefined;
    for (const [column, plain] of this.values) {
      if (!plain.has(row)) continue;
      out ??= new Map();
      out.set(column, { content: { value: plain.get(row)! }, ops: [] });
    }
    const edits = this.rows.get(row);
    if (!out) return edits;
    if (edits) for (const [column, edit] of edits) out.set(column, edit);
    return out;
  }

  /**
   * The column of the row's one edit when that edit is a plain value (an InvoiceNo mark), so
   * the writer can place it without building the row's edits; 0 when the row has other edits.
   */
  soleValueColumn(row: number): number {
    if (this.rows.has(row)) return 0;
    let found = 0;
    for (const [column, plain] of this.values) {
      if (!plain.has(row)) continue;
      if (found !== 0) return 0;
      found = column;
    }
    return found;
  }

  /** The rows with edits, in order, each once. */
  editedRows(): Float64Array {
    let count = this.rows.size;
    for (const plain of this.values.values()) count += plain.size;
    // Gathered, sorted, then each row kept once: a million InvoiceNo marks go through no Set.
    const all = new Float64Array(count);
    let at = 0;
    for (const row of this.rows.keys()) all[at++] = row;
    for (const plain of this.values.values()) for (const row of plain.keys()) all[at++] = row;
    all.sort();
    let kept = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[kept - 1]) all[kept++] = all[i];
    return all.subarray(0, kept);
  }

  isEmpty(): boolean {
    if (this.rows.size > 0 || this.regions.length > 0) return false;
    for (const plain of this.values.values()) if (plain.size > 0) return false;
    return true;
  }

  /** The box every set cell lies in; undefined when no cell is set. */
  extent(): Box | undefined {
    let box: Box | undefined;
    const take = (row: number, column: number): void => {
      if (!box) box = { top: row, bottom: row, left: column, right: column };
      else {
        if (row < box.top) box.top = row;
        if (row > box.bottom) box.bottom = row;
        if (column < box.left) box.left = column;
        if (column > box.right) box.right = column;
      }
    };
    for (const [row, cells] of this.rows) for (const column of cells.keys()) take(row, column);
    for (const [column, plain] of this.values) for (const row of plain.keys()) take(row, column);
    return box;
  }
}
