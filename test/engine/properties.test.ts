import fc from 'fast-check';
import type { BillingWorkbook, InvoiceTimes } from '../../src/schema/model';
import type { BillingResult } from '../../src/engine/billingResult';
import { billableSeconds } from '../../src/engine/billableSeconds';
import { isSettled, matchTimeEntries } from '../../src/engine/matchTimeEntries';
import { runBilling } from '../../src/engine/runBilling';
import { BILL_NOW } from '../../src/engine/transactions';
import { billOn, workbook } from '../builders/workbook';
import { afterRun } from '../builders/runs';

const BILLING = billOn('2025-02-15');
const PEOPLE = ['Anna', 'Bob', 'Volker'];
const CATEGORIES = [undefined, 'dev', 'meeting'];

/**
 * Random small workbooks: up to three orders (O3 an extension under O1's project), their
 * project nodes and two work packages each, lines with random links, priorities, filters
 * and caps, and up to 30 entries in January and February, some settled, some not billable.
 */
const arbitraryBook = (prices: string[]) =>
  fc
    .record({
      orders: fc.integer({ min: 1, max: 3 }),
      invoiceTimes: fc.constantFrom<InvoiceTimes>('OneRowTotal', 'ByGroups', 'ByItems', 'ByTransactions', 'ByItemsPerson'),
      billed: fc.boolean(),
      roundUp: fc.constantFrom(undefined, 15),
      lines: fc.array(
        fc.record({
          order: fc.integer({ min: 1, max: 3 }),
          link: fc.constantFrom('MainProject', 'OriginalLineItem', 'None'),
          wp: fc.integer({ min: 1, max: 2 }),
          item: fc.constantFrom('Dev', 'Test', 'Design'),
          price: fc.constantFrom(...prices),
          priority: fc.integer({ min: 0, max: 2 }),
          assignee: fc.constantFrom(undefined, ...PEOPLE),
          category: fc.constantFrom(...CATEGORIES),
          max: fc.constantFrom(undefined, '15m', '45m', '2h'),
          per: fc.constantFrom(undefined, 'day', 'week', 'month', '2 weeks'),
          validFrom: fc.constantFrom(undefined, '2025-01-08'),
        }),
        { maxLength: 8 },
      ),
      entries: fc.array(
        fc.record({
          day: fc.integer({ min: 1, max: 59 }),
          person: fc.constantFrom(...PEOPLE),
          node: fc.constantFrom('P-O1', 'P-O2', 'P-O3', 'WP-O1-1', 'WP-O1-2', 'WP-O2-1', 'WP-O3-2', 'NOPE'),
          minutes: fc.integer({ min: 1, max: 240 }),
          category: fc.constantFrom(...CATEGORIES),
          billable: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
          separateRow: fc.boolean(),
          settled: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
        }),
        { maxLength: 30 },
      ),
    })
    .map((spec): BillingWorkbook => {
      const b = workbook().settings({ roundUpMinutes: spec.roundUp }).item('Dev', { group: 'Engineering' }).item('Test', { group: 'Engineering' });
      for (let o = 1; o <= 3; o++) {
        const id = `O${o}`;
        b.order(id, { customer: o === 2 ? 'Bravo' : 'Acme', invoiceTimes: spec.invoiceTimes, billingMode: spec.billed && o === 2 ? 'Billed' : 'Rules' });
        b.node(`P-${id}`, o === 3 ? { order: id, parent: 'P-O1' } : { order: id });
        for (let w = 1; w <= 2; w++) b.node(`WP-${id}-${w}`, { parent: `P-${id}`, order: id, lineItem: `${id}/${w}` });
      }
      spec.lines.forEach((line, i) =>
        b.line(`O${line.order}/${line.link === 'OriginalLineItem' ? line.wp : 10 + i}`, {
          item: line.item,
          price: line.price,
          link: line.link as 'MainProject',
          priority: line.priority,
          assignee: line.assignee,
          category: line.category,
          max: line.max,
          per: line.max === undefined ? undefined : line.per,
          validFrom: line.validFrom,
        }),
      );
      spec.entries.forEach((entry, i) => {
        const date = new Date(Date.UTC(2025, 0, entry.day)).toISOString().slice(0, 10);
        b.time(`E${i + 1}`, {
          date,
          person: entry.person,
          node: entry.node,
          hours: `${entry.minutes}m`,
          category: entry.category,
          billable: entry.billable,
          separateRow: entry.separateRow,
          invoiceNo: entry.settled ? 'INV-00001' : undefined,
        });
      });
      return b.build();
    })
    // Two lines may not share a reference (the schema rejects that).
    .filter((book) => new Set(book.lineItems.map((l) => l.key)).size === book.lineItems.length);

