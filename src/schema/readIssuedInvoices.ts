import { sentences } from './issueCatalogue';
import { lineItemKeyOfRef } from './lineItemRef';
import type { IssuedInvoice, IssuedInvoiceEntry, IssuedInvoiceLine, LineItemKey } from './model';
import { IdIndex } from './idIndex';
import type { TableReader } from './tableReader';

/** Invoices written by earlier runs, read back for numbering and the ledger check. Optional table. */
export function readIssuedInvoices(reader: TableReader | undefined): IssuedInvoice[] {
  if (!reader) return [];
  const cInvoiceNo = reader.column('InvoiceNo', true);
  const cDate = reader.column('Date');
  const cSource = reader.column('Source');
  const cKind = reader.column('Kind');
  const cNet = reader.column('Net');
  const cStatus = reader.column('Status');
  const cCustomer = reader.column('Customer');
  const cTax = reader.column('Tax');
  const cGross = reader.column('Gross');
  const cCurrency = reader.column('Currency');
  const cPeriodFrom = reader.column('PeriodFrom');
  const cPeriodTo = reader.column('PeriodTo');
  const seen = new IdIndex(reader.rowCount);
  const invoices = reader.readRows<IssuedInvoice>((row, r) => {
    const invoiceNo = reader.rowIdentity(row, r, cInvoiceNo, seen);
    const date = reader.date(row, r, cDate);
    const source = reader.text(row, r, cSource);
    const kind = reader.text(row, r, cKind);
    const net = reader.money(row, r, cNet, false, 'any');
    const status = reader.text(row, r, cStatus);
    return {
      invoiceNo: invoiceNo!, source, kind, net, date, status, at: reader.source(r),
      customer: reader.text(row, r, cCustomer),
      tax: reader.money(row, r, cTax, false, 'any'),
      gross: reader.money(row, r, cGross, false, 'any'),
      currency: reader.text(row, r, cCurrency),
      periodFrom: reader.date(row, r, cPeriodFrom),
      periodTo: reader.date(row, r, cPeriodTo),
    };
  });
  return invoices;
}

/** Invoice lines written by earlier runs: what a line item already billed (AsBudgeted) and which entries each row billed (the ledger). */
export function readIssuedInvoiceLines(reader: TableReader | undefined): IssuedInvoiceLine[] {
  if (!reader) return [];
  const cInvoiceNo = reader.column('InvoiceNo', true);
  const cRow = reader.column('Row');
  const cDescription = reader.column('Description');
  const cQuantity = reader.column('Quantity');
  const cUnitPrice = reader.column('UnitPrice');
  const cSource = reader.column('Source');
  const cLineItem = reader.column('LineItem');
  const cAmount = reader.column('Amount', true);
  const cEntryIds = reader.column('EntryIds');
  const cItem = reader.column('Item');
  const cPerson = reader.column('Person');
  const cAccount = reader.column('RevenueAccount');
  const lines = reader.readRows<IssuedInvoiceLine>((row, r) => {
    reader.rowId = undefined;
    const invoiceNo = reader.text(row, r, cInvoiceNo, true);
    reader.rowId = invoiceNo;
    const lineItemRef = reader.text(row, r, cLineItem);
    let lineItem: LineItemKey | undefined;
    if (lineItemRef !== undefined) {
      lineItem = lineItemKeyOfRef(lineItemRef);
      if (lineItem === undefined) reader.report(sentences.badCell('UNKNOWN_REFERENCE', 'LineItem', lineItemRef, 'lineItem'), r, cLineItem);
    }
    const amount = reader.money(row, r, cAmount, true, 'any');
    return {
      invoiceNo: invoiceNo!,
      lineItem,
      lineItemRef,
      amount: amount!,
      row: reader.integer(row, r, cRow),
      description: reader.text(row, r, cDescription),
      quantity: reader.money(row, r, cQuantity, false, 'any'),
      unitPrice: reader.money(row, r, cUnitPrice, false, 'any'),
      source: reader.text(row, r, cSource),
      entryIds: reader.text(row, r, cEntryIds),
      item: reader.text(row, r, cItem),
      person: reader.text(row, r, cPerson),
      revenueAccount: reader.text(row, r, cAccount),
      at: reader.source(r),
    };
  });
  return lines;
}

/**
 * The InvoiceEntries table: one row per billed entry per invoice row, written by every real
 * run since it exists (docs/billing-engine.md, "The ledger"). Optional: a workbook billed
 * before it existed keeps its EntryIds lists in InvoiceLines.
 */
export function readIssuedInvoiceEntries(reader: TableReader | undefined): IssuedInvoiceEntry[] | undefined {
  if (!reader) return undefined;
  const cInvoiceNo = reader.column('InvoiceNo', true);
  const cRow = reader.column('Row');
  const cEntryId = reader.column('EntryId', true);
  const cSeconds = reader.column('Seconds');
  const cRecorded = reader.column('RecordedSeconds');
  const cDate = reader.column('Date');
  const cNode = reader.column('NodeId');
  return reader.readRows<IssuedInvoiceEntry>((row, r) => {
    reader.rowId = undefined;
    const invoiceNo = reader.text(row, r, cInvoiceNo, true);
    reader.rowId = invoiceNo;
    const entryId = reader.text(row, r, cEntryId, true);
    return {
      invoiceNo: invoiceNo!,
      row: reader.integer(row, r, cRow),
      entryId: entryId!,
      seconds: reader.integer(row, r, cSeconds, false, 'notNegative'),
      recordedSeconds: reader.integer(row, r, cRecorded, false, 'notNegative'),
      date: reader.date(row, r, cDate),
      nodeId: reader.text(row, r, cNode),
      at: reader.source(r),
    };
  });
}
