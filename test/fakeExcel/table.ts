/** Tables, their columns and rows. */
import { Box, boxRows, parseBox, splitSheet } from './addresses';
import { invalidArgument, invalidOperation, itemNotFound, notImplemented } from './errors';
import type { SheetModel, TableModel, WorkbookModel } from './model';
import { ContextLike, FakeCollection, FakeEventSource, FakeObject, Resolver } from './proxyBase';
import { RangeProxy, RangeTarget } from './range';
import { WorksheetProxy } from './workbook';

function model(context: ContextLike): WorkbookModel {
  return context.host.model;
}

/** A table deleted earlier in the batch (or with its sheet) is gone for every proxy. */
function present(table: TableModel | null): TableModel | null {
  return table && !table.deleted ? table : null;
}

/**
 * Workbook-level (`sheet` gives undefined) or worksheet-level table collection. Addresses
 * given to `add` may be sheet-qualified; unqualified ones are on the collection's sheet, or
 * the active sheet for the workbook's collection.
 */
export class TableCollectionProxy extends FakeCollection<{ m: WorkbookModel; sheet?: SheetModel }, TableModel, TableProxy> {
  protected override _hasCount = true;

  constructor(context: ContextLike, private readonly _sheet: () => SheetModel | undefined) {
    super(context, 'TableCollection', { kind: 'live', get: () => ({ m: context.host.model, sheet: _sheet() }) });
  }

  protected _itemTargets(t: { m: WorkbookModel; sheet?: SheetModel }): TableModel[] {
    return t.sheet ? t.m.tablesOn(t.sheet) : t.m.tables;
  }

  protected _makeItem(table: TableModel): TableProxy {
    return new TableProxy(this.context, { kind: 'fixed', value: table });
  }

  get count(): number { return this._get('count'); }

  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    const table = new TableProxy(this.context, { kind: 'created' });
    const resolved = typeof address === 'string' ? undefined : address;
    this._write({ address: typeof address === 'string' ? address : 'range', hasHeaders }, (t) => {
      const { sheet, box } = resolved ? resolved._requireTarget() : this._place(t, address as string);
      table._setCreated(t.m.addTable(sheet, box, hasHeaders));
    });
    return table;
  }

  private _place(t: { m: WorkbookModel; sheet?: SheetModel }, address: string): RangeTarget {
    const { sheet: named, local } = splitSheet(address);
    const sheet = named !== undefined ? t.m.findSheet(named) : (t.sheet ?? t.m.activeSheet);
    if (!sheet) throw itemNotFound(`worksheet of '${address}'`);
    if (t.sheet && sheet !== t.sheet) throw invalidArgument(`The address '${address}' is not on the worksheet '${t.sheet.name}'.`);
    return { sheet, box: parseBox(local) };
  }

  private _find(name: string): TableModel | undefined {
    const t = this._targetNow();
    const table = t?.m.findTable(name);
    return table && (!t?.sheet || table.sheet === t.sheet) ? table : undefined;
  }

  /** Case-insensitive, as Excel. */
  getItem(name: string): TableProxy {
    return new TableProxy(this.context, { kind: 'step', get: () => {
      const table = this._find(name);
      if (!table) throw itemNotFound(`table '${name}'`);
      return table;
    } });
  }

  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.context, { kind: 'step', get: () => this._find(name) ?? null });
  }

  get onChanged(): FakeEventSource {
    return new FakeEventSource(this.context, () => ({ kind: 'changed', worksheetId: this._sheet()?.id }));
  }

  get onAdded(): FakeEventSource {
    return new FakeEventSource(this.context, () => ({ kind: 'added', worksheetId: this._sheet()?.id }));
  }

  get onDeleted(): FakeEventSource {
    return new FakeEventSource(this.context, () => ({ kind: 'deleted', worksheetId: this._sheet()?.id }));
  }
}

export class TableProxy extends FakeObject<TableModel> {
  constructor(context: ContextLike, resolver: Resolver<TableModel>) {
    super(context, 'Table', resolver);
  }

  override _targetNow(): TableModel | null {
    return present(super._targetNow());
  }

  protected _scalars() {
    return {
      name: (t: TableModel) => t.name,
      id: (t: TableModel) => t.id,
      showHeaders: () => true,
      showTotals: (t: TableModel) => t.showTotals,
      style: (t: TableModel) => t.style,
    };
  }

