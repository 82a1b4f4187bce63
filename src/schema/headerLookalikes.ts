/**
 * Misspelt headers. A contract column whose header is misspelt is not found, and an
 * optional column not found is silently taken as absent: `Billabel` would bill
 * non-billable time, `Invoice Nr` would bill everything again. So a header that is not a
 * contract column but looks like one the table lacks is an input error naming both.
 *
 * "Looks like" (docs/input-validation.md, "Misspelt headers"), on header keys (headerKey):
 * - a contract column of 8 or more characters: at most 2 edits away (Damerau-Levenshtein:
 *   a letter inserted, dropped, changed, or two neighbours swapped);
 * - 5 to 7 characters: at most 1 edit; shorter (Date, Line, Rate, Net...): never by edits,
 *   so a user's own short column (`Day`, `Note`, `Rates`) does not trip it;
 * - or one of the column's common other names below (`Invoice Nr`, `Inv No`, `Qty`).
 * A header is never flagged when the column it looks like is in the table as well: then it
 * cannot be a misspelling that loses that column, and is taken as the user's own.
 */
import { INVOICE_ENTRIES_COLUMNS, INVOICE_LINES_COLUMNS, INVOICES_COLUMNS } from '../core/outputColumns';
import { sentences } from './issueCatalogue';
import { cellAddress, headerKey } from './rawTable';
import type { TableReader } from './tableReader';

/** Every column the contract names, per table it reads (workbook.md; the registers as the engine writes them). */
export const CONTRACT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  Settings: ['Setting', 'Value'],
  People: ['Person', 'CostPerHour'],
  Items: ['Item', 'Group', 'CostPrice', 'ExtraCost', 'RevenueAccount'],
  Customers: ['Customer', 'LegalName', 'Address', 'Country', 'VatId', 'Email', 'PaymentTermsDays', 'BuyerReference', 'Language'],
  Orders: [
    'OrderId', 'Customer', 'Agent', 'ProjectRole', 'ParentNode', 'BillingMode', 'MinProgress', 'RequiredStatus',
    'MinimumBilling', 'EarliestBillingDate', 'SubprojectBasis', 'BillNow', 'InvoiceTimes', 'Basis', 'TimeDescription', 'TaxRate',
  ],
  LineItems: [
    'OrderId', 'Line', 'Section', 'Item', 'Description', 'Quantity', 'UnitPrice', 'ProjectCreation', 'CreateAtStatus',
    'Template', 'Link', 'Priority', 'MaxBillable', 'MaxPer', 'Category', 'Assignee', 'ValidFrom', 'ValidTo',
    'BillAtProgress', 'BillAtStatus', 'BillFrom',
  ],
  ProjectTree: ['NodeId', 'ParentId', 'Name', 'Kind', 'OrderId', 'LineItem', 'Section', 'Status', 'Progress'],
  TimeEntries: ['EntryId', 'Date', 'Person', 'NodeId', 'Agreement', 'Hours', 'Category', 'Comment', 'Billable', 'SeparateRow', 'InvoiceNo'],
  Agreements: [
    'AgreementId', 'Customer', 'Start', 'End', 'Hours', 'Rate', 'OverageRate', 'ExcludedCategories', 'LowBalanceHours',
    'Prepaid', 'Rollover', 'RenewalOf', 'Status', 'RoundUpMinutes', 'MinimumMinutes', 'InvoiceNo',
  ],
  AgreementAdditions: ['AgreementId', 'Date', 'Hours', 'Rate', 'Note', 'InvoiceNo'],
  PaymentPlan: ['OrderId', 'DueDate', 'Amount', 'Percent', 'Description', 'InvoiceNo'],
  // The registers as the engine writes them, so the lists follow the engine.
  Invoices: INVOICES_COLUMNS.map((c) => c.header),
  InvoiceLines: INVOICE_LINES_COLUMNS.map((c) => c.header),
  InvoiceEntries: INVOICE_ENTRIES_COLUMNS.map((c) => c.header),
};

/**
 * Other names people give a contract column, as header keys. Kept to abbreviations and
 * wordings that can only mean the column, so a user's own column is rarely caught.
 */
export const HEADER_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  InvoiceNo: ['invoicenr', 'invoicenumber', 'invoice#', 'invno', 'invnr', 'inv#', 'invnumber', 'invoiceref'],
  EntryId: ['entry', 'entryno', 'entrynr', 'entrynumber', 'timeentryid', 'id'],
  OrderId: ['order', 'orderno', 'ordernr', 'ordernumber', 'order#'],
  AgreementId: ['agreementno', 'agreementnr', 'agreementnumber'],
  NodeId: ['node', 'nodeno', 'projectnode'],
  Hours: ['hrs', 'hour', 'duration'],
  Quantity: ['qty', 'quant'],
  UnitPrice: ['price', 'unitrate', 'hourlyrate'],
  Rate: ['hourlyrate'],
  Amount: ['amt'],
  Percent: ['pct', 'percentage', '%'],
  Description: ['desc', 'descr'],
  Customer: ['client', 'customername'],
  Person: ['employee', 'consultant'],
  Billable: ['isbillable', 'chargeable'],
  MinimumBilling: ['minbilling', 'minimumbill', 'minimuminvoice', 'minbill'],
  MaxBillable: ['maxhours'],
  DueDate: ['due', 'dueon'],
  Line: ['lineno', 'linenr', 'linenumber'],
};

/** How many edits a header may be from a contract column of this key length and still look like it. */
export function allowedEdits(contractKeyLength: number): number {
  if (contractKeyLength >= 8) return 2;
  if (contractKeyLength >= 5) return 1;
  return 0;
}

/**
 * Damerau-Levenshtein distance (optimal string alignment: insert, delete, change, swap two
 * neighbours), giving up with `max + 1` as soon as it must be above `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/** The contract column of `columns` that `header` looks like without being it, or undefined. */
export function lookalikeColumn(header: string, columns: readonly string[]): string | undefined {
  const key = headerKey(header);
  if (key.length === 0) return undefined;
  const keys = columns.map(headerKey);
  if (keys.includes(key)) return undefined;
  const synonym = columns.find((column) => HEADER_SYNONYMS[column]?.includes(key));
  if (synonym !== undefined) return synonym;
  let best: string | undefined;
  let bestDistance = Infinity;
  columns.forEach((column, i) => {
    const allowed = allowedEdits(keys[i].length);
    if (allowed === 0) return;
    const d = editDistance(key, keys[i], allowed);
    if (d <= allowed && d < bestDistance) {
      best = column;
      bestDistance = d;
    }
  });
  return best;
}

/**
 * Reports every header of the table that looks like a contract column the table lacks,
 * on the header's own cell. Tables the contract does not describe are left alone.
 */
export function reportLookalikeHeaders(reader: TableReader | undefined): void {
  if (!reader) return;
  const columns = CONTRACT_COLUMNS[reader.name];
  if (!columns) return;
  const table = reader.table;
  const present = new Set(table.headers.map((h) => headerKey(h ?? '')));
  table.headers.forEach((header, index) => {
    const column = lookalikeColumn(header ?? '', columns);
    if (column === undefined || present.has(headerKey(column))) return;
    const cell = cellAddress(table.sheet, table.headerRow, table.firstColumn + index);
    reader.tableIssue(sentences.lookalikeColumn(String(header), column), column, cell);
  });
}
