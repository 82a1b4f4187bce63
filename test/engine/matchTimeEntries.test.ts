import { runBilling } from '../../src/engine/runBilling';
import { billOn, workbook } from '../builders/workbook';
import { exceptionsOf, invoiceFor, onlyInvoice, rowsOf } from '../builders/results';

const JANUARY = billOn('2025-01-31');

/** Order O1 with main project P1 and a work package WP1 that has no line of its own. */
const project = () =>
  workbook()
    .order('O1', { invoiceTimes: 'ByTransactions' })
    .node('P1', { order: 'O1' })
    .node('WP1', { parent: 'P1', kind: 'WorkPackage' });

describe('the Volker pitfall (one work package, several people)', () => {
  const withVolkerCollectorOnly = () =>
    project()
      .line('O1/1', { item: 'Hourly rate Volker', price: '120', link: 'MainProject', assignee: 'Volker' })
      .time('E1', { date: '2025-01-06', person: 'Volker', node: 'WP1', hours: 1 })
      .time('E2', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 });

  it("bills Volker's time on his own collector", () => {
    const result = runBilling(withVolkerCollectorOnly().build(), JANUARY);
    expect(rowsOf(onlyInvoice(result))).toEqual([['Hourly rate Volker', '1.00', '120.00', '120.00', 'E1']]);
  });

  it("reports others' time as NoLineItem instead of billing it at Volker's rate", () => {
    const result = runBilling(withVolkerCollectorOnly().build(), JANUARY);
    expect(exceptionsOf(result)).toEqual([['E2', 'NoLineItem', 3600]]);
  });

  it('routes everyone right with a second "the rest" collector, without priorities, whatever the line order', () => {
    const book = project()
      .line('O1/1', { item: 'Hourly rate', price: '90', link: 'MainProject' })
      .line('O1/2', { item: 'Hourly rate Volker', price: '120', link: 'MainProject', assignee: 'Volker' })
      .time('E1', { date: '2025-01-06', person: 'Volker', node: 'WP1', hours: 1 })
      .time('E2', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result))).toEqual([
      ['Hourly rate Volker', '1.00', '120.00', '120.00', 'E1'],
      ['Hourly rate', '1.00', '90.00', '90.00', 'E2'],
    ]);
    expect(result.exceptions).toEqual([]);
  });
});

describe('caps (MaxBillable per MaxPer)', () => {
  const supportCap = () =>
    project().line('O1/1', { item: 'Support', price: '80', link: 'MainProject', max: '45m', per: 'month' });
  const januaryAndFebruary = (b: ReturnType<typeof project>) =>
    b
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: '30m' })
      .time('E2', { date: '2025-01-08', person: 'Anna', node: 'WP1', hours: '30m' })
      .time('E3', { date: '2025-02-03', person: 'Anna', node: 'WP1', hours: '30m' });

  it('splits the entry that crosses 45 minutes a month onto the next line, and starts afresh next month', () => {
    const book = januaryAndFebruary(supportCap().line('O1/2', { item: 'Support extra', price: '100', link: 'MainProject' })).build();
    const invoice = onlyInvoice(runBilling(book, billOn('2025-02-28')));
    expect(rowsOf(invoice)).toEqual([
      ['Support', '0.50', '80.00', '40.00', 'E1'],
      ['Support', '0.25', '80.00', '20.00', 'E2'],
      ['Support extra', '0.25', '100.00', '25.00', 'E2'],
      ['Support', '0.50', '80.00', '40.00', 'E3'],
    ]);
    expect(invoice.net.toFixed(2)).toBe('125.00');
  });

  it('reports the rest nothing takes as OverLimit with its duration', () => {
    const result = runBilling(januaryAndFebruary(supportCap()).build(), billOn('2025-02-28'));
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 900]]);
  });

  it('settles an entry that was partly billed', () => {
    const book = januaryAndFebruary(supportCap()).build();
    const result = runBilling(book, billOn('2025-02-28'));
    expect(result.invoiceNoUpdates.map((u) => u.index)).toEqual([0, 1, 2]);
  });

  it('runs "2 weeks" periods from a Wednesday ValidFrom to the second Tuesday', () => {
    const book = project()
      .line('O1/1', { item: 'Support', price: '80', link: 'MainProject', max: '1h', per: '2 weeks', validFrom: '2025-01-01' })
      .time('E1', { date: '2025-01-01', person: 'Anna', node: 'WP1', hours: '30m' }) // Wednesday: period 1 starts
      .time('E2', { date: '2025-01-14', person: 'Anna', node: 'WP1', hours: '45m' }) // Tuesday: still period 1
      .time('E3', { date: '2025-01-15', person: 'Anna', node: 'WP1', hours: '1h' }) // Wednesday: period 2
      .build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result)).map((r) => [r[1], r[4]])).toEqual([
      ['0.50', 'E1'],
      ['0.50', 'E2'],
      ['1.00', 'E3'],
    ]);
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 900]]);
  });

  it('counts time billed on earlier runs, so a back-dated new entry cannot take its room', () => {
    const book = project()
      .line('O1/1', { item: 'Support', price: '80', link: 'MainProject', max: '1h', per: 'month' })
      .time('E1', { date: '2025-01-10', person: 'Anna', node: 'WP1', hours: '1h', invoiceNo: 'INV-00001' })
      .time('E2', { date: '2025-01-05', person: 'Anna', node: 'WP1', hours: '30m' })
      .build();
    const result = runBilling(book, JANUARY);
    expect(result.invoices).toEqual([]);
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 1800]]);
  });

  it('counts billable (rounded) time against the cap', () => {
    const book = project()
      .settings({ roundUpMinutes: 15 })
      .line('O1/1', { item: 'Support', price: '80', link: 'MainProject', max: '1h', per: 'month' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: '50m' })
      .time('E2', { date: '2025-01-07', person: 'Anna', node: 'WP1', hours: '10m' })
      .build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result))).toEqual([['Support', '1.00', '80.00', '80.00', 'E1']]);
    expect(exceptionsOf(result)).toEqual([['E2', 'OverLimit', 900]]);
  });

  it('lets non-billable time pass a full cap without using it', () => {
    const book = project()
      .line('O1/1', { item: 'Support', price: '80', link: 'MainProject', max: '1h', per: 'month' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: '2h', billable: false })
      .time('E2', { date: '2025-01-07', person: 'Anna', node: 'WP1', hours: '1h' })
      .build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result))).toEqual([['Support', '1.00', '80.00', '80.00', 'E2']]);
    expect(result.exceptions).toEqual([]);
  });
});

