/** Workbook, worksheets, page layout, application, runtime and settings. */
import { Box, checkBox } from './addresses';
import { invalidArgument, itemNotFound, notImplemented } from './errors';
import type { CalculationMode, PageLayout, SheetModel, WorkbookModel } from './model';
import { ContextLike, FakeCollection, FakeObject, Resolver } from './proxyBase';
import { boxOnSheet, RangeAreasProxy, RangeProxy } from './range';
import { TableCollectionProxy } from './table';

function model(context: ContextLike): WorkbookModel {
  return context.host.model;
}

/** A sheet deleted earlier in the batch is gone for every proxy that still points at it. */
function present(m: WorkbookModel, sheet: SheetModel | null): SheetModel | null {
  return sheet && m.sheets.includes(sheet) ? sheet : null;
}

export class WorkbookProxy extends FakeObject<WorkbookModel> {
  constructor(context: ContextLike) {
    super(context, 'Workbook', { kind: 'live', get: () => context.host.model });
  }

  protected _scalars() {
    return {};
  }

  protected override _navigations() {
    return { worksheets: () => this.worksheets, tables: () => this.tables, application: () => this.application, settings: () => this.settings };
  }

  get worksheets(): WorksheetCollectionProxy {
    return this._child('worksheets', () => new WorksheetCollectionProxy(this.context));
  }

  get tables(): TableCollectionProxy {
    return this._child('tables', () => new TableCollectionProxy(this.context, () => undefined));
  }

  get application(): ApplicationProxy {
    return this._child('application', () => new ApplicationProxy(this.context));
  }

  get settings(): SettingCollectionProxy {
    return this._child('settings', () => new SettingCollectionProxy(this.context));
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, { kind: 'step', get: () => {
      const selection = model(this.context).selection;
      if (!selection) throw itemNotFound('selection (the workbook has no sheet)');
      return { sheet: selection.sheet, box: { ...selection.box } };
    } });
  }
}

export class WorksheetCollectionProxy extends FakeCollection<WorkbookModel, SheetModel, WorksheetProxy> {
  constructor(context: ContextLike) {
    super(context, 'WorksheetCollection', { kind: 'live', get: () => context.host.model });
  }

  protected _itemTargets(m: WorkbookModel): SheetModel[] {
    return m.sheets;
  }

  protected _makeItem(sheet: SheetModel): WorksheetProxy {
    return new WorksheetProxy(this.context, { kind: 'fixed', value: sheet });
  }

  add(name?: string): WorksheetProxy {
    const sheet = new WorksheetProxy(this.context, { kind: 'created' });
    this._write({ name }, (m) => sheet._setCreated(m.addSheet(name)));
    return sheet;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, { kind: 'step', get: () => {
      const sheet = model(this.context).findSheet(name);
      if (!sheet) throw itemNotFound(`worksheet '${name}'`);
      return sheet;
    } });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, { kind: 'step', get: () => model(this.context).findSheet(name) ?? null });
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, { kind: 'step', get: () => model(this.context).activeSheet ?? null });
  }
}

export class WorksheetProxy extends FakeObject<SheetModel> {
  constructor(context: ContextLike, resolver: Resolver<SheetModel>) {
    super(context, 'Worksheet', resolver);
  }

  override _targetNow(): SheetModel | null {
    return present(model(this.context), super._targetNow());
  }

  protected _scalars() {
    const m = model(this.context);
    return {
      name: (s: SheetModel) => s.name,
      id: (s: SheetModel) => s.id,
      position: (s: SheetModel) => m.sheets.indexOf(s),
      visibility: (s: SheetModel) => s.visibility,
    };
  }

  protected override _navigations() {
    return { tables: () => this.tables, pageLayout: () => this.pageLayout };
  }

  get name(): string { return this._get('name'); }
  set name(name: string) {
    this._set('name', name, (s) => model(this.context).renameSheet(s, name));
  }

