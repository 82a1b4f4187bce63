/**
 * §7 Block-time agreements: properties that hold for any generated agreement workbook, run
 * after run (fixed seed; explore others with FC_SEED).
 */
import fc from 'fast-check';
import { billAgreements } from '../../../src/engine/agreements/billAgreements';
import { agreementBalance } from '../../../src/engine/agreements/agreementBalance';
import { isoFromDay } from '../../../src/core/day';
import type { BillingWorkbook } from '../../../src/schema/model';
import { day, workbook, type AdditionInput, type AgreementInput, type SettingsInput, type TimeInput } from '../../builders/workbook';
import { runAgreements } from '../../builders/runs';

type AgreementSpec = AgreementInput & { id: string };
type AdditionSpec = AdditionInput & { agreement: string };
type EntrySpec = TimeInput & { id: string };
interface BookSpec {
  settings?: SettingsInput;
  agreements?: AgreementSpec[];
  additions?: AdditionSpec[];
  time?: EntrySpec[];
}

/** The workbook of a generated spec, rows in the order given. */
function bookOf(spec: BookSpec): BillingWorkbook {
  const book = workbook().settings(spec.settings ?? {});
  for (const agreement of spec.agreements ?? []) book.agreement(agreement.id, agreement);
  for (const addition of spec.additions ?? []) book.addition(addition.agreement, addition);
  for (const entry of spec.time ?? []) book.time(entry.id, entry);
  return book.build();
}

const base = day('2025-01-01');
const iso = (offset: number): string => isoFromDay(base + offset);
const plain = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

const agreementArb = (id: string, renewalOf?: string): fc.Arbitrary<AgreementSpec> =>
  fc.record({
    start: fc.integer({ min: 0, max: 60 }),
    length: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
    quarters: fc.integer({ min: 0, max: 40 }),
    overage: fc.boolean(),
    excludeOnsite: fc.boolean(),
    cancelled: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    rollover: fc.boolean(),
    prepaid: fc.integer({ min: 0, max: 4 }).map((n) => n !== 0),
    lowBalanceHours: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  }).map((r) => ({
    id,
    start: iso(r.start),
    end: r.length === undefined ? undefined : iso(r.start + r.length),
    hours: (r.quarters * 900) / 3600,
    rate: '100',
    overageRate: r.overage ? '150' : undefined,
    excludedCategories: r.excludeOnsite ? ['Onsite'] : [],
    status: r.cancelled ? 'Cancelled' : 'Active',
    prepaid: r.prepaid,
    rollover: renewalOf !== undefined && r.rollover,
    renewalOf,
    lowBalanceHours: r.lowBalanceHours,
  }));

const additionArb: fc.Arbitrary<AdditionSpec> = fc.record({
  agreement: fc.constantFrom('AGR-1', 'AGR-2'),
  date: fc.integer({ min: 0, max: 150 }).map(iso),
  hours: fc.integer({ min: 1, max: 20 }).map((q) => (q * 900) / 3600),
  rate: fc.option(fc.constantFrom('90', '120'), { nil: undefined }),
});

const entriesArb: fc.Arbitrary<EntrySpec[]> = fc
  .array(
    fc.record({
      agreement: fc.constantFrom('AGR-1', 'AGR-1', 'AGR-2', 'AGR-2', 'AGR-9'),
      date: fc.integer({ min: 0, max: 150 }).map(iso),
      seconds: fc.integer({ min: 1, max: 4 * 3600 }),
      category: fc.constantFrom(undefined, 'Onsite', 'Remote'),
      billable: fc.integer({ min: 0, max: 5 }).map((n) => n !== 0),
    }),
    { maxLength: 25 },
  )
  .map((rows) =>
    rows.map((r, i) => ({
      id: `E${i + 1}`,
      date: r.date,
      hours: `${Math.floor(r.seconds / 3600)}:${String(Math.floor((r.seconds % 3600) / 60)).padStart(2, '0')}:${String(r.seconds % 60).padStart(2, '0')}`,
      agreement: r.agreement,
      category: r.category,
      billable: r.billable,
    })),
  );

const bookSpecArb: fc.Arbitrary<BookSpec> = fc.record({
  agreements: fc.tuple(agreementArb('AGR-1'), agreementArb('AGR-2', 'AGR-1')).map(([a, b]) => [a, b]),
  additions: fc.array(additionArb, { maxLength: 3 }),
  time: entriesArb,
  settings: fc.constantFrom({}, { roundUpMinutes: 15 }, { roundUpMinutes: 15, minimumMinutes: 30 }),
});

const dateArb = fc.integer({ min: 0, max: 160 }).map(iso);
const runDatesArb = fc.array(fc.integer({ min: 0, max: 160 }), { minLength: 1, maxLength: 3 }).map((ds) => [...ds].sort((a, b) => a - b).map(iso));

/** The book after real runs on each date in turn (history: settled entries, issued blocks). */
function afterRuns(book: BillingWorkbook, dates: string[]): BillingWorkbook {
  return dates.reduce((b, d) => runAgreements(b, d).book, book);
}

