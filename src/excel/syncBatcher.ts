/**
 * Round trips to Excel, few and small enough. Writes are queued as steps of known size and
 * sent together until a request would pass REQUEST_BUDGET_BYTES, safely under Excel on the
 * web's 5 MB payload limit; so the number of `context.sync` calls grows with the bytes
 * written, not with the number of invoices or rows. A sync refused because the user is
 * editing a cell is sent again once they are done (Excel applies nothing of a refused batch).
 */

/** Bytes one request may carry: Excel on the web refuses requests and responses over 5 MB. */
export const REQUEST_BUDGET_BYTES = 4_000_000;
/** What one queued call costs besides its data (object paths, method name), as a rough figure. */
export const CALL_OVERHEAD_BYTES = 200;

/** How long to wait for a person to leave cell-edit mode before giving up, in milliseconds. */
const CELL_EDIT_WAITS_MS = [250, 500, 1000, 2000, 4000, 8000, 15000, 30000];

export const CELL_EDIT_MESSAGE = 'Excel is waiting for you to finish editing a cell: press Enter or Esc, and billing goes on by itself.';

/** The size of a value as it travels in a request (its JSON text). */
export function payloadBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isCellEditError(error: unknown): boolean {
  return errorCode(error) === 'InvalidOperationInCellEditMode';
}

export interface SyncOptions {
  /** Told when a sync waits for the user (cell-edit mode). */
  onProgress?: (message: string) => void;
  /** Told after each block of values read: data rows read so far of all tables' data rows. */
  onReadProgress?: (rowsRead: number, totalRows: number) => void;
  /** Waits this long; tests pass one that does not. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Queues with `queue()` and syncs; when Excel refuses the batch because a cell is being
 * edited, waits and queues and syncs again. `queue` must only queue (loads, writes): it
 * runs once per attempt. Returns what the last attempt's `queue` returned, now loaded.
 */
export async function syncRetrying<T>(context: Excel.RequestContext, queue: () => T, options: SyncOptions = {}): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 0; ; attempt++) {
    const queued = queue();
    try {
      // The loop sends the same batch again after a refusal; it never syncs once per item.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      return queued;
    } catch (error) {
      if (!isCellEditError(error) || attempt >= CELL_EDIT_WAITS_MS.length) throw error;
      options.onProgress?.(CELL_EDIT_MESSAGE);
      await sleep(CELL_EDIT_WAITS_MS[attempt]);
    }
  }
}

/** One piece of a write: its estimated request size and the calls it queues. */
export interface WriteStep {
  bytes: number;
  queue: (context: Excel.RequestContext) => void;
}

/**
 * Collects write steps and syncs whenever the next step would take the request over the
 * budget, and at `flush()`. Each request suspends screen updating and calculation until
 * its sync, so Excel redraws and recalculates once per request, not once per call.
 */
export class SyncBatcher {
  private pending: WriteStep[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly options: SyncOptions = {},
  ) {}

  async add(step: WriteStep): Promise<void> {
    if (this.pending.length > 0 && this.pendingBytes + step.bytes > REQUEST_BUDGET_BYTES) await this.flush();
    this.pending.push(step);
    this.pendingBytes += step.bytes;
  }

  async addAll(steps: WriteStep[]): Promise<void> {
    for (const step of steps) await this.add(step);
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const steps = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    await syncRetrying(this.context, () => {
      const application = this.context.workbook.application;
      application.suspendScreenUpdatingUntilNextSync();
      application.suspendApiCalculationUntilNextSync();
      for (const step of steps) step.queue(this.context);
    }, this.options);
  }
}
