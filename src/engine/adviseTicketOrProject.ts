/**
 * Service ticket or project? (docs/billing-rules.md section 9). The advisor behind `=PSA.ADVISE(...)`:
 * Project when any of the four tests holds, else Ticket, always with the reasons that decided
 * it, worded for a finance user. Pure; bad input is returned as an error value, never thrown.
 *
 * "Longer than one billing period" is strict: a job of exactly BillingPeriodDays days still
 * fits in one period (30 days with the default of 30 is a Ticket, 31 is a Project).
 */
import { adviceMessage } from './adviceMessages';

export interface TicketOrProjectInput {
  /** Expected duration in days (0 or more; fractions allowed). */
  durationDays: number;
  /** Number of people working on it (a whole number, at least 1). */
  people: number;
  /** Number of customer contacts (a whole number, 0 or more). */
  contacts: number;
  /** Progress invoices or phase budgets are needed. */
  progressBilling: boolean;
}

export type TicketOrProject = 'Ticket' | 'Project';

export interface TicketOrProjectAdvice {
  answer: TicketOrProject;
  /**
   * Project: each test that held, in the rules' order. Ticket: why each of the four tests
   * passed, in the same order.
   */
  reasons: string[];
}

export interface TicketOrProjectInputError {
  error: 'InvalidInput';
  /** One sentence per bad value, in argument order. */
  problems: string[];
}

/** The Settings default of BillingPeriodDays (workbook contract). */
export const DEFAULT_BILLING_PERIOD_DAYS = 30;

function isWholeNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

function problemsOf(input: TicketOrProjectInput, billingPeriodDays: number): string[] {
  const problems: string[] = [];
  const { durationDays, people, contacts, progressBilling } = input;
  if (typeof durationDays !== 'number' || !Number.isFinite(durationDays) || durationDays < 0) {
    problems.push(adviceMessage('BadDuration', durationDays));
  }
  if (!isWholeNumber(people) || people < 1) {
    problems.push(adviceMessage('BadPeople', people));
  }
  if (!isWholeNumber(contacts) || contacts < 0) {
    problems.push(adviceMessage('BadContacts', contacts));
  }
  if (typeof progressBilling !== 'boolean') {
    problems.push(adviceMessage('BadProgressBilling', progressBilling));
  }
  if (!isWholeNumber(billingPeriodDays) || billingPeriodDays < 1) {
    problems.push(adviceMessage('BadBillingPeriod', billingPeriodDays));
  }
  return problems;
}

export function adviseTicketOrProject(
  input: TicketOrProjectInput,
  billingPeriodDays: number = DEFAULT_BILLING_PERIOD_DAYS,
): TicketOrProjectAdvice | TicketOrProjectInputError {
  const problems = problemsOf(input, billingPeriodDays);
  if (problems.length > 0) return { error: 'InvalidInput', problems };
  const { durationDays, people, contacts, progressBilling } = input;

  const projectReasons: string[] = [];
  if (durationDays > billingPeriodDays) {
    projectReasons.push(adviceMessage('LongerThanPeriod', durationDays, billingPeriodDays));
  }
  if (people > 1) projectReasons.push(adviceMessage('SeveralPeople', people));
  if (contacts > 1) projectReasons.push(adviceMessage('SeveralContacts', contacts));
  if (progressBilling) projectReasons.push(adviceMessage('ProgressBilling'));
  if (projectReasons.length > 0) return { answer: 'Project', reasons: projectReasons };

  return {
    answer: 'Ticket',
    reasons: [
      adviceMessage('FitsPeriod', durationDays, billingPeriodDays),
      adviceMessage('People', people),
      adviceMessage('Contacts', contacts),
      adviceMessage('BilledOnce'),
    ],
  };
}

/** Narrows an advisor result to its error value. */
export function isAdviceError(result: TicketOrProjectAdvice | TicketOrProjectInputError): result is TicketOrProjectInputError {
  return 'error' in result;
}
