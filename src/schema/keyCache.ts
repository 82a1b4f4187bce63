/**
 * Lower-cased keys of ids that repeat on many rows (people, nodes, agreements): a million
 * time entries name a few hundred of them, so each key is made once and shared instead of
 * allocating a fresh lower-case copy per row. Bounded, so a column of all-distinct ids
 * cannot grow it without limit.
 */
import { idKey } from '../core/idKey';

const MAX_CACHED = 65_536;

export class KeyCache<K extends string> {
  private readonly keys = new Map<string, K>();

  key(id: string): K {
    let key = this.keys.get(id);
    if (key === undefined) {
      key = idKey(id) as K;
      if (this.keys.size < MAX_CACHED) this.keys.set(id, key);
    }
    return key;
  }
}
