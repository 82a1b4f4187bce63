import { backdatedAfter, highestShownSequence } from '../../../src/engine/ledger/invoiceSequence';
import { dayFromIso, isoFromDay } from '../../../src/core/day';
import { tableOf, type RecordRow } from '../../builders/rawWorkbook';
import { LedgerBook, numbers } from '../../builders/ledgerBook';

/**
 * Two orders (O-100 bills time, O-200 a payment plan) and a prepaid agreement with an
 * addition. Tables sit at B3 on sheets named `Sheet_<table>`, so data row n is sheet row 3 + n.
 */
function records(): Record<string, RecordRow[]> {
  return {
    Orders: [
      { OrderId: 'O-100', Customer: 'ACME', BillingMode: 'Rules' },
      { OrderId: 'O-200', Customer: 'Bravo', BillingMode: 'PaymentPlan' },
    ],
    LineItems: [
      { OrderId: 'O-100', Line: 10, Item: 'Consulting', UnitPrice: 100 },
      { OrderId: 'O-200', Line: 10, Item: 'Build', Quantity: 10, UnitPrice: 100 },
    ],
    ProjectTree: [
      { NodeId: 'P1', ParentId: null, Name: 'ACME rollout', Kind: 'MainProject', OrderId: 'O-100', LineItem: null },
      { NodeId: 'WP1', ParentId: 'P1', Name: 'Consulting', Kind: 'WorkPackage', OrderId: 'O-100', LineItem: 'O-100/10' },
      { NodeId: 'WP2', ParentId: 'P1', Name: 'Workshops', Kind: 'WorkPackage', OrderId: 'O-100', LineItem: null },
      { NodeId: 'P2', ParentId: null, Name: 'Bravo build', Kind: 'MainProject', OrderId: 'O-200', LineItem: null },
    ],
    TimeEntries: [
      { EntryId: 'E1', Date: '2025-01-06', Person: 'Anna', NodeId: 'WP1', Agreement: null, Hours: 1.5, Billable: true, InvoiceNo: null },
      { EntryId: 'E2', Date: '2025-01-07', Person: 'Ben', NodeId: 'WP1', Agreement: null, Hours: 2, Billable: true, InvoiceNo: null },
    ],
    Agreements: [{ AgreementId: 'A-1', Customer: 'Carla', Start: '2025-01-01', Hours: 10, Rate: 90, InvoiceNo: null }],
    AgreementAdditions: [{ AgreementId: 'A-1', Date: '2025-01-10', Hours: 5, InvoiceNo: null }],
    PaymentPlan: [{ OrderId: 'O-200', DueDate: '2025-01-15', Amount: 500, Description: 'Kick-off', InvoiceNo: null }],
  };
}

/** A book billed once on 2025-01-31: INV-00001 block, INV-00002 addition, INV-00003 O-100 time, INV-00004 installment. */
function billedBook(): LedgerBook {
  const book = new LedgerBook(records());
  const first = book.bill('2025-01-31');
  expect(first.lines).toEqual([]);
  expect(first.result!.invoices.map((i) => [i.invoiceNo, i.source, i.rows[0].description])).toEqual([
    ['INV-00001', 'A-1', 'Prepaid hours A-1'],
    ['INV-00002', 'A-1', 'Additional hours A-1'],
    ['INV-00003', 'O-100', 'Consulting'],
    ['INV-00004', 'O-200', 'Kick-off'],
  ]);
  return book;
}

