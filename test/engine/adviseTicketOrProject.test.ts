/**
 * billing-rules section 9, one rule per test: Project when the duration is longer than one
 * billing period, more than one person, more than one contact, or progress billing / phase
 * budgets are needed; else Ticket; always with the reasons that decided it.
 */
import {
  adviseTicketOrProject,
  isAdviceError,
  type TicketOrProjectAdvice,
  type TicketOrProjectInput,
} from '../../src/engine/adviseTicketOrProject';
import { adviseTicketOrProject as fromIndex } from '../../src/engine';

const ticketJob: TicketOrProjectInput = { durationDays: 10, people: 1, contacts: 1, progressBilling: false };

function advise(changes: Partial<TicketOrProjectInput> = {}, periodDays?: number): TicketOrProjectAdvice {
  const result = adviseTicketOrProject({ ...ticketJob, ...changes }, periodDays);
  if (isAdviceError(result)) throw new Error(`unexpected input error: ${result.problems.join('; ')}`);
  return result;
}

describe('§9 Service ticket or project: a Project when any test holds, always with the reasons', () => {
  test('one person, one contact, inside one billing period, billed once when done: a Ticket, with why each test passed', () => {
    expect(advise()).toEqual({
      answer: 'Ticket',
      reasons: [
        '10 days fits in one billing period of 30 days',
        'one person',
        'one contact',
        'billed once when done (no progress billing or phase budgets)',
      ],
    });
  });

  test('a duration longer than one billing period makes it a Project', () => {
    expect(advise({ durationDays: 45 })).toEqual({ answer: 'Project', reasons: ['45 days is longer than one billing period (30 days)'] });
  });

  test('boundary: exactly one billing period is not longer than it (30 days is a Ticket, 31 a Project)', () => {
    expect(advise({ durationDays: 30 }).answer).toBe('Ticket');
    expect(advise({ durationDays: 30 }).reasons[0]).toBe('30 days fits in one billing period of 30 days');
    expect(advise({ durationDays: 31 })).toEqual({ answer: 'Project', reasons: ['31 days is longer than one billing period (30 days)'] });
    expect(advise({ durationDays: 30.5 }).answer).toBe('Project');
  });

  test('the billing period is Settings BillingPeriodDays: 20 days is a Project when the period is 14 days', () => {
    expect(advise({ durationDays: 20 }, 14)).toEqual({ answer: 'Project', reasons: ['20 days is longer than one billing period (14 days)'] });
    expect(advise({ durationDays: 14 }, 14).answer).toBe('Ticket');
  });

  test('BillingPeriodDays defaults to 30 when not given', () => {
    expect(advise({ durationDays: 30 }).answer).toBe('Ticket');
    expect(advise({ durationDays: 31 }).answer).toBe('Project');
  });

  test('more than one person makes it a Project', () => {
    expect(advise({ people: 3 })).toEqual({ answer: 'Project', reasons: ['3 people work on it (more than one person)'] });
  });

  test('more than one contact makes it a Project', () => {
    expect(advise({ contacts: 2 })).toEqual({ answer: 'Project', reasons: ['2 contacts (more than one contact)'] });
  });

  test('no contact is not more than one contact: still a Ticket', () => {
    expect(advise({ contacts: 0 })).toEqual({
      answer: 'Ticket',
      reasons: ['10 days fits in one billing period of 30 days', 'one person', 'no contact', 'billed once when done (no progress billing or phase budgets)'],
    });
  });

  test('progress billing or phase budgets make it a Project', () => {
    expect(advise({ progressBilling: true })).toEqual({ answer: 'Project', reasons: ['progress billing or phase budgets are needed'] });
  });

  test('a Project lists every test that held, in the rules order', () => {
    expect(advise({ durationDays: 60, people: 2, contacts: 3, progressBilling: true })).toEqual({
      answer: 'Project',
      reasons: [
        '60 days is longer than one billing period (30 days)',
        '2 people work on it (more than one person)',
        '3 contacts (more than one contact)',
        'progress billing or phase budgets are needed',
      ],
    });
  });

  test('a one-day job reads "1 day"', () => {
    expect(advise({ durationDays: 1 }).reasons[0]).toBe('1 day fits in one billing period of 30 days');
    expect(advise({ durationDays: 0 }).answer).toBe('Ticket');
  });

  describe('invalid input is an error value, never thrown', () => {
    test('people 0, negative or fractional people and contacts, negative duration: each named', () => {
      expect(adviseTicketOrProject({ durationDays: -1, people: 0, contacts: 1.5, progressBilling: false })).toEqual({
        error: 'InvalidInput',
        problems: [
          'Duration must be a number of days, 0 or more (got -1)',
          'People must be a whole number, at least 1 (got 0)',
          'Contacts must be a whole number, 0 or more (got 1.5)',
        ],
      });
      expect(adviseTicketOrProject({ ...ticketJob, people: 2.5 })).toEqual({ error: 'InvalidInput', problems: ['People must be a whole number, at least 1 (got 2.5)'] });
      expect(adviseTicketOrProject({ ...ticketJob, contacts: -1 })).toEqual({ error: 'InvalidInput', problems: ['Contacts must be a whole number, 0 or more (got -1)'] });
    });

    test('not-a-number duration and a non-boolean progress flag are errors', () => {
      const bad = { durationDays: Number.NaN, people: 1, contacts: 1, progressBilling: 'yes' } as unknown as TicketOrProjectInput;
      expect(adviseTicketOrProject(bad)).toEqual({
        error: 'InvalidInput',
        problems: ['Duration must be a number of days, 0 or more (got NaN)', 'Progress billing must be TRUE or FALSE (got "yes")'],
      });
    });

    test('a billing period that is not a whole number of days, at least 1, is an error', () => {
      expect(adviseTicketOrProject(ticketJob, 0)).toEqual({ error: 'InvalidInput', problems: ['BillingPeriodDays must be a whole number of days, at least 1 (got 0)'] });
    });
  });

  test('the advisor is one of the engine entry points', () => {
    expect(fromIndex).toBe(adviseTicketOrProject);
  });
});
