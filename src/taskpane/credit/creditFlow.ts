/**
 * Credit an invoice from the pane (docs/invoice-documents.md, "Credit notes") as a small
 * state machine: idle → reading → choosing → confirming → writing → done, or failed. It is
 * plain TypeScript over a WorkbookSource, so it is tested in Node against the fake Excel.
 *
 * One read serves the whole action: it lists the invoices that can be credited, prefills
 * the one whose Invoices row is selected, and is what the engine's creditInvoice works out
 * the credit note from; the write is planned against it, as `psa-billing credit` does.
 * Nothing is written before the user confirms the sentence that says what will happen.
 */
import {
  buildCreditTables,
  checkBillingWorkbook,
  creditInvoice,
  formatIssue,
  isoFromDay,
  WorkbookWriteError,
  type BillingWorkbook,
  type CreditResult,
  type Day,
} from '../../engine';
import { idKey } from '../../core/idKey';
import type { WorkbookSession, WorkbookSource } from '../source/WorkbookSource';
import { count, moneyIn } from '../format';
import { paneMessages } from '../paneMessages';

/** An invoice the user may credit: issued, not a credit note, not credited already. */
export interface CreditableInvoice {
  invoiceNo: string;
  customer: string;
  /** `YYYY-MM-DD`, when the register has it. */
  date?: string;
  /** `1,190.00 EUR`, when the register has it. */
  gross?: string;
}

/** What confirming will do, worked out by the engine before anything is written. */
export interface CreditPlan {
  credit: CreditResult;
  /** The sheet the credit note gets. */
  sheetName: string;
  /** The sentences the confirmation shows, in order. */
  effects: string[];
}

export type CreditState =
  | { status: 'idle' }
  | { status: 'reading' }
  | { status: 'choosing'; invoices: CreditableInvoice[]; invoiceNo: string; reason: string; error?: string }
  | { status: 'confirming'; invoices: CreditableInvoice[]; invoiceNo: string; reason: string; plan: CreditPlan }
  | { status: 'writing'; plan: CreditPlan }
  | { status: 'done'; plan: CreditPlan }
  | { status: 'failed'; title: string; lines: string[] };

/** Issued invoices that can be credited, in the register's order. */
export function creditableInvoices(book: BillingWorkbook): CreditableInvoice[] {
  return book.issuedInvoices
    .filter((i) => idKey(i.kind ?? '') !== 'credit' && idKey(i.status ?? '') !== 'credited')
    .map((i) => ({
      invoiceNo: i.invoiceNo.trim(),
      customer: i.customer ?? '',
      date: i.date === undefined ? undefined : isoFromDay(i.date),
      gross: i.gross === undefined ? undefined : moneyIn(i.gross, i.currency ?? book.settings.currency),
    }));
}

/** How the confirmation names the rows a credit releases, per mark table. */
const RELEASED: Record<string, [string, string]> = {
  TimeEntries: ['time entry', 'time entries'],
  Agreements: ['prepaid block (Agreements)', 'prepaid blocks (Agreements)'],
  AgreementAdditions: ['agreement addition', 'agreement additions'],
  PaymentPlan: ['installment (PaymentPlan)', 'installments (PaymentPlan)'],
};

/** The sentences that say exactly what confirming writes. */
export function creditEffects(credit: CreditResult, sheetName: string): string[] {
  const note = credit.creditNote;
  const original = credit.credited.invoiceNo;
  const effects = [
    paneMessages.CreditNoteWritten(note.invoiceNo, note.date, note.customer, original, note.rows.length, moneyIn(note.gross, note.currency), sheetName),
    paneMessages.OriginalCredited(original),
  ];
  if (note.credits?.reason) effects.push(paneMessages.ReasonPrinted(note.credits.reason));
  const cleared = new Map<string, number>();
  let moved = 0;
  for (const update of credit.invoiceNoUpdates) {
    if (update.invoiceNo === '') cleared.set(update.table, (cleared.get(update.table) ?? 0) + 1);
    else moved += 1;
  }
  const parts = [...cleared].map(([table, n]) => {
    const [one, many] = RELEASED[table] ?? [`${table} row`, `${table} rows`];
    return count(n, one, many);
  });
  effects.push(parts.length === 0 ? paneMessages.NothingBillableAgain(original) : paneMessages.BillableAgain(parts));
  if (moved > 0) effects.push(paneMessages.EntriesKeepOtherNumbers(moved));
  return effects;
}

