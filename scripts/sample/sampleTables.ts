/**
 * The bundled sample workbook (assets/sample.xlsx) as data. Every row is one case a new
 * finance user should see billed; docs/sample-workbook.md walks through them with the
 * figures the bill must show. To add a case (an order of another billing mode, say), add
 * its rows here, extend the docs, run `npm run sample` and commit both files.
 */
import type { ColumnSpec, SampleRow, TableSheet, TextSheet } from './tableSheets';

/** The demo and the tests bill the sample as of this date, so its output never changes. */
export const SAMPLE_BILLING_DATE = '2026-11-30';

const ABOUT: ColumnSpec = { name: 'About this row', kind: 'text' };

const settings: TableSheet = {
  table: 'Settings',
  columns: [
    { name: 'Setting', kind: 'text' },
    { name: 'Value', kind: 'auto', width: 24 },
    ABOUT,
  ],
  formatOf: (row, column) => (column === 'Value' && row.Setting === 'TaxRate' ? '0%' : column === 'Value' && row.Setting === 'LowBalanceHours' ? '0.00 "h"' : undefined),
  rows: [
    { Setting: 'Currency', Value: 'EUR', 'About this row': 'All amounts in this workbook are euros.' },
    { Setting: 'InvoicePrefix', Value: 'INV-', 'About this row': 'Invoice numbers are INV- plus a running number ...' },
    { Setting: 'InvoiceNumberWidth', Value: 5, 'About this row': '... of five digits: INV-00001.' },
    { Setting: 'TaxRate', Value: 0.19, 'About this row': '19 % VAT on every invoice unless an order says otherwise.' },
    { Setting: 'TimeDescription', Value: 'Professional services', 'About this row': 'Text of the single row when an order shows time as One Row Total.' },
    { Setting: 'InvoiceTimes', Value: 'ByItems', 'About this row': 'Orders with a blank InvoiceTimes show one row per item.' },
    { Setting: 'Basis', Value: 'Actual', 'About this row': 'Bill the time actually worked (not the budget).' },
    { Setting: 'ProjectRevenueAccount', Value: 'Professional Services', 'About this row': 'Revenue account of project time when the item names none.' },
    { Setting: 'AgreementRevenueAccount', Value: 'Managed Services', 'About this row': 'Revenue account of prepaid hours and overage.' },
    { Setting: 'LowBalanceHours', Value: 3, 'About this row': 'An agreement with 3 hours or less left is flagged as low.' },
  ],
};

const people: TableSheet = {
  table: 'People',
  columns: [
    { name: 'Person', kind: 'text' },
    { name: 'CostPerHour', kind: 'money' },
    ABOUT,
  ],
  rows: [
    { Person: 'Volker Vorstand', CostPerHour: 95, 'About this row': 'Managing director; billed at his own hourly rate on the Nordlicht order.' },
    { Person: 'Anna Berg', CostPerHour: 70, 'About this row': 'Consultant.' },
    { Person: 'Jonas Keller', CostPerHour: 60, 'About this row': 'Developer.' },
    { Person: 'Mia Schulz', CostPerHour: 55, 'About this row': 'Designer.' },
    { Person: 'Tom Richter', CostPerHour: 45, 'About this row': 'Support technician: works the support order and the block-time agreements.' },
  ],
};

const items: TableSheet = {
  table: 'Items',
  columns: [
    { name: 'Item', kind: 'text' },
    { name: 'Group', kind: 'text' },
    { name: 'CostPrice', kind: 'money' },
    { name: 'ExtraCost', kind: 'money' },
    { name: 'RevenueAccount', kind: 'text' },
  ],
  rows: [
    { Item: 'Consulting', Group: 'Consulting', CostPrice: 60, ExtraCost: 5 },
    { Item: 'Project management', Group: 'Consulting', CostPrice: 55, ExtraCost: 5 },
    { Item: 'Training', Group: 'Consulting', CostPrice: 50, ExtraCost: 5 },
    { Item: 'Design', Group: 'Engineering', CostPrice: 50, ExtraCost: 5 },
    { Item: 'Development', Group: 'Engineering', CostPrice: 55, ExtraCost: 5 },
    { Item: 'Support', Group: 'Support', CostPrice: 40, ExtraCost: 5, RevenueAccount: 'Support Services' },
  ],
};

