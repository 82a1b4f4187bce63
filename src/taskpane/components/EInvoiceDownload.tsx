/**
 * After Generate: the run's e-invoices (issue 11) as one XML file, or a zip of several, for
 * the customers whose EInvoiceFormat asks for one. The e-invoice code loads only when the
 * button is used, so the pane's first load stays small.
 */
import { useState } from 'react';
import { Button, Text } from '@fluentui/react-components';
import type { BilledRun } from '../billing/billingFlow';
import { saveDownload } from '../saveDownload';

/** Invoices of the run whose customer asks for an e-invoice. */
function askingCount(run: BilledRun): number {
  return run.result.preview ? 0 : run.result.invoices.filter((i) => i.eInvoiceFormat !== undefined).length;
}

export function EInvoiceDownload({ run }: { run: BilledRun }) {
  const [note, setNote] = useState<string>();
  const asking = askingCount(run);
  if (asking === 0) return null;
  const download = async () => {
    const [{ eInvoicesOfRun }, { eInvoiceDownload }] = await Promise.all([
      import('../../einvoice/buildEInvoices'),
      import('../../einvoice/eInvoiceDownload'),
    ]);
    const { files, warnings } = eInvoicesOfRun(run.result, run.workbook);
    const file = eInvoiceDownload(files);
    if (file) saveDownload(file.name, file.type, file.bytes);
    setNote(warnings.length > 0 ? `${warnings.length} e-invoice warning${warnings.length === 1 ? '' : 's'}: ${warnings[0].message}` : undefined);
  };
  return (
    <div>
      <Button onClick={() => void download()}>Download {asking === 1 ? 'the e-invoice' : `${asking} e-invoices`}</Button>
      {note && <Text as="p" size={200} role="status">{note}</Text>}
    </div>
  );
}