  protected override _navigations() {
    return { worksheet: () => this.worksheet, columns: () => this.columns, rows: () => this.rows };
  }

  get name(): string { return this._get('name'); }
  set name(name: string) {
    this._set('name', name, (t) => model(this.context).renameTable(t, name));
  }

  get id(): string { return this._get('id'); }

  get showHeaders(): boolean { return this._get('showHeaders'); }
  /** The fake's tables always show their header row. */
  set showHeaders(show: boolean) {
    if (show !== true) throw notImplemented('Table.showHeaders = false');
    this._set('showHeaders', show, () => undefined);
  }

  get showTotals(): boolean { return this._get('showTotals'); }
  set showTotals(show: boolean) {
    this._set('showTotals', show, (t) => model(this.context).setShowTotals(t, Boolean(show)));
  }

  get style(): string { return this._get('style'); }
  set style(style: string) {
    this._set('style', style, (t) => {
      t.style = style;
    });
  }

  get worksheet(): WorksheetProxy {
    return this._child('worksheet', () => new WorksheetProxy(this.context, { kind: 'step', get: () => this._targetNow()?.sheet ?? null }));
  }

  get columns(): TableColumnCollectionProxy {
    return this._child('columns', () => new TableColumnCollectionProxy(this.context, () => this._targetNow()));
  }

  get rows(): TableRowCollectionProxy {
    return this._child('rows', () => new TableRowCollectionProxy(this.context, () => this._targetNow()));
  }

  get onChanged(): FakeEventSource {
    return new FakeEventSource(this.context, () => ({ kind: 'changed', tableId: this._requireTarget().id }));
  }

  /** A part of the table, fixed at its place in the queue (so it sees earlier resizes). */
  private _part(part: (t: TableModel) => Box): RangeProxy {
    return new RangeProxy(this.context, { kind: 'step', get: () => {
      const t = this._targetNow();
      return t && { sheet: t.sheet, box: part(t) };
    } });
  }

  getRange(): RangeProxy {
    return this._part((t) => ({ ...t.box }));
  }

  getHeaderRowRange(): RangeProxy {
    return this._part((t) => ({ ...t.box, bottom: t.box.top }));
  }

  getDataBodyRange(): RangeProxy {
    return this._part((t) => model(this.context).bodyBox(t));
  }

  getTotalRowRange(): RangeProxy {
    return this._part((t) => {
      if (!t.showTotals) throw invalidOperation(`The table ${t.name} has no total row.`);
      return { ...t.box, top: t.box.bottom };
    });
  }

  /** ExcelApi 1.13: same top-left cell and header row; the table takes in the cells. */
  resize(newRange: string | RangeProxy): void {
    this._write({ newRange: typeof newRange === 'string' ? newRange : 'range' }, (t) => {
      let box: Box;
      if (typeof newRange === 'string') {
        const { sheet, local } = splitSheet(newRange);
        if (sheet !== undefined && sheet.toLowerCase() !== t.sheet.name.toLowerCase()) throw invalidArgument('A table can only be resized on its own worksheet.');
        box = parseBox(local);
      } else {
        const target = newRange._requireTarget();
        if (target.sheet !== t.sheet) throw invalidArgument('A table can only be resized on its own worksheet.');
        box = target.box;
      }
      model(this.context).resizeTable(t, box);
    });
  }

  /** Removes the table with its contents. */
  delete(): void {
    this._write({}, (t) => model(this.context).deleteTable(t));
  }
}

interface ColumnTarget {
  table: TableModel;
  index: number;
}

export class TableColumnCollectionProxy extends FakeCollection<TableModel, ColumnTarget, TableColumnProxy> {
  protected override _hasCount = true;

  constructor(context: ContextLike, table: () => TableModel | null) {
    super(context, 'TableColumnCollection', { kind: 'live', get: table as () => TableModel });
  }

  protected _itemTargets(table: TableModel): ColumnTarget[] {
    return model(this.context).headerNames(table).map((_, index) => ({ table, index }));
  }

  protected _makeItem(target: ColumnTarget): TableColumnProxy {
    return new TableColumnProxy(this.context, { kind: 'fixed', value: target });
  }

