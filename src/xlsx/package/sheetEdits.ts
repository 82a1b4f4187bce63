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
  readonly rows = new Map<number, Map<number, CellEdit>>();
  readonly regions: RegionEdit[] = [];
  /** A formula cell was given a value: the workbook's calculation chain no longer holds. */
  overwritesFormulas = false;

  private edit(row: number, column: number): CellEdit {
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = new Map()));
    let edit = cells.get(column);
    if (!edit) cells.set(column, (edit = { ops: [] }));
    return edit;
  }

  setValue(row: number, column: number, value: OutputCell, ops: readonly StyleOp[] = []): void {
    const edit = this.edit(row, column);
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

  isEmpty(): boolean {
    return this.rows.size === 0 && this.regions.length === 0;
  }

  /** The box every set cell lies in; undefined when no cell is set. */
  extent(): Box | undefined {
    let box: Box | undefined;
    for (const [row, cells] of this.rows) {
      for (const column of cells.keys()) {
        if (!box) box = { top: row, bottom: row, left: column, right: column };
        else {
          if (row < box.top) box.top = row;
          if (row > box.bottom) box.bottom = row;
          if (column < box.left) box.left = column;
          if (column > box.right) box.right = column;
        }
      }
    }
    return box;
  }
}
