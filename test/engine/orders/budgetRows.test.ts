import { budgetRows } from '../../../src/engine/orders/budgetRows';
import { sumDecimals } from '../../../src/core/money';
import { projectView } from '../../../src/engine/projects/projectView';
import type { BillingWorkbook, InvoiceTimes, NodeStatus } from '../../../src/schema/model';
import { workbook } from '../../builders/workbook';

/** What an earlier invoice billed on a line item (an InvoiceLines record). */
interface Billed {
  line: string;
  amount: string;
}
const billedLine = (line: string, amount: string): Billed => ({ line, amount });

const rowsOf = (b: BillingWorkbook, opts: Parameters<typeof budgetRows>[3] = {}) => budgetRows(b, b.orders[0], projectView(b), opts);
const show = (rows: ReturnType<typeof budgetRows>) =>
  rows.map((r) => `${r.description} | ${r.quantity.toFixed(2)} x ${r.unitPrice?.toFixed(2) ?? '-'} = ${r.amount.toFixed(2)}`);

/** One line O1/1 of 7 h × 99.99 = 699.93 docked on W1. */
function storyBook(progress: { progress?: string; status?: NodeStatus }, billed: Billed[]) {
  const book = workbook()
    .order('O1', { basis: 'AsBudgeted', invoiceTimes: 'ByTransactions' })
    .line('O1/1', { quantity: 7, price: '99.99', description: 'Concept workshop' })
    .node('P', { order: 'O1' })
    .node('W1', { parent: 'P', order: 'O1', lineItem: 'O1/1', ...progress });
  for (const { line, amount } of billed) book.issuedInvoiceLine('INV-00001', { lineItem: line, amount });
  return book.build();
}

describe('§6 AsBudgeted: a line bills Quantity × UnitPrice × completion, minus what earlier invoices billed on it', () => {
  test('a line bills its budget value times the completion of its docking node; quantity = value ÷ unit price', () => {
    // 699.93 × 30 % = 209.979 -> 209.98, 2.1 h
    expect(show(rowsOf(storyBook({ progress: '0.3' }, [])))).toEqual(['Concept workshop | 2.10 x 99.99 = 209.98']);
  });

  test('three runs at 30 %, 70 % and completed sum to exactly the budget value', () => {
    const run1 = rowsOf(storyBook({ progress: '0.3' }, []));
    const billed1 = [billedLine('O1/1', run1[0].amount.toFixed(2))];
    // 699.93 × 70 % = 489.951, minus 209.98 = 279.971 -> 279.97
    const run2 = rowsOf(storyBook({ progress: '0.7' }, billed1));
    const billed2 = [...billed1, billedLine('O1/1', run2[0].amount.toFixed(2))];
    // 699.93 − 489.95 = 209.98
    const run3 = rowsOf(storyBook({ status: 'Completed' }, billed2));
    expect([run1, run2, run3].map((r) => r[0].amount.toFixed(2))).toEqual(['209.98', '279.97', '209.98']);
    expect(sumDecimals([run1, run2, run3].map((r) => r[0].amount)).toFixed(2)).toBe('699.93');
  });

  test('a fourth run after completion bills nothing', () => {
    expect(rowsOf(storyBook({ status: 'Closed' }, [billedLine('O1/1', '699.93')]))).toEqual([]);
  });

  test('when earlier invoices billed more than the completion is worth, nothing bills', () => {
    expect(rowsOf(storyBook({ progress: '0.3' }, [billedLine('O1/1', '300')]))).toEqual([]);
  });

  test('what another line item billed earlier does not count against this one', () => {
    expect(show(rowsOf(storyBook({ progress: '0.3' }, [billedLine('O1/2', '100')])))).toEqual(['Concept workshop | 2.10 x 99.99 = 209.98']);
  });

  test('a row for one line item carries its reference, so the next run finds what it billed', () => {
    expect(rowsOf(storyBook({ progress: '0.3' }, []))[0].lineItem).toBe('O1/1');
  });

  test('a line that docks nowhere has no completion and bills nothing', () => {
    const b = workbook()
      .order('O1', { basis: 'AsBudgeted' })
      .line('O1/1', { quantity: 1, link: 'None' })
      .node('P', { order: 'O1', status: 'Completed' })
      .build();
    expect(rowsOf(b)).toEqual([]);
  });

  test('lines the billing mode holds back bill nothing', () => {
    const b = storyBook({ status: 'Completed' }, []);
    expect(rowsOf(b, { mayBillLine: () => false })).toEqual([]);
  });
});

