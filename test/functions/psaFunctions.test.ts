/**
 * The PSA.* functions end to end over a small raw workbook: each figure, each error, one
 * read per recalculation, and live cells refreshed after a table change with one more read.
 */
import { createPsaFunctions, type PsaFunctions } from '../../src/functions/psaFunctions';
import { createWorkbookCache, type WorkbookCache } from '../../src/functions/workbookCache';
import { agreementBalance } from '../../src/engine/agreements/agreementBalance';
import { readBillingWorkbook } from '../../src/schema/readBillingWorkbook';
import {
  countingReader,
  day,
  FakeInvocation,
  functionRecords,
  installCustomFunctionsStandIn,
  manualSchedule,
  rawWorkbook,
  settle,
  StandInError,
} from './functionsFixture';

installCustomFunctionsStandIn();

const TODAY = day('2025-03-01');

function setup(book = rawWorkbook()) {
  const reader = countingReader(book);
  const cache: WorkbookCache = createWorkbookCache(reader.read);
  const timer = manualSchedule();
  const psa: PsaFunctions = createPsaFunctions(cache, { today: () => TODAY, schedule: timer.schedule });
  return { reader, cache, timer, psa };
}

/** Calls one function with a fresh invocation and waits for its first value. */
async function value<T>(call: (invocation: FakeInvocation<T>) => void): Promise<T | CustomFunctions.Error | undefined> {
  const invocation = new FakeInvocation<T>();
  call(invocation);
  await settle();
  return invocation.last;
}

const na = (message: string) => new StandInError('#N/A', message);
const bad = (message: string) => new StandInError('#VALUE!', message);

describe('PSA.BALANCE(agreement, [date])', () => {
  test('remaining hours of the block as of the date: 10 h less 2.5 h used by 2025-01-31', async () => {
    const { psa } = setup();
    expect(await value<number>((i) => psa.balance('AGR-1', day('2025-01-31'), i))).toBe(7.5);
  });

  test('the date may be YYYY-MM-DD text; blank means today (both entries used: 6.5 h)', async () => {
    const { psa } = setup();
    expect(await value<number>((i) => psa.balance('AGR-1', '2025-01-31', i))).toBe(7.5);
    expect(await value<number>((i) => psa.balance('AGR-1', null, i))).toBe(6.5);
    expect(await value<number>((i) => psa.balance('agr-1', undefined, i))).toBe(6.5);
  });

  test('is the engine agreementBalance figure', async () => {
    const { psa } = setup();
    const book = readBillingWorkbook(rawWorkbook()).workbook!;
    const engine = agreementBalance(book, 'AGR-1', day('2025-02-15'));
    if ('error' in engine) throw new Error('unexpected');
    expect(await value<number>((i) => psa.balance('AGR-1', day('2025-02-15'), i))).toBe(engine.remainingHours.toNumber());
  });

  test('an unknown agreement is #N/A naming it', async () => {
    const { psa } = setup();
    expect(await value<number>((i) => psa.balance('AGR-9', null, i))).toEqual(na('No agreement AGR-9 in Agreements'));
  });

  test('a bad date is #VALUE! with a message', async () => {
    const { psa } = setup();
    expect(await value<number>((i) => psa.balance('AGR-1', 'next Friday', i))).toEqual(
      bad('Date must be a date (an Excel date or YYYY-MM-DD text), not "next Friday"'),
    );
    expect(await value<number>((i) => psa.balance('AGR-1', '2025-02-30', i))).toEqual(
      bad('Date must be a date (an Excel date or YYYY-MM-DD text), not "2025-02-30"'),
    );
    expect(await value<number>((i) => psa.balance('AGR-1', -3, i))).toEqual(bad('Date must be a date (an Excel date or YYYY-MM-DD text), not -3'));
  });

  test('a blank agreement is #VALUE!', async () => {
    const { psa } = setup();
    expect(await value<number>((i) => psa.balance('', null, i))).toEqual(bad('Agreement must be an AgreementId such as "AGR-7", not blank'));
  });
});

