/**
 * The proxy machinery shared by every fake Office.js object: the batch queue, load paths,
 * "property not loaded" errors, and the refusal of anything the fake does not model.
 *
 * Every call on a proxy only queues a step. `context.sync()` runs the steps in queue order:
 * resolve steps fix which model object (or cell box) a proxy stands for at that point,
 * writes change the model, loads take snapshots that become readable once the sync succeeds.
 */
import { FakeOfficeError, itemNotFound, notImplemented, notLoaded } from './errors';
import type { WorkbookModel } from './model';

/** What a load step reports: response bytes and the snapshots to publish if the sync succeeds. */
export interface LoadSink {
  bytes: number;
  commits: (() => void)[];
}

export interface Step {
  kind: 'resolve' | 'load' | 'write' | 'event';
  /** Request bytes: the JSON length of a write's arguments. */
  bytes: number;
  run: (sink: LoadSink) => void;
}

export type EventKind = 'changed' | 'added' | 'deleted';

/** Which events a handler hears: one table's, one sheet's tables', or every table's. */
export interface HandlerScope {
  kind: EventKind;
  tableId?: string;
  worksheetId?: string;
}

/** What the proxies need from the fake Excel that runs them. */
export interface Host {
  readonly model: WorkbookModel;
  addHandler(scope: HandlerScope, handler: (args: unknown) => unknown): number;
  removeHandler(id: number): void;
}

export interface ContextLike {
  readonly host: Host;
  /** True while a sync runs its steps: new proxies then resolve at once. */
  executing: boolean;
  enqueue(step: Step): void;
  /** application.suspend...UntilNextSync: recorded for the next sync's log entry. */
  suspend(what: 'screenUpdating' | 'apiCalculation'): void;
}

export function jsonLength(value: unknown): number {
  return value === undefined ? 0 : (JSON.stringify(value)?.length ?? 0);
}

/** How a proxy finds its model object. */
export type Resolver<T> =
  /** Follows its parent every time (format, collections of a table, ...). */
  | { kind: 'live'; get: () => T }
  /** Fixed at its place in the queue (getRange, getItem, getDataBodyRange, ...); null = null object. */
  | { kind: 'step'; get: () => T | null }
  /** Known when made (the items of a loaded collection). */
  | { kind: 'fixed'; value: T }
  /** Set by the write that creates it (tables.add, worksheets.add, ...). */
  | { kind: 'created' };

/** Names jest, node's inspector and `await` probe on any object: answered with undefined. */
const PROBES = new Set(['then', 'asymmetricMatch', 'nodeType', 'tagName', 'inspect', 'toJSON', 'constructor', 'length']);

/**
 * Wraps a proxy so that touching a member the fake does not define throws NotImplemented
 * naming it, instead of `undefined is not a function` or a silent no-op.
 */
export function refuseUnknown<T extends object>(target: T, className: string): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === 'symbol' || prop in t) return Reflect.get(t, prop, receiver);
      if (PROBES.has(prop) || prop.startsWith('@@') || prop.startsWith('$$') || prop.startsWith('_')) return undefined;
      throw notImplemented(`${className}.${prop}`);
    },
    set(t, prop, value, receiver) {
      if (typeof prop === 'symbol') return Reflect.set(t, prop, value, receiver);
      const found = findDescriptor(t, prop);
      if (!found) throw notImplemented(`setting ${className}.${prop}`);
      if (found.get && !found.set) throw new FakeOfficeError('InvalidArgument', `${className}.${prop} is read-only.`);
      return Reflect.set(t, prop, value, receiver);
    },
  });
}

function findDescriptor(object: object, prop: string): PropertyDescriptor | undefined {
  for (let o: object | null = object; o; o = Object.getPrototypeOf(o)) {
    const descriptor = Object.getOwnPropertyDescriptor(o, prop);
    if (descriptor) return descriptor;
  }
  return undefined;
}

type Scalars<T> = Record<string, (target: T) => unknown>;
/** What a load path can pass through. */
export interface Loadable {
  _collect(paths: string[][], sink: LoadSink): void;
}
type Navigations = Record<string, () => Loadable>;

export abstract class FakeObject<T> implements Loadable {
  /** Snapshots published by successful syncs (and values set locally, as Office.js keeps them). */
  protected readonly _loaded = new Map<string, unknown>();
  protected _target: T | null | undefined = undefined;
  protected readonly _children = new Map<string, unknown>();

  constructor(
    readonly context: ContextLike,
    protected readonly _className: string,
    protected readonly _resolver: Resolver<T>,
  ) {
    if (_resolver.kind === 'fixed') this._target = _resolver.value;
    const resolver = _resolver;
    if (resolver.kind === 'step') {
      this._enqueueOrRun({ kind: 'resolve', bytes: 0, run: () => { this._target = resolver.get(); } });
    }
    // Returning the wrapped object makes `new X()` hand out the refusing proxy.
    return refuseUnknown(this, _className);
  }

  /** Scalar properties this class can load, read from its model object at sync time. */
  protected abstract _scalars(): Scalars<T>;

  /** Navigation properties (`worksheet`, `format`, ...): load paths `x/y` pass through them. */
  protected _navigations(): Navigations {
    return {};
  }

  protected _enqueueOrRun(step: Step): void {
    if (this.context.executing) step.run({ bytes: 0, commits: [] });
    else this.context.enqueue(step);
  }

  /** The model object now; null for a null object. Only valid while a sync runs its steps. */
  _targetNow(): T | null {
    if (this._resolver.kind === 'live') return this._resolver.get();
    if (this._target === undefined) throw new FakeOfficeError('InvalidObjectPath', `The ${this._className} was used before the step that creates it ran.`);
    return this._target;
  }

