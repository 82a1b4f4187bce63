/**
 * Every sentence the schema says to a user, in one place so they read alike: what is
 * wrong, with the value found, and what is expected, in a finance user's words.
 */
import { excelNumber } from './cellParsers';
import type { IssueCode } from './inputIssue';

/** Longest part of a value an issue quotes: a pasted page of text would bury the sentence. */
export const MAX_QUOTED = 80;

/** Text cut to MAX_QUOTED characters, with an ellipsis; never cuts a character in two. */
export function clipText(text: string): string {
  if (text.length <= MAX_QUOTED) return text;
  let end = MAX_QUOTED;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** A cell's value as the user sees it: numbers bare, text in quotes (at most 80 characters of it), dates as YYYY-MM-DD. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return 'blank';
  if (typeof value === 'number') return Number.isFinite(value) ? String(excelNumber(value)) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return 'an invalid date';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
  }
  const text = String(value);
  return text.length <= MAX_QUOTED ? `"${text}"` : `"${clipText(text)}" (${text.length.toLocaleString('en-US')} characters)`;
}

/** What each cell kind accepts, as the end of "... is not ___". */
export const expectedFormat = {
  text: 'text',
  date: 'a date: a date cell, or text like 2025-01-31',
  duration: 'a duration: hours as a number (1.25), or text like 1:15, 75m, 1.25h or 1h 15m',
  money: 'an amount: a number, or text like 1234.50, €1,234.50 or 1 234.50 EUR',
  percent: 'a percentage: 50 %, 0.5 or 50',
  boolean: 'TRUE or FALSE (yes/no, y/n, x or 1/0 work too)',
  number: 'a number',
  integer: 'a whole number',
  period: 'a period: day, week, month, quarter or year, optionally with a count like 2 weeks',
  lineItem: 'a line item reference OrderId/Line, like O-100/10',
  currency: 'a three-letter currency code like EUR',
} as const;
export type FormatKind = keyof typeof expectedFormat;

/** How formatIssue names a row's id, per table ("TimeEntries!F7 (entry E3): ..."). */
export const rowIdLabel: Record<string, string> = {
  Settings: 'setting',
  People: 'person',
  Items: 'item',
  Customers: 'customer',
  Orders: 'order',
  LineItems: 'line',
  ProjectTree: 'node',
  TimeEntries: 'entry',
  Agreements: 'agreement',
  AgreementAdditions: 'agreement',
  PaymentPlan: 'order',
  Invoices: 'invoice',
  InvoiceLines: 'invoice',
  InvoiceEntries: 'invoice',
};

function rows(a: number, b: number): string {
  return `sheet rows ${a} and ${b}`;
}

/** A sentence of the catalogue with the code it is reported under, so the two cannot drift apart. */
export interface IssueSentence {
  code: IssueCode;
  message: string;
}

function said(code: IssueCode, message: string): IssueSentence {
  return { code, message };
}

/**
 * Every input issue's sentence, keyed by its reason; each entry names the IssueCode it is
 * reported under (badCell: the code of the read that failed, BAD_DATE for a date and so on).
 */