describe('PSA.USED(agreement, [from], [to])', () => {
  test('covered hours of the time dated from..to, both included', async () => {
    const { psa } = setup();
    expect(await value<number>((i) => psa.used('AGR-1', null, null, i))).toBe(3.5);
    expect(await value<number>((i) => psa.used('AGR-1', '2025-02-01', null, i))).toBe(1);
    expect(await value<number>((i) => psa.used('AGR-1', null, '2025-01-31', i))).toBe(2.5);
    expect(await value<number>((i) => psa.used('AGR-1', '2025-01-15', '2025-01-15', i))).toBe(2.5);
    expect(await value<number>((i) => psa.used('AGR-1', '2025-01-16', '2025-02-09', i))).toBe(0);
  });

  test('time beyond the balance is not used: with a 3 h block, 3 h of 3.5 h are', async () => {
    const records = functionRecords();
    const { psa } = setup(rawWorkbook({ Agreements: [{ ...records.Agreements[0], Hours: 3 }] }));
    expect(await value<number>((i) => psa.used('AGR-1', null, null, i))).toBe(3);
    expect(await value<number>((i) => psa.used('AGR-1', '2025-02-01', null, i))).toBe(0.5);
  });

  test('errors: unknown agreement #N/A, From after To #VALUE!', async () => {
    const { psa } = setup();
    expect(await value<number>((i) => psa.used('AGR-9', null, null, i))).toEqual(na('No agreement AGR-9 in Agreements'));
    expect(await value<number>((i) => psa.used('AGR-1', '2025-02-01', '2025-01-01', i))).toEqual(bad('From must not be after To'));
    expect(await value<number>((i) => psa.used('AGR-1', true, null, i))).toEqual(bad('From must be a date (an Excel date or YYYY-MM-DD text), not true'));
  });
});

describe('PSA.UNBILLED(order, [date]) and PSA.CANBILL(order, [date], [reason])', () => {
  test('UNBILLED is OrderStatus Unbilled of a preview run: O-2 waits for BillNow (2 h x 50), O-1 bills everything', async () => {
    const { psa } = setup();
    expect(await value<number>((i) => psa.unbilled('O-2', null, i))).toBe(100);
    expect(await value<number>((i) => psa.unbilled('O-1', '2025-01-31', i))).toBe(0);
    // Before any of O-2's time is dated, nothing waits.
    expect(await value<number>((i) => psa.unbilled('O-2', '2025-01-05', i))).toBe(0);
  });

  test('CANBILL is TRUE/FALSE; with reason TRUE the OrderStatus reason', async () => {
    const { psa } = setup();
    expect(await value<boolean | string>((i) => psa.canBill('O-1', null, null, i))).toBe(true);
    expect(await value<boolean | string>((i) => psa.canBill('O-2', null, null, i))).toBe(false);
    expect(await value<boolean | string>((i) => psa.canBill('O-2', null, true, i))).toBe('BillNow is not set');
    expect(await value<boolean | string>((i) => psa.canBill('O-1', null, true, i))).toBe('can bill');
    expect(await value<boolean | string>((i) => psa.canBill('O-2', null, false, i))).toBe(false);
  });

  test('unknown order #N/A, bad reason or date #VALUE!', async () => {
    const { psa } = setup();
    expect(await value<number>((i) => psa.unbilled('O-9', null, i))).toEqual(na('No order O-9 in Orders'));
    expect(await value<boolean | string>((i) => psa.canBill('O-9', null, true, i))).toEqual(na('No order O-9 in Orders'));
    expect(await value<boolean | string>((i) => psa.canBill('O-1', null, 'yes', i))).toEqual(bad('Reason must be TRUE or FALSE, not "yes"'));
    expect(await value<number>((i) => psa.unbilled('O-1', '31.01.2025', i))).toEqual(bad('Date must be a date (an Excel date or YYYY-MM-DD text), not "31.01.2025"'));
  });

  test('many cells on one date share one preview run', async () => {
    const { psa, reader } = setup();
    const cells = Array.from({ length: 200 }, () => new FakeInvocation<number>());
    cells.forEach((cell, n) => psa.unbilled(n % 2 === 0 ? 'O-1' : 'O-2', null, cell));
    await settle();
    expect(cells.map((c) => c.last)).toEqual(cells.map((_, n) => (n % 2 === 0 ? 0 : 100)));
    expect(reader.calls()).toBe(1);
  });
});

