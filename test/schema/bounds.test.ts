import { readBillingWorkbook, formatIssue } from '../../src/schema/readBillingWorkbook';
import { runBilling } from '../../src/engine/runBilling';
import { dayFromIso } from '../../src/core/day';
import type { CellValue } from '../../src/schema/rawTable';
import { tableOf, workbookOf, workbookWith, type RecordRow } from '../builders/rawWorkbook';

const entry = (over: RecordRow = {}): RecordRow => ({ EntryId: 'E1', Date: '2025-01-06', Person: 'Anna', NodeId: 'WP1', Hours: 1.5, ...over });

/** The valid fixture with these Settings rows and TimeEntries / LineItems changes. */
function read(settings: [CellValue, CellValue][], changes: Record<string, RecordRow[]> = {}) {
  const tables = workbookWith(changes).tables;
  if (settings.length > 0) tables.push(tableOf('Settings', settings.map(([Setting, Value]) => ({ Setting, Value })), { sheet: 'Setup' }));
  return readBillingWorkbook(workbookOf(...tables));
}

const codes = (result: ReturnType<typeof read>) => result.issues.map((i) => [i.code, i.cell]);

function netOf(result: ReturnType<typeof read>): string {
  if (!result.workbook) throw new Error(result.issues.map(formatIssue).join('\n'));
  const billed = runBilling(result.workbook, { billingDate: dayFromIso('2025-01-31')!, preview: false });
  expect(billed.invoices.every((i) => Number.isFinite(i.net.toNumber()) && Number.isFinite(i.gross.toNumber()))).toBe(true);
  return billed.invoices.map((i) => i.net.toFixed(2)).join(' ');
}

describe('Hours of one time entry are at most Settings MaxHoursPerEntry (default 744)', () => {
  it('accepts a 39.5 h entry and exactly 744 h', () => {
    expect(read([], { TimeEntries: [entry({ Hours: 39.5 }), entry({ EntryId: 'E2', Hours: 744 })] }).issues).toEqual([]);
  });

  it('refuses 744 h and a second on the Hours cell, naming the setting', () => {
    const result = read([], { TimeEntries: [entry({ Hours: '744:00:01' })] });
    expect(result.issues.map(formatIssue)).toEqual([
      'Sheet_TimeEntries!F4 (entry E1): Hours "744:00:01" is more than 744 hours on one entry (Settings MaxHoursPerEntry); split the entry, correct it, or raise MaxHoursPerEntry',
    ]);
    expect(result.issues[0].code).toBe('TOO_LARGE');
  });

  it('takes a raised MaxHoursPerEntry', () => {
    expect(read([['MaxHoursPerEntry', 2000]], { TimeEntries: [entry({ Hours: 1500 })] }).issues).toEqual([]);
    expect(codes(read([['MaxHoursPerEntry', '10h']], { TimeEntries: [entry({ Hours: 11 })] }))).toEqual([['TOO_LARGE', 'Sheet_TimeEntries!F4']]);
  });

  it('refuses a MaxHoursPerEntry of zero or above 100,000 hours on its Value cell', () => {
    expect(codes(read([['MaxHoursPerEntry', 0]]))).toEqual([['BAD_SETTING', 'Setup!C4']]);
    expect(read([['MaxHoursPerEntry', 100_001]]).issues.map((i) => i.message)).toEqual(['Setting MaxHoursPerEntry: 100001 is more than 100,000 hours, the most it may be']);
    expect(read([['MaxHoursPerEntry', 100_000]]).issues).toEqual([]);
  });
});

describe('durations stay inside what the engine holds exactly (100,000 hours a cell)', () => {
  const upToBound: [CellValue, CellValue][] = [['MaxHoursPerEntry', 100_000]];

  it('bills an entry of exactly 100,000 hours exactly', () => {
    expect(netOf(read(upToBound, { TimeEntries: [entry({ Hours: 100_000 })] }))).toBe('10000000.00');
  });

  it('refuses one second more, and 596,524 h or 1e9 h (which wrapped around to negative hours) as too large, never as negative', () => {
    for (const hours of ['100000:00:01', 596_524, 1e9, 1e308]) {
      const result = read(upToBound, { TimeEntries: [entry({ Hours: hours })] });
      expect([hours, result.issues.map((i) => [i.code, i.message])]).toEqual([
        hours, [['TOO_LARGE', expect.stringContaining('is more than 100,000 hours, the most one cell may hold')]],
      ]);
    }
  });

  it('bills the largest rounding too: RoundUpMinutes of 6,000,000 minutes lifts a 1 h entry to 100,000 h, without wrapping', () => {
    expect(netOf(read([...upToBound, ['RoundUpMinutes', 6_000_000]], { TimeEntries: [entry({ Hours: 100_000 })] }))).toBe('10000000.00');
    expect(netOf(read([['RoundUpMinutes', 6_000_000]], { TimeEntries: [entry({ Hours: 1 })] }))).toBe('10000000.00');
    expect(codes(read([['RoundUpMinutes', 6_000_001]]))).toEqual([['BAD_SETTING', 'Setup!C4']]);
    expect(codes(read([['MinimumMinutes', 6_000_001]]))).toEqual([['BAD_SETTING', 'Setup!C4']]);
  });

  it('caps, budgets and agreement hours have the same bound', () => {
    const line = { OrderId: 'O-100', Line: 10, Item: 'Consulting', Quantity: 10, UnitPrice: 100 };
    expect(codes(read([], { LineItems: [{ ...line, MaxBillable: 100_001 }] }))).toEqual([['TOO_LARGE', 'Sheet_LineItems!G4']]);
    expect(codes(read([], { LineItems: [{ ...line, Quantity: '100000:00:01' }] }))).toEqual([['TOO_LARGE', 'Sheet_LineItems!E4']]);
    expect(read([], { LineItems: [{ ...line, MaxBillable: 100_000 }] }).issues).toEqual([]);
    const agreements = tableOf('Agreements', [{ AgreementId: 'A1', Customer: 'ACME', Start: '2025-01-01', Hours: 100_001, Rate: 90, RoundUpMinutes: 6_000_001 }]);
    const result = readBillingWorkbook(workbookOf(agreements, tableOf('TimeEntries', [{ EntryId: 'T1', Date: '2025-01-06', Person: 'Anna', Agreement: 'A1', Hours: 1 }])));
    expect(result.issues.map((i) => [i.code, i.column])).toEqual([['TOO_LARGE', 'Hours'], ['TOO_LARGE', 'RoundUpMinutes']]);
  });
});

