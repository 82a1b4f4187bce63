/**
 * The engine's public entry points: everything the command line, the adapters (Office.js
 * and file), the ribbon, the custom functions and the task pane use of the schema and the
 * engine. Those folders import the engine only from here (lint-enforced, eslint.config.mjs),
 * so what they depend on is this one list. Everything here is pure and runs unchanged in
 * Node, in the task pane's page and in its billing worker.
 */
export { formatIssue } from '../schema/readBillingWorkbook';
export { checkBillingWorkbook } from './checkBillingWorkbook';
export type { RawWorkbook, RawTable, RawSheet, RawSheetCell, CellValue } from '../schema/rawTable';
export { invoiceTemplateSheetName } from '../schema/readInvoiceTemplate';
export type { InputIssue } from '../schema/inputIssue';
export type { BillingWorkbook } from '../schema/model';

// A run and what it produces.
export { runBilling } from './runBilling';
export type {
  AgreementSummaryRow,
  BillingException,
  BillingOptions,
  BillingResult,
  ExceptionReason,
  Invoice,
  InvoiceNoUpdate,
  InvoiceRow,
  OrderStatusRow,
} from './billingResult';
export { NO_CHARGE } from './buildOrderInvoices';
export { backdatedAfter } from './ledger/invoiceSequence';

// Writing a result: the port every adapter implements and the tables it writes.
export { WorkbookWriteError, type WorkbookPort } from './workbookPort';
export { writeRefusal, writeRefusalMessage, type WriteRefusal } from './writeRefusals';
export {
  buildCreditTables,
  buildResultTables,
  EXCEPTION_FILL_COLOR,
  freeSheetName,
  HIGHLIGHT_FILL_COLOR,
  isPreviewSheetName,
  previewInvoiceLabel,
  type GridCell,
  type InvoiceSheet,
  type OutputCell,
  type OutputTable,
  type ResultTables,
} from './resultTables';
export { columnWidth } from './tableColumnWidths';
export { fillInvoiceTemplate, type TemplateFill, type TemplateFillCell } from './invoiceTemplate/fillInvoiceTemplate';

// Credit notes and projects.
export { creditInvoice, CREDITED_STATUS, type CreditOptions, type CreditOutcome, type CreditResult } from './creditInvoice';
export {
  createAllProjects,
  createProject,
  PROJECT_TREE_COLUMNS,
  projectTreeCells,
  type NewProjectNodeRow,
  type ProjectIssue,
} from './projects/createProject';

// What the custom functions ask.
export { agreementBalance } from './agreements/agreementBalance';
export { agreementKeyOf, buildAgreementLedgers } from './agreements/agreementLedger';
export { isOrderTime, matchTimeEntries } from './matchTimeEntries';
export { exceptionMessage, exceptionSentences } from './exceptionMessages';
export {
  adviseTicketOrProject,
  isAdviceError,
  DEFAULT_BILLING_PERIOD_DAYS,
  type TicketOrProject,
  type TicketOrProjectInput,
  type TicketOrProjectAdvice,
  type TicketOrProjectInputError,
} from './adviseTicketOrProject';

// Values every layer shares: days and money.
export { dayFromIso, dayFromParts, isoFromDay, type Day } from '../core/day';
export { Decimal, exactHours, formatHours, hoursText, sumDecimals } from '../core/money';