describe('§7 Agreements: properties over generated workbooks', () => {
  test('covered, overrun, excluded and inactive parts add back to the billable time of every entry', () => {
    fc.assert(
      fc.property(bookSpecArb, runDatesArb, dateArb, (spec, history, date) => {
        const book = afterRuns(bookOf(spec), history);
        const billing = billAgreements(book, { billingDate: day(date), preview: false });
        for (const a of billing.allocations) {
          const parts = a.kind === 'Coverable' ? a.coveredSeconds + a.overrunSeconds : a.billableSeconds;
          expect(parts).toBe(a.billableSeconds);
          expect(a.coveredSeconds).toBeGreaterThanOrEqual(0);
          expect(a.overrunSeconds).toBeGreaterThanOrEqual(0);
          expect(a.recordedSeconds).toBe(a.entry.seconds);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('every unsettled billable entry up to the billing date is either marked, on an invoice or an exception', () => {
    fc.assert(
      fc.property(bookSpecArb, runDatesArb, (spec, dates) => {
        const book = afterRuns(bookOf(spec), dates.slice(0, -1));
        const billing = billAgreements(book, { billingDate: day(dates[dates.length - 1]), preview: false });
        const handled = new Set<number>([
          ...billing.updates.filter((u) => u.table === 'TimeEntries').map((u) => u.index),
          ...billing.drafts.flatMap((d) => d.settles.filter((s) => s.table === 'TimeEntries').map((s) => s.index)),
          ...billing.exceptions.map((e) => e.entryIndex),
        ]);
        const due = book.timeEntries.filter((e) => e.billable && !e.invoiceNo && e.date <= day(dates[dates.length - 1]));
        expect(due.filter((e) => !handled.has(e.source.index)).map((e) => e.id)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  test('the remaining balance is never negative, run after run', () => {
    fc.assert(
      fc.property(bookSpecArb, runDatesArb, (spec, dates) => {
        let book = bookOf(spec);
        for (const date of dates) {
          const run = runAgreements(book, date);
          for (const row of run.billing.summary) expect(row.remaining.isNegative()).toBe(false);
          book = run.book;
        }
      }),
      { numRuns: 200 },
    );
  });

  test('PSA.BALANCE equals the AgreementSummary row for every agreement and date', () => {
    fc.assert(
      fc.property(bookSpecArb, runDatesArb, dateArb, (spec, history, date) => {
        const book = afterRuns(bookOf(spec), history);
        const summary = billAgreements(book, { billingDate: day(date), preview: false }).summary;
        for (const row of summary) {
          const balance = agreementBalance(book, row.agreementId, day(date));
          if ('error' in balance) throw new Error(balance.error);
          expect(plain([balance.initialHours, balance.addedHours, balance.rolledOverHours, balance.usedHours, balance.remainingHours, balance.overrunHours, balance.lowBalance, balance.deferredRevenue, balance.status])).toEqual(
            plain([row.initial, row.added, row.rolledOver, row.used, row.remaining, row.overrun, row.lowBalance, row.deferredRevenue, row.status]),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  test('the order of table rows changes nothing but row numbers', () => {
    const specWithOrder = bookSpecArb.chain((spec) =>
      fc.tuple(
        fc.constant(spec),
        fc.shuffledSubarray(spec.time!, { minLength: spec.time!.length, maxLength: spec.time!.length }),
        fc.shuffledSubarray(spec.additions!, { minLength: spec.additions!.length, maxLength: spec.additions!.length }),
        fc.boolean(),
      ),
    );
    /** The run with every row index replaced by the row's own id or content. */
    const describe = (book: BillingWorkbook, date: string) => {
      const billing = billAgreements(book, { billingDate: day(date), preview: false });
      const entryId = (index: number) => book.timeEntries.find((e) => e.source.index === index)!.id;
      const additionOf = (index: number) => {
        const a = book.additions.find((x) => x.source.index === index)!;
        return `${a.agreement} ${a.date} ${a.hours} ${a.rate ?? ''}`;
      };
      const target = (t: { table: string; index: number }) =>
        t.table === 'TimeEntries' ? entryId(t.index) : t.table === 'AgreementAdditions' ? additionOf(t.index) : `${t.table} ${book.agreements.find((a) => a.source.index === t.index)!.id}`;
      return plain({
        drafts: billing.drafts.map(({ settles, ...d }) => ({ ...d, settles: settles.map(target).sort() })),
        updates: billing.updates.map((u) => `${target(u)} ${u.invoiceNo}`).sort(),
        exceptions: billing.exceptions.map(({ entryIndex: _i, ...e }) => e),
        summary: billing.summary,
      });
    };
    fc.assert(
      fc.property(specWithOrder, dateArb, ([spec, time, additions, reverseAgreements], date) => {
        const reordered = { ...spec, time, additions, agreements: reverseAgreements ? [...spec.agreements!].reverse() : spec.agreements };
        expect(describe(bookOf(reordered), date)).toEqual(describe(bookOf(spec), date));
      }),
      { numRuns: 200 },
    );
  });
});
