/** The workbook cache: one shared read and validation per workbook state. */
import { createWorkbookCache } from '../../src/functions/workbookCache';
import { countingReader, rawWorkbook, settle } from './functionsFixture';

describe('createWorkbookCache', () => {
  test('concurrent callers share one read and one validated snapshot', async () => {
    const reader = countingReader(rawWorkbook());
    const cache = createWorkbookCache(reader.read);
    const snapshots = await Promise.all(Array.from({ length: 100 }, () => cache.get()));
    expect(reader.calls()).toBe(1);
    expect(new Set(snapshots).size).toBe(1);
    expect(snapshots[0].read.issues).toEqual([]);
    expect(snapshots[0].read.workbook?.orders.map((o) => o.id)).toEqual(['O-1', 'O-2']);
  });

  test('a later caller gets the same snapshot until invalidate', async () => {
    const reader = countingReader(rawWorkbook());
    const cache = createWorkbookCache(reader.read);
    const first = await cache.get();
    expect(await cache.get()).toBe(first);
    cache.invalidate();
    const second = await cache.get();
    expect(second).not.toBe(first);
    expect(reader.calls()).toBe(2);
  });

  test('listeners hear every invalidation until removed; invalidate works unbound', () => {
    const cache = createWorkbookCache(countingReader(rawWorkbook()).read);
    const heard: string[] = [];
    const removeA = cache.onInvalidate(() => heard.push('a'));
    cache.onInvalidate(() => heard.push('b'));
    const { invalidate } = cache;
    invalidate();
    removeA();
    invalidate();
    expect(heard).toEqual(['a', 'b', 'b']);
  });

  test('a failed read is shared by its waiters, then dropped so the next caller reads again', async () => {
    let calls = 0;
    const cache = createWorkbookCache(async () => {
      calls += 1;
      if (calls === 1) throw new Error('busy');
      return rawWorkbook();
    });
    const waiting = [cache.get(), cache.get()];
    await expect(waiting[0]).rejects.toThrow('busy');
    await expect(waiting[1]).rejects.toThrow('busy');
    await settle();
    await expect(cache.get()).resolves.toBeDefined();
    expect(calls).toBe(2);
  });

  test('a reader that throws synchronously is a rejected read, not a throw', async () => {
    const cache = createWorkbookCache(() => {
      throw new Error('no Excel');
    });
    await expect(cache.get()).rejects.toThrow('no Excel');
  });

  test('snapshot.memo computes once per key', async () => {
    const cache = createWorkbookCache(countingReader(rawWorkbook()).read);
    const snapshot = await cache.get();
    let runs = 0;
    const compute = () => ++runs;
    expect(snapshot.memo('k', compute)).toBe(1);
    expect(snapshot.memo('k', compute)).toBe(1);
    expect(snapshot.memo('other', compute)).toBe(2);
  });
});
