/**
 * The task pane for now: the add-in's name, what the last ribbon command did, and a short
 * guide to the ribbon. The full pane is a later piece of work.
 */
import { useSyncExternalStore } from 'react';
import { Body1, MessageBar, MessageBarBody, MessageBarTitle, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { lastOutcome, subscribeOutcome } from './ribbonOutcome';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

export function OutcomePane() {
  const styles = useStyles();
  const outcome = useSyncExternalStore(subscribeOutcome, lastOutcome);
  return (
    <main className={styles.pane}>
      <Title2 as="h1">PSA Billing</Title2>
      {outcome ? (
        <MessageBar intent={outcome.kind} layout="multiline" aria-live="polite">
          <MessageBarBody>
            <MessageBarTitle>{outcome.title}</MessageBarTitle>
            {outcome.detail}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Body1>Nothing has run yet in this workbook.</Body1>
      )}
      <Body1>
        Use the PSA Billing tab: Preview shows what would be invoiced without issuing anything, Generate invoices bills
        everything due up to the billing date, and Create project sets up the project for an order. The PSA functions
        work in any cell.
      </Body1>
    </main>
  );
}
