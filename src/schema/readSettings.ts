/**
 * Settings is a key/value table (`Setting`, `Value`). Each setting is declared once below
 * with its cell kind and default; zod applies the defaults and collects every bad value,
 * which is then reported on that setting's Value cell as BAD_SETTING.
 */
import { z } from 'zod';
import { ZERO, type Decimal } from '../core/money';
import {
  INVALID,
  isBlank,
  parseDuration,
  parseEnum,
  parseInteger,
  parseMoney,
  parseNumber,
  parsePercent,
  parseText,
  type Cell,
  type EnumWords,
  type Parsed,
} from './cellParsers';
import { DEFAULT_MAX_HOURS_PER_ENTRY, isMoneyInRange, MAX_DURATION_SECONDS, MAX_HOURS, MAX_MINUTES, MAX_SHEET_NAME } from './bounds';
import { basisWords, eInvoiceFormatWords, invoiceTimesWords } from './enumWords';
import { sentences, type FormatKind, type IssueSentence } from './issueCatalogue';
import type { Settings } from './model';
import { IdIndex } from './idIndex';
import type { ReadContext } from './readContext';
import { headerKey, type RawWorkbook } from './rawTable';
import { TableReader } from './tableReader';

/** What is wrong with a parsed setting: a word for the usual problems, or the largest value allowed, as shown. */
type Check<T> = (value: T) => 'notPositive' | 'negative' | 'outOfRange' | { max: string } | undefined;

/** Hands a setting's sentence to zod, so readSettings reports it as the catalogue says it (code and message). */
function addSentence(ctx: z.RefinementCtx, sentence: IssueSentence): void {
  ctx.addIssue({ code: 'custom', message: sentence.message, params: { sentence } });
}

/** One setting's value: parsed by the cell parser of its kind, then checked. */
function value<T>(name: string, parse: (cell: Cell) => Parsed<T>, kind: FormatKind, check?: Check<T>) {
  return z.custom<Cell>().transform((cell, ctx) => {
    const parsed = parse(cell);
    if (parsed === INVALID || parsed === null) {
      addSentence(ctx, sentences.badSetting(name, cell, kind));
      return z.NEVER;
    }
    const problem = check?.(parsed);
    if (problem !== undefined) {
      const sentence = typeof problem === 'object' ? sentences.settingTooLarge(name, cell, problem.max)
        : problem === 'notPositive' ? sentences.settingNotPositive(name, cell)
          : problem === 'negative' ? sentences.settingNegative(name, cell)
            : sentences.settingPercentRange(name, cell);
      addSentence(ctx, sentence);
      return z.NEVER;
    }
    return parsed;
  });
}

function word<T extends string>(name: string, words: EnumWords<T>) {
  return z.custom<Cell>().transform((cell, ctx) => {
    const parsed = parseEnum(cell, words);
    if (parsed === INVALID || parsed === null) {
      addSentence(ctx, sentences.badSettingEnum(name, cell, words.words));
      return z.NEVER;
    }
    return parsed;
  });
}

function currencyCode(cell: Cell): Parsed<string> {
  const text = parseText(cell);
  if (text === null || text === INVALID) return text;
  return /^[A-Za-z]{3}$/.test(text) ? text.toUpperCase() : INVALID;
}

const positive = (n: number) => (n > 0 ? undefined : 'notPositive' as const);
const notNegative = (n: number) => (n >= 0 ? undefined : 'negative' as const);
const notNegativeMoney = (d: Decimal) => (d.isNegative() ? 'negative' as const : !isMoneyInRange(d) ? { max: '999,999,999,999.99' } : undefined);
const HOURS_LIMIT = { max: `${MAX_HOURS.toLocaleString('en-US')} hours` };
const MINUTES_LIMIT = { max: `${MAX_MINUTES.toLocaleString('en-US')} minutes` };
/** Durations (seconds): not negative (or above zero), at most MAX_HOURS. */
const hoursUpToLimit = (sign: (n: number) => 'notPositive' | 'negative' | undefined) => (n: number) =>
  sign(n) ?? (n > MAX_DURATION_SECONDS ? HOURS_LIMIT : undefined);
