/**
 * §3 Caps (docs/billing-rules.md section 3, Caps): MaxBillable per MaxPer is a budget of
 * billable time per period; an entry larger than the room left is split.
 */
import { capPeriodIndex } from '../../../src/engine/capPeriod';
import { runBilling } from '../../../src/engine/runBilling';
import { billOn, capPeriod, day } from '../../builders/workbook';
import { afterRun } from '../../builders/runs';
import { exceptionsOf, onlyInvoice, rowsOf } from '../../builders/results';
import { JANUARY, project } from '../../builders/scenarios';

/** [entry ids, hours] of each row: which time a row took, without the money. */
const hoursByRow = (result: ReturnType<typeof runBilling>) => rowsOf(onlyInvoice(result)).map((r) => [r[4], r[1]]);

/** Whether two days share a cap period. */
const same = (a: string, b: string, per: string, validFrom?: string) =>
  capPeriodIndex(day(a), capPeriod(per), validFrom === undefined ? undefined : day(validFrom)) ===
  capPeriodIndex(day(b), capPeriod(per), validFrom === undefined ? undefined : day(validFrom));

describe('§3 Caps: periods are calendar units, or counted from ValidFrom', () => {
  it.each([
    ['2025-01-06', '2025-01-12', 'week', true], // Monday..Sunday
    ['2025-01-05', '2025-01-06', 'week', false], // Sunday | Monday
    ['2025-01-01', '2025-01-31', 'month', true],
    ['2025-01-31', '2025-02-01', 'month', false],
    ['2025-01-01', '2025-03-31', 'quarter', true],
    ['2025-03-31', '2025-04-01', 'quarter', false],
    ['2024-01-01', '2024-12-31', 'year', true],
    ['2024-12-31', '2025-01-01', 'year', false],
    ['2025-01-06', '2025-01-06', 'day', true],
    ['2025-01-06', '2025-01-07', 'day', false],
    ['2024-02-28', '2024-02-29', 'day', false],
  ])('%s and %s share a calendar %s: %s', (a, b, per, expected) => {
    expect(same(a, b, per)).toBe(expected);
  });

  it.each([
    ['2025-01-01', '2025-01-14', true], // Wednesday .. the second Tuesday
    ['2025-01-14', '2025-01-15', false],
    ['2024-12-31', '2025-01-01', false], // before ValidFrom is another period
  ])('"2 weeks" from Wednesday 2025-01-01: %s and %s together: %s', (a, b, expected) => {
    expect(same(a, b, '2 weeks', '2025-01-01')).toBe(expected);
  });

  it.each([
    ['2025-01-15', '2025-03-14', true],
    ['2025-03-14', '2025-03-15', false],
  ])('"2 months" from 2025-01-15: %s and %s together: %s', (a, b, expected) => {
    expect(same(a, b, '2 months', '2025-01-15')).toBe(expected);
  });

  it('"2 weeks" without ValidFrom are fortnights from Monday 2000-01-03', () => {
    // 2025-01-06 is 1305 weeks after 2000-01-03: an odd week, so it pairs with the week before.
    expect([same('2024-12-30', '2025-01-12', '2 weeks'), same('2025-01-12', '2025-01-13', '2 weeks')]).toEqual([true, false]);
  });

  it("a cap without MaxPer runs over the line's whole life", () => {
    expect(capPeriodIndex(day('2001-01-01'), undefined, undefined)).toBe(capPeriodIndex(day('2031-07-15'), undefined, undefined));
  });
});

