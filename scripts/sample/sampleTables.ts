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
    { Setting: 'CompanyName', Value: 'Nordwind Consulting GmbH', 'About this row': 'The seller on every invoice (docs/invoice-documents.md lists every field and the law behind it).' },
    { Setting: 'CompanyAddress', Value: 'Hafenstraße 12\n24103 Kiel\nGermany', 'About this row': 'Several lines in one cell (Alt+Enter between them).' },
    { Setting: 'CompanyVatId', Value: 'DE123456789', 'About this row': 'The VAT identification number every invoice must carry (or CompanyTaxNumber).' },
    { Setting: 'CompanyTaxNumber', Value: '19/294/01234', 'About this row': 'German tax number, printed beside the VAT id.' },
    { Setting: 'CompanyEmail', Value: 'billing@nordwind.example', 'About this row': 'Printed under the seller\'s address.' },
    { Setting: 'CompanyPhone', Value: '+49 431 555 0100' },
    { Setting: 'BankName', Value: 'Förde Sparkasse', 'About this row': 'Payment instructions: bank, IBAN and BIC, with the invoice number as the reference.' },
    { Setting: 'Iban', Value: 'DE02 1203 0000 0000 2020 51' },
    { Setting: 'Bic', Value: 'BYLADEM1001' },
    { Setting: 'PaymentTermsDays', Value: 14, 'About this row': 'Due date = invoice date + 14 days, unless the customer has its own terms (Customers).' },
    { Setting: 'InvoiceFooter', Value: 'Nordwind Consulting GmbH · Managing director Volker Vorstand · Amtsgericht Kiel HRB 12345', 'About this row': 'The last line of every invoice.' },
    { Setting: 'InvoiceTemplate', Value: 'InvoiceTemplate', 'About this row': 'The sheet every invoice sheet is a copy of, its {placeholders} filled (docs/invoice-documents.md). Rename or delete that sheet to get the built-in layout.' },
    { Setting: 'EInvoiceFormat', Value: 'UBL', 'About this row': 'Every invoice is also an EN 16931 e-invoice in UBL, unless the customer asks for another syntax (Customers); psa-billing generate --einvoices <dir> writes them (docs/e-invoices.md).' },
  ],
};

