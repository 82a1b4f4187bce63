import { dayFromParts } from '../../src/core/day';
import type { InputIssue } from '../../src/schema/inputIssue';
import { formatIssue, readBillingWorkbook } from '../../src/schema/readBillingWorkbook';
import type { RawWorkbook } from '../../src/schema/rawTable';
import { rawTable, tableOf, validRecords, workbookOf, workbookWith, type RecordRow } from '../builders/rawWorkbook';

// Fixture tables sit on sheet `Sheet_<Table>`, header on row 3, first column B: data row n is
// sheet row 3 + n. Columns follow the record keys: TimeEntries EntryId B, Date C, Person D,
// NodeId E, Hours F; ProjectTree NodeId B, ParentId C, Name D, Kind E, OrderId F, LineItem G;
// LineItems OrderId B, Line C, Item D, Quantity E, UnitPrice F; Orders OrderId B, Customer C.

function issuesOf(book: RawWorkbook): InputIssue[] {
  return readBillingWorkbook(book).issues;
}

/** [code, cell] of every issue: what a user would click through. */
function where(book: RawWorkbook): [string, string | undefined][] {
  return issuesOf(book).map((i) => [i.code, i.cell]);
}

const entry = (over: RecordRow = {}): RecordRow => ({ EntryId: 'E1', Date: '2025-01-06', Person: 'Anna', NodeId: 'WP1', Hours: 1.5, ...over });

function agreementsOnly(agreements: RecordRow[], entries: RecordRow[] = [{ EntryId: 'T1', Date: '2025-01-06', Person: 'Anna', Agreement: 'A1', Hours: 1 }]): RawWorkbook {
  return workbookOf(tableOf('Agreements', agreements), tableOf('TimeEntries', entries));
}

describe('a valid workbook', () => {
  it('reads every table into typed rows with no issue', () => {
    const { workbook, issues } = readBillingWorkbook(workbookWith());
    expect(issues).toEqual([]);
    expect(workbook?.timeEntries[0]).toMatchObject({ id: 'E1', date: dayFromParts(2025, 1, 6), person: 'anna', personName: 'Anna', node: 'wp1', seconds: 5400, billable: true, separateRow: false });
  });

  it('keys a line item by order and line, and names it with the order id as Orders spells it', () => {
    const { workbook } = readBillingWorkbook(workbookWith({
      LineItems: [
        { OrderId: 'o-100', Line: 10, Item: 'Consulting', UnitPrice: 100 },
        { OrderId: 'O-100', Line: 20, Item: 'Travel', UnitPrice: 0.5 },
      ],
    }));
    expect(workbook?.lineItems.map((l) => [l.key, l.ref, l.position, l.unitPrice.toFixed()])).toEqual([
      ['o-100/10', 'O-100/10', 0, '100'],
      ['o-100/20', 'O-100/20', 1, '0.5'],
    ]);
  });

  it('links a project node to the line item written as OrderId/Line', () => {
    const { workbook } = readBillingWorkbook(workbookWith());
    expect(workbook?.nodes.map((n) => [n.id, n.parent, n.lineItem])).toEqual([['P1', undefined, undefined], ['WP1', 'p1', 'o-100/10']]);
  });

  it('finds tables and headers whatever their case and spacing, in any column order, ignoring unknown columns', () => {
    const entries = rawTable('timeentries', ['Hours', ' entry id ', 'NOTES', 'node id', 'person', 'DATE'], [[2, 'E1', 'whatever', 'WP1', 'Anna', 45663]]);
    const { workbook, issues } = readBillingWorkbook(workbookOf(...workbookWith({ TimeEntries: undefined }).tables, entries));
    expect(issues).toEqual([]);
    expect(workbook?.timeEntries.map((e) => [e.id, e.seconds, e.nodeId])).toEqual([['E1', 7200, 'WP1']]);
  });

  it('skips blank rows', () => {
    const { workbook } = readBillingWorkbook(workbookWith({ TimeEntries: [entry(), { EntryId: null, Date: '  ' }, entry({ EntryId: 'E2' })] }));
    expect(workbook?.timeEntries.map((e) => [e.id, e.source.sheetRow])).toEqual([['E1', 4], ['E2', 6]]);
  });

  it('accepts a workbook with agreements and no orders', () => {
    const { workbook, issues } = readBillingWorkbook(agreementsOnly([{ AgreementId: 'A1', Customer: 'ACME', Start: '2025-01-01', Hours: 10, Rate: 90 }]));
    expect(issues).toEqual([]);
    expect(workbook?.agreements[0]).toMatchObject({ key: 'a1', hours: 36000, prepaid: true, status: 'Active' });
  });

  it('keeps time on a node or agreement that does not exist, for the engine to report as an exception', () => {
    const { workbook, issues } = readBillingWorkbook(workbookWith({ TimeEntries: [entry({ NodeId: 'Nowhere' }), entry({ EntryId: 'E2', NodeId: null, Agreement: 'A-404' })] }));
    expect(issues).toEqual([]);
    expect(workbook?.timeEntries.map((e) => [e.nodeId, e.node, e.agreementId, e.agreement])).toEqual([
      ['Nowhere', 'nowhere', undefined, undefined],
      [undefined, undefined, 'A-404', 'a-404'],
    ]);
  });

  it('keeps an entry\'s InvoiceNo as written and a blank one as not yet settled', () => {
    const { workbook } = readBillingWorkbook(workbookWith({ TimeEntries: [entry({ InvoiceNo: 'INV-00007' }), entry({ EntryId: 'E2', InvoiceNo: '  ' })] }));
    expect(workbook?.timeEntries.map((e) => e.invoiceNo)).toEqual(['INV-00007', undefined]);
  });

  it('reads the Invoices and InvoiceLines of earlier runs, and none when the tables are absent', () => {
    const withOutputs = workbookWith({
      Invoices: [{ InvoiceNo: 'INV-00001', Source: 'O-100', Kind: 'Order', Net: 150 }],
      InvoiceLines: [{ InvoiceNo: 'INV-00001', LineItem: 'O-100/10', Amount: '€150.00' }],
    });
    const read = readBillingWorkbook(withOutputs).workbook;
    const invoices = read?.issuedInvoices.map((i) => ({ invoiceNo: i.invoiceNo, source: i.source, kind: i.kind, net: i.net?.toFixed(2) }));
    expect([invoices, read?.issuedInvoiceLines.map((l) => [l.lineItem, l.amount.toFixed(2)])]).toEqual([
      [{ invoiceNo: 'INV-00001', source: 'O-100', kind: 'Order', net: '150.00' }],
      [['o-100/10', '150.00']],
    ]);
    const none = readBillingWorkbook(workbookWith()).workbook;
    expect([none?.issuedInvoices, none?.issuedInvoiceLines]).toEqual([[], []]);
  });
});