const minutesUpToLimit = (n: number) => notNegative(n) ?? (n > MAX_MINUTES ? MINUTES_LIMIT : undefined);
/** Digits of the invoice sequence: a sheet name holds at most 31 characters, prefix included (checked with the prefix below). */
const widthInRange = (n: number) => positive(n) ?? (n > MAX_SHEET_NAME ? { max: String(MAX_SHEET_NAME) } : undefined);
const fraction = (d: Decimal) => (d.isNegative() || d.greaterThan(1) ? 'outOfRange' as const : undefined);

/** The contract's settings: the Setting name a user writes, and its field, kind and default. */
const settingsSchema = z.object({
  currency: value('Currency', currencyCode, 'currency').default('EUR'),
  invoicePrefix: value('InvoicePrefix', parseText, 'text').default('INV-'),
  invoiceNumberWidth: value('InvoiceNumberWidth', parseInteger, 'integer', widthInRange).default(5),
  taxRate: value('TaxRate', parsePercent, 'percent', fraction).default(ZERO),
  timeDescription: value('TimeDescription', parseText, 'text').default('Professional services'),
  invoiceTimes: word('InvoiceTimes', invoiceTimesWords).default('ByItems'),
  basis: word('Basis', basisWords).default('Actual'),
  defaultCostPerHour: value('DefaultCostPerHour', parseMoney, 'money', notNegativeMoney).optional(),
  projectRevenueAccount: value('ProjectRevenueAccount', parseText, 'text').default('Professional Services'),
  agreementRevenueAccount: value('AgreementRevenueAccount', parseText, 'text').default('Managed Services'),
  lowBalanceHours: value('LowBalanceHours', parseDuration, 'duration', hoursUpToLimit(notNegative)).optional(),
  roundUpMinutes: value('RoundUpMinutes', parseNumber, 'number', minutesUpToLimit).optional(),
  minimumMinutes: value('MinimumMinutes', parseNumber, 'number', minutesUpToLimit).optional(),
  billingPeriodDays: value('BillingPeriodDays', parseInteger, 'integer', positive).default(30),
  maxHoursPerEntry: value('MaxHoursPerEntry', parseDuration, 'duration', hoursUpToLimit(positive)).default(DEFAULT_MAX_HOURS_PER_ENTRY * 3600),
  // The seller and the payment terms on every invoice (docs/invoice-documents.md).
  companyName: value('CompanyName', parseText, 'text').optional(),
  companyAddress: value('CompanyAddress', parseText, 'text').optional(),
  companyVatId: value('CompanyVatId', parseText, 'text').optional(),
  companyTaxNumber: value('CompanyTaxNumber', parseText, 'text').optional(),
  companyEmail: value('CompanyEmail', parseText, 'text').optional(),
  companyPhone: value('CompanyPhone', parseText, 'text').optional(),
  bankName: value('BankName', parseText, 'text').optional(),
  iban: value('Iban', parseText, 'text').optional(),
  bic: value('Bic', parseText, 'text').optional(),
  paymentTermsDays: value('PaymentTermsDays', parseInteger, 'integer', notNegative).default(14),
  invoiceFooter: value('InvoiceFooter', parseText, 'text').optional(),
  invoiceTemplate: value('InvoiceTemplate', parseText, 'text').default('InvoiceTemplate'),
  eInvoiceFormat: word('EInvoiceFormat', eInvoiceFormatWords).optional(),
});

type SettingField = keyof z.infer<typeof settingsSchema>;

