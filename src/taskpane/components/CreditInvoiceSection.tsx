/**
 * Credit an invoice: choose an issued invoice (the selected Invoices row is filled in),
 * optionally a reason, read exactly what will happen, confirm, then the credit note's number
 * and a link to its sheet, or why not with nothing written. Enter goes on, Escape cancels.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Day } from '../../engine';
import type { CreditInvoice } from '../hooks/useCreditInvoice';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  input: { minWidth: 0, maxWidth: '100%' },
  effects: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface CreditInvoiceSectionProps {
  credit: CreditInvoice;
  /** The credit note's date: the pane's billing date, undefined while it is not a date. */
  billingDay: Day | undefined;
  billingIso: string;
  /** A billing run is going. */
  disabled: boolean;
  /** Inside Excel: shows the credit note's sheet. */
  onShowSheet?: (sheetName: string) => void;
}

export function CreditInvoiceSection({ credit, billingDay, billingIso, disabled, onShowSheet }: CreditInvoiceSectionProps) {
  const styles = useStyles();
  const listId = useId();
  const { state } = credit;
  const [invoiceNo, setInvoiceNo] = useState('');
  const [reason, setReason] = useState('');
  const [dateError, setDateError] = useState(false);
  const startButton = useRef<HTMLButtonElement>(null);
  const invoiceInput = useRef<HTMLInputElement>(null);
  const issueButton = useRef<HTMLButtonElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);

  // Each step puts the focus where the keyboard goes on: the field, the confirm button, the outcome, or back to the start.
  useEffect(() => {
    if (state.status === 'choosing') {
      setInvoiceNo(state.invoiceNo);
      setReason(state.reason);
      invoiceInput.current?.focus();
    } else if (state.status === 'confirming') {
      issueButton.current?.focus();
    } else if (state.status === 'done' || state.status === 'failed') {
      outcome.current?.focus();
    } else if (state.status === 'idle' && wasOpen.current) {
      startButton.current?.focus();
    }
    wasOpen.current = state.status !== 'idle';
  }, [state]);

  const onEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    credit.cancel();
  };
  const open = state.status === 'choosing' || state.status === 'confirming' || state.status === 'reading' || state.status === 'writing';

  return (
    <section className={styles.section} aria-labelledby="credit-title">
      <Subtitle1 as="h2" id="credit-title">Credit an invoice</Subtitle1>
      <Caption1>An issued invoice is never edited: a credit note cancels it, and what it billed becomes billable again, to be billed corrected. You see what will happen first; nothing is written until you confirm.</Caption1>
      {!open && (
        <div className={styles.buttons}>
          <Button ref={startButton} onClick={() => void credit.start()} disabled={disabled}>Choose an invoice to credit</Button>
        </div>
      )}

      {state.status === 'choosing' && (
        <form
          className={styles.form}
          onKeyDown={onEscape}
          onSubmit={(event) => {
            event.preventDefault();
            setDateError(billingDay === undefined);
            if (billingDay !== undefined) credit.choose({ invoiceNo, reason, date: billingDay });
          }}
        >
          <Field
            label="Invoice"
            hint={state.invoices.length === 0 ? 'The Invoices register holds no invoice that can be credited.' : `${state.invoices.length} issued invoices can be credited; the selected Invoices row is filled in.`}
            validationMessage={state.error}
          >
            <Input ref={invoiceInput} className={styles.input} value={invoiceNo} list={listId} onChange={(_, data) => setInvoiceNo(data.value)} placeholder="InvoiceNo, e.g. INV-00012" disabled={disabled} />
          </Field>
          <datalist id={listId}>
            {state.invoices.map((i) => <option key={i.invoiceNo} value={i.invoiceNo} label={[i.customer, i.date, i.gross].filter(Boolean).join(' · ')} />)}
          </datalist>
          <Field label="Reason (optional)" hint="Printed on the credit note.">
            <Input className={styles.input} value={reason} onChange={(_, data) => setReason(data.value)} disabled={disabled} />
          </Field>
          <Caption1>
            {dateError ? 'Enter a billing date above: the credit note is dated with it.' : `The credit note is dated ${billingIso}, the billing date above.`}
          </Caption1>
          <div className={styles.buttons}>
            <Button type="submit" appearance="primary" disabled={disabled || invoiceNo.trim() === ''}>Continue</Button>
            <Button onClick={credit.cancel}>Cancel</Button>
          </div>
        </form>
      )}

      {state.status === 'confirming' && (
        <div className={styles.form} role="group" aria-labelledby="credit-confirm-title" onKeyDown={onEscape}>
          <Body1 id="credit-confirm-title"><strong>Credit {state.plan.credit.credited.invoiceNo}?</strong> Confirming writes this:</Body1>
          <ul className={styles.effects} aria-label={`What crediting ${state.plan.credit.credited.invoiceNo} writes`}>
            {state.plan.effects.map((effect) => <li key={effect}><Body1>{effect}</Body1></li>)}
          </ul>
          <div className={styles.buttons}>
            <Button ref={issueButton} appearance="primary" onClick={() => void credit.confirm()} disabled={disabled}>
              Issue credit note {state.plan.credit.creditNote.invoiceNo}
            </Button>
            <Button onClick={credit.back}>Back</Button>
            <Button onClick={credit.cancel}>Cancel</Button>
          </div>
        </div>
      )}

      <div aria-live="polite">
        {state.status === 'reading' && <Spinner size="tiny" label="Reading the tables…" />}
        {state.status === 'writing' && <Spinner size="tiny" label={`Writing credit note ${state.plan.credit.creditNote.invoiceNo}…`} />}
        {state.status === 'done' && (
          <div ref={outcome} tabIndex={-1}>
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Issued credit note {state.plan.credit.creditNote.invoiceNo} for {state.plan.credit.credited.invoiceNo}.</MessageBarTitle>
                {' '}{state.plan.credit.credited.invoiceNo} is marked Credited; what it billed is billed again by the next Generate invoices.
              </MessageBarBody>
            </MessageBar>
          </div>
        )}
        {state.status === 'failed' && (
          <div ref={outcome} tabIndex={-1}>
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{state.title}</MessageBarTitle>
                <ul className={styles.lines}>{state.lines.map((line, i) => <li key={i}>{line}</li>)}</ul>
              </MessageBarBody>
            </MessageBar>
          </div>
        )}
      </div>
      {state.status === 'done' && onShowSheet && (
        <div className={styles.buttons}>
          <Button onClick={() => onShowSheet(state.plan.sheetName)}>Show sheet {state.plan.sheetName}</Button>
        </div>
      )}
    </section>
  );
}
