import fc from 'fast-check';
import type { CellValue } from '../../../src/schema/rawTable';
import { isoFromDay, dayFromIso } from '../../../src/core/day';
import type { RecordRow } from '../../builders/rawWorkbook';
import { LedgerBook } from '../../builders/ledgerBook';

/** Time on an order and under a prepaid agreement with overage; a payment plan; additions. */
function records(): Record<string, RecordRow[]> {
  return {
    Orders: [
      { OrderId: 'O-100', Customer: 'ACME', InvoiceTimes: 'ByTransactions' },
      { OrderId: 'O-200', Customer: 'Bravo', BillingMode: 'PaymentPlan' },
    ],
    LineItems: [
      { OrderId: 'O-100', Line: 10, Item: 'Consulting', UnitPrice: 100 },
      { OrderId: 'O-200', Line: 10, Item: 'Build', Quantity: 10, UnitPrice: 100 },
    ],
    ProjectTree: [
      { NodeId: 'P1', ParentId: null, Name: 'ACME rollout', Kind: 'MainProject', OrderId: 'O-100', LineItem: null },
      { NodeId: 'WP1', ParentId: 'P1', Name: 'Consulting', Kind: 'WorkPackage', OrderId: 'O-100', LineItem: 'O-100/10' },
      { NodeId: 'P2', ParentId: null, Name: 'Bravo build', Kind: 'MainProject', OrderId: 'O-200', LineItem: null },
    ],
    TimeEntries: [
      { EntryId: 'E0', Date: '2025-01-02', Person: 'Anna', NodeId: 'WP1', Agreement: null, Hours: 1, InvoiceNo: null },
      { EntryId: 'E00', Date: '2025-01-03', Person: 'Carla', NodeId: null, Agreement: 'A-1', Hours: 1, InvoiceNo: null },
    ],
    Agreements: [{ AgreementId: 'A-1', Customer: 'Carla', Start: '2025-01-01', Hours: 8, Rate: 90, OverageRate: 120, InvoiceNo: null }],
    AgreementAdditions: [
      { AgreementId: 'A-1', Date: '2025-02-01', Hours: 1, InvoiceNo: null },
      { AgreementId: 'A-1', Date: '2025-03-01', Hours: 1, InvoiceNo: null },
    ],
    PaymentPlan: [
      { OrderId: 'O-200', DueDate: '2025-01-20', Amount: 300, InvoiceNo: null },
      { OrderId: 'O-200', DueDate: '2025-02-20', Amount: 300, InvoiceNo: null },
    ],
  };
}