export interface CreditRequest {
  invoiceNo: string;
  reason: string;
  /** The credit note's date: the pane's billing date. */
  date: Day;
}

/**
 * One credit, step by step. Each step reports its state through `report` and returns it;
 * a failure of the workbook ends in `failed` with its sentence and does not throw.
 */
export class CreditFlow {
  private session: WorkbookSession | undefined;
  private workbook: BillingWorkbook | undefined;
  private current: CreditState = { status: 'idle' };

  constructor(
    private readonly source: WorkbookSource,
    private readonly report: (state: CreditState) => void,
  ) {}

  get state(): CreditState {
    return this.current;
  }

  private tell(state: CreditState): CreditState {
    this.current = state;
    this.report(state);
    return state;
  }

  /** Reads and checks the tables, lists what can be credited, prefills the selected Invoices row. */
  async start(): Promise<CreditState> {
    this.tell({ status: 'reading' });
    try {
      const session = this.source.session();
      const raw = await session.readTables();
      const { workbook, issues } = checkBillingWorkbook(raw);
      if (!workbook || issues.length > 0) {
        return this.tell({
          status: 'failed',
          title: paneMessages.CreditBlocked(issues.length),
          lines: issues.map(formatIssue),
        });
      }
      const invoices = creditableInvoices(workbook);
      const selected = await session.selectedRowValue?.('Invoices', 'InvoiceNo');
      const prefill = typeof selected === 'string' ? selected.trim() : '';
      this.session = session;
      this.workbook = workbook;
      return this.tell({ status: 'choosing', invoices, invoiceNo: prefill, reason: '' });
    } catch (error) {
      return this.tell({ status: 'failed', title: paneMessages.TablesUnreadable(), lines: [messageOf(error)] });
    }
  }

  /** Works out the credit note for the chosen invoice: the confirmation, or why not (nothing written). */
  choose(request: CreditRequest): CreditState {
    const state = this.current;
    if ((state.status !== 'choosing' && state.status !== 'confirming') || !this.workbook) return state;
    const { invoices } = state;
    const invoiceNo = request.invoiceNo.trim();
    const reason = request.reason.trim();
    if (invoiceNo === '') return this.tell({ status: 'choosing', invoices, invoiceNo, reason, error: paneMessages.ChooseInvoice() });
    const outcome = creditInvoice(this.workbook, { invoiceNo, reason: reason || undefined, date: request.date });
    if (!outcome.ok) return this.tell({ status: 'choosing', invoices, invoiceNo, reason, error: paneMessages.CreditRefused(outcome.error) });
    const sheetName = buildCreditTables(outcome.result).invoiceSheets[0]?.sheetName ?? outcome.result.creditNote.invoiceNo;
    const plan: CreditPlan = { credit: outcome.result, sheetName, effects: creditEffects(outcome.result, sheetName) };
    return this.tell({ status: 'confirming', invoices, invoiceNo, reason, plan });
  }

  /** From the confirmation back to the choice, keeping what was typed. */
  back(): CreditState {
    const state = this.current;
    if (state.status !== 'confirming') return state;
    return this.tell({ status: 'choosing', invoices: state.invoices, invoiceNo: state.invoiceNo, reason: state.reason });
  }

  /** Writes the confirmed credit note through the session that read the tables. */
  async confirm(): Promise<CreditState> {
    const state = this.current;
    if (state.status !== 'confirming' || !this.session) return state;
    const { plan } = state;
    const session = this.session;
    this.session = undefined;
    this.workbook = undefined;
    this.tell({ status: 'writing', plan });
    try {
      await session.writeCredit(plan.credit);
      return this.tell({ status: 'done', plan });
    } catch (error) {
      const refused = error instanceof WorkbookWriteError;
      return this.tell({
        status: 'failed',
        title: refused ? paneMessages.CreditNotIssued(plan.credit.creditNote.invoiceNo) : paneMessages.CreditStopped(plan.credit.creditNote.invoiceNo),
        lines: refused ? [error.message] : [messageOf(error), paneMessages.CutOffCredit()],
      });
    }
  }

  cancel(): CreditState {
    this.session = undefined;
    this.workbook = undefined;
    return this.tell({ status: 'idle' });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
