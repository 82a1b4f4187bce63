/**
 * The sentences of the ticket-or-project advisor (adviseTicketOrProject.ts, `=PSA.ADVISE`), one
 * per reason code (docs/billing-engine.md, "Messages"): the problems of bad arguments, and the
 * reasons that decided a Project or a Ticket.
 */

function shown(n: unknown): string {
  return typeof n === 'number' || typeof n === 'boolean' ? String(n) : JSON.stringify(n) ?? String(n);
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

function count(n: number, one: string, many: string): string {
  if (n === 0) return `no ${one}`;
  if (n === 1) return `one ${one}`;
  return `${n} ${many}`;
}

/** Every reason code of the advisor with its sentence. */
export const adviceSentences = {
  // Problems: one per bad argument, saying what it must be and what it was.
  BadDuration: (value: unknown): string => `Duration must be a number of days, 0 or more (got ${shown(value)})`,
  BadPeople: (value: unknown): string => `People must be a whole number, at least 1 (got ${shown(value)})`,
  BadContacts: (value: unknown): string => `Contacts must be a whole number, 0 or more (got ${shown(value)})`,
  BadProgressBilling: (value: unknown): string => `Progress billing must be TRUE or FALSE (got ${shown(value)})`,
  BadBillingPeriod: (value: unknown): string => `BillingPeriodDays must be a whole number of days, at least 1 (got ${shown(value)})`,
  // A Project: each test that held.
  LongerThanPeriod: (durationDays: number, periodDays: number): string =>
    `${days(durationDays)} is longer than one billing period (${days(periodDays)})`,
  SeveralPeople: (people: number): string => `${people} people work on it (more than one person)`,
  SeveralContacts: (contacts: number): string => `${contacts} contacts (more than one contact)`,
  ProgressBilling: (): string => 'progress billing or phase budgets are needed',
  // A Ticket: why each test passed.
  FitsPeriod: (durationDays: number, periodDays: number): string => `${days(durationDays)} fits in one billing period of ${days(periodDays)}`,
  People: (people: number): string => count(people, 'person', 'people'),
  Contacts: (contacts: number): string => count(contacts, 'contact', 'contacts'),
  BilledOnce: (): string => 'billed once when done (no progress billing or phase budgets)',
};

export type AdviceReasonCode = keyof typeof adviceSentences;
export type AdviceFacts<C extends AdviceReasonCode> = Parameters<(typeof adviceSentences)[C]>;

/** The sentence of one reason code. */
export function adviceMessage<C extends AdviceReasonCode>(code: C, ...facts: AdviceFacts<C>): string {
  return (adviceSentences[code] as (...args: AdviceFacts<C>) => string)(...facts);
}
