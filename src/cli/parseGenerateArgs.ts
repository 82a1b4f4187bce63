/** Options of `psa-billing generate`, parsed strictly: anything unknown is a usage error. */
import { usageError } from './cliMessages';
import { oneWorkbook, outputOptions, scanOptions } from './scanOptions';

export interface GenerateArgs {
  workbook: string;
  out?: string;
  inPlace: boolean;
  /** As typed; checked by the command. */
  date?: string;
  preview: boolean;
  json: boolean;
  /** Bill even when the billing date is before the latest invoice's date. */
  allowBackdate: boolean;
  /** The folder the run's e-invoices are written to (docs/e-invoices.md). */
  einvoices?: string;
}

export const GENERATE_USAGE =
  'psa-billing generate <workbook.xlsx> [--out <result.xlsx> | --in-place] [--date YYYY-MM-DD] [--preview] [--json] [--einvoices <dir>] [--allow-backdate]';

export function parseGenerateArgs(argv: string[]): GenerateArgs {
  const scanned = scanOptions(argv, { '--out': 'value', '--in-place': 'flag', '--date': 'value', '--preview': 'flag', '--json': 'flag', '--allow-backdate': 'flag', '--einvoices': 'value' });
  const einvoices = scanned.values.get('--einvoices');
  if (einvoices !== undefined && scanned.flags.has('--preview')) {
    throw usageError('EInvoicesWithPreview');
  }
  return {
    ...outputOptions(scanned),
    workbook: oneWorkbook(scanned.positional, 'NoWorkbookToBill'),
    date: scanned.values.get('--date'),
    preview: scanned.flags.has('--preview'),
    json: scanned.flags.has('--json'),
    allowBackdate: scanned.flags.has('--allow-backdate'),
    einvoices,
  };
}
