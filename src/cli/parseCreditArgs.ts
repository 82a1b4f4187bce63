/** Options of `psa-billing credit`, parsed strictly: anything unknown is a usage error. */
import { usageError } from './cliMessages';
import { oneWorkbook, outputOptions, scanOptions } from './scanOptions';

export interface CreditArgs {
  workbook: string;
  invoice: string;
  reason?: string;
  /** As typed; checked by the command. */
  date?: string;
  out?: string;
  inPlace: boolean;
  json: boolean;
  allowBackdate: boolean;
  /** The folder the credit note's e-invoice is written to (docs/e-invoices.md). */
  einvoices?: string;
}

export const CREDIT_USAGE =
  'psa-billing credit <workbook.xlsx> --invoice <InvoiceNo> [--reason <text>] [--date YYYY-MM-DD] [--out <result.xlsx> | --in-place] [--json] [--einvoices <dir>] [--allow-backdate]';

export function parseCreditArgs(argv: string[]): CreditArgs {
  const scanned = scanOptions(argv, {
    '--invoice': 'value', '--reason': 'value', '--date': 'value', '--out': 'value', '--in-place': 'flag', '--json': 'flag', '--allow-backdate': 'flag', '--einvoices': 'value',
  });
  const workbook = oneWorkbook(scanned.positional, 'NoWorkbook');
  const invoice = scanned.values.get('--invoice');
  if (invoice === undefined || invoice.trim() === '') throw usageError('NoInvoiceChosen');
  return {
    ...outputOptions(scanned),
    workbook,
    invoice: invoice.trim(),
    reason: scanned.values.get('--reason'),
    date: scanned.values.get('--date'),
    json: scanned.flags.has('--json'),
    allowBackdate: scanned.flags.has('--allow-backdate'),
    einvoices: scanned.values.get('--einvoices'),
  };
}
