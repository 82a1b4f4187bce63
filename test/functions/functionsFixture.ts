/**
 * Shared pieces of the custom-function tests: a stand-in for the Office runtime's
 * `CustomFunctions` global (installed by each test file that needs it), a small raw workbook
 * with orders and an agreement, a counting reader, and stand-in streaming invocations.
 */
import type { RawWorkbook } from '../../src/schema/rawTable';
import { dayFromIso, type Day } from '../../src/core/day';
import { tableOf, workbookOf, type RecordRow } from '../builders/rawWorkbook';
import type { LiveInvocation, Schedule } from '../../src/functions/liveResults';

/** What `new CustomFunctions.Error(code, message)` makes in these tests. */
export class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** Installs `CustomFunctions.Error` and `CustomFunctions.ErrorCode` as the Office runtime has them. */
export function installCustomFunctionsStandIn(): void {
  (globalThis as unknown as Record<string, unknown>).CustomFunctions = {
    Error: StandInError,
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
    },
    associate: () => undefined,
  };
}

export function day(iso: string): Day {
  const d = dayFromIso(iso);
  if (d === undefined) throw new Error(`not a date: ${iso}`);
  return d;
}

/**
 * O-1 (Rules): O-1/1 on WP1 capped at 2 h, O-1/2 a collector on the main project P1.
 * O-2 (Manual, BillNow not set): O-2/1 on WP2 at 50.
 * AGR-1: 10 h from 2025-01-01. Time: E1 3 h on WP1 (splits 2 + 1), E2 2 h on WP2,
 * E3 on a node that does not exist, E4 2.5 h and E5 1 h under AGR-1.
 */
export function functionRecords(): Record<string, RecordRow[]> {
  return {
    Settings: [{ Setting: 'Currency', Value: 'EUR' }],
    Orders: [
      { OrderId: 'O-1', Customer: 'ACME', BillingMode: 'Rules' },
      { OrderId: 'O-2', Customer: 'Globex', BillingMode: 'Manual' },
    ],
    LineItems: [
      { OrderId: 'O-1', Line: 1, Item: 'Consulting', UnitPrice: 100, MaxBillable: 2, Link: 'OriginalLineItem' },
      { OrderId: 'O-1', Line: 2, Item: 'Consulting', UnitPrice: 80, Link: 'MainProject' },
      { OrderId: 'O-2', Line: 1, Item: 'Support', UnitPrice: 50, Link: 'OriginalLineItem' },
    ],
    ProjectTree: [
      { NodeId: 'P1', ParentId: null, Name: 'ACME rollout', Kind: 'MainProject', OrderId: 'O-1', LineItem: null },
      { NodeId: 'WP1', ParentId: 'P1', Name: 'Consulting', Kind: 'WorkPackage', OrderId: 'O-1', LineItem: 'O-1/1' },
      { NodeId: 'P2', ParentId: null, Name: 'Globex support', Kind: 'MainProject', OrderId: 'O-2', LineItem: null },
      { NodeId: 'WP2', ParentId: 'P2', Name: 'Support', Kind: 'WorkPackage', OrderId: 'O-2', LineItem: 'O-2/1' },
    ],
    TimeEntries: [
      { EntryId: 'E1', Date: '2025-01-06', Person: 'Anna', NodeId: 'WP1', Agreement: null, Hours: 3 },
      { EntryId: 'E2', Date: '2025-01-10', Person: 'Ben', NodeId: 'WP2', Agreement: null, Hours: 2 },
      { EntryId: 'E3', Date: '2025-01-12', Person: 'Ben', NodeId: 'X9', Agreement: null, Hours: 1 },
      { EntryId: 'E4', Date: '2025-01-15', Person: 'Anna', NodeId: null, Agreement: 'AGR-1', Hours: 2.5 },
      { EntryId: 'E5', Date: '2025-02-10', Person: 'Anna', NodeId: null, Agreement: 'AGR-1', Hours: 1 },
    ],
    Agreements: [{ AgreementId: 'AGR-1', Customer: 'ACME', Start: '2025-01-01', Hours: 10, Rate: 90 }],
  };
}

export function rawWorkbook(changes: Record<string, RecordRow[] | undefined> = {}): RawWorkbook {
  const records: Record<string, RecordRow[] | undefined> = { ...functionRecords(), ...changes };
  return workbookOf(...Object.entries(records).filter(([, rows]) => rows !== undefined).map(([name, rows]) => tableOf(name, rows!)));
}

/** A readTables that counts its calls and returns whatever workbook `current` holds now. */
export function countingReader(initial: RawWorkbook): { read: () => Promise<RawWorkbook>; calls: () => number; set(book: RawWorkbook): void } {
  let current = initial;
  let calls = 0;
  return {
    read: async () => {
      calls += 1;
      return current;
    },
    calls: () => calls,
    set(book) {
      current = book;
    },
  };
}

/** A streaming invocation that records every result it is given. */
export class FakeInvocation<T> implements LiveInvocation<T> {
  results: (T | CustomFunctions.Error)[] = [];
  onCanceled?: () => void;

  setResult(value: T | CustomFunctions.Error): void {
    this.results.push(value);
  }

  get last(): T | CustomFunctions.Error | undefined {
    return this.results[this.results.length - 1];
  }

  cancel(): void {
    this.onCanceled?.();
  }
}

/** A schedule the test runs by hand: `flush()` runs what invalidation deferred. */
export function manualSchedule(): { schedule: Schedule; flush(): void; pending(): number } {
  let tasks: (() => void)[] = [];
  return {
    schedule: (task) => {
      tasks.push(task);
      return () => {
        tasks = tasks.filter((t) => t !== task);
      };
    },
    flush() {
      const run = tasks;
      tasks = [];
      for (const task of run) task();
    },
    pending: () => tasks.length,
  };
}

/** Lets every pending promise callback run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
