/**
 * The Invoice Times layouts of order time (Basis Actual; docs/billing-rules.md section 6,
 * docs/billing-engine.md, "Invoice rows"): one entry per layout, saying which time shares a row and what the row reads.
 * Every row also keeps its revenue account apart: time of two accounts never shares a row.
 */
import type { InvoiceTimes, LineItem, Order, Settings, TimeEntry } from '../../schema/model';
import { idKey } from '../../core/idKey';
import type { LineFacts } from './orderLineFacts';

export interface InvoiceTimesLayout {
  /**
   * What the lines whose time shares a row have in common (the revenue account is added to
   * it); undefined: every transaction is a row of its own.
   */
  lineKey?: (line: LineItem, facts: LineFacts) => string;
  /** Whether each person's time gets rows of its own as well. */
  isPerPerson: boolean;
  /** The row's text, from the first transaction that lands in it. */
  description: (line: LineItem, facts: LineFacts, entry: TimeEntry, order: Order, settings: Settings) => string;
  /** Whether the row names its item in the Item column. */
  showsItem: boolean;
}

export const INVOICE_TIMES_LAYOUTS: Readonly<Record<InvoiceTimes, InvoiceTimesLayout>> = {
  OneRowTotal: {
    lineKey: () => '',
    isPerPerson: false,
    description: (_line, _facts, _entry, order, settings) => order.timeDescription ?? settings.timeDescription,
    showsItem: false,
  },
  ByGroups: {
    // Group names compare like ids: an item without a Group is its own group, and two lines
    // spelling one item "Dev" and "dev" give one row, as under By Items. The row's text is
    // the name as first met.
    lineKey: (_line, facts) => idKey(facts.groupName),
    isPerPerson: false,
    description: (_line, facts) => facts.groupName,
    showsItem: false,
  },
  ByItems: {
    lineKey: (line) => line.item,
    isPerPerson: false,
    description: (line) => line.itemId,
    showsItem: true,
  },
  ByTransactions: {
    isPerPerson: false,
    // `Item: comment`, or the item alone.
    description: (line, facts, entry) => {
      const comment = entry.comment?.trim();
      return comment ? facts.transactionPrefix + comment : line.itemId;
    },
    showsItem: true,
  },
  ByItemsPerson: {
    lineKey: (line) => line.item,
    isPerPerson: true,
    // The person's name as written on the row's first billed entry.
    description: (line, _facts, entry) => `${line.itemId}: ${entry.personName}`,
    showsItem: true,
  },
};