  get id(): string { return this._get('id'); }
  get position(): number { return this._get('position'); }
  get visibility(): string { return this._get('visibility'); }
  set visibility(visibility: string) {
    this._set('visibility', visibility, (s) => {
      if (visibility !== 'Visible' && visibility !== 'Hidden' && visibility !== 'VeryHidden') throw invalidArgument(`Visibility '${visibility}' is not valid.`);
      s.visibility = visibility;
    });
  }

  /** ExcelApi 1.7: a copy of this sheet with everything it holds, named as Excel names a copy (`Template (2)`). */
  copy(positionType = 'None', relativeTo?: WorksheetProxy): WorksheetProxy {
    const copied = new WorksheetProxy(this.context, { kind: 'created' });
    this._write({ positionType }, (s) => {
      const m = model(this.context);
      const relative = relativeTo?._targetNow() ?? undefined;
      // Where 'None' (the default) puts the copy is not pinned down here: name a position.
      copied._setCreated(m.copySheet(s, positionType, relative));
    });
    return copied;
  }

  get tables(): TableCollectionProxy {
    return this._child('tables', () => new TableCollectionProxy(this.context, () => this._targetNow() ?? undefined));
  }

  get pageLayout(): PageLayoutProxy {
    return this._child('pageLayout', () => new PageLayoutProxy(this.context, () => this._targetNow()));
  }

  private _range(box: (sheet: SheetModel) => Box | null): RangeProxy {
    return new RangeProxy(this.context, { kind: 'step', get: () => {
      const sheet = this._targetNow();
      const b = sheet && box(sheet);
      return sheet && b ? { sheet, box: b } : null;
    } });
  }

  /** No address: the whole sheet (reading its values then exceeds the cell limit, as in Excel). */
  getRange(address?: string): RangeProxy {
    return this._range((sheet) => (address === undefined || address === '' ? { top: 1, left: 1, bottom: 1_048_576, right: 16_384 } : boxOnSheet(sheet, address)));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this._range(() => {
      if (!(rowCount >= 1 && columnCount >= 1)) throw invalidArgument('getRangeByIndexes needs a row and column count of at least 1.');
      return checkBox({ top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount });
    });
  }

  getRanges(addresses: string): RangeAreasProxy {
    return new RangeAreasProxy(this.context, { kind: 'step', get: () => {
      const sheet = this._targetNow();
      return sheet && { sheet, boxes: addresses.split(',').map((a) => boxOnSheet(sheet, a.trim())) };
    } });
  }