const orders: TableSheet = {
  table: 'Orders',
  columns: [
    { name: 'OrderId', kind: 'text' },
    { name: 'Customer', kind: 'text' },
    { name: 'Agent', kind: 'text' },
    { name: 'ProjectRole', kind: 'text' },
    { name: 'ParentNode', kind: 'text' },
    { name: 'BillingMode', kind: 'text' },
    { name: 'InvoiceTimes', kind: 'text' },
    ABOUT,
  ],
  rows: [
    {
      OrderId: 'O-1001', Customer: 'Nordlicht GmbH', Agent: 'Volker Vorstand', ProjectRole: 'MainProject', BillingMode: 'Rules', InvoiceTimes: 'ByItemsPerson',
      'About this row': 'Website relaunch: sections Conception and Implementation, two hourly-rate collectors (Volker / the rest). One row per item and person.',
    },
    {
      OrderId: 'O-1002', Customer: 'Nordlicht GmbH', Agent: 'Volker Vorstand', ProjectRole: 'Subproject', ParentNode: 'P-1001', BillingMode: 'Rules', InvoiceTimes: 'OneRowTotal',
      'About this row': 'Extension order (shop module) attached as a subproject under the relaunch project. Time it refuses runs up to the relaunch collectors. One row in total.',
    },
    {
      OrderId: 'O-1003', Customer: 'Alpenblick Hotels AG', Agent: 'Anna Berg', ProjectRole: 'MainProject', BillingMode: 'Rules', InvoiceTimes: 'ByTransactions',
      'About this row': 'Support: at most 45 minutes a month at the support rate, the rest at the higher rate. One row per transaction.',
    },
    {
      OrderId: 'O-1004', Customer: 'Brückner Logistik KG', Agent: 'Anna Berg', ProjectRole: 'MainProject', BillingMode: 'Rules',
      'About this row': 'Data migration without an hourly-rate collector: time booked beside the work packages has no line item. InvoiceTimes blank = Settings (ByItems).',
    },
  ],
};

