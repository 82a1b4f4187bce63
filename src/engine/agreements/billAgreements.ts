/**
 * Block-time agreements in a billing run (docs/billing-rules.md section 7): prepaid invoices for
 * blocks and additions that have come due, one overage invoice per agreement, InvoiceNo
 * marks for covered time, exceptions, and the AgreementSummary.
 */
import type { Agreement, AgreementAddition, BillingWorkbook, Seconds, Settings, TimeEntry } from '../../schema/model';
import type { AgreementSummaryRow, BillingException, ExceptionReason, BillingOptions, EntryLedger, InvoiceNoUpdate, InvoiceRow } from '../billingResult';
import type { DraftInvoice, SettleTarget } from '../draftInvoice';
import type { Day } from '../../core/day';
import { Decimal, ZERO, hoursForDisplay, roundCentsHalfUp, valueOfSeconds } from '../../core/money';
import { naturalKey } from '../naturalOrder';
import { idKey } from '../../core/idKey';
import { exceptionMessage, type ExceptionFacts } from '../exceptionMessages';
import { invoiceRowTexts } from '../invoiceRowTexts';
import { type AgreementLedger, type EntryAllocation, buildAgreementLedgers, isSettled, roundingOf } from './agreementLedger';
import { billableSeconds } from '../billableSeconds';
import { summaryRowOf } from './agreementSummaryRow';

export interface AgreementBilling {
  drafts: DraftInvoice[];
  exceptions: BillingException[];
  /**
   * InvoiceNo marks that need no invoice number: covered time gets the AgreementId.
   * Empty in a preview (nothing is settled).
   */
  updates: InvoiceNoUpdate[];
  /** AgreementSummary rows as of the billing date, in AgreementId order. */
  summary: AgreementSummaryRow[];
  /**
   * This run's entries under existing agreements, with recorded and billable time and how
   * the billable time was split (covered / overrun, or all excluded or inactive).
   */
  allocations: EntryAllocation[];
  /** Time covered by a block on this run (the entries that get the AgreementId); none in a preview. */
  covered: { agreementIds: string[]; entries: TimeEntry[]; seconds: number[] };
}

function draftOf(
  settings: Settings,
  agreement: Agreement,
  kind: 'Prepaid' | 'Overage',
  date: Day,
  rows: Omit<InvoiceRow, 'row' | 'revenueAccount' | 'source'>[],
  settles: SettleTarget[],
  sequenceInSource: number,
): DraftInvoice {
  const fullRows: InvoiceRow[] = rows.map((r, i) => ({ ...r, row: i + 1, revenueAccount: settings.agreementRevenueAccount, source: agreement.id }));
  const net = fullRows.reduce((sum, r) => sum.plus(r.amount), ZERO);
  const tax = roundCentsHalfUp(net.mul(settings.taxRate));
  return {
    date,
    customer: agreement.customer,
    source: agreement.id,
    kind,
    currency: settings.currency,
    taxRate: settings.taxRate,
    rows: fullRows,
    net,
    tax,
    gross: net.plus(tax),
    settles,
    sequenceInSource,
  };
}

function prepaidRow(description: string, seconds: Seconds, rate: Decimal): Omit<InvoiceRow, 'row' | 'revenueAccount' | 'source'> {
  return { description, quantity: hoursForDisplay(seconds), unitPrice: rate, amount: roundCentsHalfUp(valueOfSeconds(seconds, rate)), entryIds: [] };
}

function prepaidDrafts(settings: Settings, ledger: AgreementLedger, billingDate: Day): DraftInvoice[] {
  const { agreement } = ledger;
  if (!agreement.prepaid || agreement.status !== 'Active') return [];
  const rateOf = (addition?: AgreementAddition): Decimal => {
    const rate = addition?.rate ?? agreement.rate;
    // The schema refuses a Prepaid agreement without Rate; reaching here is a programmer error.
    if (rate === undefined) throw new Error(`Prepaid agreement ${agreement.id} has no Rate`);
    return rate;
  };
  const drafts: DraftInvoice[] = [];
  if (!isSettled(agreement) && agreement.start <= billingDate) {
    drafts.push(
      draftOf(settings, agreement, 'Prepaid', billingDate, [prepaidRow(invoiceRowTexts.PrepaidBlock(agreement.id), agreement.hours, rateOf())], [{ table: 'Agreements', index: agreement.source.index }], 0),
    );
  }
  ledger.additions.forEach((addition, i) => {
    if (isSettled(addition) || addition.date > billingDate) return;
    drafts.push(
      draftOf(
        settings,
        agreement,
        'Prepaid',
        billingDate,
        [prepaidRow(invoiceRowTexts.Addition(agreement.id), addition.hours, rateOf(addition))],
        [{ table: 'AgreementAdditions', index: addition.source.index }],
        i + 1,
      ),
    );
  });
  return drafts;
}

/** The overage invoice's EntryLedger: its rows' entries, row by row. */
function overageLedger(builders: OverageRowBuilder[]): EntryLedger {
  const entries = builders.flatMap((b) => b.entries);
  return {
    rows: Int32Array.from(builders.flatMap((b, r) => b.entries.map(() => r + 1))),
    entryIds: entries.map((e) => e.id),
    seconds: Int32Array.from(builders.flatMap((b) => b.entrySeconds)),
    recorded: Int32Array.from(entries, (e) => e.seconds),
    dates: Int32Array.from(entries, (e) => e.date),
    nodes: entries.map((e) => e.nodeId),
  };
}

