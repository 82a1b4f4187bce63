/** Range, RangeAreas and their format objects. */
import { Box, boxCells, boxColumns, boxRows, checkBox, MAX_COLUMNS, parseBox, sheetAddress, splitSheet } from './addresses';
import { CELL_READ_LIMIT, FakeOfficeError, invalidArgument, notImplemented } from './errors';
import type { SheetModel, WorkbookModel } from './model';
import { ContextLike, FakeObject, Resolver } from './proxyBase';
import { WorksheetProxy } from './workbook';

export interface RangeTarget {
  sheet: SheetModel;
  box: Box;
}

interface AreasTarget {
  sheet: SheetModel;
  boxes: Box[];
}

function model(context: ContextLike): WorkbookModel {
  return context.host.model;
}

/** Reading cell contents of more than five million cells is refused by Excel. */
function checkReadable(box: Box, property: string): Box {
  if (boxCells(box) > CELL_READ_LIMIT) {
    throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `Reading ${property} of ${boxCells(box)} cells exceeds the response payload size limit.`);
  }
  return box;
}

/** Resolves an address given to getRange on a sheet; a sheet-qualified one must name that sheet. */
export function boxOnSheet(sheet: SheetModel, address: string): Box {
  const { sheet: named, local } = splitSheet(address);
  if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) throw invalidArgument(`The address '${address}' is not on the worksheet '${sheet.name}'.`);
  return parseBox(local);
}

export class RangeProxy extends FakeObject<RangeTarget> {
  constructor(context: ContextLike, resolver: Resolver<RangeTarget>) {
    super(context, 'Range', resolver);
  }

  protected _scalars() {
    const m = model(this.context);
    return {
      address: (t: RangeTarget) => sheetAddress(t.sheet.name, t.box),
      addressLocal: (t: RangeTarget) => sheetAddress(t.sheet.name, t.box),
      rowIndex: (t: RangeTarget) => t.box.top - 1,
      columnIndex: (t: RangeTarget) => t.box.left - 1,
      rowCount: (t: RangeTarget) => boxRows(t.box),
      columnCount: (t: RangeTarget) => boxColumns(t.box),
      cellCount: (t: RangeTarget) => boxCells(t.box),
      values: (t: RangeTarget) => m.readValues(t.sheet, checkReadable(t.box, 'values')),
      formulas: (t: RangeTarget) => m.readValues(t.sheet, checkReadable(t.box, 'formulas')),
      text: (t: RangeTarget) => m.readText(t.sheet, checkReadable(t.box, 'text')),
      numberFormat: (t: RangeTarget) => m.readNumberFormats(t.sheet, checkReadable(t.box, 'numberFormat')),
    };
  }

  protected override _navigations() {
    return { format: () => this.format, worksheet: () => this.worksheet };
  }

  get address(): string { return this._get('address'); }
  get addressLocal(): string { return this._get('addressLocal'); }
  get rowIndex(): number { return this._get('rowIndex'); }
  get columnIndex(): number { return this._get('columnIndex'); }
  get rowCount(): number { return this._get('rowCount'); }
  get columnCount(): number { return this._get('columnCount'); }
  get cellCount(): number { return this._get('cellCount'); }
  get text(): string[][] { return this._get('text'); }

  get values(): unknown[][] { return this._get('values'); }
  set values(values: unknown) {
    this._set('values', values, (t) => model(this.context).writeValues(t.sheet, t.box, values));
  }

  get formulas(): unknown[][] { return this._get('formulas'); }
  /** Formulas are stored as their text: the fake does not calculate. */
  set formulas(formulas: unknown) {
    this._set('formulas', formulas, (t) => model(this.context).writeValues(t.sheet, t.box, formulas, true));
  }

  get numberFormat(): unknown[][] { return this._get('numberFormat'); }
  set numberFormat(formats: unknown) {
    this._set('numberFormat', formats, (t) => model(this.context).writeNumberFormats(t.sheet, t.box, formats));
  }

  get format(): RangeFormatProxy {
    return this._child('format', () => new RangeFormatProxy(this.context, () => {
      const t = this._targetNow();
      return t && { sheet: t.sheet, boxes: [t.box] };
    }, true));
  }

  get worksheet(): WorksheetProxy {
    return this._child('worksheet', () => new WorksheetProxy(this.context, { kind: 'step', get: () => this._targetNow()?.sheet ?? null }));
  }