describe('amounts are finite and below 1,000,000,000,000', () => {
  const line = (UnitPrice: CellValue) => ({ LineItems: [{ OrderId: 'O-100', Line: 10, Item: 'Consulting', Quantity: 10, UnitPrice }] });

  it('bills the largest amount, 999,999,999,999.99 an hour, exactly and writes finite numbers', () => {
    expect(netOf(read([], line(999_999_999_999.99)))).toBe('1499999999999.99');
    expect(netOf(read([], line('999,999,999,999.99 EUR')))).toBe('1499999999999.99');
  });

  it.each([1e12, 1e308, '1e308', '1,000,000,000,000.00'])('refuses %j, never writing Infinity', (price) => {
    const result = read([], line(price));
    if (price === '1e308') {
      expect(codes(result)).toEqual([['BAD_MONEY', 'Sheet_LineItems!F4']]);
      return;
    }
    expect(result.issues.map((i) => [i.code, i.cell, i.message])).toEqual([
      ['TOO_LARGE', 'Sheet_LineItems!F4', expect.stringMatching(/^UnitPrice .* is too large: an amount must be below 1,000,000,000,000$/)],
    ]);
  });

  it('holds for amounts that may be negative (Invoices Net) and for money settings', () => {
    const invoices = tableOf('Invoices', [{ InvoiceNo: 'INV-00001', Net: -1e12 }]);
    expect(readBillingWorkbook(workbookOf(...workbookWith().tables, invoices)).issues.map((i) => i.code)).toContain('TOO_LARGE');
    expect(codes(read([['DefaultCostPerHour', 1e12]]))).toEqual([['BAD_SETTING', 'Setup!C4']]);
  });
});

describe('invoice numbers fit an Excel sheet name (31 characters)', () => {
  it('accepts a prefix that with its width makes exactly 31 characters', () => {
    expect(read([['InvoicePrefix', 'A'.repeat(26)], ['InvoiceNumberWidth', 5]]).issues).toEqual([]);
  });

  it('refuses one character more on the InvoicePrefix Value cell', () => {
    const result = read([['InvoicePrefix', 'A'.repeat(27)], ['InvoiceNumberWidth', 5]]);
    expect(result.issues.map((i) => [i.code, i.cell, i.rowId])).toEqual([['BAD_SETTING', 'Setup!C4', 'InvoicePrefix']]);
    expect(result.issues[0].message).toContain('makes invoice numbers of 32 characters');
  });

  it('with the default prefix, refuses too wide a number on the InvoiceNumberWidth cell', () => {
    expect(read([['InvoiceNumberWidth', 28]]).issues.map((i) => [i.cell, i.rowId])).toEqual([['Setup!C4', 'InvoiceNumberWidth']]);
    expect(read([['InvoiceNumberWidth', 1e9]]).issues.map((i) => i.message)).toEqual(['Setting InvoiceNumberWidth: 1000000000 is more than 31, the most it may be']);
  });

  it('refuses characters Excel does not allow in a sheet name', () => {
    for (const prefix of ['INV/', 'A:B-', 'R[1]-', "'Q-", 'X?', 'Y*', 'Z\\']) {
      expect([prefix, codes(read([['InvoicePrefix', prefix]]))]).toEqual([prefix, [['BAD_SETTING', 'Setup!C4']]]);
    }
  });
});

describe('an error line quotes at most 80 characters of a long value', () => {
  it('cuts the value, says how long it was, and keeps the sentence', () => {
    const long = `${'x'.repeat(200)}h`;
    const [line] = read([], { TimeEntries: [entry({ Hours: long })] }).issues.map(formatIssue);
    expect(line).toBe(`Sheet_TimeEntries!F4 (entry E1): Hours "${'x'.repeat(80)}…" (201 characters) is not a duration: hours as a number (1.25), or text like 1:15, 75m, 1.25h or 1h 15m`);
  });

  it('cuts a long id too, where it names the row and in the sentence', () => {
    const id = 'E'.repeat(300);
    const [issue] = read([], { TimeEntries: [entry({ EntryId: id }), entry({ EntryId: id })] }).issues;
    const cut = `${'E'.repeat(80)}…`;
    expect(formatIssue(issue)).toBe(`Sheet_TimeEntries!B5 (entry ${cut}): EntryId ${cut} is used twice, in sheet rows 4 and 5; each EntryId must be unique`);
  });
});
