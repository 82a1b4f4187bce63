/**
 * The billing date the pane shows: the one last chosen in this workbook (the ribbon bills as
 * of it too), else today. Choosing one stores it in the workbook's settings.
 */
import { useCallback, useEffect, useState } from 'react';
import { dayFromIso } from '../../engine';
import type { WorkbookSource } from '../source/WorkbookSource';

function todayIso(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface BillingDate {
  /** As the date field holds it, `YYYY-MM-DD` (may be blank or invalid while typing). */
  iso: string;
  /** Whether the date came from the workbook (chosen earlier) rather than today. */
  isStored: boolean;
  setIso: (iso: string) => void;
}

export function useBillingDate(source: WorkbookSource | undefined): BillingDate {
  const [iso, setLocal] = useState(() => todayIso(new Date()));
  const [isStored, setStored] = useState(false);

  useEffect(() => {
    let live = true;
    if (!source) return undefined;
    source.readBillingDate().then((stored) => {
      if (live && stored && dayFromIso(stored) !== undefined) {
        setLocal(stored);
        setStored(true);
      }
    }, (error: unknown) => console.warn('PSA Billing: could not read the stored billing date', error));
    return () => {
      live = false;
    };
  }, [source]);

  const setIso = useCallback((next: string) => {
    setLocal(next);
    if (source && dayFromIso(next) !== undefined) {
      setStored(true);
      source.writeBillingDate(next).catch((error: unknown) => console.warn('PSA Billing: could not store the billing date', error));
    }
  }, [source]);

  return { iso, isStored, setIso };
}