describe('which candidate takes the time', () => {
  it('prefers higher Priority over a more specific line', () => {
    const book = project()
      .line('O1/1', { item: 'Hourly rate', price: '90', link: 'MainProject', priority: 1 })
      .line('O1/2', { item: 'Hourly rate Volker', price: '120', link: 'MainProject', assignee: 'Volker' })
      .time('E1', { date: '2025-01-06', person: 'Volker', node: 'WP1', hours: 1 })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))[0][0]).toBe('Hourly rate');
  });

  it('on equal priority prefers a line with Assignee over one with only a Category', () => {
    const book = project()
      .line('O1/1', { item: 'Design', price: '100', link: 'MainProject', category: 'Design' })
      .line('O1/2', { item: 'Volker', price: '120', link: 'MainProject', assignee: 'Volker' })
      .time('E1', { date: '2025-01-06', person: 'Volker', node: 'WP1', hours: 1, category: 'Design' })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))[0][0]).toBe('Volker');
  });

  it('on equal priority prefers a line with Category over one without', () => {
    const book = project()
      .line('O1/1', { item: 'Hourly rate', price: '90', link: 'MainProject' })
      .line('O1/2', { item: 'Design', price: '100', link: 'MainProject', category: 'Design' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'Design' })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))[0][0]).toBe('Design');
  });

  it('falls back to line order when nothing else decides', () => {
    const book = project()
      .line('O1/1', { item: 'First', price: '90', link: 'MainProject' })
      .line('O1/2', { item: 'Second', price: '100', link: 'MainProject' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))[0][0]).toBe('First');
  });

  it('matches Category case-insensitively and refuses other categories', () => {
    const book = project()
      .line('O1/1', { item: 'Design', price: '100', link: 'MainProject', category: 'Design' })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'design' })
      .time('E2', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'Travel' })
      .time('E3', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result)).map((r) => r[4])).toEqual(['E1']);
    expect(exceptionsOf(result)).toEqual([
      ['E2', 'NoLineItem', 3600],
      ['E3', 'NoLineItem', 3600],
    ]);
  });

  it('takes time dated ValidFrom..ValidTo, both ends included, and nothing outside', () => {
    const book = project()
      .line('O1/1', { item: 'Support', price: '100', link: 'MainProject', validFrom: '2025-01-10', validTo: '2025-01-20' })
      .time('E1', { date: '2025-01-09', person: 'Anna', node: 'WP1', hours: 1 })
      .time('E2', { date: '2025-01-10', person: 'Anna', node: 'WP1', hours: 1 })
      .time('E3', { date: '2025-01-20', person: 'Anna', node: 'WP1', hours: 1 })
      .time('E4', { date: '2025-01-21', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result)).map((r) => r[4])).toEqual(['E2', 'E3']);
    expect(exceptionsOf(result).map((e) => e[0])).toEqual(['E1', 'E4']);
  });
});

