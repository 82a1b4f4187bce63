/**
 * §8 Credit notes (docs/billing-rules.md section 8): time, a prepaid block and an
 * installment, each credited and billed again; the ledger check accepts every state on the way.
 */
import { buildCreditTables } from '../../../src/engine/resultTables';
import { creditInvoice } from '../../../src/engine/creditInvoice';
import { dayFromIso } from '../../../src/core/day';
import { headerKey, type CellValue } from '../../../src/schema/rawTable';
import { LedgerBook, numbers } from '../../builders/ledgerBook';

function records() {
  return {
    Orders: [
      { OrderId: 'O-100', Customer: 'ACME', InvoiceTimes: 'ByTransactions' },
      { OrderId: 'O-200', Customer: 'Bravo', BillingMode: 'PaymentPlan' },
      { OrderId: 'O-300', Customer: 'Delta', Basis: 'AsBudgeted' },
    ],
    LineItems: [
      { OrderId: 'O-100', Line: 10, Item: 'Consulting', UnitPrice: 100 },
      { OrderId: 'O-200', Line: 10, Item: 'Build', Quantity: 10, UnitPrice: 100 },
      { OrderId: 'O-300', Line: 10, Item: 'Design', Quantity: 10, UnitPrice: 80 },
    ],
    ProjectTree: [
      { NodeId: 'P1', ParentId: null, Name: 'ACME rollout', Kind: 'MainProject', OrderId: 'O-100', LineItem: null, Progress: null },
      { NodeId: 'WP1', ParentId: 'P1', Name: 'Consulting', Kind: 'WorkPackage', OrderId: 'O-100', LineItem: 'O-100/10', Progress: null },
      { NodeId: 'P2', ParentId: null, Name: 'Bravo build', Kind: 'MainProject', OrderId: 'O-200', LineItem: null, Progress: null },
      { NodeId: 'P3', ParentId: null, Name: 'Delta design', Kind: 'MainProject', OrderId: 'O-300', LineItem: null, Progress: null },
      { NodeId: 'WP3', ParentId: 'P3', Name: 'Design', Kind: 'WorkPackage', OrderId: 'O-300', LineItem: 'O-300/10', Progress: 0.5 },
    ],
    TimeEntries: [
      { EntryId: 'E1', Date: '2025-01-02', Person: 'Anna', NodeId: 'WP1', Agreement: null, Hours: 2, InvoiceNo: null },
      { EntryId: 'E2', Date: '2025-01-03', Person: 'Carla', NodeId: null, Agreement: 'A-1', Hours: 1, InvoiceNo: null },
    ],
    Agreements: [{ AgreementId: 'A-1', Customer: 'Carla', Start: '2025-01-01', Hours: 8, Rate: 90, OverageRate: 120, InvoiceNo: null }],
    PaymentPlan: [{ OrderId: 'O-200', DueDate: '2025-01-20', Amount: 300, InvoiceNo: null }],
  };
}

/** Issues a credit note in the raw workbook as an adapter writes it (buildCreditTables). */
function credit(book: LedgerBook, invoiceNo: string, iso: string): string {
  const run = book.read();
  expect(run.lines).toEqual([]);
  const outcome = creditInvoice(run.book!, { invoiceNo, date: dayFromIso(iso)! });
  if (!outcome.ok) throw new Error(outcome.error);
  const layout = buildCreditTables(outcome.result);
  const columnOf = (table: string, header: string): number => {
    const t = book.table(table)!;
    let c = t.headers.findIndex((h) => headerKey(h) === headerKey(header));
    if (c < 0) {
      t.headers.push(header);
      for (const row of t.rows) row.push(null);
      c = t.headers.length - 1;
    }
    return c;
  };
  for (const out of layout.tables) {
    const t = book.table(out.name)!;
    const at = out.columns.map((c) => columnOf(out.name, c.header));
    for (const row of out.rows) {
      const cells: CellValue[] = t.headers.map(() => null);
      row.forEach((v, i) => (cells[at[i]] = v));
      t.rows.push(cells);
    }
  }
  for (const sheet of layout.invoiceSheets) book.raw.sheets!.push(sheet.sheetName);
  for (const u of layout.registerUpdates ?? []) book.table(u.table)!.rows[u.index][columnOf(u.table, u.column)] = u.value;
  for (const u of layout.invoiceNoCells) book.table(u.table)!.rows[u.index][columnOf(u.table, 'InvoiceNo')] = u.invoiceNo === '' ? null : u.invoiceNo;
  return outcome.result.creditNote.invoiceNo;
}

