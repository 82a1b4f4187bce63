import { sentences } from './issueCatalogue';
import { lineItemKeyOfRef } from './lineItemRef';
import type { IssuedInvoice, IssuedInvoiceLine, LineItemKey } from './model';
import { IdIndex } from './idIndex';
import type { TableReader } from './tableReader';

/** Invoices written by earlier runs, read back for numbering. Optional table. */
export function readIssuedInvoices(reader: TableReader | undefined): IssuedInvoice[] {
  if (!reader) return [];
  const cInvoiceNo = reader.column('InvoiceNo', true);
  const cSource = reader.column('Source');
  const cKind = reader.column('Kind');
  const cNet = reader.column('Net');
  const seen = new IdIndex(reader.rowCount);
  const invoices = reader.readRows<IssuedInvoice>((row, r) => {
    const invoiceNo = reader.rowIdentity(row, r, cInvoiceNo, seen);
    const source = reader.text(row, r, cSource);
    const kind = reader.text(row, r, cKind);
    const net = reader.money(row, r, cNet, false, 'any');
    return { invoiceNo: invoiceNo!, source, kind, net };
  });
  return invoices;
}

/** Invoice lines written by earlier runs, read back so AsBudgeted knows what a line item already billed. */
export function readIssuedInvoiceLines(reader: TableReader | undefined): IssuedInvoiceLine[] {
  if (!reader) return [];
  const cInvoiceNo = reader.column('InvoiceNo', true);
  const cLineItem = reader.column('LineItem');
  const cAmount = reader.column('Amount', true);
  const lines = reader.readRows<IssuedInvoiceLine>((row, r) => {
    reader.rowId = undefined;
    const invoiceNo = reader.text(row, r, cInvoiceNo, true);
    reader.rowId = invoiceNo;
    const lineItemRef = reader.text(row, r, cLineItem);
    let lineItem: LineItemKey | undefined;
    if (lineItemRef !== undefined) {
      lineItem = lineItemKeyOfRef(lineItemRef);
      if (lineItem === undefined) reader.report('UNKNOWN_REFERENCE', r, cLineItem, sentences.badCell('LineItem', lineItemRef, 'lineItem'));
    }
    const amount = reader.money(row, r, cAmount, true, 'any');
    return { invoiceNo: invoiceNo!, lineItem, amount: amount! };
  });
  return lines;
}
