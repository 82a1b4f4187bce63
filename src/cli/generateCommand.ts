/**
 * `psa-billing generate`: bill a workbook file. Reads the file's tables, checks them,
 * bills, writes the result to a new file (or, with --in-place, over the input through a
 * temporary file and a rename). Nothing is written while the workbook has errors.
 */
import {
  backdatedAfter,
  dayFromIso,
  dayFromParts,
  runBilling,
  WorkbookWriteError,
  type BillingResult,
  type Day,
  checkBillingWorkbook,
} from '../engine';
import { formatIssue } from '../schema/readBillingWorkbook';
import { EXIT_DONE, EXIT_WORKBOOK_ERRORS, type CliIo } from './cliIo';
import { cliLines, usageError } from './cliMessages';
import { eInvoicesOfRun, type EInvoices } from '../einvoice/buildEInvoices';
import { jsonSummary } from './jsonSummary';
import { parseGenerateArgs } from './parseGenerateArgs';
import { openWorkbook, outputBeside, resolvePaths, saveWorkbook } from './workbookFile';
import type { XlsxWorkbook } from '../xlsx/XlsxWorkbook';
import { writeEInvoiceFiles } from './writeEInvoices';

/** Engine progress lines at most this often, so a long run shows it is alive without flooding the terminal. */
const PROGRESS_EVERY_MS = 1000;

/**
 * The day a command's `--date` names, or without it today on the machine's clock, in its own
 * time zone. A `--date` that is not a YYYY-MM-DD day is a usage error.
 */
export function dateOption(date: string | undefined, now: Date): Day {
  if (date === undefined) return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
  const parsed = dayFromIso(date);
  if (parsed === undefined) throw usageError('BadDate', date);
  return parsed;
}

/** `<workbook>-billed.xlsx` beside the input. */
export function defaultOutputPath(input: string): string {
  return outputBeside(input, '-billed');
}

function summaryLine(result: BillingResult, output: string): string {
  const numbers = result.invoices.map((i) => i.invoiceNo).filter((n) => n !== '');
  return `${cliLines.RunSummary(result.preview, numbers, result.invoices.length, result.exceptions.length, output)}\n`;
}

/** What became of the e-invoices the customers ask for (Customers or Settings EInvoiceFormat), when any. */
function eInvoiceLine(result: BillingResult, folder: string | undefined, made: EInvoices | undefined): string {
  if (made !== undefined) return `${made.files.length === 0 ? cliLines.NoEInvoiceAsked(folder!) : cliLines.EInvoicesWritten(made.files.length, folder!)}\n`;
  const due = result.preview ? 0 : result.invoices.filter((i) => i.eInvoiceFormat !== undefined && i.invoiceNo !== '').length;
  return due === 0 ? '' : `${cliLines.EInvoicesNotWritten(due)}\n`;
}

export async function runGenerate(argv: string[], io: CliIo): Promise<number> {
  const args = parseGenerateArgs(argv);
  const billingDate = dateOption(args.date, io.now());
  const { input, output } = resolvePaths(args.workbook, args.out, args.inPlace, '-billed');

  io.stderr.write(`${cliLines.Reading(args.workbook)}\n`);
  const book = await openWorkbook(args.workbook, input, output, args.inPlace, io);
  const billed = await billInto(book, args, { input, output, billingDate }, io);
  if (typeof billed === 'number') return billed;
  collectGarbage();
  await saveWorkbook(book, output);
  io.stderr.write(billed.report);
  if (billed.json !== undefined) io.stdout.write(billed.json);
  return EXIT_DONE;
}

type GenerateArgs = ReturnType<typeof parseGenerateArgs>;

/**
 * Frees what billing left behind now, where the command was started with `--expose-gc`
 * (src/cli/main.ts does): a million entries leave half a gigabyte of tables and results that
 * V8 would collect only later, after the file's largest sheet (453 MB) is inflated beside
 * them: peak memory 1.89 GB without, 1.68 GB with (docs/performance.md, fifth round).
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Checks, bills and lays the result out in the workbook (and writes the e-invoices), ready
 * to be saved; returns what to report once it is saved, or the exit code of a run that
 * stops here. The tables as read and the billing result are no longer needed once this
 * returns, so the memory they take is free again while the file is written (a million
 * entries: hundreds of MB).
 */
