/**
 * The engine's public entry points: what the command line, the Office.js adapter and the
 * custom functions call. Everything here is pure and runs unchanged in Node and in the
 * task pane's browser.
 */
export { readBillingWorkbook, formatIssue } from '../schema/readBillingWorkbook';
export type { RawWorkbook, RawTable, CellValue } from '../schema/rawTable';
export type { InputIssue } from '../schema/inputIssue';
export type { BillingWorkbook } from '../schema/model';
export { runBilling } from './runBilling';
export type { BillingResult, BillingOptions } from './billingResult';
export { buildResultTables, buildCreditTables } from './resultTables';
export { creditInvoice, CREDITED_STATUS, type CreditOptions, type CreditOutcome, type CreditResult } from './creditInvoice';
export { agreementBalance } from './agreements/agreementBalance';
export { createProject, createAllProjects } from './projects/createProject';
export { dayFromIso, isoFromDay } from './day';
export { adviseTicketOrProject, isAdviceError, DEFAULT_BILLING_PERIOD_DAYS, type TicketOrProjectInput, type TicketOrProjectAdvice, type TicketOrProjectInputError } from './adviseTicketOrProject';