const lineItems: TableSheet = {
  table: 'LineItems',
  columns: [
    { name: 'OrderId', kind: 'text' },
    { name: 'Line', kind: 'integer' },
    { name: 'Section', kind: 'text' },
    { name: 'Item', kind: 'text' },
    { name: 'Description', kind: 'text' },
    { name: 'Quantity', kind: 'hours' },
    { name: 'UnitPrice', kind: 'money' },
    { name: 'ProjectCreation', kind: 'text' },
    { name: 'Link', kind: 'text' },
    { name: 'Priority', kind: 'integer' },
    { name: 'MaxBillable', kind: 'hours' },
    { name: 'MaxPer', kind: 'text' },
    { name: 'Category', kind: 'text' },
    { name: 'Assignee', kind: 'text' },
    ABOUT,
  ],
  rows: [
    { OrderId: 'O-1001', Line: 1, Section: 'Conception', Item: 'Consulting', Description: 'Concept workshops', Quantity: 20, UnitPrice: 120, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'Work package P-1001-W1 under the Conception subproject.' },
    { OrderId: 'O-1001', Line: 2, Section: 'Conception', Item: 'Design', Description: 'Wireframes and design', Quantity: 16, UnitPrice: 110, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'Work package P-1001-W2.' },
    { OrderId: 'O-1001', Line: 3, Section: 'Implementation', Item: 'Development', Description: 'Frontend development', Quantity: 60, UnitPrice: 100, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'Work package P-1001-W3 under the Implementation subproject.' },
    { OrderId: 'O-1001', Line: 4, Section: 'Implementation', Item: 'Development', Description: 'Backend development', Quantity: 40, UnitPrice: 100, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'Work package P-1001-W4.' },
    { OrderId: 'O-1001', Line: 5, Item: 'Consulting', Description: 'Hourly rate Volker', UnitPrice: 180, ProjectCreation: 'None', Link: 'MainProject', Assignee: 'Volker Vorstand', 'About this row': 'Collector on the main project: catches only Volker\'s time that no work package takes.' },
    { OrderId: 'O-1001', Line: 6, Item: 'Consulting', Description: 'Hourly rate (the rest)', UnitPrice: 120, ProjectCreation: 'None', Link: 'MainProject', 'About this row': 'Collector for everyone else. Without it their time would be "NoLineItem".' },
    { OrderId: 'O-1001', Line: 7, Section: 'Implementation', Item: 'Project management', Description: 'Implementation coordination', UnitPrice: 90, ProjectCreation: 'None', Link: 'Section', 'About this row': 'Docks on the Implementation subproject: time booked on the subproject itself.' },
    { OrderId: 'O-1002', Line: 1, Item: 'Development', Description: 'Shop module development', Quantity: 24, UnitPrice: 105, ProjectCreation: 'Auto', Link: 'OriginalLineItem', Category: 'Development', 'About this row': 'Takes only Development time; other time runs up to the relaunch collectors.' },
    { OrderId: 'O-1003', Line: 1, Item: 'Support', Description: 'Support hotline, up to 45 minutes a month', UnitPrice: 80, ProjectCreation: 'Auto', Link: 'OriginalLineItem', MaxBillable: 0.75, MaxPer: 'month', 'About this row': 'Cap: 0.75 h = 45 minutes per calendar month. Time beyond it goes on searching.' },
    { OrderId: 'O-1003', Line: 2, Item: 'Support', Description: 'Support beyond the monthly allowance', UnitPrice: 120, ProjectCreation: 'None', Link: 'MainProject', 'About this row': 'Takes the rest of each month\'s support time.' },
    { OrderId: 'O-1004', Line: 1, Section: 'Conception', Item: 'Consulting', Description: 'Analysis of the legacy data', Quantity: 12, UnitPrice: 125, ProjectCreation: 'Auto', Link: 'OriginalLineItem' },
    { OrderId: 'O-1004', Line: 2, Section: 'Implementation', Item: 'Development', Description: 'Migration scripts', Quantity: 40, UnitPrice: 105, ProjectCreation: 'Auto', Link: 'OriginalLineItem' },
    { OrderId: 'O-1004', Line: 3, Section: 'Implementation', Item: 'Training', Description: 'Key-user training', Quantity: 8, UnitPrice: 95, ProjectCreation: 'Auto', Link: 'OriginalLineItem' },
    { OrderId: 'O-1004', Line: 4, Item: 'Project management', Description: 'Steering committee (billed by arrangement)', Quantity: 4, UnitPrice: 90, ProjectCreation: 'None', Link: 'None', 'About this row': 'Link None: no time ever finds this line by itself.' },
  ],
};