  /** A range derived from this one, fixed at its place in the queue. */
  private _derive(change: (box: Box) => Box): RangeProxy {
    return new RangeProxy(this.context, { kind: 'step', get: () => {
      const t = this._targetNow();
      return t && { sheet: t.sheet, box: checkBox(change(t.box)) };
    } });
  }

  /** The part of this range that holds anything (values only, with `true`); a null object when nothing. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, { kind: 'step', get: () => {
      const t = this._targetNow();
      if (!t) return null;
      const used = model(this.context).usedBox(t.sheet, valuesOnly, t.box);
      return used ? { sheet: t.sheet, box: used } : null;
    } });
  }

  getCell(row: number, column: number): RangeProxy {
    return this._derive((b) => ({ top: b.top + row, left: b.left + column, bottom: b.top + row, right: b.left + column }));
  }

  getRow(row: number): RangeProxy {
    return this._derive((b) => ({ ...b, top: b.top + row, bottom: b.top + row }));
  }

  getColumn(column: number): RangeProxy {
    return this._derive((b) => ({ ...b, left: b.left + column, right: b.left + column }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this._derive((b) => ({ ...b, bottom: b.bottom + deltaRows, right: b.right + deltaColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._derive((b) => ({ top: b.top + rowOffset, left: b.left + columnOffset, bottom: b.bottom + rowOffset, right: b.right + columnOffset }));
  }

  clear(applyTo: string = 'All'): void {
    this._write({ applyTo }, (t) => model(this.context).clear(t.sheet, t.box, applyTo));
  }

  delete(shift: string): void {
    this._write({ shift }, (t) => model(this.context).deleteCells(t.sheet, t.box, shift));
  }

  /** The whole rows this range spans. */
  getEntireRow(): RangeProxy {
    return this._derive((b) => ({ top: b.top, left: 1, bottom: b.bottom, right: MAX_COLUMNS }));
  }

  /** Inserts blank cells in the place of this range (whole rows only, shifting Down); returns the new range. */
  insert(shift: string): RangeProxy {
    const inserted = new RangeProxy(this.context, { kind: 'created' });
    this._write({ shift }, (t) => {
      model(this.context).insertWholeRows(t.sheet, t.box, shift);
      inserted._setCreated({ sheet: t.sheet, box: { ...t.box } });
    });
    return inserted;
  }

  /** ExcelApi 1.9: copies the source's formats (or everything, with 'All') onto this range. */
  copyFrom(source: string | RangeProxy, copyType = 'All', skipBlanks = false, transpose = false): void {
    if (skipBlanks || transpose) throw notImplemented('Range.copyFrom with skipBlanks or transpose');
    const from = typeof source === 'string'
      ? new RangeProxy(this.context, { kind: 'step', get: () => {
        const t = this._targetNow();
        if (!t) return null;
        const { sheet: named, local } = splitSheet(source);
        const sheet = named === undefined ? t.sheet : model(this.context).findSheet(named);
        if (!sheet) throw invalidArgument(`The address '${source}' names no worksheet.`);
        return { sheet, box: parseBox(local) };
      } })
      : source;
    this._write({ source: typeof source === 'string' ? source : 'Range', copyType }, (t) => {
      const f = from._targetNow();
      if (!f) throw invalidArgument('Range.copyFrom: the source range is not valid.');
      model(this.context).copyFrom(t.sheet, t.box, f.sheet, f.box, copyType);
    });
  }

  select(): void {
    this._write({}, (t) => {
      const m = model(this.context);
      m.selection = { sheet: t.sheet, box: { ...t.box } };
      m.activeSheet = t.sheet;
    });
  }
}

/** Several areas of one sheet (worksheet.getRanges("A1:B2, D4")). */
export class RangeAreasProxy extends FakeObject<AreasTarget> {
  constructor(context: ContextLike, resolver: Resolver<AreasTarget>) {
    super(context, 'RangeAreas', resolver);
  }

  protected _scalars() {
    return {
      address: (t: AreasTarget) => t.boxes.map((b) => sheetAddress(t.sheet.name, b)).join(','),
      addressLocal: (t: AreasTarget) => t.boxes.map((b) => sheetAddress(t.sheet.name, b)).join(','),
      areaCount: (t: AreasTarget) => t.boxes.length,
      cellCount: (t: AreasTarget) => t.boxes.reduce((n, b) => n + boxCells(b), 0),
    };
  }