describe('missing tables and columns', () => {
  it('names every required table that is missing', () => {
    expect(issuesOf(workbookOf()).map((i) => [i.code, i.table])).toEqual([
      ['MISSING_TABLE', 'Orders'],
      ['MISSING_TABLE', 'LineItems'],
      ['MISSING_TABLE', 'ProjectTree'],
      ['MISSING_TABLE', 'TimeEntries'],
    ]);
  });

  it('requires only TimeEntries besides Agreements when there are no orders', () => {
    const book = workbookOf(tableOf('Agreements', [{ AgreementId: 'A1', Customer: 'ACME', Start: 45658, Hours: 10, Rate: 90 }]));
    expect(issuesOf(book).map((i) => [i.code, i.table])).toEqual([['MISSING_TABLE', 'TimeEntries']]);
  });

  it('names a missing required column with the table\'s header row', () => {
    const book = workbookWith({ TimeEntries: [{ EntryId: 'E1', Date: 45663, Person: 'Anna', NodeId: 'WP1' }] });
    const [issue] = issuesOf(book);
    expect([issue.code, issue.cell, issue.column, issue.message]).toEqual([
      'MISSING_COLUMN', 'Sheet_TimeEntries!B3:E3', 'Hours', 'Table TimeEntries has no Hours column; add a column headed Hours',
    ]);
  });

  it('asks for a NodeId or an Agreement column when TimeEntries has neither', () => {
    const book = workbookWith({ TimeEntries: [{ EntryId: 'E1', Date: 45663, Person: 'Anna', Hours: 1 }] });
    expect(issuesOf(book).map((i) => [i.code, i.cell, i.message])).toEqual([
      ['MISSING_COLUMN', 'Sheet_TimeEntries!B3:E3', 'Table TimeEntries needs a NodeId column or an Agreement column'],
    ]);
  });

  it('names the second of two columns with the same header', () => {
    const entries = rawTable('TimeEntries', ['EntryId', 'Date', 'Person', 'NodeId', 'Hours', 'hours'], [['E1', 45663, 'Anna', 'WP1', 1, 2]]);
    expect(where(workbookOf(...workbookWith({ TimeEntries: undefined }).tables, entries))).toEqual([['DUPLICATE_COLUMN', 'Sheet_TimeEntries!G3']]);
  });
});

