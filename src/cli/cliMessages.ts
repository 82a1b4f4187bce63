/**
 * What the command line says (docs/billing-engine.md, "Messages"; docs/command-line.md): the
 * usage errors (exit 2), each keyed by its reason and picked with `usageError(code, ...facts)`,
 * which also decides whether the usage line follows; and the lines a run writes to standard
 * error (progress, the summary, why nothing was written), `cliLines.…`. The issues a run
 * stops on come from the schema's and the engine's catalogues and are only printed here.
 */
import { isoFromDay, type Day } from '../engine';
import { plural } from '../core/plural';
import { UsageError } from './cliIo';

/** Every usage error of the command line with its sentence. */
export const usageSentences = {
  // How the command was called.
  NoCommand: (): string => 'Name a command.',
  UnknownCommand: (name: string): string => `Unknown command ${name}.`,
  UnknownOption: (option: string): string => `Unknown option ${option}.`,
  OptionTwice: (option: string): string => `${option} is given twice.`,
  FlagTakesNoValue: (option: string): string => `${option} takes no value.`,
  OptionNeedsValue: (option: string): string => `${option} needs a value.`,
  NoWorkbook: (): string => 'Name the workbook.',
  NoWorkbookToBill: (): string => 'Name the workbook to bill.',
  SeveralWorkbooks: (extra: readonly string[]): string => `One workbook at a time; also got ${extra.join(' ')}.`,
  OutNeedsName: (): string => '--out needs a file name.',
  OutWithInPlace: (): string => 'Give either --out or --in-place, not both.',
  OutIsInput: (): string => '--out names the workbook itself; use --in-place to replace it.',
  OutExtension: (out: string, isMacroWorkbook: boolean): string =>
    `--out ${out} must end in .xlsx${isMacroWorkbook ? ' or .xlsm' : ''}, the kind of file the result is.`,
  BadDate: (date: string): string => `--date ${date} is not a date; write it as YYYY-MM-DD.`,
  EInvoicesWithPreview: (): string => '--einvoices and --preview exclude each other: a preview numbers nothing, and an e-invoice needs its number.',
  OrderNeedsId: (): string => '--order needs an OrderId.',
  NoOrderChosen: (): string => 'Say which order: --order <OrderId>, or --all.',
  OrderWithAll: (): string => 'Give either --order or --all, not both.',
  NoInvoiceChosen: (): string => 'Say which invoice to credit: --invoice <InvoiceNo>.',
  /** `sheet`: the Orders table's sheet, when the workbook has one. */
  UnknownOrder: (orderId: string, sheet: string | undefined): string =>
    `--order ${orderId}: there is no order ${orderId} in the Orders table${sheet === undefined ? '' : ` (sheet ${sheet})`}.`,
  // Files: `why` is a plain phrase (fileProblem below, unreadableReason, the system's message).
  CannotOpen: (file: string, why: string): string => `Cannot open ${file}: ${why}.`,
  ReadOnlyInPlace: (file: string): string =>
    `Refusing --in-place: ${file} is read-only; make it writable first, or write the result to a new file with --out.`,
  CannotWrite: (file: string, why: string): string => `Cannot write ${file}: ${why}.`,
  CannotMakeFolder: (folder: string, why: string): string => `Cannot make the e-invoice folder ${folder}: ${why}.`,
};

export type UsageReason = keyof typeof usageSentences;
export type UsageFacts<C extends UsageReason> = Parameters<(typeof usageSentences)[C]>;

/** File problems are one sentence alone: the usage line would only distract from what is wrong with the file. */
const FILE_PROBLEMS: ReadonlySet<UsageReason> = new Set<UsageReason>(['CannotOpen', 'ReadOnlyInPlace', 'CannotWrite', 'CannotMakeFolder']);

/** The usage error of one reason: its sentence, and the usage line after it unless it is a file problem. */
export function usageError<C extends UsageReason>(reason: C, ...facts: UsageFacts<C>): UsageError {
  const message = (usageSentences[reason] as (...args: UsageFacts<C>) => string)(...facts);
  return new UsageError(message, !FILE_PROBLEMS.has(reason));
}

/** A file-system error in plain words: the end of "Cannot open book.xlsx: ___". */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'you are not allowed to read it';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return 'it cannot be read';
}

