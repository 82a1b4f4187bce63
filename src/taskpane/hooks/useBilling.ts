/**
 * Preview and Generate for the pane: the billing state machine (billingFlow) as React state.
 * Remembers the last preview so the Generate after it issues exactly what it showed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Day } from '../../engine';
import { previewMemo, runBillingFlow, type BillingAction, type Biller, type BillingState, type PreviewMemo } from '../billing/billingFlow';
import type { WorkbookSource } from '../source/WorkbookSource';

export interface Billing {
  state: BillingState;
  isBusy: boolean;
  /** Whether the last run was a preview that Generate would issue as shown (not one dated before the latest invoice). */
  hasPreview: boolean;
  start: (action: BillingAction, billingDate: Day) => Promise<void>;
}

export function isBusy(state: BillingState): boolean {
  return state.status === 'reading' || state.status === 'checking' || state.status === 'billing' || state.status === 'writing';
}

export function useBilling(source: WorkbookSource | undefined, bill?: Biller): Billing {
  const [state, setState] = useState<BillingState>({ status: 'idle' });
  const memo = useRef<PreviewMemo | undefined>(undefined);
  const running = useRef(false);

  // A newly opened file starts afresh.
  useEffect(() => {
    memo.current = undefined;
    setState({ status: 'idle' });
  }, [source]);

  const start = useCallback(async (action: BillingAction, billingDate: Day) => {
    if (!source || running.current) return;
    running.current = true;
    try {
      const final = await runBillingFlow(source, { action, billingDate, lastPreview: memo.current }, setState, bill);
      if (final.status === 'done') memo.current = final.run.result.preview ? previewMemo(final.run) : undefined;
      else memo.current = undefined;
    } finally {
      running.current = false;
    }
  }, [source, bill]);

  return { state, isBusy: isBusy(state), hasPreview: state.status === 'done' && state.run.result.preview && state.run.laterInvoice === undefined, start };
}