describe('bad cells name their real cell', () => {
  it.each<[string, Record<string, RecordRow[]>, string, string]>([
    ['a date that is not a date', { TimeEntries: [entry(), entry({ EntryId: 'E2', Date: '31/01/2025' })] }, 'BAD_DATE', 'Sheet_TimeEntries!C5'],
    ['a duration that is not a duration', { TimeEntries: [entry({ Hours: 'a while' })] }, 'BAD_DURATION', 'Sheet_TimeEntries!F4'],
    ['a price that is not money', { LineItems: [{ OrderId: 'O-100', Line: 10, Item: 'Consulting', Quantity: 10, UnitPrice: 'ask Bob' }] }, 'BAD_MONEY', 'Sheet_LineItems!F4'],
    ['a progress that is not a percent', { ProjectTree: [...validRecords().ProjectTree.map((n) => ({ ...n, Progress: n.NodeId === 'WP1' ? 'half' : null }))] }, 'BAD_PERCENT', 'Sheet_ProjectTree!H5'],
    ['a progress above 100 %', { ProjectTree: [...validRecords().ProjectTree.map((n) => ({ ...n, Progress: n.NodeId === 'WP1' ? 120 : null }))] }, 'BAD_PERCENT', 'Sheet_ProjectTree!H5'],
    ['a Billable that is not a boolean', { TimeEntries: [entry({ Billable: 'perhaps' })] }, 'BAD_BOOLEAN', 'Sheet_TimeEntries!G4'],
    ['a Kind that is not one of the words', { ProjectTree: [{ ...validRecords().ProjectTree[0], Kind: 'Phase' }, validRecords().ProjectTree[1]] }, 'BAD_ENUM', 'Sheet_ProjectTree!E4'],
    ['a MaxPer that is not a period', { LineItems: [{ OrderId: 'O-100', Line: 10, Item: 'Consulting', UnitPrice: 100, MaxBillable: 8, MaxPer: 'fortnight' }] }, 'BAD_PERIOD', 'Sheet_LineItems!G4'],
    ['a Priority that is not a whole number', { LineItems: [{ OrderId: 'O-100', Line: 10, Item: 'Consulting', UnitPrice: 100, Priority: 1.5 }] }, 'BAD_NUMBER', 'Sheet_LineItems!F4'],
    ['a cell showing an Excel error', { TimeEntries: [entry({ Person: '#N/A' })] }, 'CELL_ERROR', 'Sheet_TimeEntries!D4'],
    ['a blank required cell', { TimeEntries: [entry({ Person: '  ' })] }, 'REQUIRED', 'Sheet_TimeEntries!D4'],
    ['hours of zero', { TimeEntries: [entry({ Hours: 0 })] }, 'NOT_POSITIVE', 'Sheet_TimeEntries!F4'],
    ['a negative unit price', { LineItems: [{ OrderId: 'O-100', Line: 10, Item: 'Consulting', Quantity: 10, UnitPrice: -100 }] }, 'NEGATIVE', 'Sheet_LineItems!F4'],
    ['a ValidTo before ValidFrom', { LineItems: [{ OrderId: 'O-100', Line: 10, Item: 'Consulting', UnitPrice: 100, ValidFrom: '2025-02-01', ValidTo: '2025-01-31' }] }, 'INCONSISTENT', 'Sheet_LineItems!G4'],
    ['a MaxPer without MaxBillable', { LineItems: [{ OrderId: 'O-100', Line: 10, Item: 'Consulting', UnitPrice: 100, MaxPer: 'week' }] }, 'INCONSISTENT', 'Sheet_LineItems!F4'],
  ])('reports %s', (_, changes, code, cell) => {
    expect(where(workbookWith(changes))).toEqual([[code, cell]]);
  });

  it('tells what was found, where, on which row and what is expected', () => {
    const [issue] = issuesOf(workbookWith({ TimeEntries: [entry(), entry({ EntryId: 'E2', Date: '31/01/2025' })] }));
    expect(issue).toEqual({
      code: 'BAD_DATE',
      table: 'TimeEntries',
      sheet: 'Sheet_TimeEntries',
      cell: 'Sheet_TimeEntries!C5',
      sheetRow: 5,
      tableRow: 2,
      column: 'Date',
      value: '31/01/2025',
      rowId: 'E2',
      message: 'Date "31/01/2025" is not a date: a date cell, or text like 2025-01-31',
    });
  });

  it('explains that a time-formatted Hours cell must be typed as hours', () => {
    const [issue] = issuesOf(workbookWith({ TimeEntries: [entry({ Hours: new Date(Date.UTC(1899, 11, 30, 1, 15)) })] }));
    expect([issue.code, issue.cell, issue.message]).toEqual([
      'BAD_DURATION', 'Sheet_TimeEntries!F4',
      'Hours 01:15 is a cell formatted as a time; Excel holds it as a fraction of a day, so type the hours as a number (1.25) or as text (1:15)',
    ]);
  });

  it('prints an issue as the command line shows it', () => {
    const at = { sheet: 'TimeEntries', headerRow: 3, firstColumn: 2 };
    const entries = tableOf('TimeEntries', [entry(), entry({ EntryId: 'E2' }), {}, entry({ EntryId: 'E3', Hours: -1.5 })], at);
    const book = workbookOf(...workbookWith({ TimeEntries: undefined }).tables, entries);
    expect(issuesOf(book).map(formatIssue)).toEqual(['TimeEntries!F7 (entry E3): Hours -1.5 must be above zero']);
  });

  it('quotes a sheet name with spaces in the address, as Excel does', () => {
    const entries = tableOf('TimeEntries', [entry({ Hours: 0 })], { sheet: 'Time 2025', headerRow: 10, firstColumn: 3 });
    expect(where(workbookOf(...workbookWith({ TimeEntries: undefined }).tables, entries))).toEqual([['NOT_POSITIVE', "'Time 2025'!G11"]]);
  });
});