/** The invoice numbers of a run as the summary names them: ` (INV-1)`, ` (INV-1 to INV-3)`, or nothing. */
function numberRange(numbers: readonly string[]): string {
  if (numbers.length === 0) return '';
  return numbers.length === 1 ? ` (${numbers[0]})` : ` (${numbers[0]} to ${numbers[numbers.length - 1]})`;
}

/** "; 1 entry also on another invoice keeps that number until it is credited too", or nothing. */
function movedMarks(moved: number): string {
  if (moved === 0) return '';
  return moved === 1
    ? '; 1 entry also on another invoice keeps that number until it is credited too'
    : `; ${moved} entries also on other invoices keep those numbers until they are credited too`;
}

/** The lines a command writes to standard error, one per kind (each without its line break). */
export const cliLines = {
  // Progress.
  Reading: (file: string): string => `Reading ${file}`,
  CheckingTables: (): string => 'Checking tables',
  Billing: (isPreview: boolean, billingDate: Day): string => `${isPreview ? 'Previewing' : 'Billing'} as of ${isoFromDay(billingDate)}`,
  /** The engine's progress, `matching: 5000 of 20000` (indented under the line it belongs to). */
  Step: (phase: string, done: number, total: number): string => `${phase}: ${done} of ${total}`,
  CreatingAllProjects: (): string => 'Creating projects for every order',
  CreatingProject: (orderId: string): string => `Creating the project of order ${orderId}`,
  Writing: (file: string): string => `Writing ${file}`,
  WritingEInvoices: (count: number, folder: string): string => `Writing ${plural(count, 'e-invoice')} to ${folder}`,
  // Why nothing was written.
  ErrorsNothingWritten: (count: number, workbook: string): string => `${plural(count, 'error')} in ${workbook}; nothing was written.`,
  ErrorsIn: (count: number, workbook: string): string => `${plural(count, 'error')} in ${workbook}.`,
  NothingWritten: (): string => 'Nothing was written.',
  /** A run dated before the latest invoice (docs/billing-rules.md section 8), refused unless --allow-backdate. */
  Backdated: (billingDate: Day, laterInvoiceNo: string, laterDate: Day): string =>
    `The billing date ${isoFromDay(billingDate)} is before ${isoFromDay(laterDate)}, the date of ${laterInvoiceNo}, so the new invoices would be numbered after it but dated before it; bill on or after ${isoFromDay(laterDate)}, or give --allow-backdate to issue them anyway.`,
  /** A bug, not the user's doing; the input is untouched because writes go through a temporary file. */
  Unexpected: (detail: string): string => `unexpected failure, nothing was written: ${detail}`,
  // What was done.
  RunSummary: (isPreview: boolean, invoiceNos: readonly string[], invoices: number, exceptions: number, output: string): string =>
    `${isPreview ? 'Previewed' : 'Billed'} ${plural(invoices, 'invoice')}${numberRange(invoiceNos)} and ${plural(exceptions, 'exception')}; wrote ${output}`,
  EInvoicesWritten: (count: number, folder: string): string => `Wrote ${plural(count, 'e-invoice')} to ${folder}`,
  NoEInvoiceAsked: (folder: string): string => `No invoice of this run asks for an e-invoice (EInvoiceFormat None); nothing was written to ${folder}`,
  EInvoicesNotWritten: (due: number): string =>
    `${plural(due, 'invoice')} of this run ${due === 1 ? 'asks' : 'ask'} for an e-invoice (Invoices EInvoice); give --einvoices <dir> to write ${due === 1 ? 'it' : 'them'}`,
  ProjectRowsAdded: (rows: number, output: string): string => `Added ${plural(rows, 'ProjectTree row')}; wrote ${output}`,
  CreditIssued: (creditNoteNo: string, creditedNo: string, gross: string, currency: string, cleared: number, moved: number, output: string): string =>
    `Issued credit note ${creditNoteNo} for ${creditedNo} (gross ${gross} ${currency}); cleared ${plural(cleared, 'InvoiceNo mark')}, billed again by the next generate${movedMarks(moved)}; wrote ${output}`,
  CreditEInvoiceWritten: (file: string, folder: string): string => `Wrote ${file} to ${folder}`,
  NoCreditEInvoiceAsked: (customer: string, folder: string): string => `${customer} asks for no e-invoice (EInvoiceFormat None); nothing was written to ${folder}`,
  /** A run's or an e-invoice's warning, with the cell it is about when it has one. */
  Warning: (message: string, cell: string | undefined): string => `Warning: ${cell === undefined ? '' : `${cell}: `}${message}`,
};
