/** The request context a batch receives (Excel.RequestContext). */
import { FakeOfficeError } from './errors';
import { ContextLike, Host, refuseUnknown, Step } from './proxyBase';
import { ApplicationProxy, RuntimeProxy, WorkbookProxy } from './workbook';

/** One sync's worth of queued work, handed to the fake Excel. */
export interface Batch {
  steps: Step[];
  screenUpdatingSuspended: boolean;
  apiCalculationSuspended: boolean;
}

export interface SyncHost extends Host {
  executeSync(context: FakeContext, batch: Batch): Promise<void>;
}

export class FakeContext implements ContextLike {
  executing = false;
  private closed = false;
  private queue: Step[] = [];
  private suspended = { screenUpdating: false, apiCalculation: false };
  readonly workbook: WorkbookProxy;
  readonly runtime: RuntimeProxy;
  /** Within one run every proxy stays valid across syncs, so tracking changes nothing here. */
  readonly trackedObjects = { add: (_object: unknown): void => undefined, remove: (_object: unknown): void => undefined };

  constructor(readonly host: SyncHost) {
    this.workbook = new WorkbookProxy(this);
    this.runtime = new RuntimeProxy(this);
    return refuseUnknown(this, 'RequestContext');
  }

  get application(): ApplicationProxy {
    return this.workbook.application;
  }

  enqueue(step: Step): void {
    if (this.closed) {
      throw new FakeOfficeError('InvalidObjectPath', 'The object was created in an Excel.run that has ended; it cannot queue more work.');
    }
    this.queue.push(step);
  }

  suspend(what: 'screenUpdating' | 'apiCalculation'): void {
    this.suspended[what] = true;
  }

  hasQueued(): boolean {
    return this.queue.length > 0;
  }

  close(): void {
    this.closed = true;
    this.queue = [];
  }

  /** Sends what is queued now; work queued while the sync is in flight waits for the next one. */
  async sync<T>(passThroughValue?: T): Promise<T | undefined> {
    const batch: Batch = { steps: this.queue, screenUpdatingSuspended: this.suspended.screenUpdating, apiCalculationSuspended: this.suspended.apiCalculation };
    this.queue = [];
    this.suspended = { screenUpdating: false, apiCalculation: false };
    await this.host.executeSync(this, batch);
    return passThroughValue;
  }
}