  /** Excel's used range of an empty sheet is A1. */
  getUsedRange(valuesOnly = false): RangeProxy {
    return this._range((sheet) => model(this.context).usedBox(sheet, valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this._range((sheet) => model(this.context).usedBox(sheet, valuesOnly) ?? null);
  }

  delete(): void {
    this._write({}, (s) => model(this.context).deleteSheet(s));
  }

  activate(): void {
    this._write({}, (s) => {
      const m = model(this.context);
      m.activeSheet = s;
      m.selection = { sheet: s, box: { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }
}

/** Excel.PaperType values the fake accepts. */
const PAPER_TYPES = ['Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5'];
type Margin = keyof PageLayout['margins'];

/** An A1 range on the sheet (`A1:D40`), or whole rows (`$21:$21`) for title rows. */
function checkPrintAddress(address: string, rows: boolean): string {
  const pattern = rows ? /^\$?\d+:\$?\d+$/ : /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/;
  if (!pattern.test(address)) throw invalidArgument(`'${address}' is not a valid ${rows ? 'row range' : 'range address'}.`);
  return address;
}

export class PageLayoutProxy extends FakeObject<SheetModel> {
  constructor(context: ContextLike, get: () => SheetModel | null) {
    super(context, 'PageLayout', { kind: 'live', get: get as () => SheetModel });
  }

  protected _scalars() {
    const margin = (side: Margin) => (s: SheetModel) => s.pageLayout.margins[side];
    return {
      orientation: (s: SheetModel) => s.pageLayout.orientation,
      zoom: (s: SheetModel) => ({ ...s.pageLayout.zoom }),
      paperSize: (s: SheetModel) => s.pageLayout.paperSize,
      leftMargin: margin('left'),
      rightMargin: margin('right'),
      topMargin: margin('top'),
      bottomMargin: margin('bottom'),
      headerMargin: margin('header'),
      footerMargin: margin('footer'),
    };
  }

  protected override _navigations() {
    return { headersFooters: () => this.headersFooters };
  }

  get orientation(): PageLayout['orientation'] { return this._get('orientation'); }
  set orientation(orientation: PageLayout['orientation']) {
    this._set('orientation', orientation, (s) => {
      if (orientation !== 'Portrait' && orientation !== 'Landscape') throw invalidArgument(`Orientation '${orientation}' is not valid.`);
      s.pageLayout.orientation = orientation;
    });
  }

  get zoom(): PageLayout['zoom'] { return this._get('zoom'); }
  set zoom(zoom: PageLayout['zoom']) {
    this._set('zoom', zoom, (s) => {
      s.pageLayout.zoom = { ...zoom };
    });
  }

  get paperSize(): string { return this._get('paperSize'); }
  set paperSize(paperSize: string) {
    this._set('paperSize', paperSize, (s) => {
      if (!PAPER_TYPES.includes(paperSize)) throw invalidArgument(`Paper size '${paperSize}' is not valid.`);
      s.pageLayout.paperSize = paperSize;
    });
  }

  private _setMargin(name: string, side: Margin, points: number): void {
    this._set(name, points, (s) => {
      if (!(typeof points === 'number' && points >= 0)) throw invalidArgument(`${name} must be a number of points, at least 0.`);
      s.pageLayout.margins[side] = points;
    });
  }

  get leftMargin(): number { return this._get('leftMargin'); }
  set leftMargin(points: number) { this._setMargin('leftMargin', 'left', points); }
  get rightMargin(): number { return this._get('rightMargin'); }
  set rightMargin(points: number) { this._setMargin('rightMargin', 'right', points); }
  get topMargin(): number { return this._get('topMargin'); }
  set topMargin(points: number) { this._setMargin('topMargin', 'top', points); }
  get bottomMargin(): number { return this._get('bottomMargin'); }
  set bottomMargin(points: number) { this._setMargin('bottomMargin', 'bottom', points); }
  get headerMargin(): number { return this._get('headerMargin'); }
  set headerMargin(points: number) { this._setMargin('headerMargin', 'header', points); }
  get footerMargin(): number { return this._get('footerMargin'); }
  set footerMargin(points: number) { this._setMargin('footerMargin', 'footer', points); }

  /** ExcelApi 1.9: the range that prints (a string address only; a Range argument is not modelled). */
  setPrintArea(address: string): void {
    if (typeof address !== 'string') throw notImplemented('PageLayout.setPrintArea with a Range or RangeAreas');
    this._write(address, (s) => {
      s.pageLayout.printArea = checkPrintAddress(address, false);
    });
  }

  /** ExcelApi 1.9: rows repeated at the top of every printed page. */
  setPrintTitleRows(address: string): void {
    if (typeof address !== 'string') throw notImplemented('PageLayout.setPrintTitleRows with a Range');
    this._write(address, (s) => {
      s.pageLayout.printTitleRows = checkPrintAddress(address, true);
    });
  }

  get headersFooters(): HeaderFooterGroupProxy {
    return this._child('headersFooters', () => new HeaderFooterGroupProxy(this.context, () => this._targetNow()));
  }
}

/** PageLayout.headersFooters: only defaultForAllPages is modelled. */
export class HeaderFooterGroupProxy extends FakeObject<SheetModel> {
  constructor(context: ContextLike, get: () => SheetModel | null) {
    super(context, 'HeaderFooterGroup', { kind: 'live', get: get as () => SheetModel });
  }

  protected _scalars() {
    return {};
  }

  protected override _navigations() {
    return { defaultForAllPages: () => this.defaultForAllPages };
  }

  get defaultForAllPages(): HeaderFooterProxy {
    return this._child('defaultForAllPages', () => new HeaderFooterProxy(this.context, () => this._targetNow()));
  }
}

/** One page's headers and footers: only the centre footer is modelled. */
export class HeaderFooterProxy extends FakeObject<SheetModel> {
  constructor(context: ContextLike, get: () => SheetModel | null) {
    super(context, 'HeaderFooter', { kind: 'live', get: get as () => SheetModel });
  }

  protected _scalars() {
    return { centerFooter: (s: SheetModel) => s.pageLayout.centerFooter };
  }

  get centerFooter(): string { return this._get('centerFooter'); }
  set centerFooter(text: string) {
    this._set('centerFooter', text, (s) => {
      s.pageLayout.centerFooter = text;
    });
  }
}

const CALCULATION_MODES: CalculationMode[] = ['Automatic', 'AutomaticExceptTables', 'Manual'];

export class ApplicationProxy extends FakeObject<WorkbookModel> {
  constructor(context: ContextLike) {
    super(context, 'Application', { kind: 'live', get: () => context.host.model });
  }

  protected _scalars() {
    return { calculationMode: (m: WorkbookModel) => m.calculationMode };
  }

  get calculationMode(): CalculationMode { return this._get('calculationMode'); }
  set calculationMode(mode: CalculationMode) {
    this._set('calculationMode', mode, (m) => {
      if (!CALCULATION_MODES.includes(mode)) throw invalidArgument(`Calculation mode '${mode}' is not valid.`);
      m.calculationMode = mode;
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this.context.suspend('apiCalculation');
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.context.suspend('screenUpdating');
  }
}

export class RuntimeProxy extends FakeObject<WorkbookModel> {
  constructor(context: ContextLike) {
    super(context, 'Runtime', { kind: 'live', get: () => context.host.model });
  }

  protected _scalars() {
    return { enableEvents: (m: WorkbookModel) => m.enableEvents };
  }

  get enableEvents(): boolean { return this._get('enableEvents'); }
  set enableEvents(enable: boolean) {
    this._set('enableEvents', enable, (m) => {
      m.enableEvents = Boolean(enable);
    });
  }
}

export class SettingCollectionProxy extends FakeCollection<WorkbookModel, string, SettingProxy> {
  constructor(context: ContextLike) {
    super(context, 'SettingCollection', { kind: 'live', get: () => context.host.model });
  }

  protected _itemTargets(m: WorkbookModel): string[] {
    return [...m.settings.keys()];
  }

  protected _makeItem(key: string): SettingProxy {
    return new SettingProxy(this.context, { kind: 'fixed', value: key });
  }

  /** Adds or replaces; the value is stored as JSON, as Office settings are. */
  add(key: string, value: unknown): SettingProxy {
    const setting = new SettingProxy(this.context, { kind: 'created' });
    this._write({ key, value }, (m) => {
      m.settings.set(key, jsonCopy(value));
      setting._setCreated(key);
    });
    return setting;
  }

  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, { kind: 'step', get: () => {
      if (!model(this.context).settings.has(key)) throw itemNotFound(`setting '${key}'`);
      return key;
    } });
  }

  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, { kind: 'step', get: () => (model(this.context).settings.has(key) ? key : null) });
  }
}

function jsonCopy(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export class SettingProxy extends FakeObject<string> {
  constructor(context: ContextLike, resolver: Resolver<string>) {
    super(context, 'Setting', resolver);
  }

  protected _scalars() {
    return { key: (key: string) => key, value: (key: string) => jsonCopy(model(this.context).settings.get(key)) };
  }

  get key(): string { return this._get('key'); }
  get value(): unknown { return this._get('value'); }
  set value(value: unknown) {
    this._set('value', value, (key) => model(this.context).settings.set(key, jsonCopy(value)));
  }

  delete(): void {
    this._write({}, (key) => model(this.context).settings.delete(key));
  }
}