describe('PSA.LINEITEM(entryId)', () => {
  test('the OrderId/Line that takes the entry; a split entry names each line', async () => {
    const { psa } = setup();
    expect(await value<string>((i) => psa.lineItem('E2', i))).toBe('O-2/1');
    expect(await value<string>((i) => psa.lineItem('E1', i))).toBe('O-1/1, O-1/2');
  });

  test('no line item: the exception text as the result', async () => {
    const { psa } = setup();
    expect(await value<string>((i) => psa.lineItem('E3', i))).toBe('Node X9 is not in ProjectTree: correct the NodeId or add the node.');
  });

  test('a part over every cap is named after the line that took the rest', async () => {
    const records = functionRecords();
    const { psa } = setup(rawWorkbook({ LineItems: [records.LineItems[0], records.LineItems[2]] }));
    expect(await value<string>((i) => psa.lineItem('E1', i))).toBe('O-1/1; 1.00 h exceed the MaxBillable cap of every matching line item and are not billed: raise a cap, or add a line item without one to take the rest.');
  });

  test('agreement time says where it bills instead', async () => {
    const { psa } = setup();
    expect(await value<string>((i) => psa.lineItem('E4', i))).toBe(
      'Entry E4 is booked under agreement AGR-1: it bills on the agreement, not on an order line item',
    );
  });

  test('an unknown entry is #N/A', async () => {
    const { psa } = setup();
    expect(await value<string>((i) => psa.lineItem('E9', i))).toEqual(na('No entry E9 in TimeEntries'));
  });
});

describe('PSA.ADVISE(days, people, contacts, progressBilling)', () => {
  test('Ticket or Project with the default billing period of 30 days', async () => {
    const { psa } = setup();
    expect(await value<string>((i) => psa.advise(30, 1, 1, false, i))).toBe('Ticket');
    expect(await value<string>((i) => psa.advise(31, 1, 1, false, i))).toBe('Project');
    expect(await value<string>((i) => psa.advise(10, 2, 1, false, i))).toBe('Project');
    expect(await value<string>((i) => psa.advise(10, 1, 1, true, i))).toBe('Project');
  });

  test('BillingPeriodDays comes from Settings', async () => {
    const { psa } = setup(rawWorkbook({ Settings: [{ Setting: 'BillingPeriodDays', Value: 60 }] }));
    expect(await value<string>((i) => psa.advise(45, 1, 1, false, i))).toBe('Ticket');
  });

  test('Settings is used even when another table has input errors', async () => {
    const records = functionRecords();
    const broken = { ...records.TimeEntries[0], Hours: -1 };
    const { psa } = setup(rawWorkbook({ Settings: [{ Setting: 'BillingPeriodDays', Value: 60 }], TimeEntries: [broken] }));
    expect(await value<string>((i) => psa.advise(45, 1, 1, false, i))).toBe('Ticket');
  });

  test('unreadable tables: the default 30 days', async () => {
    const cache = createWorkbookCache(async () => {
      throw new Error('Excel is busy');
    });
    const psa = createPsaFunctions(cache, { today: () => TODAY, schedule: manualSchedule().schedule });
    expect(await value<string>((i) => psa.advise(45, 1, 1, false, i))).toBe('Project');
    expect(await value<number>((i) => psa.balance('AGR-1', null, i))).toEqual(na("Could not read the workbook's tables: Excel is busy"));
  });

  test('bad input is #VALUE! naming each problem', async () => {
    const { psa } = setup();
    expect(await value<string>((i) => psa.advise(10, 0, 1.5, false, i))).toEqual(
      bad('People must be a whole number, at least 1 (got 0); Contacts must be a whole number, 0 or more (got 1.5)'),
    );
    expect(await value<string>((i) => psa.advise('ten', 1, 1, false, i))).toEqual(bad('Days must be a number, not "ten"'));
  });
});

