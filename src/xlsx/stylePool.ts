/**
 * Shared cell style objects for the cells the adapter writes.
 *
 * exceljs turns each cell's style object into a style id when it writes the file, and
 * remembers the id per style *object*: a style object it has seen costs a lookup, a new
 * one costs building and comparing its XML. A loaded workbook already shares one style
 * object per style of the file, but every cell exceljs creates gets its own empty object,
 * and `cell.numFmt = …` changes the object in place (for a loaded cell, every cell sharing
 * it). So the adapter never changes a style object: it gives a cell the one shared object
 * for "this style plus that number format / fill", from this pool.
 *
 * Objects handed out here are never modified, neither by the pool nor by the adapter.
 */
import type ExcelJS from 'exceljs';

export type CellStyle = Partial<ExcelJS.Style>;

export class StylePool {
  /** Pooled object → itself. */
  private readonly canonicalOf = new WeakMap<object, CellStyle>();
  /** Content key → pooled object. */
  private readonly byKey = new Map<string, CellStyle>();
  /** Pooled object → its variants, by the key of the change. */
  private readonly variants = new WeakMap<object, Map<string, CellStyle>>();
  /** Change object → its key; callers pass the same change objects again and again. */
  private readonly changeKeys = new WeakMap<object, string>();
  private readonly empty: CellStyle = {};

  constructor() {
    this.byKey.set('{}', this.empty);
    this.canonicalOf.set(this.empty, this.empty);
  }

  /** The pooled object with the content of `style` (which is left as it is). */
  of(style: CellStyle | undefined): CellStyle {
    if (!style) return this.empty;
    const known = this.canonicalOf.get(style);
    if (known) return known;
    // Not remembered per object: most styles come here once (each new cell has its own).
    const key = styleKey(style);
    let pooled = this.byKey.get(key);
    if (!pooled) {
      pooled = { ...style };
      this.byKey.set(key, pooled);
      this.canonicalOf.set(pooled, pooled);
    }
    return pooled;
  }

  /**
   * `style` with the given properties set (`undefined` removes one), as a pooled object.
   * Pass the same `change` object for the same change (it is keyed by identity first).
   */
  with(style: CellStyle | undefined, change: CellStyle): CellStyle {
    const base = this.of(style);
    let changeKey = this.changeKeys.get(change);
    if (changeKey === undefined) {
      changeKey = JSON.stringify(change, (_k, v: unknown) => (v === undefined ? null : v));
      this.changeKeys.set(change, changeKey);
    }
    let variants = this.variants.get(base);
    if (!variants) {
      variants = new Map();
      this.variants.set(base, variants);
    }
    let variant = variants.get(changeKey);
    if (!variant) {
      const next: CellStyle = { ...base, ...change };
      for (const k of Object.keys(change) as (keyof CellStyle)[]) if (change[k] === undefined) delete next[k];
      variant = this.of(next);
      variants.set(changeKey, variant);
    }
    return variant;
  }
}

/** Content key of a style: JSON with properties whose value is undefined left out. */
function styleKey(style: CellStyle): string {
  if (isEmpty(style)) return '{}';
  return JSON.stringify(style);
}

function isEmpty(style: object): boolean {
  for (const _key in style) return false;
  return true;
}