describe('§6 AsBudgeted: rows by the same Invoice Times keys, in line order', () => {
  // Project P completed. Lines: 1) Design 2 h × 100, 2) Design 1 h × 150 (Anna), 3) Dev 4 h × 100 (group Engineering), 4) Hosting 1 h × 50 (own account)
  function optionBook(invoiceTimes: InvoiceTimes) {
    return workbook()
      .person('Anna')
      .item('Design', { group: 'Creative' })
      .item('Dev', { group: 'Engineering' })
      .item('Hosting', { group: 'Engineering', revenueAccount: 'Hosting Revenue' })
      .order('O1', { basis: 'AsBudgeted', invoiceTimes, timeDescription: 'Website project' })
      .line('O1/1', { item: 'Design', quantity: 2, price: '100', description: 'Wireframes', link: 'MainProject' })
      .line('O1/2', { item: 'Design', quantity: 1, price: '150', description: 'Visual design', assignee: 'anna', link: 'MainProject' })
      .line('O1/3', { item: 'Dev', quantity: 4, price: '100', description: 'Build', link: 'MainProject' })
      .line('O1/4', { item: 'Hosting', quantity: 1, price: '50', description: 'Setup', link: 'MainProject' })
      .node('P', { order: 'O1', status: 'Completed' })
      .build();
  }

  test('ByTransactions: a row per line item with its Description', () => {
    expect(show(rowsOf(optionBook('ByTransactions')))).toEqual([
      'Wireframes | 2.00 x 100.00 = 200.00', 'Visual design | 1.00 x 150.00 = 150.00', 'Build | 4.00 x 100.00 = 400.00', 'Setup | 1.00 x 50.00 = 50.00',
    ]);
  });

  test('ByItems: a row per item, unit price blank when its lines carry different prices', () => {
    expect(show(rowsOf(optionBook('ByItems')))).toEqual(['Design | 3.00 x - = 350.00', 'Dev | 4.00 x 100.00 = 400.00', 'Hosting | 1.00 x 50.00 = 50.00']);
  });

  test('ByGroups: a row per item group, split by revenue account', () => {
    expect(show(rowsOf(optionBook('ByGroups')))).toEqual(['Creative | 3.00 x - = 350.00', 'Engineering | 4.00 x 100.00 = 400.00', 'Engineering | 1.00 x 50.00 = 50.00']);
  });

  test('OneRowTotal: one row with the order\'s time description, one per revenue account', () => {
    const rows = rowsOf(optionBook('OneRowTotal'));
    expect(show(rows)).toEqual(['Website project | 7.00 x - = 750.00', 'Website project | 1.00 x 50.00 = 50.00']);
    expect(rows.map((r) => r.revenueAccount)).toEqual(['Professional Services', 'Hosting Revenue']);
  });

  test('ByItemsPerson: the line\'s Assignee is the person of its budget row', () => {
    expect(show(rowsOf(optionBook('ByItemsPerson')))).toEqual([
      'Design | 2.00 x 100.00 = 200.00', 'Design: Anna | 1.00 x 150.00 = 150.00', 'Dev | 4.00 x 100.00 = 400.00', 'Hosting | 1.00 x 50.00 = 50.00',
    ]);
  });

  test('every option bills the same total', () => {
    const options: InvoiceTimes[] = ['OneRowTotal', 'ByGroups', 'ByItems', 'ByTransactions', 'ByItemsPerson'];
    expect(options.map((o) => sumDecimals(rowsOf(optionBook(o)).map((r) => r.amount)).toFixed(2))).toEqual(['800.00', '800.00', '800.00', '800.00', '800.00']);
  });
});