  protected override _navigations() {
    return { format: () => this.format };
  }

  get address(): string { return this._get('address'); }
  get areaCount(): number { return this._get('areaCount'); }

  get format(): RangeFormatProxy {
    return this._child('format', () => new RangeFormatProxy(this.context, () => this._targetNow(), false));
  }
}

const NAMED_COLORS: Record<string, string> = { white: '#FFFFFF', black: '#000000', red: '#FF0000', green: '#008000', blue: '#0000FF', yellow: '#FFFF00', orange: '#FFA500', gray: '#808080', grey: '#808080' };

/** Excel accepts '#RRGGBB', '#RGB' and colour names, and reports '#RRGGBB'. */
function normalizeColor(color: unknown): string {
  if (typeof color !== 'string') throw invalidArgument(`A colour must be a string, got ${JSON.stringify(color)}.`);
  const named = NAMED_COLORS[color.toLowerCase()];
  if (named) return named;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase();
  if (/^#[0-9a-f]{6}$/i.test(color)) return color.toUpperCase();
  throw invalidArgument(`The colour '${color}' is not valid.`);
}

export class RangeFormatProxy extends FakeObject<AreasTarget> {
  constructor(context: ContextLike, get: () => AreasTarget | null, private readonly _isRange: boolean) {
    super(context, 'RangeFormat', { kind: 'live', get: get as () => AreasTarget });
  }

  protected _scalars(): Record<string, (t: AreasTarget) => unknown> {
    const m = model(this.context);
    return this._isRange ? { columnWidth: (t: AreasTarget) => m.columnWidthOf(t.sheet, t.boxes[0]) } : {};
  }

  protected override _navigations() {
    return { fill: () => this.fill, font: () => this.font };
  }

  get fill(): RangeFillProxy {
    return this._child('fill', () => new RangeFillProxy(this.context, () => this._targetNow()));
  }

  get font(): RangeFontProxy {
    return this._child('font', () => new RangeFontProxy(this.context, () => this._targetNow()));
  }

  /** Width in points (Excel's default column is 48). */
  get columnWidth(): number { return this._get('columnWidth'); }
  set columnWidth(width: number) {
    if (!this._isRange) throw notImplemented('RangeAreas format.columnWidth');
    this._set('columnWidth', width, (t) => model(this.context).setColumnWidth(t.sheet, t.boxes[0], width));
  }

  /** Marks the columns autofitted (the fake measures no text, so widths stay as they were). */
  autofitColumns(): void {
    this._write({}, (t) => {
      for (const box of t.boxes) for (let c = box.left; c <= box.right; c++) t.sheet.autofitColumns.add(c);
    });
  }
}

export class RangeFillProxy extends FakeObject<AreasTarget> {
  constructor(context: ContextLike, get: () => AreasTarget | null) {
    super(context, 'RangeFill', { kind: 'live', get: get as () => AreasTarget });
  }

  protected _scalars() {
    return { color: (t: AreasTarget) => model(this.context).fillOf(t.sheet, t.boxes) };
  }

  /** '#RRGGBB'; null when the cells differ; '#FFFFFF' when there is no fill, as Excel reports. */
  get color(): string | null { return this._get('color'); }
  set color(color: string | null) {
    this._set('color', color, (t) => {
      const normalized = normalizeColor(color);
      for (const box of t.boxes) model(this.context).setFill(t.sheet, box, normalized);
    });
  }

  clear(): void {
    this._write({}, (t) => {
      for (const box of t.boxes) model(this.context).setFill(t.sheet, box, undefined);
    });
  }
}

export class RangeFontProxy extends FakeObject<AreasTarget> {
  constructor(context: ContextLike, get: () => AreasTarget | null) {
    super(context, 'RangeFont', { kind: 'live', get: get as () => AreasTarget });
  }

  protected _scalars() {
    return { bold: (t: AreasTarget) => model(this.context).boldOf(t.sheet, t.boxes) };
  }

  /** null when the cells differ. */
  get bold(): boolean | null { return this._get('bold'); }
  set bold(bold: boolean | null) {
    this._set('bold', bold, (t) => {
      if (typeof bold !== 'boolean') throw invalidArgument('font.bold must be true or false.');
      for (const box of t.boxes) model(this.context).setBold(t.sheet, box, bold);
    });
  }
}