const customers: TableSheet = {
  table: 'Customers',
  columns: [
    { name: 'Customer', kind: 'text' },
    { name: 'LegalName', kind: 'text' },
    { name: 'Address', kind: 'text', width: 28 },
    { name: 'Country', kind: 'text' },
    { name: 'VatId', kind: 'text' },
    { name: 'Email', kind: 'text' },
    { name: 'PaymentTermsDays', kind: 'integer' },
    { name: 'BuyerReference', kind: 'text' },
    { name: 'Language', kind: 'text' },
    { name: 'EInvoiceFormat', kind: 'text' },
    ABOUT,
  ],
  rows: [
    { Customer: 'Nordlicht GmbH', LegalName: 'Nordlicht Medien GmbH', Address: 'Holstenstraße 40\n24103 Kiel', Country: 'DE', VatId: 'DE811111111', Email: 'invoices@nordlicht.example', BuyerReference: 'PO-2026-118', Language: 'en', EInvoiceFormat: 'XRechnung-CII',
      'About this row': 'Customer is the name Orders and Agreements use; LegalName is what the invoice says. BuyerReference is their purchase order. Their e-invoices are XRechnung in CII.' },
    { Customer: 'Alpenblick Hotels AG', Address: 'Seestraße 3\n6370 Kitzbühel', Country: 'AT', VatId: 'ATU12345678', PaymentTermsDays: 30, Language: 'de', EInvoiceFormat: 'CII',
      'About this row': 'Austrian customer: 30 days to pay, invoices in German, e-invoices in CII.' },
    { Customer: 'Brückner Logistik KG', Address: 'Am Hafen 7\n20457 Hamburg', Country: 'DE', VatId: 'DE822222222', Language: 'de' },
    { Customer: 'Ostsee Fähren GmbH', Address: 'Fährweg 1\n23570 Lübeck', Country: 'DE' },
    { Customer: 'Pellworm Energie eG', Address: 'Deichstraße 5\n25849 Pellworm', Country: 'DE' },
    { Customer: 'Quickborn Bau AG', Address: 'Industriestraße 22\n25451 Quickborn', Country: 'DE', BuyerReference: 'BV-7731' },
    { Customer: 'Ratzeburg Verlag GmbH', Address: 'Domhof 9\n23909 Ratzeburg', Country: 'DE' },
    { Customer: 'Rendsburg Kanalservice GmbH', Address: 'Kanalufer 2\n24768 Rendsburg', Country: 'DE' },
    { Customer: 'Sylt Strandhotel KG', Address: 'Strandstraße 1\n25980 Sylt', Country: 'DE', PaymentTermsDays: 7 },
    { Customer: 'Travemünde Marina GmbH', Address: 'Am Fischereihafen 4\n23570 Lübeck', Country: 'DE' },
    { Customer: 'Uetersen Papier AG', Address: 'Mühlenweg 10\n25436 Uetersen', Country: 'DE', VatId: 'DE833333333', BuyerReference: 'EK-55012' },
    { Customer: 'Wedel Yachtbau GmbH', Address: 'Schulauer Hafen 3\n22880 Wedel', Country: 'DE' },
    { Customer: 'Zarrentin Gartenbau KG', Address: 'Seeweg 8\n19246 Zarrentin', Country: 'DE' },
    { Customer: 'Stadtwerke Kiel', LegalName: 'Stadtwerke Kiel AG', Address: 'Uhlenkrog 32\n24113 Kiel', Country: 'DE', VatId: 'DE844444444', Language: 'de' },
    { Customer: 'Hafenmeisterei Lübeck', Address: 'Untertrave 1\n23552 Lübeck', Country: 'DE' },
    { Customer: 'Weingut Rheinhessen', Address: 'Weinbergstraße 4\n55278 Selzen', Country: 'DE' },
    { Customer: 'Bäckerei Hansen', Address: 'Markt 2\n24937 Flensburg', Country: 'DE' },
    { Customer: 'Praxis Dr. Sommer', EInvoiceFormat: 'None',
      'About this row': 'A small practice that takes no e-invoices (None). Its address is still missing on purpose: the run warns that its invoice lacks the buyer\'s address.' },
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
    { name: 'MinProgress', kind: 'percent' },
    { name: 'RequiredStatus', kind: 'text' },
    { name: 'MinimumBilling', kind: 'money' },
    { name: 'SubprojectBasis', kind: 'boolean' },
    { name: 'BillNow', kind: 'boolean' },
    { name: 'InvoiceTimes', kind: 'text' },
    { name: 'Basis', kind: 'text' },
    ABOUT,
  ],
  rows: withDefaults({ SubprojectBasis: false, BillNow: false }, [
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
    {
      OrderId: 'O-1005', Customer: 'Ostsee Fähren GmbH', Agent: 'Anna Berg', ProjectRole: 'MainProject', BillingMode: 'Rules', MinProgress: 0.5,
      'About this row': 'Rules with MinProgress 50 %: the project is 40 % done (budget-weighted from its work packages), so its time waits.',
    },
    {
      OrderId: 'O-1006', Customer: 'Pellworm Energie eG', Agent: 'Anna Berg', ProjectRole: 'MainProject', BillingMode: 'Rules', MinimumBilling: 500,
      'About this row': 'Rules with MinimumBilling 500.00: the 237.50 so far is held back until the invoice reaches the minimum.',
    },
    {
      OrderId: 'O-1007', Customer: 'Quickborn Bau AG', Agent: 'Volker Vorstand', ProjectRole: 'MainProject', BillingMode: 'Rules', RequiredStatus: 'Completed', SubprojectBasis: true,
      'About this row': 'Rules per subproject (SubprojectBasis): each section bills once it is Completed. Planning is, Rollout is not: only Planning\'s time bills.',
    },
    {
      OrderId: 'O-1008', Customer: 'Ratzeburg Verlag GmbH', Agent: 'Anna Berg', ProjectRole: 'MainProject', BillingMode: 'Manual', BillNow: false,
      'About this row': 'Manual: bills only when you set BillNow to TRUE. Not set yet, so its time waits.',
    },
    {
      OrderId: 'O-1009', Customer: 'Rendsburg Kanalservice GmbH', Agent: 'Anna Berg', ProjectRole: 'MainProject', BillingMode: 'Manual', BillNow: true, InvoiceTimes: 'ByGroups',
      'About this row': 'Manual with BillNow TRUE: bills now. One row per item group (ByGroups): Consulting and Engineering.',
    },
    {
      OrderId: 'O-1010', Customer: 'Sylt Strandhotel KG', Agent: 'Volker Vorstand', ProjectRole: 'MainProject', BillingMode: 'PaymentPlan',
      'About this row': 'Fixed price in installments (sheet PaymentPlan): the two installments due by now are invoiced; time is costed, never invoiced.',
    },
    {
      OrderId: 'O-1011', Customer: 'Travemünde Marina GmbH', Agent: 'Anna Berg', ProjectRole: 'MainProject', BillingMode: 'BillingRules',
      'About this row': 'Each line item on its own rule (BillAtStatus, BillAtProgress in LineItems): line 1 bills, line 2 waits.',
    },
    {
      OrderId: 'O-1012', Customer: 'Uetersen Papier AG', Agent: 'Volker Vorstand', ProjectRole: 'MainProject', BillingMode: 'Rules', InvoiceTimes: 'ByItems', Basis: 'AsBudgeted',
      'About this row': 'Basis AsBudgeted: bills the budget by progress (30 % of each line), not the time worked; time is costed only.',
    },
    {
      OrderId: 'O-1013', Customer: 'Wedel Yachtbau GmbH', Agent: 'Anna Berg', ProjectRole: 'MainProject', BillingMode: 'Billed',
      'About this row': 'Billed: the order is closed. New time booked on it is an OrderBilled exception.',
    },
    {
      OrderId: 'O-1014', Customer: 'Zarrentin Gartenbau KG', Agent: 'Anna Berg', ProjectRole: 'MainProject', BillingMode: 'Rules',
      'About this row': 'No project yet: nothing can dock or bill. psa-billing create-project --order O-1014 makes its project.',
    },
  ]),
};