describe('rows of time', () => {
  it('requires a NodeId or an Agreement', () => {
    const [issue] = issuesOf(workbookWith({ TimeEntries: [entry({ NodeId: null, Agreement: null })] }));
    expect([issue.code, issue.cell]).toEqual(['REQUIRED', 'Sheet_TimeEntries!E4']);
  });

  it('refuses time booked on both a node and an agreement', () => {
    const [issue] = issuesOf(workbookWith({ TimeEntries: [entry({ Agreement: 'A1' })] }));
    expect([issue.code, issue.cell, issue.message]).toEqual([
      'INCONSISTENT', 'Sheet_TimeEntries!G4', 'Give NodeId or Agreement, not both: time is billed either on a project or under an agreement',
    ]);
  });

  it('finds two entries with the same id in another case and spacing, naming both rows', () => {
    const [issue] = issuesOf(workbookWith({ TimeEntries: [entry({ EntryId: 'E1' }), entry({ EntryId: 'E2' }), entry({ EntryId: ' e1 ' })] }));
    expect([issue.code, issue.cell, issue.message]).toEqual([
      'DUPLICATE_ID', 'Sheet_TimeEntries!B6', 'EntryId e1 is used twice, in sheet rows 4 and 6; each EntryId must be unique',
    ]);
  });

  it('reports every problem of the workbook at once, table by table', () => {
    const book = workbookWith({
      Orders: [{ OrderId: 'O-100', Customer: null }],
      TimeEntries: [entry({ Hours: -1 }), entry({ EntryId: 'E2', Date: 'soon', Person: null })],
    });
    expect(where(book)).toEqual([
      ['REQUIRED', 'Sheet_Orders!C4'],
      ['NOT_POSITIVE', 'Sheet_TimeEntries!F4'],
      ['BAD_DATE', 'Sheet_TimeEntries!C5'],
      ['REQUIRED', 'Sheet_TimeEntries!D5'],
    ]);
  });

  it('gives no workbook while any issue remains', () => {
    expect(readBillingWorkbook(workbookWith({ TimeEntries: [entry({ Hours: 0 })] })).workbook).toBeUndefined();
  });
});