const SETTING_NAMES: Record<SettingField, string> = {
  currency: 'Currency',
  invoicePrefix: 'InvoicePrefix',
  invoiceNumberWidth: 'InvoiceNumberWidth',
  taxRate: 'TaxRate',
  timeDescription: 'TimeDescription',
  invoiceTimes: 'InvoiceTimes',
  basis: 'Basis',
  defaultCostPerHour: 'DefaultCostPerHour',
  projectRevenueAccount: 'ProjectRevenueAccount',
  agreementRevenueAccount: 'AgreementRevenueAccount',
  lowBalanceHours: 'LowBalanceHours',
  roundUpMinutes: 'RoundUpMinutes',
  minimumMinutes: 'MinimumMinutes',
  billingPeriodDays: 'BillingPeriodDays',
  maxHoursPerEntry: 'MaxHoursPerEntry',
  companyName: 'CompanyName',
  companyAddress: 'CompanyAddress',
  companyVatId: 'CompanyVatId',
  companyTaxNumber: 'CompanyTaxNumber',
  companyEmail: 'CompanyEmail',
  companyPhone: 'CompanyPhone',
  bankName: 'BankName',
  iban: 'Iban',
  bic: 'Bic',
  paymentTermsDays: 'PaymentTermsDays',
  invoiceFooter: 'InvoiceFooter',
  invoiceTemplate: 'InvoiceTemplate',
  eInvoiceFormat: 'EInvoiceFormat',
};
const FIELD_BY_KEY = new Map<string, SettingField>(
  (Object.keys(SETTING_NAMES) as SettingField[]).map((field) => [headerKey(SETTING_NAMES[field]), field]),
);

/** Settings with every default of the contract: what a workbook without a Settings table gets. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

export function readSettings(book: RawWorkbook, ctx: ReadContext): Settings {
  const reader = TableReader.open(book, 'Settings', ctx.issues);
  if (!reader) return defaultSettings();
  const cSetting = reader.column('Setting', true);
  const cValue = reader.column('Value', true);
  const values: Partial<Record<SettingField, Cell>> = {};
  const rowOf = new Map<SettingField, number>();
  const seen = new IdIndex(reader.rowCount);
  const rows = reader.table.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (reader.isBlankRow(row)) continue;
    reader.rowId = undefined;
    const name = reader.text(row, r, cSetting, true);
    if (name === undefined) continue;
    reader.rowId = name;
    const field = FIELD_BY_KEY.get(headerKey(name));
    if (field === undefined) {
      reader.report(sentences.unknownSetting(name, Object.values(SETTING_NAMES)), r, cSetting);
      continue;
    }
    if (!reader.claim(seen, SETTING_NAMES[field], r, cSetting)) continue;
    rowOf.set(field, r);
    const cell = cValue < 0 ? null : row[cValue];
    // A blank Value takes the default, as a missing row does.
    if (!isBlank(cell)) values[field] = cell;
  }
  const result = settingsSchema.safeParse(values);
  if (result.success) {
    const sheetNameProblem = invoiceSheetNameProblem(result.data.invoicePrefix, result.data.invoiceNumberWidth);
    if (sheetNameProblem === undefined) return result.data;
    // On the prefix's Value cell; with the default prefix, on the width's.
    const field: SettingField = rowOf.has('invoicePrefix') ? 'invoicePrefix' : 'invoiceNumberWidth';
    const r = rowOf.get(field)!;
    reader.report(sheetNameProblem, r, cValue, reader.valueAt(r, cValue), SETTING_NAMES[field]);
    return defaultSettings();
  }
  for (const issue of result.error.issues) {
    const field = issue.path[0] as SettingField;
    const r = rowOf.get(field)!;
    const sentence = (issue as { params?: { sentence?: IssueSentence } }).params?.sentence ?? { code: 'BAD_SETTING', message: issue.message };
    reader.report(sentence, r, cValue, reader.valueAt(r, cValue), SETTING_NAMES[field]);
  }
  return defaultSettings();
}

/**
 * Invoice sheets are named by their number (prefix + zero-padded sequence): the prefix may
 * not hold a character Excel refuses in a sheet name, and prefix and width together may not
 * pass Excel's 31 characters.
 */
function invoiceSheetNameProblem(prefix: string, width: number): IssueSentence | undefined {
  if (/[:\\/?*[\]]/.test(prefix) || prefix.startsWith("'")) return sentences.invoicePrefixCharacters(prefix);
  if (prefix.length + width > MAX_SHEET_NAME) return sentences.invoiceSheetNameTooLong(prefix, width, MAX_SHEET_NAME);
  return undefined;
}