  _requireTarget(): T {
    const target = this._targetNow();
    if (target === null) throw itemNotFound(`${this._className} (a null object)`);
    return target;
  }

  /** Used by the write that creates this object. */
  _setCreated(target: T): void {
    this._target = target;
  }

  get isNullObject(): boolean {
    if (this._resolver.kind === 'live' || this._resolver.kind === 'fixed') return false;
    if (this._target === undefined) throw notLoaded('isNullObject');
    return this._target === null;
  }

  protected _get<V>(property: string): V {
    if (!this._loaded.has(property)) throw notLoaded(property);
    return this._loaded.get(property) as V;
  }

  /** Queues a write. `args` are what Office.js would send, sized for the request limit. */
  protected _write(args: unknown, apply: (target: T) => void): void {
    this.context.enqueue({ kind: 'write', bytes: jsonLength(args) + 32, run: () => apply(this._requireTarget()) });
  }

  /** Setting a property queues the write and, as Office.js does, keeps the value locally. */
  protected _set(property: string, value: unknown, apply: (target: T) => void): void {
    this._loaded.set(property, value);
    this._write(value, apply);
  }

  protected _child<C>(name: string, make: () => C): C {
    let child = this._children.get(name);
    if (!child) this._children.set(name, (child = make()));
    return child as C;
  }

  load(option?: string | string[] | { select?: string | string[]; expand?: string | string[] }): this {
    const paths = parseLoadOption(option, this._className);
    this.context.enqueue({ kind: 'load', bytes: 0, run: (sink) => this._collect(paths, sink) });
    return this;
  }

  /** Runs a load at its place in the queue: snapshots the requested properties. */
  _collect(paths: string[][], sink: LoadSink): void {
    const target = this._targetNow();
    if (target === null) return; // a null object loads nothing; its properties stay unreadable
    const scalars = this._scalars();
    const navigations = this._navigations();
    const wanted = paths.length > 0 ? paths : Object.keys(scalars).map((name) => [name]);
    for (const [head, rest] of groupPaths(wanted)) {
      if (head in scalars) {
        const value = scalars[head](target);
        sink.bytes += jsonLength(value);
        sink.commits.push(() => this._loaded.set(head, value));
      } else if (head in navigations) {
        navigations[head]()._collect(rest, sink);
      } else {
        throw notImplemented(`loading '${head}' on ${this._className}`);
      }
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of this._loaded) out[key] = Array.isArray(value) && value[0] instanceof FakeObject ? value.map((v: { toJSON(): unknown }) => v.toJSON()) : value;
    return out;
  }
}

/**
 * A collection: `items` (and `count`) load the members; any other path names a member
 * property, as in Office.js where `tables.load('name')` means `items/name`.
 */
export abstract class FakeCollection<T, ItemTarget, Item extends Loadable> extends FakeObject<T> {
  protected abstract _itemTargets(target: T): ItemTarget[];
  protected abstract _makeItem(target: ItemTarget): Item;
  /** Office.js gives `count` to some collections only (tables, columns, rows). */
  protected _hasCount = false;

  protected _scalars(): Scalars<T> {
    return this._hasCount ? { count: (t) => this._itemTargets(t).length } : {};
  }

  get items(): Item[] {
    return this._get('items');
  }

  override _collect(paths: string[][], sink: LoadSink): void {
    const target = this._targetNow();
    if (target === null) return;
    const itemPaths: string[][] = [];
    let loadItems = paths.length === 0;
    for (const path of paths) {
      if (path[0] === 'count' && this._hasCount) super._collect([path], sink);
      else if (path[0] === 'items') {
        loadItems = true;
        if (path.length > 1) itemPaths.push(path.slice(1));
      } else {
        loadItems = true;
        itemPaths.push(path);
      }
    }
    if (!loadItems) return;
    const items = this._itemTargets(target).map((t) => this._makeItem(t));
    for (const item of items) item._collect(itemPaths, sink);
    sink.commits.push(() => this._loaded.set('items', items));
  }
}

function groupPaths(paths: string[][]): Map<string, string[][]> {
  const groups = new Map<string, string[][]>();
  for (const [head, ...rest] of paths) {
    const group = groups.get(head) ?? [];
    if (rest.length > 0) group.push(rest);
    groups.set(head, group);
  }
  return groups;
}

function splitList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : value.split(',');
  return list.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** `'a, b/c'`, `['a', 'b/c']` or `{ select, expand }` as path segments. */
function parseLoadOption(option: unknown, className: string): string[][] {
  let names: string[];
  if (option === undefined || typeof option === 'string' || Array.isArray(option)) names = splitList(option as string | string[] | undefined);
  else if (typeof option === 'object' && option !== null && Object.keys(option).every((k) => k === 'select' || k === 'expand')) {
    const o = option as { select?: string | string[]; expand?: string | string[] };
    names = [...splitList(o.select), ...splitList(o.expand)];
  } else throw notImplemented(`${className}.load with an option object other than { select, expand }`);
  return names.map((name) => name.split('/').map((s) => s.trim()));
}

/** `onChanged`, `onAdded`, `onDeleted`: registration and removal take effect at the next sync. */
export class FakeEventSource {
  constructor(
    private readonly context: ContextLike,
    private readonly scope: () => HandlerScope,
  ) {}

  add(handler: (args: unknown) => unknown): { context: ContextLike; remove: () => void } {
    let id: number | undefined;
    this.context.enqueue({ kind: 'event', bytes: 0, run: () => { id = this.context.host.addHandler(this.scope(), handler); } });
    return {
      context: this.context,
      remove: () => this.context.enqueue({ kind: 'event', bytes: 0, run: () => { if (id !== undefined) this.context.host.removeHandler(id); } }),
    };
  }
}