describe('§8 The ledger: the registers and the InvoiceNo marks must agree, or nothing bills', () => {
  test('a run over its own result finds marks and registers in agreement and bills nothing', () => {
    const book = billedBook();
    const again = book.bill('2025-01-31');
    expect(again.lines).toEqual([]);
    expect(again.result!.invoices).toEqual([]);
    expect(again.result!.warnings).toEqual([]);
  });

  test('every billed entry is in InvoiceEntries with its invoice row, billed and recorded seconds, date and node', () => {
    const book = billedBook();
    const entries = book.table('InvoiceEntries')!;
    expect(entries.headers).toEqual(['InvoiceNo', 'Row', 'EntryId', 'Seconds', 'RecordedSeconds', 'Date', 'NodeId']);
    expect(entries.rows.map((r) => [r[0], r[1], r[2], r[3], r[4], isoFromDay(r[5] as number), r[6]])).toEqual([
      ['INV-00003', 1, 'E1', 5400, 5400, '2025-01-06', 'WP1'],
      ['INV-00003', 1, 'E2', 7200, 7200, '2025-01-07', 'WP1'],
    ]);
  });

  test('a cleared InvoiceNo of a billed entry is an input error naming its cell, the invoice and the register cell', () => {
    const book = billedBook();
    book.set('TimeEntries', 'EntryId', 'E1', 'InvoiceNo', null);
    const run = book.bill('2025-02-28');
    expect(run.book).toBeUndefined();
    expect(run.lines).toEqual([
      'Sheet_TimeEntries!I4 (entry E1): InvoiceNo is blank but INV-00003 billed it (Sheet_InvoiceEntries!D4); restore it, or credit INV-00003 to bill the entry again',
    ]);
  });

  test('a cleared InvoiceNo of a prepaid block, an addition or an installment is an input error naming its cell and invoice', () => {
    const book = billedBook();
    book.set('Agreements', 'AgreementId', 'A-1', 'InvoiceNo', null);
    book.table('AgreementAdditions')!.rows[0][book.column('AgreementAdditions', 'InvoiceNo')] = null;
    book.table('PaymentPlan')!.rows[0][book.column('PaymentPlan', 'InvoiceNo')] = null;
    expect(book.bill('2025-02-28').lines).toEqual([
      'Sheet_Agreements!G4 (agreement A-1): InvoiceNo is blank but INV-00001 billed the prepaid block (Sheet_InvoiceLines!D4); restore it, or credit INV-00001 to bill the prepaid block again',
      'Sheet_AgreementAdditions!E4 (agreement A-1): InvoiceNo is blank but INV-00002 billed this addition (Sheet_InvoiceLines!D5); restore it, or credit INV-00002 to bill this addition again',
      'Sheet_PaymentPlan!F4 (order O-200): InvoiceNo is blank but INV-00004 billed this installment (Sheet_InvoiceLines!D7); restore it, or credit INV-00004 to bill this installment again',
    ]);
  });

  test('a prepaid block or addition is found by its invoice\'s Kind, hours and rate, whatever its row\'s text says', () => {
    const book = billedBook();
    const c = book.column('InvoiceLines', 'Description');
    book.table('InvoiceLines')!.rows[0][c] = 'Retainer';
    book.table('InvoiceLines')!.rows[1][c] = 'Top-up';
    book.set('Agreements', 'AgreementId', 'A-1', 'InvoiceNo', null);
    book.table('AgreementAdditions')!.rows[0][book.column('AgreementAdditions', 'InvoiceNo')] = null;
    expect(book.bill('2025-02-28').lines.map((l) => l.slice(0, l.indexOf(':', l.indexOf('!') + 1)))).toEqual([
      'Sheet_Agreements!G4 (agreement A-1)',
      'Sheet_AgreementAdditions!E4 (agreement A-1)',
    ]);
  });

  test('a TimeEntries table that lost its InvoiceNo column is one input error naming the column and a billed entry', () => {
    const book = billedBook();
    const time = book.table('TimeEntries')!;
    const c = book.column('TimeEntries', 'InvoiceNo');
    time.headers.splice(c, 1);
    for (const row of time.rows) row.splice(c, 1);
    expect(book.bill('2025-02-28').lines).toEqual([
      'Sheet_TimeEntries!B3: Table TimeEntries has no InvoiceNo column, but the registers show 2 of its entries billed (E1 on INV-00003); restore the InvoiceNo column with its marks, or to start over, remove Invoices, InvoiceLines, InvoiceEntries and every InvoiceNo mark',
    ]);
  });

  test('time covered by an agreement is in InvoiceEntries under the AgreementId, and a cleared mark of it is an input error', () => {
    const book = billedBook();
    book.addRow('TimeEntries', { EntryId: 'E5', Date: '2025-02-03', Person: 'Carla', Agreement: 'A-1', Hours: 1.25 });
    const run = book.bill('2025-02-28');
    expect(run.lines).toEqual([]);
    expect(run.result!.invoices).toEqual([]);
    expect(book.get('TimeEntries', 'EntryId', 'E5', 'InvoiceNo')).toBe('A-1');
    const entries = book.table('InvoiceEntries')!.rows;
    expect(entries[entries.length - 1]).toEqual(['A-1', null, 'E5', 4500, 4500, dayFromIso('2025-02-03'), null]);

    expect(book.bill('2025-02-28').lines).toEqual([]);
    book.set('TimeEntries', 'EntryId', 'E5', 'InvoiceNo', null);
    expect(book.bill('2025-03-31').lines).toEqual([
      'Sheet_TimeEntries!I6 (entry E5): InvoiceNo is blank but agreement A-1 covered the entry (Sheet_InvoiceEntries!D6); write A-1 back: covered time is settled and is neither covered nor billed again',
    ]);
  });

  test('archived time (listed in the registers, no longer in TimeEntries) is fine', () => {
    const book = billedBook();
    book.table('TimeEntries')!.rows.splice(0, 1);
    const run = book.bill('2025-02-28');
    expect(run.lines).toEqual([]);
    expect(run.result!.invoices).toEqual([]);
  });

  test('a mark naming an invoice the registers do not hold (an earlier system) stays settled', () => {
    const book = billedBook();
    book.addRow('TimeEntries', { EntryId: 'E3', Date: '2025-01-08', Person: 'Anna', NodeId: 'WP1', Hours: 1, InvoiceNo: 'OLD-0042' });
    const run = book.bill('2025-02-28');
    expect(run.lines).toEqual([]);
    expect(run.result!.invoices).toEqual([]);
  });

  test('an entry on invoices of two runs is an input error naming both invoices', () => {
    const book = billedBook();
    book.addRow('Invoices', { InvoiceNo: 'INV-00005', Date: dayFromIso('2025-02-28'), Customer: 'ACME', Source: 'O-100', Kind: 'Order', Net: 150 });
    book.addRow('InvoiceLines', { InvoiceNo: 'INV-00005', Row: 1, Description: 'Consulting', Amount: 150, Source: 'O-100', EntryIds: 'E1' });
    book.raw.sheets!.push('INV-00005');
    expect(book.bill('2025-02-28').lines).toEqual([
      'Sheet_TimeEntries!I4 (entry E1): The entry is billed on two invoices, INV-00003 (Sheet_InvoiceEntries!D4) and INV-00005 (Sheet_InvoiceLines!M8); credit the later one',
    ]);
  });

  test('the parts of one split entry on two orders\' invoices of one run are not billed twice', () => {
    const split = records();
    split.LineItems = [
      { OrderId: 'O-100', Line: 10, Item: 'Consulting', UnitPrice: 100, MaxBillable: 1 },
      { OrderId: 'O-300', Line: 10, Item: 'Support', UnitPrice: 80, Link: 'MainProject' },
      ...split.LineItems.slice(1),
    ];
    split.Orders.push({ OrderId: 'O-300', Customer: 'ACME', BillingMode: 'Rules' });
    split.ProjectTree.push({ NodeId: 'P3', ParentId: null, Name: 'Support', Kind: 'MainProject', OrderId: 'O-300', LineItem: null });
    split.ProjectTree[0].ParentId = 'P3';
    const book = new LedgerBook(split);
    const first = book.bill('2025-01-31');
    expect(first.lines).toEqual([]);
    const again = book.bill('2025-01-31');
    expect(again.lines).toEqual([]);
    expect(again.result!.invoices).toEqual([]);
  });

  test('an invoice whose sheet is gone is an input error naming its register cell', () => {
    const book = billedBook();
    book.removeSheet('INV-00003');
    expect(book.bill('2025-02-28').lines).toEqual([
      'Sheet_Invoices!B6 (invoice INV-00003): The sheet of invoice INV-00003 is gone; an issued invoice stays in the workbook, so restore the sheet INV-00003 (from a copy of the workbook), or to start over, remove Invoices, InvoiceLines, InvoiceEntries and every InvoiceNo mark',
    ]);
  });

  test('register rows of an invoice that Invoices no longer holds are an input error, once per invoice', () => {
    const book = billedBook();
    book.removeTable('Invoices');
    for (const n of [1, 2, 3, 4]) book.removeSheet(`INV-0000${n}`);
    const lines = book.bill('2025-02-28').lines;
    expect(lines[0]).toBe(
      'Sheet_InvoiceLines!B4 (invoice INV-00001): INV-00001 is not in the Invoices table; restore its Invoices row (the registers are the ledger of what was billed), or to start over, remove Invoices, InvoiceLines, InvoiceEntries and every InvoiceNo mark',
    );
    expect(lines).toHaveLength(4); // once per invoice, though INV-00003 is in InvoiceEntries too
  });

  test('an issued invoice whose InvoiceLines rows are gone is an input error', () => {
    const book = billedBook();
    book.removeTable('InvoiceLines');
    const lines = book.bill('2025-02-28').lines;
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Sheet_Invoices!B4 \(invoice INV-00001\): InvoiceLines holds no row of invoice INV-00001; restore its rows \(the InvoiceLines table is gone\)/);
  });

  test('an EntryIds note pointing at InvoiceEntries needs InvoiceEntries', () => {
    const book = billedBook();
    const c = book.column('InvoiceLines', 'EntryIds');
    book.table('InvoiceLines')!.rows[2][c] = '2 entries: see InvoiceEntries';
    book.removeTable('InvoiceEntries');
    expect(book.bill('2025-02-28').lines).toEqual([
      'Sheet_InvoiceLines!M6 (invoice INV-00003): EntryIds says the entries of INV-00003 row 1 are in InvoiceEntries, but InvoiceEntries lists none of them; restore the InvoiceEntries table (the ledger of billed time)',
    ]);
  });

  test('numbers continue after the highest number shown anywhere: registers, invoice sheets and marks', () => {
    const book = billedBook();
    book.raw.sheets!.push('INV-00011');
    book.addRow('TimeEntries', { EntryId: 'E3', Date: '2025-02-03', Person: 'Anna', NodeId: 'WP1', Hours: 1 });
    expect(numbers(book.bill('2025-02-28'))).toEqual(['INV-00012']);
    book.set('TimeEntries', 'EntryId', 'E1', 'InvoiceNo', 'inv-00020');
    expect(highestShownSequence(book.read().book!)).toBe(20);
  });

  test('removing both registers keeps the numbers the marks show; removing the marks too starts over', () => {
    const book = billedBook();
    for (const t of ['Invoices', 'InvoiceLines', 'InvoiceEntries']) book.removeTable(t);
    book.addRow('TimeEntries', { EntryId: 'E3', Date: '2025-02-03', Person: 'Anna', NodeId: 'WP1', Hours: 1 });
    expect(numbers(book.bill('2025-02-28'))).toEqual(['INV-00005']);

    const fresh = billedBook();
    for (const t of ['Invoices', 'InvoiceLines', 'InvoiceEntries']) fresh.removeTable(t);
    fresh.raw.sheets = fresh.raw.sheets!.filter((s) => !s.startsWith('INV-'));
    for (const [table, c] of [['TimeEntries', 'InvoiceNo'], ['Agreements', 'InvoiceNo'], ['AgreementAdditions', 'InvoiceNo'], ['PaymentPlan', 'InvoiceNo']]) {
      const col = fresh.column(table, c);
      for (const row of fresh.table(table)!.rows) row[col] = null;
    }
    expect(numbers(fresh.bill('2025-02-28'))).toEqual(['INV-00001', 'INV-00002', 'INV-00003', 'INV-00004']);
  });
});

