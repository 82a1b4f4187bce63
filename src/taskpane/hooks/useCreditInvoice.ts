/**
 * Credit an invoice from the pane: the credit state machine (creditFlow) as React state.
 * A newly opened file starts afresh.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { CreditFlow, type CreditRequest, type CreditState } from '../credit/creditFlow';
import type { WorkbookSource } from '../source/WorkbookSource';

export interface CreditInvoice {
  state: CreditState;
  start: () => Promise<void>;
  choose: (request: CreditRequest) => void;
  back: () => void;
  confirm: () => Promise<void>;
  cancel: () => void;
}

export function useCreditInvoice(source: WorkbookSource | undefined): CreditInvoice {
  const [state, setState] = useState<CreditState>({ status: 'idle' });
  const flow = useRef<CreditFlow | undefined>(undefined);

  useEffect(() => {
    flow.current = source ? new CreditFlow(source, setState) : undefined;
    setState({ status: 'idle' });
  }, [source]);

  const start = useCallback(async () => {
    await flow.current?.start();
  }, []);
  const choose = useCallback((request: CreditRequest) => {
    flow.current?.choose(request);
  }, []);
  const back = useCallback(() => {
    flow.current?.back();
  }, []);
  const confirm = useCallback(async () => {
    await flow.current?.confirm();
  }, []);
  const cancel = useCallback(() => {
    flow.current?.cancel();
  }, []);

  return { state, start, choose, back, confirm, cancel };
}