describe('§3 Caps: a period ends where the calendar says, as billing sees it', () => {
  /** One capped collector (1 h per `per`) and nothing else. */
  const capped = (per: string, validFrom?: string) =>
    project().line('O1/1', { item: 'Support', price: '100', link: 'MainProject', max: '1h', per, validFrom });

  it('a week runs Monday to Sunday, across the turn of the year', () => {
    // Wed 2025-12-31 and Sun 2026-01-04 are in ISO week 2026-W01; Mon 2026-01-05 starts W02.
    const result = runBilling(
      capped('week')
        .time('E1', { date: '2025-12-31', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E2', { date: '2026-01-04', person: 'Anna', node: 'WP1', hours: '30m' })
        .time('E3', { date: '2026-01-05', person: 'Anna', node: 'WP1', hours: 1 })
        .build(),
      billOn('2026-01-31'),
    );
    expect(hoursByRow(result)).toEqual([
      ['E1', '1.00'],
      ['E3', '1.00'],
    ]);
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 1800]]);
  });

  it('a quarter ends on 31 March and 30 June', () => {
    const result = runBilling(
      capped('quarter')
        .time('E1', { date: '2025-03-31', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E2', { date: '2025-04-01', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E3', { date: '2025-06-30', person: 'Anna', node: 'WP1', hours: '30m' })
        .time('E4', { date: '2025-07-01', person: 'Anna', node: 'WP1', hours: '30m' })
        .build(),
      billOn('2025-07-31'),
    );
    expect(hoursByRow(result)).toEqual([
      ['E1', '1.00'],
      ['E2', '1.00'],
      ['E4', '0.50'],
    ]);
    expect(exceptionsOf(result)).toEqual([['E3', 'OverLimit', 1800]]);
  });

  it('a day cap splits a long day; the next day starts afresh', () => {
    const result = runBilling(
      capped('day')
        .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: '1:30' })
        .time('E2', { date: '2025-01-07', person: 'Anna', node: 'WP1', hours: 1 })
        .build(),
      JANUARY,
    );
    expect(hoursByRow(result)).toEqual([
      ['E1', '1.00'],
      ['E2', '1.00'],
    ]);
    expect(exceptionsOf(result)).toEqual([['E1', 'OverLimit', 1800]]);
  });

  it('a year ends on 31 December', () => {
    const result = runBilling(
      capped('year')
        .time('E1', { date: '2024-12-31', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E2', { date: '2025-01-01', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E3', { date: '2025-12-31', person: 'Anna', node: 'WP1', hours: 1 })
        .build(),
      billOn('2025-12-31'),
    );
    expect(hoursByRow(result)).toEqual([
      ['E1', '1.00'],
      ['E2', '1.00'],
    ]);
    expect(exceptionsOf(result)).toEqual([['E3', 'OverLimit', 3600]]);
  });

  it('"3 days" from a Friday ValidFrom runs Friday to Sunday, then Monday to Wednesday', () => {
    const result = runBilling(
      capped('3 days', '2025-01-03')
        .time('E1', { date: '2025-01-03', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E2', { date: '2025-01-05', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E3', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E4', { date: '2025-01-08', person: 'Anna', node: 'WP1', hours: 1 })
        .build(),
      JANUARY,
    );
    expect(hoursByRow(result)).toEqual([
      ['E1', '1.00'],
      ['E3', '1.00'],
    ]);
    expect(exceptionsOf(result)).toEqual([
      ['E2', 'OverLimit', 3600],
      ['E4', 'OverLimit', 3600],
    ]);
  });

  it('"2 quarters" without ValidFrom are half-years from January 2000: January..June, July..December', () => {
    const result = runBilling(
      capped('2 quarters')
        .time('E1', { date: '2025-01-02', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E2', { date: '2025-06-30', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E3', { date: '2025-07-01', person: 'Anna', node: 'WP1', hours: 1 })
        .build(),
      billOn('2025-07-31'),
    );
    expect(hoursByRow(result)).toEqual([
      ['E1', '1.00'],
      ['E3', '1.00'],
    ]);
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 3600]]);
  });

  it('"2 months" from ValidFrom 2025-01-15 run to 14 March', () => {
    const result = runBilling(
      capped('2 months', '2025-01-15')
        .time('E1', { date: '2025-01-15', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E2', { date: '2025-03-14', person: 'Anna', node: 'WP1', hours: 1 })
        .time('E3', { date: '2025-03-15', person: 'Anna', node: 'WP1', hours: 1 })
        .build(),
      billOn('2025-03-31'),
    );
    expect(hoursByRow(result)).toEqual([
      ['E1', '1.00'],
      ['E3', '1.00'],
    ]);
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 3600]]);
  });

  it('"2 weeks" from a Wednesday ValidFrom run to the second Tuesday', () => {
    const book = project()
      .line('O1/1', { item: 'Support', price: '80', link: 'MainProject', max: '1h', per: '2 weeks', validFrom: '2025-01-01' })
      .time('E1', { date: '2025-01-01', person: 'Anna', node: 'WP1', hours: '30m' }) // Wednesday: period 1 starts
      .time('E2', { date: '2025-01-14', person: 'Anna', node: 'WP1', hours: '45m' }) // Tuesday: still period 1
      .time('E3', { date: '2025-01-15', person: 'Anna', node: 'WP1', hours: '1h' }) // Wednesday: period 2
      .build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result)).map((r) => [r[1], r[4]])).toEqual([
      ['0.50', 'E1'],
      ['0.50', 'E2'],
      ['1.00', 'E3'],
    ]);
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 900]]);
  });
});