const projectTree: TableSheet = {
  table: 'ProjectTree',
  columns: [
    { name: 'NodeId', kind: 'text' },
    { name: 'ParentId', kind: 'text' },
    { name: 'Name', kind: 'text' },
    { name: 'Kind', kind: 'text' },
    { name: 'OrderId', kind: 'text' },
    { name: 'LineItem', kind: 'text' },
    { name: 'Section', kind: 'text' },
    { name: 'Status', kind: 'text' },
    { name: 'Progress', kind: 'percent' },
  ],
  rows: [
    { NodeId: 'P-1001', Name: 'Nordlicht website relaunch', Kind: 'MainProject', OrderId: 'O-1001', Status: 'InProgress' },
    { NodeId: 'P-1001-S1', ParentId: 'P-1001', Name: 'Conception', Kind: 'Subproject', OrderId: 'O-1001', Section: 'Conception', Status: 'Completed', Progress: 1 },
    { NodeId: 'P-1001-W1', ParentId: 'P-1001-S1', Name: 'Concept workshops', Kind: 'WorkPackage', OrderId: 'O-1001', LineItem: 'O-1001/1', Status: 'Completed', Progress: 1 },
    { NodeId: 'P-1001-W2', ParentId: 'P-1001-S1', Name: 'Wireframes and design', Kind: 'WorkPackage', OrderId: 'O-1001', LineItem: 'O-1001/2', Status: 'Completed', Progress: 1 },
    { NodeId: 'P-1001-S2', ParentId: 'P-1001', Name: 'Implementation', Kind: 'Subproject', OrderId: 'O-1001', Section: 'Implementation', Status: 'InProgress' },
    { NodeId: 'P-1001-W3', ParentId: 'P-1001-S2', Name: 'Frontend development', Kind: 'WorkPackage', OrderId: 'O-1001', LineItem: 'O-1001/3', Status: 'InProgress', Progress: 0.5 },
    { NodeId: 'P-1001-W4', ParentId: 'P-1001-S2', Name: 'Backend development', Kind: 'WorkPackage', OrderId: 'O-1001', LineItem: 'O-1001/4', Status: 'InProgress', Progress: 0.3 },
    { NodeId: 'P-1002', ParentId: 'P-1001', Name: 'Shop module (extension)', Kind: 'Subproject', OrderId: 'O-1002', Status: 'InProgress' },
    { NodeId: 'P-1002-W1', ParentId: 'P-1002', Name: 'Shop module development', Kind: 'WorkPackage', OrderId: 'O-1002', LineItem: 'O-1002/1', Status: 'InProgress', Progress: 0.4 },
    { NodeId: 'P-1003', Name: 'Alpenblick support 2026', Kind: 'MainProject', OrderId: 'O-1003', Status: 'InProgress' },
    { NodeId: 'P-1003-W1', ParentId: 'P-1003', Name: 'Support hotline, up to 45 minutes a month', Kind: 'WorkPackage', OrderId: 'O-1003', LineItem: 'O-1003/1', Status: 'InProgress' },
    { NodeId: 'P-1004', Name: 'Brückner data migration', Kind: 'MainProject', OrderId: 'O-1004', Status: 'InProgress' },
    { NodeId: 'P-1004-S1', ParentId: 'P-1004', Name: 'Conception', Kind: 'Subproject', OrderId: 'O-1004', Section: 'Conception', Status: 'Completed', Progress: 1 },
    { NodeId: 'P-1004-W1', ParentId: 'P-1004-S1', Name: 'Analysis of the legacy data', Kind: 'WorkPackage', OrderId: 'O-1004', LineItem: 'O-1004/1', Status: 'Completed', Progress: 1 },
    { NodeId: 'P-1004-S2', ParentId: 'P-1004', Name: 'Implementation', Kind: 'Subproject', OrderId: 'O-1004', Section: 'Implementation', Status: 'InProgress' },
    { NodeId: 'P-1004-W2', ParentId: 'P-1004-S2', Name: 'Migration scripts', Kind: 'WorkPackage', OrderId: 'O-1004', LineItem: 'O-1004/2', Status: 'InProgress', Progress: 0.6 },
    { NodeId: 'P-1004-W3', ParentId: 'P-1004-S2', Name: 'Key-user training', Kind: 'WorkPackage', OrderId: 'O-1004', LineItem: 'O-1004/3', Status: 'InProgress', Progress: 0.5 },
  ],
};