describe('§8 The ledger: an entry changed after billing stays billed and is a warning naming the invoice to credit', () => {
  test('an entry whose hours, date, node or billable flag changed after billing is a warning naming the invoice to credit; nothing bills again', () => {
    const book = billedBook();
    book.set('TimeEntries', 'EntryId', 'E1', 'Hours', 2.5);
    book.set('TimeEntries', 'EntryId', 'E1', 'Date', '2025-01-09');
    book.set('TimeEntries', 'EntryId', 'E2', 'NodeId', 'WP2');
    book.set('TimeEntries', 'EntryId', 'E2', 'Billable', false);
    const run = book.bill('2025-02-28');
    expect(run.lines).toEqual([]);
    expect(run.result!.invoices).toEqual([]);
    expect(run.result!.warnings!.filter((w) => w.code === 'ENTRY_CHANGED')).toEqual([
      {
        code: 'ENTRY_CHANGED',
        entryId: 'E1',
        invoiceNo: 'INV-00003',
        cell: 'Sheet_TimeEntries!G4',
        message: 'Entry E1 changed after INV-00003 billed it (Hours 1.50 became 2.50; Date 2025-01-06 became 2025-01-09); INV-00003 stays as issued: credit it to bill the entry again, corrected',
      },
      {
        code: 'ENTRY_CHANGED',
        entryId: 'E2',
        invoiceNo: 'INV-00003',
        cell: 'Sheet_TimeEntries!E5',
        message: 'Entry E2 changed after INV-00003 billed it (NodeId WP1 became WP2; Billable became FALSE); INV-00003 stays as issued: credit it to bill the entry again, corrected',
      },
    ]);
  });

  test('an unchanged billed entry gives no warning', () => {
    const book = billedBook();
    expect(book.bill('2025-02-28').result!.warnings).toEqual([]);
  });
});

describe('§8 The ledger: a run is not dated before the latest issued invoice of the current prefix', () => {
  test('a billing date before the latest issued invoice of the current prefix is back-dated, naming that invoice', () => {
    const book = billedBook();
    const read = book.read().book!;
    expect(backdatedAfter(read, dayFromIso('2025-01-30')!)).toEqual({ invoiceNo: 'INV-00004', date: dayFromIso('2025-01-31') });
    expect(backdatedAfter(read, dayFromIso('2025-01-31')!)).toBeUndefined();
  });

  test('invoices of another prefix do not hold the date back', () => {
    const book = billedBook();
    book.raw.tables.push(tableOf('Settings', [{ Setting: 'InvoicePrefix', Value: 'R-' }]));
    const read = book.read().book!;
    expect(backdatedAfter(read, dayFromIso('2025-01-01')!)).toBeUndefined();
  });
});