describe('a workbook with input errors', () => {
  test('is #VALUE! naming how many errors there are and the first', async () => {
    const records = functionRecords();
    const entries = [{ ...records.TimeEntries[0], Hours: -1 }, { ...records.TimeEntries[1], Date: 'soon' }, ...records.TimeEntries.slice(2)];
    const { psa } = setup(rawWorkbook({ TimeEntries: entries }));
    const result = await value<number>((i) => psa.balance('AGR-1', null, i));
    expect(result).toBeInstanceOf(StandInError);
    const error = result as unknown as StandInError;
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^The workbook has 2 input errors; the first: Sheet_TimeEntries!\w+4 \(entry E1\): .*Fix the input/);
  });
});

describe('one read per recalculation, fresh values after a change', () => {
  test('1,000 BALANCE cells in one recalculation read the tables once', async () => {
    const { psa, reader } = setup();
    const cells = Array.from({ length: 1000 }, () => new FakeInvocation<number>());
    for (const cell of cells) psa.balance('AGR-1', null, cell);
    await settle();
    expect(reader.calls()).toBe(1);
    expect(cells.every((c) => c.last === 6.5)).toBe(true);
  });

  test('after an invalidation every live cell gets its new value, with one more read', async () => {
    const { psa, reader, cache, timer } = setup();
    const balances = Array.from({ length: 50 }, () => new FakeInvocation<number>());
    for (const cell of balances) psa.balance('AGR-1', null, cell);
    const orderCell = new FakeInvocation<number>();
    psa.unbilled('O-2', null, orderCell);
    await settle();
    expect(reader.calls()).toBe(1);

    // The user adds 3.5 h under AGR-1 and marks O-2's time as costed only.
    const records = functionRecords();
    reader.set(
      rawWorkbook({
        TimeEntries: [
          ...records.TimeEntries.map((e) => (e.EntryId === 'E2' ? { ...e, Billable: false } : e)),
          { EntryId: 'E6', Date: '2025-02-20', Person: 'Anna', NodeId: null, Agreement: 'AGR-1', Hours: 3.5 },
        ],
      }),
    );
    cache.invalidate();
    cache.invalidate(); // a second event of the same edit
    expect(timer.pending()).toBe(1);
    timer.flush();
    await settle();

    expect(reader.calls()).toBe(2);
    expect(balances.every((c) => c.results.length === 2 && c.last === 3)).toBe(true);
    expect(orderCell.results).toEqual([100, 0]);
  });

  test('a cancelled cell is no longer recomputed', async () => {
    const { psa, cache, timer } = setup();
    const kept = new FakeInvocation<number>();
    const dropped = new FakeInvocation<number>();
    psa.balance('AGR-1', null, kept);
    psa.balance('AGR-1', null, dropped);
    await settle();
    dropped.cancel();
    expect(psa.live.size).toBe(1);
    cache.invalidate();
    timer.flush();
    await settle();
    expect(kept.results).toHaveLength(2);
    expect(dropped.results).toHaveLength(1);
  });

  test('a value computed from tables read before a change never overwrites a newer one', async () => {
    let release: (() => void) | undefined;
    let calls = 0;
    const books = [rawWorkbook(), rawWorkbook({ Agreements: [{ ...functionRecords().Agreements[0], Hours: 20 }] })];
    const cache = createWorkbookCache(async () => {
      const book = books[Math.min(calls++, 1)];
      if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
      return book;
    });
    const timer = manualSchedule();
    const psa = createPsaFunctions(cache, { today: () => TODAY, schedule: timer.schedule });
    const cell = new FakeInvocation<number>();
    psa.balance('AGR-1', null, cell);
    await settle();
    cache.invalidate(); // the first read is still running
    timer.flush();
    await settle();
    expect(cell.results).toEqual([16.5]);
    release!();
    await settle();
    expect(cell.results).toEqual([16.5]);
  });
});