type Op =
  | { kind: 'run'; days: number }
  | { kind: 'addTime'; agreement: boolean; minutes: number; back: number }
  | { kind: 'clearMark'; table: 'TimeEntries' | 'Agreements' | 'AgreementAdditions' | 'PaymentPlan'; pick: number; covered: boolean }
  | { kind: 'deleteSheet'; pick: number }
  | { kind: 'changeHours'; pick: number; minutes: number }
  | { kind: 'repair' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('run' as const), days: fc.integer({ min: 0, max: 20 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('addTime' as const), agreement: fc.boolean(), minutes: fc.integer({ min: 15, max: 180 }), back: fc.integer({ min: 0, max: 10 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('clearMark' as const), table: fc.constantFrom('TimeEntries' as const, 'TimeEntries' as const, 'Agreements' as const, 'AgreementAdditions' as const, 'PaymentPlan' as const), pick: fc.nat(), covered: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteSheet' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('changeHours' as const), pick: fc.nat(), minutes: fc.integer({ min: 15, max: 300 }) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'repair' as const }) },
);

describe('§8 The ledger: nothing is billed twice, whatever a person edits between runs', () => {
  test('no entry, block, addition or installment is on two invoices, no covered time is covered or invoiced again; numbers are gapless; every blocked run names a cell', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 24 }), (ops) => {
        const book = new LedgerBook(records());
        let today = dayFromIso('2025-01-10')!;
        let nextEntry = 1;
        const undo: (() => void)[] = [];
        const issued: string[] = [];
        /** `table#row` of every cell an invoice settled, and every entry id an invoice row listed. */
        const settledCells = new Map<string, string>();
        const entryInvoices = new Map<string, string>();
        const coveredEntries = new Set<string>();

        for (const step of [...ops, { kind: 'repair' } as Op, { kind: 'repair' } as Op, { kind: 'repair' } as Op, { kind: 'run', days: 0 } as Op]) {
          switch (step.kind) {
            case 'run': {
              today += step.days;
              const run = book.bill(isoFromDay(today));
              if (run.issues.length > 0) {
                for (const issue of run.issues) expect(issue.cell).toMatch(/^Sheet_\w+!\$?[A-Z]+\d+$/);
                break;
              }
              const result = run.result!;
              const numbers = new Set(result.invoices.map((i) => i.invoiceNo));
              for (const invoice of result.invoices) {
                issued.push(invoice.invoiceNo);
                for (const row of invoice.rows) {
                  for (const id of row.entryIds) {
                    if (coveredEntries.has(id)) throw new Error(`${id} covered, then on ${invoice.invoiceNo}`);
                    const earlier = entryInvoices.get(id);
                    if (earlier !== undefined && earlier !== invoice.invoiceNo) throw new Error(`${id} on ${earlier} and ${invoice.invoiceNo}`);
                    entryInvoices.set(id, invoice.invoiceNo);
                  }
                }
              }
              for (const update of result.invoiceNoUpdates) {
                if (update.table === 'TimeEntries' && !numbers.has(update.invoiceNo)) {
                  // Covered agreement time (the AgreementId): never covered again, never invoiced later.
                  const id = String(book.table('TimeEntries')!.rows[update.index][book.column('TimeEntries', 'EntryId')]);
                  if (coveredEntries.has(id) || entryInvoices.has(id)) throw new Error(`${id} settled twice`);
                  coveredEntries.add(id);
                  continue;
                }
                if (!numbers.has(update.invoiceNo)) continue;
                const key = `${update.table}#${update.index}`;
                const earlier = settledCells.get(key);
                if (earlier !== undefined) throw new Error(`${key} on ${earlier} and ${update.invoiceNo}`);
                settledCells.set(key, update.invoiceNo);
              }
              for (const warning of (result.warnings ?? []).filter((w) => w.code === 'ENTRY_CHANGED')) expect(issued).toContain(warning.invoiceNo);
              break;
            }
            case 'addTime': {
              const id = `E${nextEntry++}`;
              book.addRow('TimeEntries', {
                EntryId: id,
                Date: today - step.back,
                Person: 'Anna',
                NodeId: step.agreement ? null : 'WP1',
                Agreement: step.agreement ? 'A-1' : null,
                Hours: step.minutes / 60,
              });
              break;
            }
            case 'clearMark': {
              const table = book.table(step.table)!;
              const c = book.column(step.table, 'InvoiceNo');
              // `covered`: a TimeEntries mark naming the agreement (covered time), when there is one.
              const all = table.rows.filter((r) => r[c] !== null && r[c] !== '');
              const covered = all.filter((r) => r[c] === 'A-1');
              const marked = step.covered && covered.length > 0 ? covered : all;
              if (marked.length === 0) break;
              const row = marked[step.pick % marked.length];
              const mark: CellValue = row[c];
              row[c] = null;
              undo.push(() => {
                row[c] = mark;
              });
              break;
            }
            case 'deleteSheet': {
              const sheets = book.raw.sheets!.filter((s) => s.startsWith('INV-'));
              if (sheets.length === 0) break;
              const sheet = sheets[step.pick % sheets.length];
              book.removeSheet(sheet);
              undo.push(() => book.raw.sheets!.push(sheet));
              break;
            }
            case 'changeHours': {
              const rows = book.table('TimeEntries')!.rows;
              rows[step.pick % rows.length][book.column('TimeEntries', 'Hours')] = step.minutes / 60;
              break;
            }
            case 'repair':
              undo.pop()?.();
              break;
          }
        }
        expect(issued).toEqual(issued.map((_, i) => `INV-${String(i + 1).padStart(5, '0')}`));
      }),
      { numRuns: 200 },
    );
  });
});