const net = (book: LedgerBook, invoiceNo: string) => book.get('Invoices', 'InvoiceNo', invoiceNo, 'Net') as number;

describe('§8 Credit notes: an issued invoice is never edited; a credit note negates it and the time it settled bills again', () => {
  test('crediting every invoice of a run (time, prepaid block, installment, AsBudgeted) bills each again on the next run, once, with gapless numbers', () => {
    const book = new LedgerBook(records());
    const first = book.bill('2025-01-31');
    expect(first.lines).toEqual([]);
    const issued = numbers(first);
    expect(first.result!.invoices.map((i) => i.kind)).toEqual(['Prepaid', 'Order', 'Order', 'Order']);
  
    const credits = issued.map((n) => credit(book, n, '2025-02-01'));
    expect(credits).toEqual(['INV-00005', 'INV-00006', 'INV-00007', 'INV-00008']);
    for (const [i, n] of issued.entries()) {
      expect(book.get('Invoices', 'InvoiceNo', n, 'Status')).toBe('Credited');
      expect(net(book, credits[i])).toBe(-net(book, n));
    }
    // Every mark the invoices set is cleared; the agreement's covered time keeps its AgreementId.
    expect(book.get('TimeEntries', 'EntryId', 'E1', 'InvoiceNo')).toBeNull();
    expect(book.get('TimeEntries', 'EntryId', 'E2', 'InvoiceNo')).toBe('A-1');
    expect(book.get('Agreements', 'AgreementId', 'A-1', 'InvoiceNo')).toBeNull();
  
    const second = book.bill('2025-02-28');
    expect(second.lines).toEqual([]);
    expect(numbers(second)).toEqual(['INV-00009', 'INV-00010', 'INV-00011', 'INV-00012']);
    expect(second.result!.invoices.map((i) => i.net.toFixed(2))).toEqual(first.result!.invoices.map((i) => i.net.toFixed(2)));
    const third = book.bill('2025-02-28');
    expect([third.lines, numbers(third)]).toEqual([[], []]);
  });

  test('a credit note negates the original rows, carries its period and says what it cancels', () => {
    const book = new LedgerBook(records());
    const [, timeInvoice] = numbers(book.bill('2025-01-31'));
    const outcome = creditInvoice(book.read().book!, { invoiceNo: timeInvoice, date: dayFromIso('2025-02-01')!, reason: ' wrong hours ' });
    if (!outcome.ok) throw new Error(outcome.error);
    const note = outcome.result.creditNote;
    expect(note.rows.map((r) => [r.description, r.quantity.toNumber(), r.unitPrice?.toNumber(), r.amount.toNumber()])).toEqual([['Consulting', -2, 100, -200]]);
    expect([note.kind, note.credits, note.periodFrom, note.periodTo]).toEqual(['Credit', { invoiceNo: timeInvoice, reason: 'wrong hours' }, dayFromIso('2025-01-02'), dayFromIso('2025-01-02')]);
    expect(outcome.result.invoiceNoUpdates).toEqual([{ table: 'TimeEntries', index: 0, invoiceNo: '' }]);
  });

  test('an overage invoice whose entry the block partly covered is credited and billed again: the block covers the same part, the rest bills as overage once', () => {
    const book = new LedgerBook({ ...records(), TimeEntries: [
      { EntryId: 'E1', Date: '2025-01-02', Person: 'Anna', NodeId: 'WP1', Agreement: null, Hours: 2, InvoiceNo: null },
      { EntryId: 'E2', Date: '2025-01-03', Person: 'Carla', NodeId: null, Agreement: 'A-1', Hours: 9, InvoiceNo: null },
    ] });
    const overage = book.bill('2025-01-31').result!.invoices.find((i) => i.kind === 'Overage')!;
    expect([overage.net.toFixed(2), book.get('TimeEntries', 'EntryId', 'E2', 'InvoiceNo')]).toEqual(['120.00', overage.invoiceNo]);
    credit(book, overage.invoiceNo, '2025-02-01');
    expect(book.get('TimeEntries', 'EntryId', 'E2', 'InvoiceNo')).toBeNull();
    const again = book.bill('2025-02-28');
    expect(again.lines).toEqual([]);
    expect(again.result!.invoices.map((i) => [i.kind, i.net.toFixed(2)])).toEqual([['Overage', '120.00']]);
    expect(again.result!.agreementSummary.map((a) => [a.used.toFixed(2), a.overrun.toFixed(2)])).toEqual([['8.00', '1.00']]);
    expect(numbers(book.bill('2025-02-28'))).toEqual([]);
  });

  test('an entry split over two orders\' invoices keeps a mark until both are credited, then bills again once, whole', () => {
    const book = new LedgerBook({
      Orders: [
        { OrderId: 'O-100', Customer: 'ACME', ProjectRole: 'Subproject', ParentNode: 'P4' },
        { OrderId: 'O-400', Customer: 'ACME' },
      ],
      LineItems: [
        { OrderId: 'O-100', Line: 10, Item: 'Consulting', UnitPrice: 100, MaxBillable: 1, Link: 'OriginalLineItem' },
        { OrderId: 'O-400', Line: 10, Item: 'Consulting', UnitPrice: 50, MaxBillable: null, Link: 'MainProject' },
      ],
      ProjectTree: [
        { NodeId: 'P4', ParentId: null, Name: 'ACME programme', Kind: 'MainProject', OrderId: 'O-400', LineItem: null },
        { NodeId: 'P1', ParentId: 'P4', Name: 'ACME rollout', Kind: 'Subproject', OrderId: 'O-100', LineItem: null },
        { NodeId: 'WP1', ParentId: 'P1', Name: 'Consulting', Kind: 'WorkPackage', OrderId: 'O-100', LineItem: 'O-100/10' },
      ],
      TimeEntries: [{ EntryId: 'E1', Date: '2025-01-02', Person: 'Anna', NodeId: 'WP1', Hours: 2, InvoiceNo: null }],
    });
    const first = book.bill('2025-01-31');
    expect(first.result!.invoices.map((i) => [i.invoiceNo, i.source, i.net.toFixed(2)])).toEqual([['INV-00001', 'O-100', '100.00'], ['INV-00002', 'O-400', '50.00']]);
    expect(book.get('TimeEntries', 'EntryId', 'E1', 'InvoiceNo')).toBe('INV-00001');
  
    credit(book, 'INV-00001', '2025-02-01');
    expect(book.get('TimeEntries', 'EntryId', 'E1', 'InvoiceNo')).toBe('INV-00002');
    expect(book.bill('2025-02-28')).toMatchObject({ lines: [], result: { invoices: [] } });
  
    credit(book, 'INV-00002', '2025-02-28');
    expect(book.get('TimeEntries', 'EntryId', 'E1', 'InvoiceNo')).toBeNull();
    const again = book.bill('2025-02-28');
    expect(again.lines).toEqual([]);
    expect(again.result!.invoices.map((i) => [i.invoiceNo, i.net.toFixed(2)])).toEqual([['INV-00005', '100.00'], ['INV-00006', '50.00']]);
    expect(numbers(book.bill('2025-02-28'))).toEqual([]);
  });
});