describe('master data references', () => {
  const tree = validRecords().ProjectTree;
  it.each<[string, Record<string, RecordRow[]>, string]>([
    ['a ParentId naming no node', { ProjectTree: [tree[0], { ...tree[1], ParentId: 'P9' }] }, 'Sheet_ProjectTree!C5'],
    ['a LineItem naming no line', { ProjectTree: [tree[0], { ...tree[1], LineItem: 'O-100/99' }] }, 'Sheet_ProjectTree!G5'],
    ['a node\'s OrderId naming no order', { ProjectTree: [tree[0], { ...tree[1], OrderId: 'O-999' }] }, 'Sheet_ProjectTree!F5'],
    ['a line\'s OrderId naming no order', { LineItems: [{ OrderId: 'O-100', Line: 10, Item: 'Consulting', UnitPrice: 100 }, { OrderId: 'O-101', Line: 10, Item: 'Consulting', UnitPrice: 100 }] }, 'Sheet_LineItems!B5'],
    ['an order\'s ParentNode naming no node', { Orders: [{ OrderId: 'O-100', Customer: 'ACME', ProjectRole: 'Subproject', ParentNode: 'P9' }] }, 'Sheet_Orders!E4'],
    ['a PaymentPlan OrderId naming no order', { PaymentPlan: [{ OrderId: 'O-7', DueDate: '2025-03-01', Amount: 500 }] }, 'Sheet_PaymentPlan!B4'],
  ])('reports %s', (_, changes, cell) => {
    expect(where(workbookWith(changes))).toEqual([['UNKNOWN_REFERENCE', cell]]);
  });

  it('reports a RenewalOf and an addition naming no agreement', () => {
    const book = workbookOf(
      tableOf('Agreements', [{ AgreementId: 'A1', Customer: 'ACME', Start: '2025-01-01', Hours: 10, Rate: 90, RenewalOf: 'A0' }]),
      tableOf('AgreementAdditions', [{ AgreementId: 'A9', Date: '2025-02-01', Hours: 5 }]),
      tableOf('TimeEntries', [{ EntryId: 'T1', Date: 45663, Person: 'Anna', Agreement: 'A1', Hours: 1 }]),
    );
    expect(where(book)).toEqual([['UNKNOWN_REFERENCE', 'Sheet_Agreements!G4'], ['UNKNOWN_REFERENCE', 'Sheet_AgreementAdditions!B4']]);
  });

  it('reports an addition for an agreement when the workbook has no Agreements table', () => {
    const book = workbookWith({ AgreementAdditions: [{ AgreementId: 'A1', Date: '2025-02-01', Hours: 5 }] });
    expect(where(book)).toEqual([['UNKNOWN_REFERENCE', 'Sheet_AgreementAdditions!B4']]);
  });

  it('says which id was not found and where it was looked for', () => {
    const [issue] = issuesOf(workbookWith({ ProjectTree: [tree[0], { ...tree[1], ParentId: 'P9' }] }));
    expect(formatIssue(issue)).toBe('Sheet_ProjectTree!C5 (node WP1): ParentId "P9" matches no NodeId in ProjectTree');
  });

  it('requires a ParentNode for a Subproject order', () => {
    const [issue] = issuesOf(workbookWith({ Orders: [{ OrderId: 'O-100', Customer: 'ACME', ProjectRole: 'sub project', ParentNode: null }] }));
    expect([issue.code, issue.cell]).toEqual(['REQUIRED', 'Sheet_Orders!E4']);
  });

  it('finds a loop in the project tree and names its nodes', () => {
    const [issue] = issuesOf(workbookWith({ ProjectTree: [{ ...tree[0], ParentId: 'WP1' }, tree[1]] }));
    expect([issue.code, issue.cell, issue.message]).toEqual([
      'TREE_CYCLE', 'Sheet_ProjectTree!C4', 'NodeId P1 is its own ancestor (P1 → WP1 → P1); a project tree cannot loop',
    ]);
  });

  it.each<[string, RecordRow, string]>([
    ['a Template line without a Template name', { ProjectCreation: 'Template' }, 'Sheet_LineItems!F4'],
    ['an Individual line without CreateAtStatus', { ProjectCreation: 'individual' }, 'Sheet_LineItems!F4'],
  ])('requires what %s needs', (_, creation, cell) => {
    const book = workbookWith({ LineItems: [{ OrderId: 'O-100', Line: 10, Item: 'Consulting', UnitPrice: 100, ...creation }] });
    expect(where(book)).toEqual([['REQUIRED', cell]]);
  });

  it('finds a loop even through a node that has another problem', () => {
    const book = workbookWith({ ProjectTree: [{ ...tree[0], ParentId: 'WP1' }, { ...tree[1], Progress: 'half' }] });
    expect(where(book)).toEqual([['TREE_CYCLE', 'Sheet_ProjectTree!C4'], ['BAD_PERCENT', 'Sheet_ProjectTree!H5']]);
  });

  it('finds two lines with the same number on one order', () => {
    const line = { OrderId: 'O-100', Line: 10, Item: 'Consulting', UnitPrice: 100 };
    const [issue] = issuesOf(workbookWith({ LineItems: [line, { ...line, OrderId: 'o-100 ' }] }));
    expect([issue.code, issue.cell, issue.rowId]).toEqual(['DUPLICATE_ID', 'Sheet_LineItems!C5', 'O-100/10']);
  });
});