/** Rows with a value in every given column they leave out (FALSE flags shown, not blank). */
function withDefaults(defaults: SampleRow, rows: SampleRow[]): SampleRow[] {
  return rows.map((row) => ({ ...defaults, ...row }));
}

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
    { name: 'BillAtProgress', kind: 'percent' },
    { name: 'BillAtStatus', kind: 'text' },
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
    { OrderId: 'O-1005', Line: 1, Item: 'Consulting', Description: 'Requirements analysis', Quantity: 10, UnitPrice: 120, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'Budget 1,200.00; its work package is 80 % done.' },
    { OrderId: 'O-1005', Line: 2, Item: 'Development', Description: 'Booking app development', Quantity: 24, UnitPrice: 100, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'Budget 2,400.00 at 20 %: the project is (960 + 480) / 3,600 = 40 % done.' },
    { OrderId: 'O-1006', Line: 1, Item: 'Training', Description: 'Operator training', Quantity: 16, UnitPrice: 95, ProjectCreation: 'Auto', Link: 'OriginalLineItem' },
    { OrderId: 'O-1007', Line: 1, Section: 'Planning', Item: 'Consulting', Description: 'Network planning', Quantity: 10, UnitPrice: 120, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'In the Planning subproject (Completed): bills.' },
    { OrderId: 'O-1007', Line: 2, Section: 'Rollout', Item: 'Development', Description: 'Installation and configuration', Quantity: 28, UnitPrice: 100, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'In the Rollout subproject (InProgress): waits.' },
    { OrderId: 'O-1007', Line: 3, Item: 'Project management', Description: 'Project coordination', UnitPrice: 90, ProjectCreation: 'None', Link: 'MainProject', 'About this row': 'Collector on the main project: its time is judged by the subproject the time was booked in.' },
    { OrderId: 'O-1008', Line: 1, Item: 'Design', Description: 'Book series cover design', Quantity: 20, UnitPrice: 110, ProjectCreation: 'Auto', Link: 'OriginalLineItem' },
    { OrderId: 'O-1009', Line: 1, Item: 'Consulting', Description: 'Process workshop', Quantity: 8, UnitPrice: 120, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'Item group Consulting.' },
    { OrderId: 'O-1009', Line: 2, Item: 'Development', Description: 'Interface development', Quantity: 20, UnitPrice: 100, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'Item group Engineering.' },
    { OrderId: 'O-1009', Line: 3, Item: 'Design', Description: 'Screen design', Quantity: 10, UnitPrice: 110, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'Item group Engineering.' },
    { OrderId: 'O-1009', Line: 4, Item: 'Training', Description: 'User training', Quantity: 6, UnitPrice: 95, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'Item group Consulting.' },
    { OrderId: 'O-1010', Line: 1, Item: 'Consulting', Description: 'Concept and design', Quantity: 25, UnitPrice: 120, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'Budget 3,000.00.' },
    { OrderId: 'O-1010', Line: 2, Item: 'Development', Description: 'Booking website', Quantity: 70, UnitPrice: 100, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'Budget 7,000.00: the order\'s budget is 10,000.00, the base of the Percent installments.' },
    { OrderId: 'O-1011', Line: 1, Item: 'Consulting', Description: 'Harbour survey', Quantity: 10, UnitPrice: 120, ProjectCreation: 'Auto', Link: 'OriginalLineItem', BillAtStatus: 'Completed', 'About this row': 'Bills once its work package is Completed: it is.' },
    { OrderId: 'O-1011', Line: 2, Item: 'Development', Description: 'Berth booking system', Quantity: 28, UnitPrice: 100, ProjectCreation: 'Auto', Link: 'OriginalLineItem', BillAtProgress: 0.5, 'About this row': 'Bills from 50 % progress of its work package: it is at 30 %, so it waits.' },
    { OrderId: 'O-1012', Line: 1, Item: 'Development', Description: 'Import interface', Quantity: 20, UnitPrice: 100, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'Budget 2,000.00 at 30 %: bills 600.00.' },
    { OrderId: 'O-1012', Line: 2, Item: 'Development', Description: 'Export interface', Quantity: 12, UnitPrice: 110, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'Budget 1,320.00 at 30 %: bills 396.00, on the same Development row.' },
    { OrderId: 'O-1013', Line: 1, Item: 'Consulting', Description: 'Fleet management concept', Quantity: 16, UnitPrice: 120, ProjectCreation: 'Auto', Link: 'OriginalLineItem' },
    { OrderId: 'O-1014', Line: 1, Item: 'Consulting', Description: 'Garden centre shop concept', Quantity: 10, UnitPrice: 120, ProjectCreation: 'Auto', Link: 'OriginalLineItem', 'About this row': 'Create project makes its work package.' },
    { OrderId: 'O-1014', Line: 2, Item: 'Development', Description: 'Online shop', Quantity: 30, UnitPrice: 100, ProjectCreation: 'Auto', Link: 'OriginalLineItem' },
  ],
};