/** Order time, then agreement time; `About this row` says what each entry shows. */
const timeEntries: TableSheet = {
  table: 'TimeEntries',
  columns: [
    { name: 'EntryId', kind: 'text' },
    { name: 'Date', kind: 'date' },
    { name: 'Person', kind: 'text' },
    { name: 'NodeId', kind: 'text' },
    { name: 'Agreement', kind: 'text' },
    { name: 'Hours', kind: 'hours' },
    { name: 'Category', kind: 'text' },
    { name: 'Comment', kind: 'text' },
    { name: 'Billable', kind: 'boolean' },
    { name: 'SeparateRow', kind: 'boolean' },
    { name: 'InvoiceNo', kind: 'text', width: 12 },
    ABOUT,
  ],
  rows: [
    // O-1001 Nordlicht relaunch
    entry('E-1001', '2026-10-05', 'Anna Berg', 'P-1001-W1', 4, 'Consulting', 'Kick-off workshop', 'Work package line O-1001/1 at 120.00.'),
    entry('E-1002', '2026-10-06', 'Mia Schulz', 'P-1001-W2', 6, 'Design', 'Wireframes home page', 'Work package line O-1001/2 at 110.00.'),
    entry('E-1003', '2026-10-07', 'Volker Vorstand', 'P-1001', 2, 'Meeting', 'Steering committee', 'Booked on the main project: Volker\'s collector O-1001/5 at 180.00.'),
    entry('E-1004', '2026-10-07', 'Anna Berg', 'P-1001', 2, 'Meeting', 'Steering committee', 'Same meeting, Anna: "the rest" collector O-1001/6 at 120.00.'),
    entry('E-1005', '2026-10-14', 'Jonas Keller', 'P-1001-W3', 8, 'Development', 'Component library', 'Work package line O-1001/3.'),
    entry('E-1006', '2026-10-21', 'Jonas Keller', 'P-1001-W4', 6.5, 'Development', 'API endpoints', 'Work package line O-1001/4.'),
    entry('E-1007', '2026-10-28', 'Mia Schulz', 'P-1001-S2', 1.5, 'Meeting', 'Sprint planning', 'Booked on the Implementation subproject: the Section line O-1001/7.'),
    entry('E-1008', '2026-11-04', 'Volker Vorstand', 'P-1001', 1.5, 'Meeting', 'Budget review with the customer', 'Volker\'s collector again.'),
    entry('E-1009', '2026-11-05', 'Jonas Keller', 'P-1002-W1', 5, 'Development', 'Shop checkout', 'Extension order line O-1002/1 at 105.00.'),
    entry('E-1010', '2026-11-06', 'Volker Vorstand', 'P-1002-W1', 1, 'Meeting', 'Shop scope meeting', 'Not Development: refused by O-1002/1, runs up the tree to Volker\'s collector on O-1001.'),
    entry('E-1011', '2026-11-06', 'Anna Berg', 'P-1002-W1', 1, 'Meeting', 'Shop scope meeting', 'Runs up the same way to "the rest" collector on O-1001.'),
    entry('E-1012', '2026-11-19', 'Jonas Keller', 'P-1002-W1', 3, 'Development', 'Payment provider integration', 'Extension order line O-1002/1.'),
    entry('E-1013', '2026-11-18', 'Jonas Keller', 'P-1001-W5', 2, 'Development', 'Checkout styling', 'Mistyped node (there is no P-1001-W5): UnknownNode exception.'),
    // O-1003 Alpenblick support, capped line
    entry('E-1101', '2026-10-06', 'Tom Richter', 'P-1003-W1', 0.5, 'Support', 'Password reset front desk', '30 minutes, within October\'s 45.'),
    entry('E-1102', '2026-10-20', 'Tom Richter', 'P-1003-W1', 0.5, 'Support', 'Printer driver', 'Only 15 minutes left in October: 15 at 80.00, 15 at 120.00.'),
    entry('E-1103', '2026-11-10', 'Tom Richter', 'P-1003-W1', 1, 'Support', 'Booking system outage', 'New month: 45 minutes at 80.00, 15 at 120.00.'),
    // O-1004 Brückner migration
    entry('E-1201', '2026-10-08', 'Anna Berg', 'P-1004-W1', 5, 'Consulting', 'Analysis of legacy data', 'Line O-1004/1 at 125.00.'),
    entry('E-1202', '2026-10-15', 'Jonas Keller', 'P-1004-W2', 7, 'Development', 'Migration scripts customers', 'Line O-1004/2 at 105.00.'),
    { ...entry('E-1203', '2026-10-22', 'Jonas Keller', 'P-1004-W2', 3, 'Development', 'Go-live weekend support', 'SeparateRow: its own invoice row "Development: Go-live weekend support".'), SeparateRow: true },
    entry('E-1204', '2026-10-29', 'Anna Berg', 'P-1004', 1.5, 'Meeting', 'Steering committee', 'Nothing docked on the main project (line 4 is Link None): NoLineItem.'),
    entry('E-1205', '2026-11-03', 'Mia Schulz', 'P-1004-S2', 2, 'Design', 'Mock-ups for import screens', 'Nothing on the subproject or above: NoLineItem.'),
    entry('E-1206', '2026-11-09', 'Anna Berg', 'P-1004-W3', 4, 'Training', 'Key-user training', 'Line O-1004/3 at 95.00.'),
    { ...entry('E-1207', '2026-11-10', 'Jonas Keller', 'P-1004-W2', 2, 'Development', 'Fixing our own bug', 'Not billable: costed on the order, never invoiced.'), Billable: false },
    entry('E-1208', '2026-11-16', 'Jonas Keller', 'P-1004-W2', 4, 'Development', 'Delta migration', 'Line O-1004/2 at 105.00.'),
    // Block-time agreements
    ticket('E-2001', '2026-10-05', 'Tom Richter', 'AG-101', 2, 'Remote support', 'Firewall rule change', 'Covered by the block.'),
    ticket('E-2002', '2026-10-19', 'Tom Richter', 'AG-101', 3, 'Remote support', 'Server patching', 'Covered by the block.'),
    ticket('E-2003', '2026-11-03', 'Anna Berg', 'AG-101', 1.5, 'Remote support', 'User training via video call', 'Covered by the block.'),
    ticket('E-2004', '2026-11-11', 'Tom Richter', 'AG-101', 2, 'Onsite', 'Onsite switch replacement', 'Onsite is excluded from AG-101: billed at the overage rate 130.00.'),
    ticket('E-2101', '2026-10-07', 'Tom Richter', 'AG-102', 4, 'Remote support', 'Network outage harbour office', 'Covered.'),
    ticket('E-2102', '2026-10-21', 'Tom Richter', 'AG-102', 4, 'Remote support', 'Mail migration', 'Covered.'),
    ticket('E-2103', '2026-11-12', 'Tom Richter', 'AG-102', 3, 'Remote support', 'Backup restore', 'Only 2 h left: 2 h covered, 1 h beyond the block at 115.00.'),
    ticket('E-2201', '2026-10-16', 'Tom Richter', 'AG-103', 2.5, 'Remote support', 'Practice software update', 'Covered.'),
    ticket('E-2202', '2026-11-04', 'Tom Richter', 'AG-103', 3, 'Remote support', 'New workstation setup', 'Covered.'),
    ticket('E-2203', '2026-11-18', 'Anna Berg', 'AG-103', 1, 'Remote support', 'Printer configuration', 'Covered; 1.5 h left, below the agreement\'s 2 h threshold.'),
    ticket('E-2301', '2026-09-15', 'Tom Richter', 'AG-104', 3, 'Remote support', 'Vineyard sensor setup', 'Covered by the old block.'),
    ticket('E-2302', '2026-10-13', 'Tom Richter', 'AG-104', 4, 'Remote support', 'Shop server migration', 'Covered; 3 h of the old block are left on 31 October.'),
    ticket('E-2303', '2026-11-05', 'Tom Richter', 'AG-105', 2, 'Remote support', 'Label printer support', 'Renewal: uses the 3 rolled-over hours first.'),
    ticket('E-2304', '2026-11-20', 'Tom Richter', 'AG-105', 1.5, 'Remote support', 'Wi-Fi in the tasting room', 'Renewal.'),
    ticket('E-2401', '2026-11-09', 'Tom Richter', 'AG-106', 1, 'Remote support', 'Cash register network', 'AG-106 is cancelled: AgreementInactive exception.'),
  ],
};

