/** Options of `psa-billing create-project`, parsed strictly: anything unknown is a usage error. */
import { UsageError } from './cliIo';

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
  const args: CreateProjectArgs = { workbook: '', all: false, inPlace: false, json: false };
  const positional: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    if (seen.has(name)) throw new UsageError(`${name} is given twice.`);
    seen.add(name);
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`${name} needs a value.`);
      i++;
      return next;
    };
    const noValue = (): void => {
      if (inline !== undefined) throw new UsageError(`${name} takes no value.`);
    };
    switch (name) {
      case '--order':
        args.order = takeValue();
        if (args.order.trim() === '') throw new UsageError('--order needs an OrderId.');
        break;
      case '--all':
        noValue();
        args.all = true;
        break;
      case '--out':
        args.out = takeValue();
        if (args.out === '') throw new UsageError('--out needs a file name.');
        break;
      case '--in-place':
        noValue();
        args.inPlace = true;
        break;
      case '--json':
        noValue();
        args.json = true;
        break;
      default:
        throw new UsageError(`Unknown option ${name}.`);
    }
  }
  if (positional.length === 0) throw new UsageError('Name the workbook.');
  if (positional.length > 1) throw new UsageError(`One workbook at a time; also got ${positional.slice(1).join(' ')}.`);
  if (args.order === undefined && !args.all) throw new UsageError('Say which order: --order <OrderId>, or --all.');
  if (args.order !== undefined && args.all) throw new UsageError('Give either --order or --all, not both.');
  if (args.out !== undefined && args.inPlace) throw new UsageError('Give either --out or --in-place, not both.');
  args.workbook = positional[0];
  return args;
}
