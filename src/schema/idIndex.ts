/**
 * Finds duplicate ids, compared case-insensitively, without building a lower-cased copy of
 * every id: TimeEntries may hold a million of them, and a Map of a million fresh keys costs
 * more than the rest of the table's validation together. Open addressing over an Int32Array;
 * the hash folds ASCII letters to lower case as it goes.
 */
const EMPTY = -1;

/** FNV-1a over the id in lower case; ASCII letters are folded in place, anything else lower-cases the id first. */
function hashOf(id: string, isLowered = false): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    let code = id.charCodeAt(i);
    if (code >= 65 && code <= 90) code += 32;
    else if (code >= 128 && !isLowered) return hashOf(id.toLowerCase(), true);
    h = Math.imul(h ^ code, 0x01000193);
  }
  return h | 0;
}

export class IdIndex {
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  private readonly ids: string[] = [];
  /** Hash and row of each id added, by insertion number; typed arrays so a million hashes stay unboxed. */
  private hashes: Int32Array;
  private rows: Int32Array;

  /** `expected`: how many ids will likely be added (the table's row count), to size the index once. */
  constructor(expected = 16) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.mask = size - 1;
    this.hashes = new Int32Array(size / 2);
    this.rows = new Int32Array(size / 2);
  }

  /** Adds the id of row `row`; returns the row that already holds the same id, or -1 when it is new. */
  add(id: string, row: number): number {
    const hash = hashOf(id);
    let at = hash & this.mask;
    for (;;) {
      const slot = this.slots[at];
      if (slot === EMPTY) break;
      if (this.hashes[slot] === hash && this.ids[slot].toLowerCase() === id.toLowerCase()) return this.rows[slot];
      at = (at + 1) & this.mask;
    }
    const n = this.count++;
    this.slots[at] = n;
    this.ids.push(id);
    this.hashes[n] = hash;
    this.rows[n] = row;
    if (this.count * 2 >= this.slots.length) this.grow();
    return -1;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.mask = size - 1;
    const hashes = new Int32Array(size / 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const rows = new Int32Array(size / 2);
    rows.set(this.rows);
    this.rows = rows;
    for (let n = 0; n < this.count; n++) {
      let at = this.hashes[n] & this.mask;
      while (this.slots[at] !== EMPTY) at = (at + 1) & this.mask;
      this.slots[at] = n;
    }
  }
}