async function billInto(book: XlsxWorkbook, args: GenerateArgs, run: { input: string; output: string; billingDate: Day }, io: CliIo): Promise<number | { report: string; json: string | undefined }> {
  const { input, output, billingDate } = run;
  const progress = (line: string): void => {
    io.stderr.write(`${line}\n`);
  };
  progress(cliLines.CheckingTables());
  const { workbook, issues } = checkBillingWorkbook(await book.readTables());
  if (!workbook || issues.length > 0) {
    const lines = issues.map(formatIssue);
    for (const line of lines) io.stderr.write(`${line}\n`);
    io.stderr.write(`${cliLines.ErrorsNothingWritten(issues.length, args.workbook)}\n`);
    if (args.json) io.stdout.write(`${JSON.stringify({ workbook: input, output: null, errors: lines }, null, 2)}\n`);
    return EXIT_WORKBOOK_ERRORS;
  }

  // Dates never go backwards with numbers (docs/billing-rules.md section 8); a preview numbers nothing.
  const later = args.preview || args.allowBackdate ? undefined : backdatedAfter(workbook, billingDate);
  if (later !== undefined) {
    const sentence = cliLines.Backdated(billingDate, later.invoiceNo, later.date);
    io.stderr.write(`${sentence}\n${cliLines.NothingWritten()}\n`);
    if (args.json) io.stdout.write(`${JSON.stringify({ workbook: input, output: null, errors: [sentence] }, null, 2)}\n`);
    return EXIT_WORKBOOK_ERRORS;
  }

  progress(cliLines.Billing(args.preview, billingDate));
  let lastProgress = io.now().getTime();
  const result = runBilling(workbook, {
    billingDate,
    preview: args.preview,
    onProgress: (phase, done, total) => {
      const now = io.now().getTime();
      if (now - lastProgress < PROGRESS_EVERY_MS && done < total) return;
      lastProgress = now;
      progress(`  ${cliLines.Step(phase, done, total)}`);
    },
  });

  progress(cliLines.Writing(output));
  try {
    await book.writeResult(result);
  } catch (error) {
    if (!(error instanceof WorkbookWriteError)) throw error;
    io.stderr.write(`${error.message}\n${cliLines.NothingWritten()}\n`);
    if (args.json) io.stdout.write(`${JSON.stringify({ workbook: input, output: null, errors: [error.message] }, null, 2)}\n`);
    return EXIT_WORKBOOK_ERRORS;
  }
  // The e-invoices before the workbook: a folder that cannot be written leaves the workbook unbilled.
  let eInvoices: EInvoices | undefined;
  if (args.einvoices !== undefined) {
    eInvoices = eInvoicesOfRun(result, workbook);
    progress(cliLines.WritingEInvoices(eInvoices.files.length, args.einvoices));
    await writeEInvoiceFiles(args.einvoices, eInvoices.files);
  }

  let report = summaryLine(result, output) + eInvoiceLine(result, args.einvoices, eInvoices);
  for (const warning of result.warnings ?? []) report += `${cliLines.Warning(warning.message, warning.cell)}\n`;
  for (const warning of eInvoices?.warnings ?? []) report += `${cliLines.Warning(warning.message, undefined)}\n`;
  let json: string | undefined;
  if (args.json) {
    const made = eInvoices === undefined ? {} : { eInvoices: { folder: args.einvoices, files: eInvoices.files.map((f) => ({ invoiceNo: f.invoiceNo, name: f.name, syntax: f.syntax })), warnings: eInvoices.warnings.map((w) => w.message) } };
    json = `${JSON.stringify({ ...jsonSummary(result, { workbook: input, output }), ...made }, null, 2)}\n`;
  }
  return { report, json };
}