describe('agreements and installments', () => {
  it('requires a Rate of a prepaid agreement', () => {
    const book = agreementsOnly([{ AgreementId: 'A1', Customer: 'ACME', Start: '2025-01-01', Hours: 10, Rate: null }]);
    expect(where(book)).toEqual([['REQUIRED', 'Sheet_Agreements!F4']]);
  });

  it('accepts an agreement without a Rate when it is not prepaid', () => {
    const book = agreementsOnly([{ AgreementId: 'A1', Customer: 'ACME', Start: '2025-01-01', Hours: 10, Prepaid: 'no' }]);
    expect(issuesOf(book)).toEqual([]);
  });

  it('finds an agreement that renews itself through another', () => {
    const book = agreementsOnly([
      { AgreementId: 'A1', Customer: 'ACME', Start: '2025-01-01', Hours: 10, Rate: 90, RenewalOf: 'A2' },
      { AgreementId: 'A2', Customer: 'ACME', Start: '2026-01-01', Hours: 10, Rate: 90, RenewalOf: 'a1' },
    ]);
    expect(where(book)).toEqual([['RENEWAL_CYCLE', 'Sheet_Agreements!G4']]);
  });

  it('refuses rolling one agreement\'s balance over into two renewals', () => {
    const book = agreementsOnly([
      { AgreementId: 'A1', Customer: 'ACME', Start: '2024-01-01', Hours: 10, Rate: 90 },
      { AgreementId: 'A2', Customer: 'ACME', Start: '2025-01-01', Hours: 10, Rate: 90, RenewalOf: 'A1', Rollover: true },
      { AgreementId: 'A3', Customer: 'ACME', Start: '2025-01-01', Hours: 10, Rate: 90, RenewalOf: 'A1', Rollover: true },
    ]);
    expect(issuesOf(book).map((i) => [i.code, i.cell, i.message])).toEqual([
      ['INCONSISTENT', 'Sheet_Agreements!G6', 'Agreement A1 is renewed with Rollover in sheet rows 5 and 6; its balance can roll over only once'],
    ]);
  });

  it('reports an agreement that ends before it starts', () => {
    const book = agreementsOnly([{ AgreementId: 'A1', Customer: 'ACME', Start: '2025-06-01', End: '2025-05-31', Hours: 10, Rate: 90 }]);
    expect(where(book)).toEqual([['INCONSISTENT', 'Sheet_Agreements!E4']]);
  });

  it.each<[string, RecordRow, string, string]>([
    ['both an Amount and a Percent', { Amount: 500, Percent: 0.5 }, 'INCONSISTENT', 'Sheet_PaymentPlan!E4'],
    ['neither an Amount nor a Percent', { Amount: null, Percent: null }, 'REQUIRED', 'Sheet_PaymentPlan!D4'],
  ])('refuses an installment with %s', (_, amounts, code, cell) => {
    const book = workbookWith({ PaymentPlan: [{ OrderId: 'O-100', DueDate: '2025-03-01', ...amounts }] });
    expect(where(book)).toEqual([[code, cell]]);
  });

  it('refuses Percent installments of one order that add up to more than 100 %, on the row that goes over', () => {
    const book = workbookWith({
      PaymentPlan: [
        { OrderId: 'O-100', DueDate: '2025-03-01', Percent: 0.4 },
        { OrderId: 'o-100 ', DueDate: '2025-04-01', Percent: '50 %' },
        { OrderId: 'O-100', DueDate: '2025-05-01', Percent: 30 },
      ],
    });
    const { issues } = readBillingWorkbook(book);
    // Columns OrderId, DueDate, Percent from B: the third installment's Percent is D6.
    expect(issues.map((i) => [i.code, i.cell])).toEqual([['INCONSISTENT', 'Sheet_PaymentPlan!D6']]);
    expect(issues[0].message).toContain('add up to 120 %');
  });
});