const ANY_PRICE = ['0', '27.50', '80', '100.10'];
const POSITIVE_PRICE = ['27.50', '80', '100.10'];

/** A result as plain data, money as strings, for equality. */
const plain = (result: BillingResult) => JSON.parse(JSON.stringify(result));

function shuffled<T>(rows: T[], seed: number): T[] {
  const copy = [...rows];
  let s = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('§3, §6, §8 Properties of a billing run over generated workbooks', () => {
  it('split parts and the unbilled rest add up to the whole billable entry', () => {
    fc.assert(
      fc.property(arbitraryBook(ANY_PRICE), (book) => {
        const matched = matchTimeEntries(book, BILLING);
        const accounted = new Map<number, number>();
        const tx = matched.transactions;
        for (let t = 0; t < tx.count; t++) if (tx.kind[t] === BILL_NOW) accounted.set(tx.entry[t], (accounted.get(tx.entry[t]) ?? 0) + tx.seconds[t]);
        // The builder's rows are in table order, so an entry's row index is its array index.
        for (const e of matched.exceptions) accounted.set(e.entryIndex, (accounted.get(e.entryIndex) ?? 0) + e.seconds);
        book.timeEntries.forEach((entry, i) => {
          const due = entry.billable && !isSettled(entry) && entry.date <= BILLING.billingDate;
          expect(accounted.get(i) ?? 0).toBe(due ? billableSeconds(entry.seconds, book.settings.roundUpMinutes) : 0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("an invoice's net is the sum of its rows, and gross is net plus tax", () => {
    fc.assert(
      fc.property(arbitraryBook(ANY_PRICE), (book) => {
        for (const invoice of runBilling(book, BILLING).invoices) {
          const sum = invoice.rows.reduce((total, row) => total.plus(row.amount), invoice.net.minus(invoice.net));
          expect(invoice.net.toFixed(2)).toBe(sum.toFixed(2));
          expect(invoice.gross.toFixed(2)).toBe(invoice.net.plus(invoice.tax).toFixed(2));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a second run, after the write-back, bills nothing', () => {
    fc.assert(
      fc.property(arbitraryBook(POSITIVE_PRICE), (book) => {
        const second = runBilling(afterRun(book, runBilling(book, BILLING)), BILLING);
        expect(second.invoices).toEqual([]);
        expect(second.invoiceNoUpdates).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the result does not depend on the order of the rows in the tables (sorting LineItems does not change what bills)', () => {
    fc.assert(
      fc.property(arbitraryBook(ANY_PRICE), fc.integer({ min: 1, max: 1_000_000 }), (book, seed) => {
        const reordered: BillingWorkbook = {
          ...book,
          orders: shuffled(book.orders, seed),
          // As if the table were sorted: each line item takes its new row's position.
          lineItems: shuffled(book.lineItems, seed + 1).map((line, i) => ({ ...line, position: i, source: { index: i, sheetRow: i + 2 } })),
          nodes: shuffled(book.nodes, seed + 2),
          timeEntries: shuffled(book.timeEntries, seed + 3),
          items: shuffled(book.items, seed + 4),
        };
        // OrderStatus lists the orders in Orders table order; everything else is the same.
        const byOrderId = (result: BillingResult) => ({ ...result, orderStatus: [...result.orderStatus].sort((a, b) => (a.orderId < b.orderId ? -1 : 1)) });
        expect(plain(byOrderId(runBilling(reordered, BILLING)))).toEqual(plain(byOrderId(runBilling(book, BILLING))));
      }),
      { numRuns: 300 },
    );
  });
});
