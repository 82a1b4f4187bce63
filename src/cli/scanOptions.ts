/**
 * The option scanner every command shares: `--name value`, `--name=value`, flags, and `--`
 * ending the options. Strict: an unknown option, a repeated one, a flag given a value or an
 * option missing its value is a usage error. Each command then checks what it needs.
 */
import { usageError } from './cliMessages';

/** Per option: does it take a value? */
export type OptionSpec = Record<string, 'flag' | 'value'>;

export interface ScannedOptions {
  positional: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

export function scanOptions(argv: string[], spec: OptionSpec): ScannedOptions {
  const scanned: ScannedOptions = { positional: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      scanned.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      scanned.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    const kind = spec[name];
    if (kind === undefined) throw usageError('UnknownOption', name);
    if (scanned.flags.has(name) || scanned.values.has(name)) throw usageError('OptionTwice', name);
    if (kind === 'flag') {
      if (inline !== undefined) throw usageError('FlagTakesNoValue', name);
      scanned.flags.add(name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw usageError('OptionNeedsValue', name);
      value = next;
      i++;
    }
    scanned.values.set(name, value);
  }
  return scanned;
}

/** The single workbook argument; `missing` says what the command wants it for. */
export function oneWorkbook(positional: string[], missing: 'NoWorkbook' | 'NoWorkbookToBill'): string {
  if (positional.length === 0) throw usageError(missing);
  if (positional.length > 1) throw usageError('SeveralWorkbooks', positional.slice(1));
  return positional[0];
}

/** `--out` and `--in-place`, which exclude each other. */
export function outputOptions(scanned: ScannedOptions): { out?: string; inPlace: boolean } {
  const out = scanned.values.get('--out');
  if (out === '') throw usageError('OutNeedsName');
  const inPlace = scanned.flags.has('--in-place');
  if (out !== undefined && inPlace) throw usageError('OutWithInPlace');
  return { out, inPlace };
}
