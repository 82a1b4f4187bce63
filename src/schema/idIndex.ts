/**
 * Finds duplicate ids, compared case-insensitively, without building a lower-cased copy of
 * every id: TimeEntries may hold a million of them, and a Map of a million fresh keys costs
 * more than the rest of the table's validation together. Open addressing over an Int32Array;
 * the hash folds ASCII letters to lower case as it goes.
 */
const FREE = 0;

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
  /** Pairs (hash, insertion number + 1) side by side, so a probe touches one cache line; 0 marks a free pair. */
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  /** Sized once to `expected`: grown by push, a million ids would copy the array over and over. */
  private ids: string[];
  private rows: Int32Array;

  /** `expected`: how many ids will likely be added (the table's row count), to size the index once. */
  constructor(expected = 16) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    this.rows = new Int32Array(size / 2);
    this.ids = new Array<string>(size / 2);
  }

  /** Adds the id of row `row`; returns the row that already holds the same id, or -1 when it is new. */
  add(id: string, row: number): number {
    const hash = hashOf(id);
    const slots = this.slots;
    let at = hash & this.mask;
    for (;;) {
      const entry = slots[2 * at + 1];
      if (entry === FREE) break;
      if (slots[2 * at] === hash && this.ids[entry - 1].toLowerCase() === id.toLowerCase()) return this.rows[entry - 1];
      at = (at + 1) & this.mask;
    }
    const n = this.count++;
    slots[2 * at] = hash;
    slots[2 * at + 1] = n + 1;
    this.ids[n] = id;
    this.rows[n] = row;
    if (this.count * 2 >= this.mask) this.grow();
    return -1;
  }

  private grow(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    const rows = new Int32Array(size / 2);
    rows.set(this.rows);
    this.rows = rows;
    this.ids.length = size / 2;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === FREE) continue;
      let at = old[i] & this.mask;
      while (this.slots[2 * at + 1] !== FREE) at = (at + 1) & this.mask;
      this.slots[2 * at] = old[i];
      this.slots[2 * at + 1] = old[i + 1];
    }
  }
}
