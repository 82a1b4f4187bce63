/**
 * `psa-billing generate`: bill a workbook file. Reads the file's tables, checks them,
 * bills, writes the result to a new file (or, with --in-place, over the input through a
 * temporary file and a rename). Nothing is written while the workbook has errors.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { BillingResult } from '../engine/billingResult';
import { dayFromIso, dayFromParts, isoFromDay, type Day } from '../engine/day';
import { runBilling } from '../engine/runBilling';
import { formatIssue, readBillingWorkbook } from '../schema/readBillingWorkbook';
import { describeUnsupportedParts } from '../xlsx/findUnsupportedParts';
import { WorkbookWriteError, XlsxWorkbook } from '../xlsx/XlsxWorkbook';
import { EXIT_DONE, EXIT_WORKBOOK_ERRORS, UsageError, type CliIo } from './cliIo';
import { jsonSummary } from './jsonSummary';
import { parseGenerateArgs } from './parseGenerateArgs';

/** Engine progress lines at most this often, so a long run shows it is alive without flooding the terminal. */
const PROGRESS_EVERY_MS = 1000;

/** Today on the machine's clock, in its own time zone. */
function today(now: Date): Day {
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** `<workbook>-billed.xlsx` beside the input. */
export function defaultOutputPath(input: string): string {
  const ext = path.extname(input);
  const base = ext.toLowerCase() === '.xlsx' ? path.basename(input, ext) : path.basename(input);
  return path.join(path.dirname(input), `${base}-billed.xlsx`);
}

/** Writes beside the target, then renames over it: the target is either the old file or the whole new one. */
async function writeAtomically(target: string, bytes: Buffer): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  // A replaced file keeps its permissions.
  const mode = await fs.stat(target).then((s) => s.mode & 0o777, () => undefined);
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx', mode });
    if (mode !== undefined) await fs.chmod(temp, mode);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summaryLine(result: BillingResult, output: string): string {
  const numbers = result.invoices.map((i) => i.invoiceNo).filter((n) => n !== '');
  const range = numbers.length === 0 ? '' : numbers.length === 1 ? ` (${numbers[0]})` : ` (${numbers[0]} to ${numbers[numbers.length - 1]})`;
  const what = result.preview ? 'Previewed' : 'Billed';
  return `${what} ${plural(result.invoices.length, 'invoice')}${range} and ${plural(result.exceptions.length, 'exception')}; wrote ${output}\n`;
}

export async function runGenerate(argv: string[], io: CliIo): Promise<number> {
  const args = parseGenerateArgs(argv);
  let billingDate = today(io.now());
  if (args.date !== undefined) {
    const parsed = dayFromIso(args.date);
    if (parsed === undefined) throw new UsageError(`--date ${args.date} is not a date; write it as YYYY-MM-DD.`);
    billingDate = parsed;
  }
  const input = path.resolve(args.workbook);
  const output = args.inPlace ? input : path.resolve(args.out ?? defaultOutputPath(input));
  if (!args.inPlace && output === input) throw new UsageError('--out names the workbook itself; use --in-place to replace it.');
  const progress = (line: string): void => {
    io.stderr.write(`${line}\n`);
  };

  progress(`Reading ${args.workbook}`);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(input);
  } catch (error) {
    throw new UsageError(`Cannot open ${args.workbook}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  let book: XlsxWorkbook;
  try {
    book = await XlsxWorkbook.load(bytes);
  } catch (error) {
    throw new UsageError(`Cannot open ${args.workbook}: it is not an .xlsx workbook (${(error as Error).message}).`);
  }
  if (book.unsupportedParts.length > 0) {
    const found = describeUnsupportedParts(book.unsupportedParts);
    if (args.inPlace) {
      throw new UsageError(
        `Refusing --in-place: ${args.workbook} holds parts this tool cannot carry through unchanged: ${found}. Write the result to a new file with --out and copy what you need.`,
      );
    }
    io.stderr.write(`Note: ${path.basename(output)} will not carry over these parts of the workbook: ${found}.\n`);
  }

  progress('Checking tables');
  const { workbook, issues } = readBillingWorkbook(await book.readTables());
  if (!workbook || issues.length > 0) {
    const lines = issues.map(formatIssue);
    for (const line of lines) io.stderr.write(`${line}\n`);
    io.stderr.write(`${plural(issues.length, 'error')} in ${args.workbook}; nothing was written.\n`);
    if (args.json) io.stdout.write(`${JSON.stringify({ workbook: input, output: null, errors: lines }, null, 2)}\n`);
    return EXIT_WORKBOOK_ERRORS;
  }

  progress(`${args.preview ? 'Previewing' : 'Billing'} as of ${isoFromDay(billingDate)}`);
  let lastProgress = io.now().getTime();
  const result = runBilling(workbook, {
    billingDate,
    preview: args.preview,
    onProgress: (phase, done, total) => {
      const now = io.now().getTime();
      if (now - lastProgress < PROGRESS_EVERY_MS && done < total) return;
      lastProgress = now;
      progress(`  ${phase}: ${done} of ${total}`);
    },
  });

  progress(`Writing ${output}`);
  try {
    await book.writeResult(result);
  } catch (error) {
    if (!(error instanceof WorkbookWriteError)) throw error;
    io.stderr.write(`${error.message}\nNothing was written.\n`);
    if (args.json) io.stdout.write(`${JSON.stringify({ workbook: input, output: null, errors: [error.message] }, null, 2)}\n`);
    return EXIT_WORKBOOK_ERRORS;
  }
  const outBytes = await book.toBuffer();
  try {
    await writeAtomically(output, outBytes);
  } catch (error) {
    throw new UsageError(`Cannot write ${output}: ${(error as Error).message}.`);
  }

  io.stderr.write(summaryLine(result, output));
  if (args.json) io.stdout.write(`${JSON.stringify(jsonSummary(result, { workbook: input, output }), null, 2)}\n`);
  return EXIT_DONE;
}
