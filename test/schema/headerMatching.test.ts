import { allowedEdits, CONTRACT_COLUMNS, editDistance, lookalikeColumn } from '../../src/schema/headerLookalikes';
import { formatIssue, readBillingWorkbook } from '../../src/schema/readBillingWorkbook';
import { headerKey } from '../../src/schema/rawTable';
import { tableOf, workbookWith, type RecordRow } from '../builders/rawWorkbook';

const entry = (over: RecordRow = {}): RecordRow => ({ EntryId: 'E1', Date: '2025-01-06', Person: 'Anna', NodeId: 'WP1', Hours: 1.5, ...over });

/** The TimeEntries fixture with one more column headed `header`, holding `value`. */
function withTimeColumn(header: string, value: RecordRow[string] = null) {
  return readBillingWorkbook(workbookWith({ TimeEntries: [entry({ [header]: value })] }));
}

describe('headers match ignoring case, spaces, dashes, underscores and a trailing dot', () => {
  it.each([
    ['Invoice No.', 'invoiceno'],
    ['invoice_no', 'invoiceno'],
    ['INVOICE-NO', 'invoiceno'],
    [' Valid From ', 'validfrom'],
    ['valid_from', 'validfrom'],
    ['Minimum_Billing', 'minimumbilling'],
  ])('%j has the key %j', (header, key) => {
    expect(headerKey(header)).toBe(key);
  });

  it.each(['Invoice No.', 'invoice_no', 'Invoice-No'])('reads a TimeEntries %j column as InvoiceNo', (header) => {
    const { workbook, issues } = withTimeColumn(header, 'INV-00009');
    expect(issues).toEqual([]);
    expect(workbook?.timeEntries[0].invoiceNo).toBe('INV-00009');
  });

  it('reads Minimum_Billing as MinimumBilling, so the order keeps its minimum', () => {
    const { workbook, issues } = readBillingWorkbook(workbookWith({ Orders: [{ OrderId: 'O-100', Customer: 'ACME', Minimum_Billing: 500 }] }));
    expect(issues).toEqual([]);
    expect(workbook?.orders[0].minimumBilling?.toFixed(2)).toBe('500.00');
  });
});

describe('a header that looks like a contract column the table lacks is an input error naming both', () => {
  it('names the cell, the header found and the column it looks like ("Billabel")', () => {
    const { workbook, issues } = withTimeColumn('Billabel', false);
    expect(workbook).toBeUndefined();
    // TimeEntries fixture: header row 3 from column B; Billabel is the sixth column, G.
    expect(issues.map(formatIssue)).toEqual([
      'Sheet_TimeEntries!G3: "Billabel" looks like "Billable"; rename it, or name it something else if it is your own column',
    ]);
    expect(issues[0]).toMatchObject({ code: 'LOOKALIKE_COLUMN', table: 'TimeEntries', column: 'Billable' });
  });

  it.each(['Invoice Nr', 'Inv No', 'Invoice Number', 'InvoceNo'])('treats %j as a misspelt InvoiceNo, so nothing bills twice', (header) => {
    const { workbook, issues } = withTimeColumn(header, 'INV-00009');
    expect(workbook).toBeUndefined();
    expect(issues.map((i) => [i.code, i.column])).toEqual([['LOOKALIKE_COLUMN', 'InvoiceNo']]);
  });

  it('flags a misspelt optional column of any contract table (Orders "Minimum Biling")', () => {
    const { issues } = readBillingWorkbook(workbookWith({ Orders: [{ OrderId: 'O-100', Customer: 'ACME', 'Minimum Biling': 500 }] }));
    expect(issues.map((i) => [i.code, i.cell, i.column])).toEqual([['LOOKALIKE_COLUMN', 'Sheet_Orders!D3', 'MinimumBilling']]);
  });

  it('flags a look-alike of a required column besides naming the missing column', () => {
    const { issues } = readBillingWorkbook(workbookWith({ TimeEntries: [{ EntryId: 'E1', Date: '2025-01-06', Person: 'Anna', NodeId: 'WP1', Huors: 1 }] }));
    expect(issues.map((i) => i.code).sort()).toEqual(['LOOKALIKE_COLUMN', 'MISSING_COLUMN']);
  });

  it('leaves a look-alike alone when the column it looks like is in the table too (the user\'s own column)', () => {
    expect(withTimeColumn('Comments', 'x').issues.map((i) => i.column)).toEqual(['Comment']);
    const both = readBillingWorkbook(workbookWith({ TimeEntries: [entry({ Comment: 'a', Comments: 'b' })] }));
    expect(both.issues).toEqual([]);
  });

  it.each(['Notes', 'Day', 'Rates', 'Task', 'Project', 'Approved', 'Billed', 'Week', 'Customer', 'Status'])(
    'does not flag a user column like %j in TimeEntries',
    (header) => {
      expect(withTimeColumn(header, 'x').issues).toEqual([]);
    },
  );

  it('checks the Settings table\'s own headers too', () => {
    const book = workbookWith();
    book.tables.push(tableOf('Settings', [{ Setting: 'TaxRate', Valeu: 0.19, Value: 0.19 }]));
    expect(readBillingWorkbook(book).issues).toEqual([]);
  });
});

describe('how near is "looks like"', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('billabel', 'billable', 2)).toBe(1);
    expect(editDistance('invoicenr', 'invoiceno', 2)).toBe(1);
    expect(editDistance('hours', 'hrs', 2)).toBe(2);
    expect(editDistance('abc', 'abcdef', 2)).toBe(3);
  });

  it('allows two edits from 8 characters, one from 5, none below', () => {
    expect([4, 5, 7, 8, 14].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
    expect(lookalikeColumn('Hour', CONTRACT_COLUMNS.TimeEntries)).toBe('Hours');
    expect(lookalikeColumn('Dates', CONTRACT_COLUMNS.TimeEntries)).toBeUndefined();
    expect(lookalikeColumn('Account', CONTRACT_COLUMNS.PaymentPlan)).toBeUndefined();
    expect(lookalikeColumn('Agreement', CONTRACT_COLUMNS.Agreements)).toBe('AgreementId');
  });

  it('never flags a header that is a contract column of its table', () => {
    for (const columns of Object.values(CONTRACT_COLUMNS)) {
      for (const column of columns) expect([column, lookalikeColumn(column, columns)]).toEqual([column, undefined]);
    }
  });
});
