/**
 * The lists beside the invoices: orders that cannot bill now (with OrderStatus's reason),
 * agreements low on balance, and time that no line item takes (with the exception's reason).
 */
import { Badge, Body1, Body1Strong, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { isoFromDay, type AgreementSummaryRow, type BillingException, type ExceptionReason, type OrderStatusRow } from '../../engine';
import { hoursOf, money } from '../format';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  line: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  figure: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function OrdersOnHold({ orders, currency }: { orders: OrderStatusRow[]; currency: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {orders.map((order) => (
        <li key={order.orderId} className={styles.item}>
          <span className={styles.line}>
            <Body1Strong>{order.orderId} · {order.customer}</Body1Strong>
            <Caption1 className={styles.figure}>unbilled {money(order.unbilled)} {currency}</Caption1>
          </span>
          <Body1>{order.reason || 'cannot bill now'}</Body1>
          <Caption1 className={styles.muted}>{order.billingMode}</Caption1>
        </li>
      ))}
    </ul>
  );
}

export function LowBalanceAgreements({ agreements }: { agreements: AgreementSummaryRow[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {agreements.map((a) => {
        const total = a.initial.plus(a.added).plus(a.rolledOver);
        return (
          <li key={a.agreementId} className={styles.item}>
            <span className={styles.line}>
              <Body1Strong>{a.agreementId} · {a.customer}</Body1Strong>
              <Badge appearance="tint" color="warning">{a.remaining.toFixed(2)} h left</Badge>
            </span>
            <Caption1 className={styles.muted}>
              of {total.toFixed(2)} h; used {a.used.toFixed(2)} h{a.overrun.gt(0) ? `, ${a.overrun.toFixed(2)} h over the block` : ''} · {a.status}
            </Caption1>
          </li>
        );
      })}
    </ul>
  );
}

const REASON_WORDS: Record<ExceptionReason, string> = {
  NoLineItem: 'No line item',
  OverLimit: 'Over the cap',
  UnknownNode: 'Unknown node',
  UnknownAgreement: 'Unknown agreement',
  AgreementInactive: 'Agreement not active',
  ExcludedCategory: 'Category excluded',
  Overrun: 'Over the block',
  OrderBilled: 'Order already billed',
};

export function TimeExceptions({ exceptions }: { exceptions: BillingException[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {exceptions.map((e, i) => (
        <li key={`${e.entryId}-${i}`} className={styles.item}>
          <span className={styles.line}>
            <Body1Strong>{e.entryId} · {e.person}</Body1Strong>
            <Badge appearance="tint" color="danger">{REASON_WORDS[e.reason] ?? e.reason}</Badge>
          </span>
          <Caption1 className={styles.muted}>{isoFromDay(e.date)} · {hoursOf(e.seconds)}{e.nodeId ? ` · node ${e.nodeId}` : ''}{e.agreement ? ` · ${e.agreement}` : ''}</Caption1>
          <Body1>{e.message}</Body1>
        </li>
      ))}
    </ul>
  );
}
