/**
 * `psa-billing generate`: bill a workbook file. Reads the file's tables, checks them,
 * bills, writes the result to a new file (or, with --in-place, over the input through a
 * temporary file and a rename). Nothing is written while the workbook has errors.
 */
import {
  backdatedAfter,
  dayFromIso,
  dayFromParts,
  isoFromDay,
  runBilling,
  WorkbookWriteError,
  type BillingResult,
  type Day,
  checkBillingWorkbook,
} from '../engine';
import { formatIssue } from '../schema/readBillingWorkbook';
import { EXIT_DONE, EXIT_WORKBOOK_ERRORS, UsageError, type CliIo } from './cliIo';
import { eInvoicesOfRun, type EInvoices } from '../einvoice/buildEInvoices';
import { jsonSummary } from './jsonSummary';
import { parseGenerateArgs } from './parseGenerateArgs';
import { openWorkbook, outputBeside, plural, resolvePaths, saveWorkbook } from './workbookFile';
import { writeEInvoiceFiles } from './writeEInvoices';

/** Engine progress lines at most this often, so a long run shows it is alive without flooding the terminal. */
const PROGRESS_EVERY_MS = 1000;

/** Today on the machine's clock, in its own time zone. */
export function today(now: Date): Day {
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** `<workbook>-billed.xlsx` beside the input. */
export function defaultOutputPath(input: string): string {
  return outputBeside(input, '-billed');
}

/** The one sentence a back-dated run is refused with. */
export function backdateSentence(billingDate: Day, later: { invoiceNo: string; date: Day }): string {
  return `The billing date ${isoFromDay(billingDate)} is before ${isoFromDay(later.date)}, the date of ${later.invoiceNo}, so the new invoices would be numbered after it but dated before it; bill on or after ${isoFromDay(later.date)}, or give --allow-backdate to issue them anyway.`;
}

function summaryLine(result: BillingResult, output: string): string {
  const numbers = result.invoices.map((i) => i.invoiceNo).filter((n) => n !== '');
  const range = numbers.length === 0 ? '' : numbers.length === 1 ? ` (${numbers[0]})` : ` (${numbers[0]} to ${numbers[numbers.length - 1]})`;
  const what = result.preview ? 'Previewed' : 'Billed';
  return `${what} ${plural(result.invoices.length, 'invoice')}${range} and ${plural(result.exceptions.length, 'exception')}; wrote ${output}\n`;
}

/** What became of the e-invoices the customers ask for (Customers or Settings EInvoiceFormat), when any. */
function eInvoiceLine(result: BillingResult, folder: string | undefined, made: EInvoices | undefined): string {
  if (made !== undefined) return made.files.length === 0 ? `No invoice of this run asks for an e-invoice (EInvoiceFormat None); nothing was written to ${folder}\n` : `Wrote ${plural(made.files.length, 'e-invoice')} to ${folder}\n`;
  const due = result.preview ? 0 : result.invoices.filter((i) => i.eInvoiceFormat !== undefined && i.invoiceNo !== '').length;
  return due === 0 ? '' : `${plural(due, 'invoice')} of this run ${due === 1 ? 'asks' : 'ask'} for an e-invoice (Invoices EInvoice); give --einvoices <dir> to write ${due === 1 ? 'it' : 'them'}\n`;
}

export async function runGenerate(argv: string[], io: CliIo): Promise<number> {
  const args = parseGenerateArgs(argv);
  let billingDate = today(io.now());
  if (args.date !== undefined) {
    const parsed = dayFromIso(args.date);
    if (parsed === undefined) throw new UsageError(`--date ${args.date} is not a date; write it as YYYY-MM-DD.`);
    billingDate = parsed;
  }
  const { input, output } = resolvePaths(args.workbook, args.out, args.inPlace, '-billed');
  const progress = (line: string): void => {
    io.stderr.write(`${line}\n`);
  };

  progress(`Reading ${args.workbook}`);
  const book = await openWorkbook(args.workbook, input, output, args.inPlace, io);

  progress('Checking tables');
  const { workbook, issues } = checkBillingWorkbook(await book.readTables());
  if (!workbook || issues.length > 0) {
    const lines = issues.map(formatIssue);
    for (const line of lines) io.stderr.write(`${line}\n`);
    io.stderr.write(`${plural(issues.length, 'error')} in ${args.workbook}; nothing was written.\n`);
    if (args.json) io.stdout.write(`${JSON.stringify({ workbook: input, output: null, errors: lines }, null, 2)}\n`);
    return EXIT_WORKBOOK_ERRORS;
  }

  // Dates never go backwards with numbers (docs/billing-rules.md section 8); a preview numbers nothing.
  const later = args.preview || args.allowBackdate ? undefined : backdatedAfter(workbook, billingDate);
  if (later !== undefined) {
    const sentence = backdateSentence(billingDate, later);
    io.stderr.write(`${sentence}\nNothing was written.\n`);
    if (args.json) io.stdout.write(`${JSON.stringify({ workbook: input, output: null, errors: [sentence] }, null, 2)}\n`);
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
  // The e-invoices before the workbook: a folder that cannot be written leaves the workbook unbilled.
  let eInvoices: EInvoices | undefined;
  if (args.einvoices !== undefined) {
    eInvoices = eInvoicesOfRun(result, workbook);
    progress(`Writing ${plural(eInvoices.files.length, 'e-invoice')} to ${args.einvoices}`);
    await writeEInvoiceFiles(args.einvoices, eInvoices.files);
  }
  await saveWorkbook(book, output);

  io.stderr.write(summaryLine(result, output));
  io.stderr.write(eInvoiceLine(result, args.einvoices, eInvoices));
  for (const warning of result.warnings ?? []) io.stderr.write(`Warning: ${warning.cell === undefined ? '' : `${warning.cell}: `}${warning.message}\n`);
  for (const warning of eInvoices?.warnings ?? []) io.stderr.write(`Warning: ${warning.message}\n`);
  if (args.json) {
    const made = eInvoices === undefined ? {} : { eInvoices: { folder: args.einvoices, files: eInvoices.files.map((f) => ({ invoiceNo: f.invoiceNo, name: f.name, syntax: f.syntax })), warnings: eInvoices.warnings.map((w) => w.message) } };
    io.stdout.write(`${JSON.stringify({ ...jsonSummary(result, { workbook: input, output }), ...made }, null, 2)}\n`);
  }
  return EXIT_DONE;
}