export const sentences = {
  badCountry: (value: unknown) => said('BAD_ENUM', `Country ${showValue(value)} is not a two-letter ISO 3166 country code like DE or AT`),
  missingTable: (table: string) => said('MISSING_TABLE', `The workbook has no table named ${table}; add it, it is required`),
  missingOrdersOrAgreements: () =>
    said('MISSING_TABLE', 'The workbook has no table named Orders; add Orders (with LineItems and ProjectTree) to bill projects, or Agreements to bill block-time agreements'),
  missingColumn: (table: string, column: string) => said('MISSING_COLUMN', `Table ${table} has no ${column} column; add a column headed ${column}`),
  missingEitherColumn: (table: string, a: string, b: string) => said('MISSING_COLUMN', `Table ${table} needs a ${a} column or an ${b} column`),
  duplicateColumn: (table: string, column: string) => said('DUPLICATE_COLUMN', `Table ${table} has two ${column} columns; keep only one`),
  lookalikeColumn: (header: string, column: string) =>
    said('LOOKALIKE_COLUMN', `"${clipText(header)}" looks like "${column}"; rename it, or name it something else if it is your own column`),
  required: (column: string) => said('REQUIRED', `${column} is blank; it is required`),
  badCell: (code: IssueCode, column: string, value: unknown, kind: FormatKind) => said(code, `${column} ${showValue(value)} is not ${expectedFormat[kind]}`),
  badEnum: (column: string, value: unknown, words: readonly string[]) =>
    said('BAD_ENUM', `${column} ${showValue(value)} is not one of ${words.join(', ')}`),
  timeCell: (column: string, value: Date) =>
    said('BAD_DURATION', `${column} ${value.toISOString().slice(11, 16)} is a cell formatted as a time; Excel holds it as a fraction of a day, so type the hours as a number (1.25) or as text (1:15)`),
  cellError: (column: string, value: unknown) => said('CELL_ERROR', `${column} shows the Excel error ${String(value).trim()}; correct the formula or the value`),
  notPositive: (column: string, value: unknown) => said('NOT_POSITIVE', `${column} ${showValue(value)} must be above zero`),
  negative: (column: string, value: unknown) => said('NEGATIVE', `${column} ${showValue(value)} must not be negative`),
  percentRange: (column: string, value: unknown) => said('BAD_PERCENT', `${column} ${showValue(value)} must be between 0 % and 100 %`),
  tooManyHours: (column: string, value: unknown, maxHours: number) =>
    said('TOO_LARGE', `${column} ${showValue(value)} is more than ${maxHours.toLocaleString('en-US')} hours, the most one cell may hold`),
  tooMuchMoney: (column: string, value: unknown) =>
    said('TOO_LARGE', `${column} ${showValue(value)} is too large: an amount must be below 1,000,000,000,000`),
  numberTooLarge: (column: string, value: unknown, max: number) =>
    said('TOO_LARGE', `${column} ${showValue(value)} is more than ${max.toLocaleString('en-US')}, the most it may be`),
  hoursPerEntry: (value: unknown, maxHours: string) =>
    said('TOO_LARGE', `Hours ${showValue(value)} is more than ${maxHours} hours on one entry (Settings MaxHoursPerEntry); split the entry, correct it, or raise MaxHoursPerEntry`),
  settingTooLarge: (setting: string, value: unknown, max: string) => said('BAD_SETTING', `Setting ${setting}: ${showValue(value)} is more than ${max}, the most it may be`),
  invoiceSheetNameTooLong: (prefix: string, width: number, max: number) =>
    said('BAD_SETTING', `InvoicePrefix "${clipText(prefix)}" with ${width} digits makes invoice numbers of ${prefix.length + width} characters; invoice sheets are named by their number and Excel allows ${max} characters, so shorten the prefix or the InvoiceNumberWidth`),
  invoicePrefixCharacters: (prefix: string) =>
    said('BAD_SETTING', `InvoicePrefix "${clipText(prefix)}" holds a character Excel does not allow in a sheet name (: \\ / ? * [ ]); invoice sheets are named by their number`),
  duplicateId: (column: string, id: string, firstSheetRow: number, sheetRow: number) =>
    said('DUPLICATE_ID', `${column} ${clipText(id)} is used twice, in ${rows(firstSheetRow, sheetRow)}; each ${column} must be unique`),
  duplicateLine: (orderId: string, line: string, firstSheetRow: number, sheetRow: number) =>
    said('DUPLICATE_ID', `Line ${line} of order ${orderId} appears twice, in ${rows(firstSheetRow, sheetRow)}; each line number must be unique within its order`),
  unknownReference: (column: string, value: unknown, targetTable: string, targetColumn: string) =>
    said('UNKNOWN_REFERENCE', `${column} ${showValue(value)} matches no ${targetColumn} in ${targetTable}`),
  unknownLineItem: (column: string, value: unknown) => said('UNKNOWN_REFERENCE', `${column} ${showValue(value)} matches no line in LineItems (OrderId/Line)`),
  treeCycle: (path: readonly string[]) =>
    said('TREE_CYCLE', `NodeId ${path[0]} is its own ancestor (${path.join(' → ')}); a project tree cannot loop`),
  renewalCycle: (path: readonly string[]) =>
    said('RENEWAL_CYCLE', `Agreement ${path[0]} renews itself (${path.join(' → ')}); RenewalOf must lead back to an earlier agreement`),
  renewedTwiceWithRollover: (predecessor: string, firstSheetRow: number, sheetRow: number) =>
    said('INCONSISTENT', `Agreement ${predecessor} is renewed with Rollover in ${rows(firstSheetRow, sheetRow)}; its balance can roll over only once`),
  nodeOrAgreement: () => said('REQUIRED', 'NodeId and Agreement are both blank; give the project node or the agreement the time was booked on'),
  notBothNodeAndAgreement: () => said('INCONSISTENT', 'Give NodeId or Agreement, not both: time is billed either on a project or under an agreement'),
  parentNodeRequired: (role: string) => said('REQUIRED', `A ${role} order needs a ParentNode: the ProjectTree node its project attaches under`),
  prepaidNeedsRate: () => said('REQUIRED', 'A prepaid agreement needs a Rate, the price per prepaid hour; give one, or set Prepaid to FALSE'),
  amountOrPercent: () => said('REQUIRED', 'An installment needs an Amount or a Percent; both are blank'),
  notBothAmountAndPercent: () => said('INCONSISTENT', 'Give the installment an Amount or a Percent, not both'),
  percentsOver100: (orderId: string, total: string) =>
    said('INCONSISTENT', `The Percent installments of order ${orderId} add up to ${total} % with this row; a payment plan can bill at most 100 % of the order's budget`),
  endBeforeStart: (endColumn: string, end: unknown, startColumn: string, start: unknown) =>
    said('INCONSISTENT', `${endColumn} ${showValue(end)} is before ${startColumn} ${showValue(start)}`),
  periodWithoutCap: (value: unknown) => said('INCONSISTENT', `MaxPer ${showValue(value)} has no MaxBillable to apply to; give the time the period allows, or clear MaxPer`),
  templateRequired: () => said('REQUIRED', 'ProjectCreation Template needs a Template: the name of the subproject template to copy'),
  createAtStatusRequired: () => said('REQUIRED', 'ProjectCreation Individual needs a CreateAtStatus: the status of the order\'s project that creates the work package'),
  badSetting: (setting: string, value: unknown, kind: FormatKind) => said('BAD_SETTING', `Setting ${setting}: ${showValue(value)} is not ${expectedFormat[kind]}`),
  badSettingEnum: (setting: string, value: unknown, words: readonly string[]) =>
    said('BAD_SETTING', `Setting ${setting}: ${showValue(value)} is not one of ${words.join(', ')}`),
  settingNotPositive: (setting: string, value: unknown) => said('BAD_SETTING', `Setting ${setting}: ${showValue(value)} must be above zero`),
  settingNegative: (setting: string, value: unknown) => said('BAD_SETTING', `Setting ${setting}: ${showValue(value)} must not be negative`),
  settingPercentRange: (setting: string, value: unknown) => said('BAD_SETTING', `Setting ${setting}: ${showValue(value)} must be between 0 % and 100 %`),
  unknownPlaceholder: (written: string, suggestion: string | undefined) =>
    said('BAD_PLACEHOLDER', `Unknown placeholder ${clipText(written)}${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}; the placeholders are listed in docs/invoice-documents.md, "The firm's own template"`),
  rowPlaceholderOffRow: (written: string, row: number, repeatedRow: number) =>
    said('BAD_PLACEHOLDER', `${clipText(written)} is on sheet row ${row}, but the row repeated per invoice row is ${repeatedRow}; put every {Row.…} placeholder on one row`),
  unknownSetting: (setting: string, known: readonly string[]) => said('BAD_SETTING', `There is no setting named ${clipText(setting)}; the settings are ${known.join(', ')}`),
};