function entry(id: string, date: string, person: string, node: string, hours: number, category: string, comment: string, about: string): SampleRow {
  return { EntryId: id, Date: date, Person: person, NodeId: node, Hours: hours, Category: category, Comment: comment, Billable: true, SeparateRow: false, 'About this row': about };
}

function ticket(id: string, date: string, person: string, agreement: string, hours: number, category: string, comment: string, about: string): SampleRow {
  return { EntryId: id, Date: date, Person: person, Agreement: agreement, Hours: hours, Category: category, Comment: comment, Billable: true, SeparateRow: false, 'About this row': about };
}

const agreements: TableSheet = {
  table: 'Agreements',
  columns: [
    { name: 'AgreementId', kind: 'text' },
    { name: 'Customer', kind: 'text' },
    { name: 'Start', kind: 'date' },
    { name: 'End', kind: 'date' },
    { name: 'Hours', kind: 'hours' },
    { name: 'Rate', kind: 'money' },
    { name: 'OverageRate', kind: 'money' },
    { name: 'ExcludedCategories', kind: 'text' },
    { name: 'LowBalanceHours', kind: 'hours' },
    { name: 'Prepaid', kind: 'boolean' },
    { name: 'Rollover', kind: 'boolean' },
    { name: 'RenewalOf', kind: 'text' },
    { name: 'Status', kind: 'text' },
    { name: 'InvoiceNo', kind: 'text', width: 12 },
    ABOUT,
  ],
  rows: [
    { AgreementId: 'AG-101', Customer: 'Stadtwerke Kiel', Start: '2026-10-01', Hours: 20, Rate: 95, OverageRate: 130, ExcludedCategories: 'Onsite', Prepaid: true, Rollover: false, Status: 'Active', 'About this row': 'Active with plenty left, topped up by 5 h on 2 November; onsite work is not covered.' },
    { AgreementId: 'AG-102', Customer: 'Hafenmeisterei Lübeck', Start: '2026-10-01', Hours: 10, Rate: 90, OverageRate: 115, Prepaid: true, Rollover: false, Status: 'Active', 'About this row': 'Drawn beyond zero: the hour past the block is billed at the overage rate.' },
    { AgreementId: 'AG-103', Customer: 'Praxis Dr. Sommer', Start: '2026-10-15', Hours: 8, Rate: 100, LowBalanceHours: 2, Prepaid: true, Rollover: false, Status: 'Active', 'About this row': 'Low balance: 1.5 h left, at or below its own threshold of 2 h.' },
    { AgreementId: 'AG-104', Customer: 'Weingut Rheinhessen', Start: '2026-09-01', End: '2026-10-31', Hours: 10, Rate: 90, Prepaid: true, Rollover: false, Status: 'Active', 'About this row': 'Ended 31 October with 3 h unused; they roll over to AG-105.' },
    { AgreementId: 'AG-105', Customer: 'Weingut Rheinhessen', Start: '2026-11-01', Hours: 10, Rate: 95, Prepaid: true, Rollover: true, RenewalOf: 'AG-104', Status: 'Active', 'About this row': 'Renewal of AG-104 with rollover: 10 h new plus 3 h carried over.' },
    { AgreementId: 'AG-106', Customer: 'Bäckerei Hansen', Start: '2026-10-01', Hours: 5, Rate: 90, Prepaid: true, Rollover: false, Status: 'Cancelled', 'About this row': 'Cancelled: no prepaid invoice, time booked under it is an exception.' },
  ],
};

