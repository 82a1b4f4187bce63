/** Options of `psa-billing generate`, parsed strictly: anything unknown is a usage error. */
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
}

export const GENERATE_USAGE =
  'psa-billing generate <workbook.xlsx> [--out <result.xlsx> | --in-place] [--date YYYY-MM-DD] [--preview] [--json] [--allow-backdate]';

export function parseGenerateArgs(argv: string[]): GenerateArgs {
  const scanned = scanOptions(argv, { '--out': 'value', '--in-place': 'flag', '--date': 'value', '--preview': 'flag', '--json': 'flag', '--allow-backdate': 'flag' });
  return {
    ...outputOptions(scanned),
    workbook: oneWorkbook(scanned.positional, 'Name the workbook to bill.'),
    date: scanned.values.get('--date'),
    preview: scanned.flags.has('--preview'),
    json: scanned.flags.has('--json'),
    allowBackdate: scanned.flags.has('--allow-backdate'),
  };
}