interface OverageRowBuilder {
  description: string;
  seconds: Seconds;
  entryIds: string[];
  /** Each listed entry and the seconds of it on this row, for the invoice's EntryLedger. */
  entries: TimeEntry[];
  entrySeconds: number[];
}

/** An exception of `seconds` of `entry`, with the sentence of its reason code. */
function exceptionOf<R extends ExceptionReason>(entry: TimeEntry, seconds: Seconds, reason: R, ...facts: ExceptionFacts<R>): BillingException {
  const message = exceptionMessage(reason, ...facts);
  return { entryId: entry.id, date: entry.date, person: entry.personName, agreement: entry.agreementId, seconds, reason, message, entryIndex: entry.source.index };
}

/** Drafts, marks and exceptions for this run's (unsettled) time of one agreement. */
function billTime(settings: Settings, ledger: AgreementLedger, billingDate: Day, out: AgreementBilling): void {
  const { agreement } = ledger;
  const overageRate = agreement.overageRate;
  const rows = new Map<string, OverageRowBuilder>();
  const settles: SettleTarget[] = [];
  const excludedNames = new Map(agreement.excludedCategories.map((c) => [idKey(c), c.trim()] as const));
  const addToRow = (rowKey: string, description: string, seconds: Seconds, entry: TimeEntry): void => {
    let row = rows.get(rowKey);
    if (row === undefined) rows.set(rowKey, (row = { description, seconds: 0, entryIds: [], entries: [], entrySeconds: [] }));
    row.seconds += seconds;
    row.entryIds.push(entry.id);
    row.entries.push(entry);
    row.entrySeconds.push(seconds);
  };

  for (const allocation of ledger.allocations) {
    if (allocation.settled) continue;
    const { entry, kind, recordedSeconds: recorded, billableSeconds: billable } = allocation;
    out.allocations.push(allocation);
    if (kind === 'Inactive') {
      out.exceptions.push(exceptionOf(entry, billable, 'AgreementInactive', agreement, entry.date, recorded, billable));
    } else if (kind === 'Excluded') {
      const category = excludedNames.get(idKey(entry.category!)) ?? entry.category!.trim();
      if (overageRate === undefined) {
        out.exceptions.push(exceptionOf(entry, billable, 'ExcludedCategory', agreement, category, recorded, billable));
      } else {
        addToRow('excluded:' + idKey(category), invoiceRowTexts.ExcludedWork(category), billable, entry);
        settles.push({ table: 'TimeEntries', index: entry.source.index });
      }
    } else {
      const { coveredSeconds: covered, overrunSeconds: overrun } = allocation;
      if (overrun > 0 && overageRate !== undefined) {
        // The overage invoice's number settles the whole entry, its covered part included.
        addToRow('overrun', invoiceRowTexts.Overrun(agreement.id), overrun, entry);
        settles.push({ table: 'TimeEntries', index: entry.source.index });
        continue;
      }
      if (overrun > 0) out.exceptions.push(exceptionOf(entry, overrun, 'Overrun', agreement, overrun, recorded, billable));
      if (covered > 0) {
        out.updates.push({ table: 'TimeEntries', index: entry.source.index, invoiceNo: agreement.id });
        out.covered.agreementIds.push(agreement.id);
        out.covered.entries.push(entry);
        out.covered.seconds.push(covered);
      }
    }
  }

  if (overageRate !== undefined && rows.size > 0) {
    const builders = [...rows.values()];
    const invoiceRows = builders.map((r) => ({
      description: r.description,
      quantity: hoursForDisplay(r.seconds),
      unitPrice: overageRate,
      amount: roundCentsHalfUp(valueOfSeconds(r.seconds, overageRate)),
      entryIds: r.entryIds,
    }));
    const draft = draftOf(settings, agreement, 'Overage', billingDate, invoiceRows, settles, 0);
    draft.entryLedger = overageLedger(builders);
    out.drafts.push(draft);
  }
}

export function billAgreements(book: BillingWorkbook, options: BillingOptions): AgreementBilling {
  const { billingDate, preview } = options;
  const { ledgers, unknownAgreementEntries } = buildAgreementLedgers(book, { asOf: billingDate, preview });
  const out: AgreementBilling = { drafts: [], exceptions: [], updates: [], summary: [], allocations: [], covered: { agreementIds: [], entries: [], seconds: [] } };

  for (const entry of unknownAgreementEntries) {
    const { roundUpMinutes, minimumMinutes } = roundingOf(book, undefined);
    const billable = billableSeconds(entry.seconds, roundUpMinutes, minimumMinutes);
    out.exceptions.push(exceptionOf(entry, billable, 'UnknownAgreement', entry.agreementId ?? String(entry.agreement)));
  }

  ledgers.forEach((ledger, i) => {
    out.drafts.push(...prepaidDrafts(book.settings, ledger, billingDate));
    billTime(book.settings, ledger, billingDate, out);
    out.summary.push(summaryRowOf(ledger));
    options.onProgress?.('agreements', i + 1, ledgers.length);
  });

  // (Date, EntryId) order for the exceptions, as BillingExceptions lists them.
  const keyed = out.exceptions.map((exception, i) => ({ exception, i, key: naturalKey(exception.entryId) }));
  keyed.sort((a, b) => a.exception.date - b.exception.date || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || a.i - b.i);
  out.exceptions = keyed.map((k) => k.exception);

  if (preview) {
    out.updates = [];
    out.covered = { agreementIds: [], entries: [], seconds: [] };
  }
  return out;
}