  get count(): number { return this._get('count'); }

  /**
   * Adds a column at the right end. `values` runs from the header row down (header first);
   * `name`, when given, names the column.
   */
  add(index?: number | null, values?: unknown, name?: string): TableColumnProxy {
    const column = new TableColumnProxy(this.context, { kind: 'created' });
    this._write({ index, values, name }, (table) => {
      model(this.context).addTableColumn(table, index, values, name);
      column._setCreated({ table, index: table.box.right - table.box.left });
    });
    return column;
  }

  private _byName(name: string): ColumnTarget | null {
    const table = this._targetNow();
    if (!table) return null;
    const index = model(this.context).headerNames(table).findIndex((h) => h.toLowerCase() === name.toLowerCase());
    return index < 0 ? null : { table, index };
  }

  getItem(name: string): TableColumnProxy {
    return new TableColumnProxy(this.context, { kind: 'step', get: () => {
      const found = this._byName(name);
      if (!found) throw itemNotFound(`table column '${name}'`);
      return found;
    } });
  }

  getItemOrNullObject(name: string): TableColumnProxy {
    return new TableColumnProxy(this.context, { kind: 'step', get: () => this._byName(name) });
  }

  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(this.context, { kind: 'step', get: () => {
      const table = this._requireTarget();
      if (!(index >= 0 && index <= table.box.right - table.box.left)) throw itemNotFound(`table column at ${index}`);
      return { table, index };
    } });
  }
}

export class TableColumnProxy extends FakeObject<ColumnTarget> {
  constructor(context: ContextLike, resolver: Resolver<ColumnTarget>) {
    super(context, 'TableColumn', resolver);
  }

  protected _scalars() {
    const m = model(this.context);
    return {
      name: (c: ColumnTarget) => m.headerNames(c.table)[c.index],
      index: (c: ColumnTarget) => c.index,
      id: (c: ColumnTarget) => c.index + 1,
      values: (c: ColumnTarget) => m.readValues(c.table.sheet, this._box(c, c.table.box.top, c.table.box.bottom)),
    };
  }

  get name(): string { return this._get('name'); }
  get index(): number { return this._get('index'); }
  get id(): number { return this._get('id'); }
  get values(): unknown[][] { return this._get('values'); }

  private _box(c: ColumnTarget, top: number, bottom: number): Box {
    const column = c.table.box.left + c.index;
    return { top, bottom, left: column, right: column };
  }

  private _part(rows: (t: TableModel) => { top: number; bottom: number }): RangeProxy {
    return new RangeProxy(this.context, { kind: 'step', get: () => {
      const c = this._targetNow();
      if (!c) return null;
      const { top, bottom } = rows(c.table);
      return { sheet: c.table.sheet, box: this._box(c, top, bottom) };
    } });
  }

  getRange(): RangeProxy {
    return this._part((t) => t.box);
  }

  getHeaderRowRange(): RangeProxy {
    return this._part((t) => ({ top: t.box.top, bottom: t.box.top }));
  }

  getDataBodyRange(): RangeProxy {
    return this._part((t) => model(this.context).bodyBox(t));
  }
}

/** Rows: `count` and `add` only (row items are not modelled). */
export class TableRowCollectionProxy extends FakeObject<TableModel> {
  constructor(context: ContextLike, table: () => TableModel | null) {
    super(context, 'TableRowCollection', { kind: 'live', get: table as () => TableModel });
  }

  protected _scalars() {
    return { count: (t: TableModel) => boxRows(model(this.context).bodyBox(t)) };
  }

  get count(): number { return this._get('count'); }

  /**
   * Appends rows at the bottom (index null/undefined) or inserts them before data row
   * `index`. An appended table grows over the cells below. An empty table's one blank
   * data row is filled first, as in Excel.
   */
  add(index?: number | null, values?: unknown, _alwaysInsert?: boolean): TableRowProxy {
    this._write({ index, values }, (t) => model(this.context).addTableRows(t, index, values));
    return new TableRowProxy(this.context);
  }
}

/** What rows.add returns; none of its members are modelled. */
export class TableRowProxy extends FakeObject<null> {
  constructor(context: ContextLike) {
    super(context, 'TableRow', { kind: 'fixed', value: null });
  }

  protected _scalars() {
    return {};
  }
}