describe('walking up the project tree', () => {
  /** Main order O1: P1 > S1 (section Build) > WP1 (line O1/2, Dev only); collector O1/1 on P1. */
  const mainOrder = () =>
    workbook()
      .order('O1', { customer: 'Acme', invoiceTimes: 'ByTransactions' })
      .node('P1', { order: 'O1' })
      .node('S1', { parent: 'P1', order: 'O1', section: 'Build' })
      .node('WP1', { parent: 'S1', order: 'O1', lineItem: 'O1/2' })
      .line('O1/1', { item: 'Hourly rate', price: '100', link: 'MainProject' })
      .line('O1/2', { item: 'Development', price: '150', category: 'Dev' });

  it('bills time its work package refuses on the main project collector', () => {
    const book = mainOrder()
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'Meeting' })
      .time('E2', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, category: 'Dev' })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))).toEqual([
      ['Hourly rate', '1.00', '100.00', '100.00', 'E1'],
      ['Development', '1.00', '150.00', '150.00', 'E2'],
    ]);
  });

  /** Extension order O2 attached as subproject X1 under P1, with a collector only for Anna. */
  const withExtension = () =>
    mainOrder()
      .order('O2', { customer: 'Acme', projectRole: 'Subproject', parentNode: 'P1', invoiceTimes: 'ByTransactions' })
      .node('X1', { parent: 'P1', order: 'O2' })
      .line('O2/1', { item: 'Extension rate', price: '130', link: 'MainProject', assignee: 'Anna' })
      .time('E1', { date: '2025-01-06', person: 'Bob', node: 'X1', hours: 1 })
      .time('E2', { date: '2025-01-06', person: 'Anna', node: 'X1', hours: 1 });

  it("bills time the extension order's lines refuse on the main order's invoice", () => {
    const result = runBilling(withExtension().build(), JANUARY);
    expect(rowsOf(invoiceFor(result, 'O1'))).toEqual([['Hourly rate', '1.00', '100.00', '100.00', 'E1']]);
  });

  it("bills time the extension order's lines take on the extension order's invoice", () => {
    const result = runBilling(withExtension().build(), JANUARY);
    expect(rowsOf(invoiceFor(result, 'O2'))).toEqual([['Extension rate', '1.00', '130.00', '130.00', 'E2']]);
  });
});

describe('which entries are billed', () => {
  const oneCollector = () => project().line('O1/1', { item: 'Support', price: '100', link: 'MainProject' });

  it('reports time on a node that is not in the project tree as UnknownNode', () => {
    const book = oneCollector().time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP9', hours: 1 }).build();
    expect(exceptionsOf(runBilling(book, JANUARY))).toEqual([['E1', 'UnknownNode', 3600]]);
  });

  it('never reports non-billable time, even on an unknown node', () => {
    const book = oneCollector().time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP9', hours: 1, billable: false }).build();
    expect(runBilling(book, JANUARY).exceptions).toEqual([]);
  });

  it('never invoices non-billable time', () => {
    const book = oneCollector().time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, billable: false }).build();
    const result = runBilling(book, JANUARY);
    expect(result.invoices).toEqual([]);
    expect(result.invoiceNoUpdates).toEqual([]);
  });

  it('leaves time dated after the billing date for a later run', () => {
    const book = oneCollector()
      .time('E1', { date: '2025-01-31', person: 'Anna', node: 'WP1', hours: 1 })
      .time('E2', { date: '2025-02-01', person: 'Anna', node: 'WP1', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(rowsOf(onlyInvoice(result)).map((r) => r[4])).toEqual(['E1']);
    expect(result.exceptions).toEqual([]);
  });

  it('never bills an entry that already has an InvoiceNo', () => {
    const book = oneCollector().time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: 1, invoiceNo: 'INV-00001' }).build();
    expect(runBilling(book, JANUARY).invoices).toEqual([]);
  });

  it('leaves time under an agreement (without a node) to the agreement, not to an order', () => {
    const book = oneCollector()
      .agreement('A1', { start: '2025-01-01', hours: 10, prepaid: false })
      .time('E1', { date: '2025-01-06', person: 'Anna', agreement: 'A1', hours: 1 })
      .build();
    const result = runBilling(book, JANUARY);
    expect(result.invoices).toEqual([]);
    expect(result.exceptions).toEqual([]);
    expect(result.invoiceNoUpdates).toEqual([{ table: 'TimeEntries', index: 0, invoiceNo: 'A1' }]);
  });

  it('bills the billable (rounded) time: 50 minutes at a 15-minute increment is one hour', () => {
    const book = oneCollector()
      .settings({ roundUpMinutes: 15 })
      .time('E1', { date: '2025-01-06', person: 'Anna', node: 'WP1', hours: '50m' })
      .build();
    expect(rowsOf(onlyInvoice(runBilling(book, JANUARY)))).toEqual([['Support', '1.00', '100.00', '100.00', 'E1']]);
  });
});