const agreementAdditions: TableSheet = {
  table: 'AgreementAdditions',
  columns: [
    { name: 'AgreementId', kind: 'text' },
    { name: 'Date', kind: 'date' },
    { name: 'Hours', kind: 'hours' },
    { name: 'Rate', kind: 'money' },
    { name: 'Note', kind: 'text' },
    { name: 'InvoiceNo', kind: 'text', width: 12 },
  ],
  rows: [
    { AgreementId: 'AG-101', Date: '2026-11-02', Hours: 5, Note: 'Top-up ordered by the customer (blank Rate = the agreement\'s 95.00)' },
  ],
};

export const SAMPLE_TABLES: TableSheet[] = [
  settings, people, items, orders, lineItems, projectTree, timeEntries, agreements, agreementAdditions,
];

export const README_SHEET: TextSheet = {
  name: 'Read me',
  lines: [
    '# PSA Billing for Excel: sample workbook',
    'This workbook is a small, complete example of what the billing engine reads. Every input lives in an Excel table '
      + '(Insert > Table) on its own sheet; the engine finds the tables by name, so you may move or reorder them.',
    'Columns named "About this row" are notes for you: the engine ignores columns it does not know and leaves them untouched.',
    '',
    '# What it shows',
    'Orders (sheet Orders, LineItems, ProjectTree): four orders for three customers.',
    '• O-1001 Nordlicht GmbH, website relaunch: sections Conception and Implementation become subprojects, each line item a work package. '
      + 'Two hourly-rate collectors on the main project: "Hourly rate Volker" (Assignee Volker Vorstand) takes only Volker\'s time, '
      + '"the rest" everybody else\'s. Invoice shows one row per item and person (ByItemsPerson).',
    '• O-1002 Nordlicht GmbH, shop module extension: attached as a subproject under the relaunch. Its line takes only Development time; '
      + 'a meeting booked there runs up the project tree and lands on the relaunch collectors. Invoice shows one row in total (OneRowTotal).',
    '• O-1003 Alpenblick Hotels AG, support: at most 45 minutes a month at 80.00, the rest splits onto the next line at 120.00. '
      + 'Invoice shows one row per transaction (ByTransactions), so you can see each split.',
    '• O-1004 Brückner Logistik KG, data migration: one entry with SeparateRow, one non-billable entry, and two entries no line item takes '
      + '(no collector on this project): they are listed as NoLineItem exceptions. Invoice shows one row per item (the Settings default, ByItems).',
    '• One entry is booked on a node that does not exist (P-1001-W5): it is an UnknownNode exception and does not stop the run.',
    'Block-time agreements (sheets Agreements, AgreementAdditions; time with an Agreement instead of a NodeId):',
    '• AG-101 active with balance, topped up by 5 h, onsite work excluded and billed at the overage rate.',
    '• AG-102 drawn beyond zero: the last entry is split, the hour past the block billed at the overage rate.',
    '• AG-103 low balance (1.5 h left, threshold 2 h).   • AG-104 / AG-105 renewal: 3 unused hours roll over.',
    '• AG-106 cancelled: no prepaid invoice, its time is an AgreementInactive exception.',
    '',
    '# How to bill it',
    'Command line, from the project folder:   npm run demo',
    'or directly:   psa-billing generate assets/sample.xlsx --out out/sample-billed.xlsx --date ' + SAMPLE_BILLING_DATE,
    'In Excel with the add-in: open this file, set the billing date to ' + SAMPLE_BILLING_DATE + ' and run Generate (or Preview first).',
    'The result gets one sheet per invoice plus the tables Invoices, InvoiceLines, AgreementSummary, OrderStatus and BillingExceptions; '
      + 'the InvoiceNo column of every billed entry is filled, so a second run bills nothing twice.',
    'Billed as of ' + SAMPLE_BILLING_DATE + ' you should get 12 invoices, INV-00001 to INV-00012, and 4 exceptions. '
      + 'docs/sample-workbook.md lists every invoice with the figures to check by hand.',
  ],
};
