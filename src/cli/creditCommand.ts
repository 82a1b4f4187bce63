/**
 * `psa-billing credit`: cancel an issued invoice with a credit note (docs/billing-rules.md section 8).
 * Reads and checks the tables (the ledger check included), issues the credit note with the
 * next number, marks the original Credited and clears the marks of everything it settled, so
 * the next `generate` bills them again, corrected. Nothing is written while anything is wrong.
 */
import { creditInvoice, isoFromDay, WorkbookWriteError, type CreditResult, checkBillingWorkbook } from '../engine';
import { formatIssue } from '../schema/readBillingWorkbook';
import { EXIT_DONE, EXIT_WORKBOOK_ERRORS, type CliIo } from './cliIo';
import { cliLines } from './cliMessages';
import { dateOption } from './generateCommand';
import { buildEInvoices, type EInvoices } from '../einvoice/buildEInvoices';
import { parseCreditArgs } from './parseCreditArgs';
import { openWorkbook, resolvePaths, saveWorkbook } from './workbookFile';
import { writeEInvoiceFiles } from './writeEInvoices';

function creditSummary(credit: CreditResult, workbook: string, output: string) {
  const note = credit.creditNote;
  const counts: Record<string, number> = {};
  for (const u of credit.invoiceNoUpdates) if (u.invoiceNo === '') counts[u.table] = (counts[u.table] ?? 0) + 1;
  return {
    workbook,
    output,
    creditNote: {
      invoiceNo: note.invoiceNo, date: isoFromDay(note.date), credits: credit.credited.invoiceNo, reason: note.credits?.reason ?? null,
      customer: note.customer, source: note.source, currency: note.currency, rows: note.rows.length,
      net: note.net.toFixed(2), tax: note.tax.toFixed(2), gross: note.gross.toFixed(2),
    },
    cleared: counts,
  };
}

export async function runCredit(argv: string[], io: CliIo): Promise<number> {
  const args = parseCreditArgs(argv);
  const date = dateOption(args.date, io.now());
  const { input, output } = resolvePaths(args.workbook, args.out, args.inPlace, '-credited');
  const fail = (lines: string[]): number => {
    for (const line of lines) io.stderr.write(`${line}\n`);
    io.stderr.write(`${cliLines.NothingWritten()}\n`);
    if (args.json) io.stdout.write(`${JSON.stringify({ workbook: input, output: null, errors: lines }, null, 2)}\n`);
    return EXIT_WORKBOOK_ERRORS;
  };

  io.stderr.write(`${cliLines.Reading(args.workbook)}\n`);
  const book = await openWorkbook(args.workbook, input, output, args.inPlace, io);
  io.stderr.write(`${cliLines.CheckingTables()}\n`);
  const { workbook, issues } = checkBillingWorkbook(await book.readTables());
  if (!workbook || issues.length > 0) return fail([...issues.map(formatIssue), cliLines.ErrorsIn(issues.length, args.workbook)]);

  const outcome = creditInvoice(workbook, { invoiceNo: args.invoice, reason: args.reason, date, allowBackdate: args.allowBackdate });
  if (!outcome.ok) return fail([outcome.error]);
  const credit = outcome.result;

  io.stderr.write(`${cliLines.Writing(output)}\n`);
  try {
    await book.writeCredit(credit);
  } catch (error) {
    if (!(error instanceof WorkbookWriteError)) throw error;
    return fail([error.message]);
  }
  // The credit note's e-invoice before the workbook, as generate does (docs/e-invoices.md).
  let eInvoices: EInvoices | undefined;
  if (args.einvoices !== undefined) {
    eInvoices = buildEInvoices([credit.creditNote], credit.seller, workbook);
    await writeEInvoiceFiles(args.einvoices, eInvoices.files);
  }
  await saveWorkbook(book, output);

  const note = credit.creditNote;
  const cleared = credit.invoiceNoUpdates.filter((u) => u.invoiceNo === '').length;
  const moved = credit.invoiceNoUpdates.length - cleared;
  io.stderr.write(`${cliLines.CreditIssued(note.invoiceNo, credit.credited.invoiceNo, note.gross.toFixed(2), note.currency, cleared, moved, output)}\n`);
  if (eInvoices !== undefined) {
    const folder = args.einvoices!;
    io.stderr.write(`${eInvoices.files.length === 0 ? cliLines.NoCreditEInvoiceAsked(note.customer, folder) : cliLines.CreditEInvoiceWritten(eInvoices.files[0].name, folder)}\n`);
    for (const warning of eInvoices.warnings) io.stderr.write(`${cliLines.Warning(warning.message, undefined)}\n`);
  }
  if (args.json) {
    const made = eInvoices === undefined ? {} : { eInvoices: { folder: args.einvoices, files: eInvoices.files.map((f) => ({ invoiceNo: f.invoiceNo, name: f.name, syntax: f.syntax })), warnings: eInvoices.warnings.map((w) => w.message) } };
    io.stdout.write(`${JSON.stringify({ ...creditSummary(credit, input, output), ...made }, null, 2)}\n`);
  }
  return EXIT_DONE;
}
