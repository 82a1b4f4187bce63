/**
 * The run in progress: its phase in words, and a bar that fills where the work can be
 * counted (rows read, time entries matched) and moves without a value where it cannot.
 */
import { Field, ProgressBar } from '@fluentui/react-components';
import type { BillingState, PhaseProgress } from '../billing/billingFlow';

const PHASE_WORDS: Record<string, string> = {
  reading: 'Reading the tables',
  checking: 'Checking the tables',
  billing: 'Billing',
  writing: 'Writing into the workbook',
};

const STEP_WORDS: Record<string, string> = { matching: 'matching time to line items', agreements: 'block-time agreements' };

function progressWords(progress: PhaseProgress | undefined): string {
  if (!progress || progress.total === 0) return '';
  const step = progress.step ? `${STEP_WORDS[progress.step] ?? progress.step}, ` : '';
  return `: ${step}${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} ${progress.unit}`;
}

/**
 * One sentence for the phase, e.g. "Reading the tables: 1,200 of 5,000 rows". Without the
 * counts for the live region, so a screen reader hears each phase once, not every block.
 */
export function phaseSentence(state: BillingState, withCounts = true): string {
  if (!(state.status in PHASE_WORDS)) return '';
  const progress = withCounts && 'progress' in state ? state.progress : undefined;
  const what = state.status === 'writing' && 'action' in state && state.action === 'preview' ? 'Writing the Preview sheets' : PHASE_WORDS[state.status];
  return `${what}${progressWords(progress)}`;
}

export function ProgressStatus({ state }: { state: BillingState }) {
  const progress = 'progress' in state ? state.progress : undefined;
  const value = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  const wait = 'wait' in state ? state.wait : undefined;
  return (
    <Field label={phaseSentence(state)} validationMessage={wait} validationState={wait ? 'warning' : 'none'}>
      <ProgressBar value={value} thickness="large" aria-label={phaseSentence(state)} />
    </Field>
  );
}
