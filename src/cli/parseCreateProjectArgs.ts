/** Options of `psa-billing create-project`, parsed strictly: anything unknown is a usage error. */
import { usageError } from './cliMessages';
import { oneWorkbook, outputOptions, scanOptions } from './scanOptions';

export interface CreateProjectArgs {
  workbook: string;
  /** One order, as typed; absent with --all. */
  order?: string;
  all: boolean;
  out?: string;
  inPlace: boolean;
  json: boolean;
}

export const CREATE_PROJECT_USAGE =
  'psa-billing create-project <workbook.xlsx> --order <OrderId> | --all [--out <result.xlsx> | --in-place] [--json]';

export function parseCreateProjectArgs(argv: string[]): CreateProjectArgs {
  const scanned = scanOptions(argv, { '--order': 'value', '--all': 'flag', '--out': 'value', '--in-place': 'flag', '--json': 'flag' });
  const workbook = oneWorkbook(scanned.positional, 'NoWorkbook');
  const order = scanned.values.get('--order');
  if (order !== undefined && order.trim() === '') throw usageError('OrderNeedsId');
  const all = scanned.flags.has('--all');
  if (order === undefined && !all) throw usageError('NoOrderChosen');
  if (order !== undefined && all) throw usageError('OrderWithAll');
  return { ...outputOptions(scanned), workbook, order, all, json: scanned.flags.has('--json') };
}
