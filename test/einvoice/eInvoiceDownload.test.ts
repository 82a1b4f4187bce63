import { strFromU8, unzipSync } from 'fflate';
import { eInvoiceDownload } from '../../src/einvoice/eInvoiceDownload';
import type { EInvoiceFile } from '../../src/einvoice/buildEInvoices';

const file = (no: string): EInvoiceFile => ({ invoiceNo: no, name: `${no}.xml`, syntax: 'UBL', xml: `<Invoice>${no} äö</Invoice>` });

test('one e-invoice downloads as its XML file', () => {
  const d = eInvoiceDownload([file('INV-00009')])!;
  expect([d.name, d.type, strFromU8(d.bytes)]).toEqual(['INV-00009.xml', 'application/xml', '<Invoice>INV-00009 äö</Invoice>']);
});

test('several download as one zip holding each file by its name', () => {
  const d = eInvoiceDownload([file('INV-00009'), file('INV-00010')], 'sample-einvoices.zip')!;
  expect([d.name, d.type]).toEqual(['sample-einvoices.zip', 'application/zip']);
  const entries = unzipSync(d.bytes);
  expect(Object.keys(entries)).toEqual(['INV-00009.xml', 'INV-00010.xml']);
  expect(strFromU8(entries['INV-00010.xml'])).toBe('<Invoice>INV-00010 äö</Invoice>');
});

test('none, nothing to download', () => {
  expect(eInvoiceDownload([])).toBeUndefined();
});
