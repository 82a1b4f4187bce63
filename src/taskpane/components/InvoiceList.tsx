/**
 * The invoices of a run: number, customer, source, kind, net and gross; open one to see its
 * rows and, under each row, the time entries it bills.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Body1Strong,
  Caption1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { isoFromDay, previewInvoiceLabel, type Invoice, type InvoiceRow } from '../../engine';
import type { TimeEntry } from '../../schema/model';
import { hoursOf, money, moneyIn } from '../format';

const useStyles = makeStyles({
  header: { width: '100%', display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, justifyContent: 'space-between', alignItems: 'baseline' },
  headerMain: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  number: { color: tokens.colorBrandForeground1, marginRight: tokens.spacingHorizontalXS },
  gross: { marginLeft: 'auto', textAlign: 'right', whiteSpace: 'nowrap' },
  item: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  factTerm: { color: tokens.colorNeutralForeground3 },
  factValue: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  rows: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  rowLine: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  amount: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  entries: { listStyleType: 'none', margin: 0, padding: 0, color: tokens.colorNeutralForeground3 },
});

/** The number an invoice has, or in a preview the placeholder the Preview sheets show. */
export function invoiceLabel(invoice: Invoice, position: number): string {
  return invoice.invoiceNo !== '' ? invoice.invoiceNo : previewInvoiceLabel(position);
}

function quantityWords(row: InvoiceRow, currency: string): string {
  const qty = row.entryIds.length > 0 && row.unitPrice !== undefined ? `${row.quantity.toFixed(2)} h` : row.quantity.toFixed(2);
  return row.unitPrice !== undefined ? `${qty} × ${money(row.unitPrice)} ${currency}` : qty;
}

function entryWords(id: string, entries: Map<string, TimeEntry>): string {
  const entry = entries.get(id.toLowerCase());
  if (!entry) return id;
  return [id, isoFromDay(entry.date), entry.personName, `${hoursOf(entry.seconds)} recorded`].join(' · ');
}

function InvoiceRows({ invoice, entries }: { invoice: Invoice; entries: Map<string, TimeEntry> }) {
  const styles = useStyles();
  return (
    <ol className={styles.rows} aria-label="Invoice rows">
      {invoice.rows.map((row) => (
        <li key={row.row} className={styles.row}>
          <span className={styles.rowLine}>
            <Body1>{row.description}</Body1>
            <Body1Strong className={styles.amount}>{money(row.amount)}</Body1Strong>
          </span>
          <Caption1>{quantityWords(row, invoice.currency)}{row.lineItem ? ` · line ${row.lineItem}` : ''}</Caption1>
          {row.entryIds.length > 0 && (
            <ul className={styles.entries} aria-label={`Entries behind row ${row.row}`}>
              {row.entryIds.map((id) => (
                <li key={id}><Caption1>{entryWords(id, entries)}</Caption1></li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

export interface InvoiceListProps {
  invoices: Invoice[];
  /** The run's time entries, to show what stands behind each row. */
  entries: TimeEntry[];
}

export function InvoiceList({ invoices, entries }: InvoiceListProps) {
  const styles = useStyles();
  const byId = new Map(entries.map((e) => [e.id.toLowerCase(), e]));
  return (
    <Accordion multiple collapsible>
      {invoices.map((invoice, i) => {
        const label = invoiceLabel(invoice, i + 1);
        return (
          <AccordionItem key={`${label}-${invoice.source}`} value={label} className={styles.item}>
            <AccordionHeader size="medium">
              <span className={styles.header}>
                <span className={styles.headerMain}>
                  <Body1Strong><span className={styles.number}>{label}</span> {invoice.customer}</Body1Strong>
                  <Caption1>{invoice.source} · {invoice.kind} · net {money(invoice.net)}</Caption1>
                </span>
                <Body1Strong className={styles.gross}>{moneyIn(invoice.gross, invoice.currency)}</Body1Strong>
              </span>
            </AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <dl className={styles.facts}>
                <dt className={styles.factTerm}>Date</dt><dd className={styles.factValue}>{isoFromDay(invoice.date)}</dd>
                <dt className={styles.factTerm}>Source</dt><dd className={styles.factValue}>{invoice.source} ({invoice.kind})</dd>
                <dt className={styles.factTerm}>Net</dt><dd className={styles.factValue}>{moneyIn(invoice.net, invoice.currency)}</dd>
                <dt className={styles.factTerm}>Tax</dt><dd className={styles.factValue}>{moneyIn(invoice.tax, invoice.currency)} ({invoice.taxRate.times(100).toString()} %)</dd>
                <dt className={styles.factTerm}>Gross</dt><dd className={styles.factValue}>{moneyIn(invoice.gross, invoice.currency)}</dd>
              </dl>
              <InvoiceRows invoice={invoice} entries={byId} />
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
