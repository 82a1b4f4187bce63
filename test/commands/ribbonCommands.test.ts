/** The ribbon's buttons, run against the fake Excel as a click in Excel would run them. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { RIBBON_ACTION_IDS } from '../../src/commands/ribbonActionIds';
import { BILLING_DATE_SETTING, ribbonActions, type RibbonHost } from '../../src/commands/ribbonCommands';
import type { RibbonOutcome } from '../../src/taskpane/ribbonOutcome';
import { billingWorkbook } from '../cli/billingFixture';
import { FakeExcel } from '../fakeExcel/FakeExcel';
import { fakeFromXlsx } from '../excel/workbookCells';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample.xlsx');

interface Clicks {
  host: RibbonHost;
  outcomes: RibbonOutcome[];
  panes: number;
  completed: number;
  click: (id: (typeof RIBBON_ACTION_IDS)[number]) => Promise<void>;
}

function ribbonOn(fake: FakeExcel, today = '2025-01-31'): Clicks {
  const clicks: Clicks = {
    outcomes: [],
    panes: 0,
    completed: 0,
    host: {
      run: fake.run,
      now: () => new Date(`${today}T10:00:00`),
      publish: (o) => clicks.outcomes.push(o),
      showPane: async () => {
        clicks.panes += 1;
      },
    },
    click: async (id) => {
      await ribbonActions(clicks.host)[id]({ completed: () => { clicks.completed += 1; } });
    },
  };
  return clicks;
}

test('every ribbon action the manifest names has its function', () => {
  const fake = new FakeExcel();
  expect(Object.keys(ribbonActions(ribbonOn(fake).host)).sort()).toEqual([...RIBBON_ACTION_IDS].sort());
});

test('Generate invoices bills the open workbook as of today, says what it issued and opens the pane', async () => {
  const fake = await fakeFromXlsx(await billingWorkbook());
  const ribbon = ribbonOn(fake);
  await ribbon.click('generateInvoices');
  expect(ribbon.outcomes).toEqual([{
    kind: 'warning',
    title: 'Billed 1 invoice (INV-00008) as of 2025-01-31',
    detail: '1 time entry exception could not be billed: see BillingExceptions (their rows are filled red in TimeEntries).'
      + " The invoices lack 4 fields the law requires: Settings CompanyName is blank, so the invoice of this run lacks the seller's name"
      + ' (EU VAT Directive Art. 226(5)); add it to Settings (and 3 more).',
  }]);
  expect(fake.sheetNames()).toContain('INV-00008');
  expect(ribbon.completed).toBe(1);
  expect(ribbon.panes).toBe(1);
});

test('Generate invoices on the sample takes at most 10 syncs, settings and reading included', async () => {
  const fake = await fakeFromXlsx(await fs.readFile(SAMPLE));
  const ribbon = ribbonOn(fake, '2026-11-30');
  await ribbon.click('generateInvoices');
  expect(ribbon.outcomes[0].title).toBe('Billed 17 invoices (INV-00001 to INV-00017) as of 2026-11-30');
  expect(fake.syncCount).toBeLessThanOrEqual(10);
});

test('the billing date last chosen in the pane wins over today', async () => {
  const fake = await fakeFromXlsx(await billingWorkbook());
  await fake.run(async (context) => {
    context.workbook.settings.add(BILLING_DATE_SETTING, '2025-01-02');
  });
  const ribbon = ribbonOn(fake, '2025-03-01');
  await ribbon.click('previewInvoices');
  expect(ribbon.outcomes[0].title).toBe('Preview as of 2025-01-02: 1 invoice would be issued');
  expect(fake.sheetNames()).not.toContain('INV-00008');
  expect(fake.sheetNames()).toContain('Preview Invoice 1');
});

test('input errors are listed on their sheet with the cell to fix, and nothing else is written', async () => {
  const bytes = await billingWorkbook({
    timeEntries: [['E1', new Date('2025-01-02T00:00:00Z'), 'Anna', 'N1', -2, 'x', null]],
  });
  const fake = await fakeFromXlsx(bytes);
  const ribbon = ribbonOn(fake);
  await ribbon.click('generateInvoices');
  expect(ribbon.outcomes[0]).toEqual({
    kind: 'error',
    title: '1 input error: nothing was written',
    detail: 'The BillingInputErrors sheet lists each one with the cell to fix. Fix them and run again.',
  });
  const list = fake.usedCells('BillingInputErrors').map((c) => c.value);
  expect(list).toContain('Time!F5');
  expect(fake.table('Invoices')!.rowCount).toBe(1);
  expect(fake.activeSheet).toBe('BillingInputErrors');

  // Once the error is fixed, the next run bills and removes the stale list.
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem('Time').getRange('F5').values = [[2]];
  });
  await ribbon.click('generateInvoices');
  expect(fake.sheetNames()).not.toContain('BillingInputErrors');
  expect(fake.sheetNames()).toContain('INV-00008');
});

test('a failure is told in words and the command still completes', async () => {
  const fake = await fakeFromXlsx(await billingWorkbook());
  const ribbon = ribbonOn(fake);
  ribbon.host.run = () => Promise.reject(new Error('The workbook is locked for editing by another user.'));
  await ribbon.click('generateInvoices');
  expect(ribbon.completed).toBe(1);
  expect(ribbon.outcomes[0].kind).toBe('error');
  expect(ribbon.outcomes[0].detail).toContain('The workbook is locked for editing by another user.');
});

test('Create project adds the project of the order whose row is selected', async () => {
  const fake = await fakeFromXlsx(await billingWorkbook());
  // A second order without a project, selected in the Orders table (B2 header, rows 3 and 4).
  await fake.run(async (context) => {
    context.workbook.tables.getItem('Orders').rows.add(undefined, [['O-2', 'Beta', 'Rules']]);
    context.workbook.tables.getItem('LineItems').rows.add(undefined, [['O-2', 1, 'Consulting', 'Advice', 5, 120]]);
    context.workbook.worksheets.getItem('Orders').getRange('C4').select();
  });
  const rowsBefore = fake.table('ProjectTree')!.rowCount;
  const ribbon = ribbonOn(fake);
  await ribbon.click('createProject');
  expect(ribbon.outcomes[0].title).toBe('Created the project of order O-2');
  const added = fake.table('ProjectTree')!.rowCount - rowsBefore;
  expect(added).toBeGreaterThan(0);
  expect(ribbon.outcomes[0].detail).toBe(`Added ${added} ProjectTree row${added === 1 ? '' : 's'}.`);
});

test('Create project with no Orders row selected asks for one and writes nothing', async () => {
  const fake = await fakeFromXlsx(await billingWorkbook());
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem('Notes').getRange('A1').select();
  });
  const rowsBefore = fake.table('ProjectTree')!.rowCount;
  const ribbon = ribbonOn(fake);
  await ribbon.click('createProject');
  expect(ribbon.outcomes[0]).toMatchObject({ kind: 'warning', title: 'Select an order first' });
  expect(fake.table('ProjectTree')!.rowCount).toBe(rowsBefore);
  expect(ribbon.panes).toBe(1);
});

test('Generate invoices dated before the last invoice is refused in one sentence and writes nothing; a preview is not', async () => {
  const fake = await fakeFromXlsx(await billingWorkbook());
  await ribbonOn(fake, '2025-01-31').click('generateInvoices');
  const back = ribbonOn(fake, '2025-01-20');
  await back.click('generateInvoices');
  expect(back.outcomes).toEqual([{
    kind: 'error',
    title: 'Not billed: 2025-01-20 is before the last invoice',
    detail: 'INV-00008 is dated 2025-01-31; new invoices would be numbered after it but dated before it. Bill on or after 2025-01-31. Nothing was written.',
  }]);
  expect(fake.table('Invoices')!.rowCount).toBe(2);
  await back.click('previewInvoices');
  expect(back.outcomes[1].kind).not.toBe('error');
});
