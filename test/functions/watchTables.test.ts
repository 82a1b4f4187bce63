/**
 * watchTables over the fake Excel: a user's edit of an input table invalidates the custom
 * functions' cache, and a live PSA.BALANCE cell shows the new figure after one more read.
 */
import { ExcelWorkbook } from '../../src/excel/ExcelWorkbook';
import { watchTables } from '../../src/excel/watchTables';
import { createPsaFunctions } from '../../src/functions/psaFunctions';
import { createWorkbookCache } from '../../src/functions/workbookCache';
import { FakeExcel } from '../fakeExcel/FakeExcel';
import { day, FakeInvocation, installCustomFunctionsStandIn, manualSchedule, rawWorkbook, settle } from './functionsFixture';

installCustomFunctionsStandIn();

/** E5's Hours cell: TimeEntries sits at B3 (header) on Sheet_TimeEntries; Hours is its 6th column, E5 its 5th row. */
const E5_HOURS = 'G8';

describe('watchTables', () => {
  test('1,000 PSA.BALANCE cells in the fake Excel read the tables once: the syncs of one read', async () => {
    const fake = FakeExcel.fromTables(rawWorkbook().tables);
    await new ExcelWorkbook(fake.run).readTables();
    const syncsOfOneRead = fake.syncCount;
    const cache = createWorkbookCache(() => new ExcelWorkbook(fake.run).readTables());
    const psa = createPsaFunctions(cache, { today: () => day('2025-03-01'), schedule: manualSchedule().schedule });
    const cells = Array.from({ length: 1000 }, () => new FakeInvocation<number>());
    for (const cell of cells) psa.balance('AGR-1', null, cell);
    await settle();
    expect(cells.every((c) => c.last === 6.5)).toBe(true);
    expect(fake.syncCount).toBe(2 * syncsOfOneRead);
  });

  test('a user edit of TimeEntries invalidates the cache and live cells recompute from one new read', async () => {
    const fake = FakeExcel.fromTables(rawWorkbook().tables);
    let reads = 0;
    const cache = createWorkbookCache(() => {
      reads += 1;
      return new ExcelWorkbook(fake.run).readTables();
    });
    const timer = manualSchedule();
    const psa = createPsaFunctions(cache, { today: () => day('2025-03-01'), schedule: timer.schedule });
    const cells = [new FakeInvocation<number>(), new FakeInvocation<number>()];
    for (const cell of cells) psa.balance('AGR-1', null, cell);
    await settle();
    expect(cells.map((c) => c.last)).toEqual([6.5, 6.5]);
    expect(reads).toBe(1);

    const invalidations: number[] = [];
    cache.onInvalidate(() => invalidations.push(1));
    const unwatch = await watchTables(fake.run, cache.invalidate);

    await fake.userEdit('Sheet_TimeEntries', E5_HOURS, [[4]]);
    expect(invalidations.length).toBeGreaterThanOrEqual(1);
    timer.flush();
    await settle();
    await settle();
    expect(reads).toBe(2);
    expect(cells.map((c) => c.last)).toEqual([3.5, 3.5]);

    const heard = invalidations.length;
    await unwatch();
    await fake.userEdit('Sheet_TimeEntries', E5_HOURS, [[5]]);
    expect(invalidations.length).toBe(heard);
  });
});