const paymentPlan: TableSheet = {
  table: 'PaymentPlan',
  columns: [
    { name: 'OrderId', kind: 'text' },
    { name: 'DueDate', kind: 'date' },
    { name: 'Amount', kind: 'money' },
    { name: 'Percent', kind: 'percent' },
    { name: 'Description', kind: 'text' },
    { name: 'InvoiceNo', kind: 'text', width: 12 },
    ABOUT,
  ],
  rows: [
    { OrderId: 'O-1010', DueDate: '2026-10-15', Amount: 1500, Description: 'Down payment on signing', 'About this row': 'A fixed amount, due: invoiced.' },
    { OrderId: 'O-1010', DueDate: '2026-11-30', Percent: 0.35, Description: 'Design approved (35 %)', 'About this row': '35 % of the budget 10,000.00 = 3,500.00, due on the billing date: invoiced.' },
    { OrderId: 'O-1010', DueDate: '2027-02-26', Percent: 0.5, Description: 'Go-live (50 %)', 'About this row': '5,000.00, due later: not yet invoiced.' },
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
    { NodeId: 'P-1005', Name: 'Ostsee ferry booking app', Kind: 'MainProject', OrderId: 'O-1005', Status: 'InProgress' },
    { NodeId: 'P-1005-W1', ParentId: 'P-1005', Name: 'Requirements analysis', Kind: 'WorkPackage', OrderId: 'O-1005', LineItem: 'O-1005/1', Status: 'InProgress', Progress: 0.8 },
    { NodeId: 'P-1005-W2', ParentId: 'P-1005', Name: 'Booking app development', Kind: 'WorkPackage', OrderId: 'O-1005', LineItem: 'O-1005/2', Status: 'InProgress', Progress: 0.2 },
    { NodeId: 'P-1006', Name: 'Pellworm operator training', Kind: 'MainProject', OrderId: 'O-1006', Status: 'InProgress' },
    { NodeId: 'P-1006-W1', ParentId: 'P-1006', Name: 'Operator training', Kind: 'WorkPackage', OrderId: 'O-1006', LineItem: 'O-1006/1', Status: 'InProgress', Progress: 0.15 },
    { NodeId: 'P-1007', Name: 'Quickborn site network', Kind: 'MainProject', OrderId: 'O-1007', Status: 'InProgress' },
    { NodeId: 'P-1007-S1', ParentId: 'P-1007', Name: 'Planning', Kind: 'Subproject', OrderId: 'O-1007', Section: 'Planning', Status: 'Completed', Progress: 1 },
    { NodeId: 'P-1007-W1', ParentId: 'P-1007-S1', Name: 'Network planning', Kind: 'WorkPackage', OrderId: 'O-1007', LineItem: 'O-1007/1', Status: 'Completed', Progress: 1 },
    { NodeId: 'P-1007-S2', ParentId: 'P-1007', Name: 'Rollout', Kind: 'Subproject', OrderId: 'O-1007', Section: 'Rollout', Status: 'InProgress' },
    { NodeId: 'P-1007-W2', ParentId: 'P-1007-S2', Name: 'Installation and configuration', Kind: 'WorkPackage', OrderId: 'O-1007', LineItem: 'O-1007/2', Status: 'InProgress', Progress: 0.5 },
    { NodeId: 'P-1008', Name: 'Ratzeburg book series', Kind: 'MainProject', OrderId: 'O-1008', Status: 'InProgress' },
    { NodeId: 'P-1008-W1', ParentId: 'P-1008', Name: 'Book series cover design', Kind: 'WorkPackage', OrderId: 'O-1008', LineItem: 'O-1008/1', Status: 'InProgress', Progress: 0.25 },
    { NodeId: 'P-1009', Name: 'Rendsburg lock scheduling', Kind: 'MainProject', OrderId: 'O-1009', Status: 'InProgress' },
    { NodeId: 'P-1009-W1', ParentId: 'P-1009', Name: 'Process workshop', Kind: 'WorkPackage', OrderId: 'O-1009', LineItem: 'O-1009/1', Status: 'Completed', Progress: 1 },
    { NodeId: 'P-1009-W2', ParentId: 'P-1009', Name: 'Interface development', Kind: 'WorkPackage', OrderId: 'O-1009', LineItem: 'O-1009/2', Status: 'InProgress', Progress: 0.3 },
    { NodeId: 'P-1009-W3', ParentId: 'P-1009', Name: 'Screen design', Kind: 'WorkPackage', OrderId: 'O-1009', LineItem: 'O-1009/3', Status: 'InProgress', Progress: 0.2 },
    { NodeId: 'P-1009-W4', ParentId: 'P-1009', Name: 'User training', Kind: 'WorkPackage', OrderId: 'O-1009', LineItem: 'O-1009/4', Status: 'InProgress', Progress: 0.3 },
    { NodeId: 'P-1010', Name: 'Sylt booking website', Kind: 'MainProject', OrderId: 'O-1010', Status: 'InProgress' },
    { NodeId: 'P-1010-W1', ParentId: 'P-1010', Name: 'Concept and design', Kind: 'WorkPackage', OrderId: 'O-1010', LineItem: 'O-1010/1', Status: 'Completed', Progress: 1 },
    { NodeId: 'P-1010-W2', ParentId: 'P-1010', Name: 'Booking website', Kind: 'WorkPackage', OrderId: 'O-1010', LineItem: 'O-1010/2', Status: 'InProgress', Progress: 0.2 },
    { NodeId: 'P-1011', Name: 'Travemünde marina booking', Kind: 'MainProject', OrderId: 'O-1011', Status: 'InProgress' },
    { NodeId: 'P-1011-W1', ParentId: 'P-1011', Name: 'Harbour survey', Kind: 'WorkPackage', OrderId: 'O-1011', LineItem: 'O-1011/1', Status: 'Completed', Progress: 1 },
    { NodeId: 'P-1011-W2', ParentId: 'P-1011', Name: 'Berth booking system', Kind: 'WorkPackage', OrderId: 'O-1011', LineItem: 'O-1011/2', Status: 'InProgress', Progress: 0.3 },
    { NodeId: 'P-1012', Name: 'Uetersen ERP interfaces', Kind: 'MainProject', OrderId: 'O-1012', Status: 'InProgress' },
    { NodeId: 'P-1012-W1', ParentId: 'P-1012', Name: 'Import interface', Kind: 'WorkPackage', OrderId: 'O-1012', LineItem: 'O-1012/1', Status: 'InProgress', Progress: 0.3 },
    { NodeId: 'P-1012-W2', ParentId: 'P-1012', Name: 'Export interface', Kind: 'WorkPackage', OrderId: 'O-1012', LineItem: 'O-1012/2', Status: 'InProgress', Progress: 0.3 },
    { NodeId: 'P-1013', Name: 'Wedel fleet management', Kind: 'MainProject', OrderId: 'O-1013', Status: 'Completed' },
    { NodeId: 'P-1013-W1', ParentId: 'P-1013', Name: 'Fleet management concept', Kind: 'WorkPackage', OrderId: 'O-1013', LineItem: 'O-1013/1', Status: 'Completed', Progress: 1 },
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
    // Orders of every billing mode and basis (O-1005 to O-1013; O-1014 has no project to book on)
    entry('E-3051', '2026-11-10', 'Anna Berg', 'P-1005-W1', 4, 'Consulting', 'Requirements workshop', 'Waits: the project is 40 % done, the order bills from 50 %.'),
    entry('E-3052', '2026-11-17', 'Jonas Keller', 'P-1005-W2', 6, 'Development', 'Timetable import', 'Waits like E-3051.'),
    entry('E-3061', '2026-11-19', 'Anna Berg', 'P-1006-W1', 2.5, 'Training', 'Operator training, first session', '2.5 h x 95.00 = 237.50, below the order\'s minimum of 500.00: held back.'),
    entry('E-3071', '2026-10-12', 'Anna Berg', 'P-1007-W1', 6, 'Consulting', 'Site survey and network plan', 'In Planning (Completed): bills at 120.00.'),
    entry('E-3072', '2026-10-13', 'Mia Schulz', 'P-1007-S1', 1, 'Meeting', 'Planning sign-off', 'Booked on Planning itself: the collector O-1007/3 takes it, judged by Planning: bills at 90.00.'),
    entry('E-3073', '2026-11-09', 'Jonas Keller', 'P-1007-W2', 8, 'Development', 'Switch configuration', 'In Rollout (InProgress): waits.'),
    entry('E-3074', '2026-11-10', 'Mia Schulz', 'P-1007-S2', 1, 'Meeting', 'Rollout coordination', 'Collector O-1007/3, judged by Rollout: waits.'),
    entry('E-3081', '2026-11-11', 'Mia Schulz', 'P-1008-W1', 5, 'Design', 'Cover drafts', 'Waits until BillNow is set on O-1008.'),
    entry('E-3091', '2026-11-02', 'Anna Berg', 'P-1009-W1', 3, 'Consulting', 'Lock scheduling workshop', 'Group Consulting.'),
    entry('E-3092', '2026-11-05', 'Jonas Keller', 'P-1009-W2', 6, 'Development', 'Lock sensor interface', 'Group Engineering.'),
    entry('E-3093', '2026-11-06', 'Mia Schulz', 'P-1009-W3', 2, 'Design', 'Dispatcher screen', 'Group Engineering.'),
    entry('E-3094', '2026-11-20', 'Anna Berg', 'P-1009-W4', 2, 'Training', 'Dispatcher training', 'Group Consulting.'),
    entry('E-3101', '2026-10-19', 'Anna Berg', 'P-1010-W1', 4, 'Consulting', 'Design workshop', 'Payment plan order: costed, never invoiced (InvoiceNo stays blank).'),
    entry('E-3102', '2026-11-16', 'Jonas Keller', 'P-1010-W2', 10, 'Development', 'Room booking widget', 'Costed, never invoiced.'),
    entry('E-3111', '2026-10-20', 'Anna Berg', 'P-1011-W1', 6, 'Consulting', 'Survey of berths and jetties', 'Line 1 has reached its BillAtStatus Completed: bills at 120.00.'),
    entry('E-3112', '2026-11-12', 'Jonas Keller', 'P-1011-W2', 9, 'Development', 'Booking calendar', 'Line 2 waits for 50 % progress.'),
    entry('E-3121', '2026-11-03', 'Jonas Keller', 'P-1012-W1', 7, 'Development', 'Import parser', 'AsBudgeted: costed, never invoiced; the budget bills instead.'),
    entry('E-3122', '2026-11-18', 'Jonas Keller', 'P-1012-W2', 3, 'Development', 'Export format', 'Costed, never invoiced.'),
    entry('E-3131', '2026-11-16', 'Anna Berg', 'P-1013-W1', 1.5, 'Consulting', 'Follow-up call after handover', 'The order is Billed (closed): OrderBilled exception.'),
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
  settings, people, items, customers, orders, lineItems, paymentPlan, projectTree, timeEntries, agreements, agreementAdditions,
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
    'Orders (sheets Orders, LineItems, PaymentPlan, ProjectTree): fourteen orders for thirteen customers, an order of every billing mode and basis.',
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
    'The orders of the other billing modes (BillingMode and its criteria in Orders; sheet OrderStatus of the result says per order whether it can bill and why not):',
    '• O-1005 Rules with MinProgress 50 %: the project is 40 % done (budget-weighted from its work packages), so its time waits: "progress 40 % < 50 %".',
    '• O-1006 Rules with MinimumBilling 500.00: the 237.50 of time so far is held back: "net 237.50 < minimum 500.00".',
    '• O-1007 Rules per subproject (SubprojectBasis, RequiredStatus Completed): the Completed Planning section bills (also the collector time booked in it), '
      + 'the Rollout section waits: "Rollout: status InProgress, required Completed".',
    '• O-1008 Manual without BillNow: waits ("BillNow is not set"). O-1009 Manual with BillNow TRUE: bills, one row per item group (ByGroups).',
    '• O-1010 PaymentPlan (sheet PaymentPlan): the down payment of 1,500.00 and the 35 % installment due on 30 November are invoiced, '
      + 'the 50 % due in February is not yet; the time on the order is costed, never invoiced.',
    '• O-1011 BillingRules: line 1 bills once its work package is Completed (it is), line 2 from 50 % progress (it is at 30 %, so it waits).',
    '• O-1012 Basis AsBudgeted: bills 30 % of the budget of each of its two Development lines (600.00 + 396.00) on one row; its time is costed only.',
    '• O-1013 Billed: the order is closed; a new entry booked on it is an OrderBilled exception.',
    '• O-1014 has no project yet, so nothing can dock or bill ("no project yet"). Make it with '
      + 'psa-billing create-project assets/sample.xlsx --order O-1014 --out out/sample-projects.xlsx, or Create project in the add-in.',
    'Invoices a customer can receive: the seller, bank details, payment terms and footer are Settings rows; the sheet Customers gives each customer '
      + 'its legal name, address, VAT id, own payment terms, purchase-order reference and the language of its invoices (en or de). '
      + 'Praxis Dr. Sommer has no Address in Customers on purpose: its invoice shows the name alone, and the run warns that the buyer\'s address is missing.',
    'The firm\'s own invoice layout is the sheet InvoiceTemplate (Settings InvoiceTemplate names it): every invoice sheet is a copy of it with its '
      + '{placeholders} filled, the logo, merged cells and print setup kept, and row 17 (the one holding {Row.…} placeholders) repeated once per invoice row. '
      + 'docs/invoice-documents.md lists every placeholder. Rename or delete the sheet to get the built-in layout.',
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
    'Billed as of ' + SAMPLE_BILLING_DATE + ' you should get 17 invoices, INV-00001 to INV-00017, and 5 exceptions. '
      + 'docs/sample-workbook.md lists every invoice with the figures to check by hand.',
  ],
};