describe('§3 Caps: an entry larger than the room left is split; the rest nothing takes is OverLimit', () => {
  const supportCap = () => project().line('O1/1', { item: 'Support', price: '80', link: 'MainProject', max: '45m', per: 'month' });
  const januaryAndFebruary = (b: ReturnType<typeof project>) =>
    b
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: '30m' })
      .time('E2', { date: '2025-01-08', person: 'Anna', node: 'WP1', hours: '30m' })
      .time('E3', { date: '2025-02-03', person: 'Anna', node: 'WP1', hours: '30m' });

  it('the entry that crosses 45 minutes a month is split onto the next line, and the next month starts afresh', () => {
    const book = januaryAndFebruary(supportCap().line('O1/2', { item: 'Support extra', price: '100', link: 'MainProject' })).build();
    const invoice = onlyInvoice(runBilling(book, billOn('2025-02-28')));
    expect(rowsOf(invoice)).toEqual([
      ['Support', '0.50', '80.00', '40.00', 'E1'],
      ['Support', '0.25', '80.00', '20.00', 'E2'],
      ['Support extra', '0.25', '100.00', '25.00', 'E2'],
      ['Support', '0.50', '80.00', '40.00', 'E3'],
    ]);
    expect(invoice.net.toFixed(2)).toBe('125.00');
  });

  it('the rest nothing takes is an OverLimit exception with its duration', () => {
    const result = runBilling(januaryAndFebruary(supportCap()).build(), billOn('2025-02-28'));
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 900]]);
  });

  it('an entry with any part billed is settled', () => {
    const book = januaryAndFebruary(supportCap()).build();
    const result = runBilling(book, billOn('2025-02-28'));
    expect(result.invoiceNoUpdates.map((u) => u.index)).toEqual([0, 1, 2]);
  });

  it('the unbilled rest of a partly billed entry is reported on that run only', () => {
    const book = januaryAndFebruary(supportCap()).build();
    const first = runBilling(book, billOn('2025-02-28'));
    expect(exceptionsOf(first)).toEqual([['E2', 'OverLimit', 900]]);
    expect(runBilling(afterRun(book, first), billOn('2025-02-28')).exceptions).toEqual([]);
  });
});

describe('§3 Caps: caps count billable time, time already settled included', () => {
  it('a cap counts billable (rounded) time', () => {
    const book = project()
      .settings({ roundUpMinutes: 15 })
      .line('O1/1', { item: 'Support', price: '80', link: 'MainProject', max: '1h', per: 'month' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: '50m' })
      .time('E2', { date: '2025-01-07', person: 'Anna', node: 'WP1', hours: '10m' })
      .build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result))).toEqual([['Support', '1.00', '80.00', '80.00', 'E1']]);
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 900]]);
  });

  it('a cap counts time billed on earlier runs: a back-dated new entry cannot take its room', () => {
    const book = project()
      .line('O1/1', { item: 'Support', price: '80', link: 'MainProject', max: '1h', per: 'month' })
      .time('E1', { date: '2025-01-10', person: 'Anna', node: 'WP1', hours: '1h', invoiceNo: 'INV-00001' })
      .time('E2', { date: '2025-01-05', person: 'Anna', node: 'WP1', hours: '30m' })
      .build();
    const result = runBilling(book, JANUARY);
    expect(result.invoices).toEqual([]);
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 1800]]);
  });

  it("a second run finds the first run's billed time in the cap", () => {
    const first = project()
      .line('O1/1', { item: 'Support', price: '100', link: 'MainProject', max: '1h', per: 'month' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: '45m' })
      .build();
    const run1 = runBilling(first, billOn('2025-01-10'));
    const second = afterRun(first, run1);
    second.timeEntries.push({ ...second.timeEntries[0], id: 'E2', date: first.timeEntries[0].date + 1, invoiceNo: undefined, source: { index: 1, sheetRow: 3 } });
    const run2 = runBilling(second, JANUARY);
    expect(hoursByRow(run2)).toEqual([['E2', '0.25']]);
    expect(exceptionsOf(run2)).toEqual([['E2', 'OverLimit', 1800]]);
  });

  it('an entry billed earlier holds its rounded room even when dated after the billing date', () => {
    // E1 (invoiced earlier, 50 min -> 1 h at a 15-minute increment) fills January's 1 h cap,
    // although it is dated after this run's billing date; E2 is back-dated into the month.
    const book = project()
      .settings({ roundUpMinutes: 15 })
      .line('O1/1', { item: 'Support', price: '100', link: 'MainProject', max: '1h', per: 'month' })
      .time('E1', { date: '2025-01-20', person: 'Anna', node: 'WP1', hours: '50m', invoiceNo: 'INV-00001' })
      .time('E2', { date: '2025-01-05', person: 'Anna', node: 'WP1', hours: '10m' })
      .build();
    const result = runBilling(book, billOn('2025-01-15'));
    expect(result.invoices).toEqual([]);
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 900]]);
  });

  it('new time takes cap room in (Date, EntryId) order: e9 before E10 before F1', () => {
    const book = project()
      .line('O1/1', { item: 'Support', price: '100', link: 'MainProject', max: '2h', per: 'day' })
      .time('F1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .time('E10', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .time('e9', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(hoursByRow(result)).toEqual([
      ['e9', '1.00'],
      ['E10', '1.00'],
    ]);
    expect(exceptionsOf(result)).toEqual([['F1', 'OverLimit', 3600]]);
  });

  it('non-billable time passes a full cap and uses none of it', () => {
    const book = project()
      .line('O1/1', { item: 'Support', price: '80', link: 'MainProject', max: '1h', per: 'month' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: '2h', billable: false })
      .time('E2', { date: '2025-01-07', person: 'Anna', node: 'WP1', hours: '1h' })
      .build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result))).toEqual([['Support', '1.00', '80.00', '80.00', 'E2']]);
    expect(result.exceptions).toEqual([]);
  });
});
