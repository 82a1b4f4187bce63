import { buildResultTables, entryIdsCell, MAX_CELL_CHARS } from '../../../src/engine/resultTables';
import type { RecordRow } from '../../builders/rawWorkbook';
import { LedgerBook } from '../../builders/ledgerBook';

const ENTRIES = 100_000;

/** One order under One Row Total with 100,000 entries of 15 minutes: one invoice row bills them all. */
function bigBook(): LedgerBook {
  const time: RecordRow[] = [];
  for (let i = 1; i <= ENTRIES; i++) {
    time.push({ EntryId: `E-${i}`, Date: 45658 + (i % 28), Person: 'Anna', NodeId: 'WP1', Hours: 0.25, InvoiceNo: null });
  }
  return new LedgerBook({
    Orders: [{ OrderId: 'O-100', Customer: 'ACME', InvoiceTimes: 'OneRowTotal' }],
    LineItems: [{ OrderId: 'O-100', Line: 10, Item: 'Consulting', UnitPrice: 100 }],
    ProjectTree: [
      { NodeId: 'P1', ParentId: null, Name: 'ACME rollout', Kind: 'MainProject', OrderId: 'O-100', LineItem: null },
      { NodeId: 'WP1', ParentId: 'P1', Name: 'Consulting', Kind: 'WorkPackage', OrderId: 'O-100', LineItem: 'O-100/10' },
    ],
    TimeEntries: time,
  });
}

describe("§8 The ledger: no cell over Excel's 32,767 characters; InvoiceEntries keeps every entry", () => {
  test('EntryIds lists the entries when they fit, and says where they are when they do not', () => {
    expect(entryIdsCell(['E1', 'E2'])).toBe('E1, E2');
    expect(entryIdsCell([])).toBeNull();
    // 4,680 ids of 5 characters and one of 7, with ", " between them: exactly 32,767 characters.
    const ids = Array.from({ length: 4680 }, (_, i) => `E${String(i).padStart(4, '0')}`);
    expect((entryIdsCell([...ids, 'E-12345']) as string).length).toBe(MAX_CELL_CHARS);
    expect(entryIdsCell([...ids, 'E-123456'])).toBe('4,681 entries: see InvoiceEntries');
  });

  test('one invoice row of 100,000 entries keeps every entry traceable in InvoiceEntries, and the next run reads that ledger', () => {
    const book = bigBook();
    const first = book.bill('2025-01-31');
    expect(first.lines).toEqual([]);
    const invoice = first.result!.invoices[0];
    expect(invoice.rows).toHaveLength(1);

    const layout = buildResultTables(first.result!);
    let longest = 0;
    for (const table of layout.tables) for (const row of table.rows) for (const cell of row) if (typeof cell === 'string') longest = Math.max(longest, cell.length);
    expect(longest).toBeLessThanOrEqual(MAX_CELL_CHARS);
    const lines = book.table('InvoiceLines')!;
    expect(lines.rows[0][book.column('InvoiceLines', 'EntryIds')]).toBe('100,000 entries: see InvoiceEntries');
    const entries = book.table('InvoiceEntries')!;
    expect(entries.rows).toHaveLength(ENTRIES);
    expect(new Set(entries.rows.map((r) => r[2])).size).toBe(ENTRIES);
    expect(entries.rows.every((r) => r[0] === 'INV-00001' && r[1] === 1 && r[3] === 900)).toBe(true);

    const again = book.bill('2025-01-31');
    expect(again.lines).toEqual([]);
    expect(again.result!.invoices).toEqual([]);

    book.set('TimeEntries', 'EntryId', 'E-77777', 'InvoiceNo', null);
    expect(book.bill('2025-01-31').lines).toEqual([
      'Sheet_TimeEntries!G77780 (entry E-77777): InvoiceNo is blank but INV-00001 billed it (Sheet_InvoiceEntries!D77784); restore it, or credit INV-00001 to bill the entry again',
    ]);
  });
});
