/**
 * What the task pane offers for download (issue 11 item 4): one e-invoice as its XML file,
 * several as one zip of them. Pure: the pane turns it into a Blob and a link.
 */
import { strToU8, zipSync } from 'fflate';
import type { EInvoiceFile } from './buildEInvoices';

export interface Download {
  name: string;
  /** MIME type for the Blob. */
  type: 'application/xml' | 'application/zip';
  bytes: Uint8Array;
}

/** The run's e-invoices as one download; undefined when there are none. `zipName` names the zip of several. */
export function eInvoiceDownload(files: readonly EInvoiceFile[], zipName = 'e-invoices.zip'): Download | undefined {
  if (files.length === 0) return undefined;
  if (files.length === 1) return { name: files[0].name, type: 'application/xml', bytes: strToU8(files[0].xml) };
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.name] = strToU8(f.xml);
  return { name: zipName, type: 'application/zip', bytes: zipSync(entries, { level: 6 }) };
}
