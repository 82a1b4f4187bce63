/**
 * What invoicing needs of each line item (docs/billing-engine.md, "Invoice rows"), worked out
 * once per run rather than once per transaction: the order it bills on (as an index into the
 * Orders table), the item and its revenue account, the group name, and the line's price as
 * a small integer. Prices are interned (index = id), so rows sum seconds per price id and
 * make one Decimal product per (row, price).
 */
import type { BillingWorkbook, Item, ItemKey, OrderKey } from '../../schema/model';
import { exactRate, type Decimal, type ExactRate } from '../../core/money';

export interface LineFacts {
  /** Index of the line's order in the Orders table; -1 when the order is not there. */
  order: number;
  item: Item | undefined;
  /** The item's RevenueAccount, else Settings ProjectRevenueAccount. */
  revenueAccount: string;
  /** Items.Group, else the item id: the text of a By Groups row. */
  groupName: string;
  priceId: number;
  /** `Item: ` of a transaction row's description, made once per line rather than per row. */
  transactionPrefix: string;
}

export interface OrderLineFacts {
  /** One per line item, in LineItems order. */
  lines: LineFacts[];
  /** The order of each line (LineFacts.order), as a typed array for the loops over transactions. */
  orderOfLine: Int32Array;
  /** Interned prices: `prices[priceId]`. */
  prices: Decimal[];
  /** The same prices as integers where they fit (money.ts), else undefined. */
  exactPrices: (ExactRate | undefined)[];
}

export function orderLineFacts(book: BillingWorkbook): OrderLineFacts {
  const { settings, orders } = book;
  const orderIndex = new Map<OrderKey, number>();
  orders.forEach((order, i) => orderIndex.set(order.key, i));
  const itemByKey = new Map<ItemKey, Item>();
  book.items.forEach((item) => itemByKey.set(item.key, item));
  const prices: Decimal[] = [];
  const priceIds = new Map<string, number>();
  const lines = book.lineItems.map((line): LineFacts => {
    const item = itemByKey.get(line.item);
    const priceText = line.unitPrice.toString();
    let priceId = priceIds.get(priceText);
    if (priceId === undefined) {
      priceId = prices.length;
      prices.push(line.unitPrice);
      priceIds.set(priceText, priceId);
    }
    return {
      order: orderIndex.get(line.orderKey) ?? -1,
      item,
      revenueAccount: item?.revenueAccount ?? settings.projectRevenueAccount,
      groupName: item?.group ?? line.itemId,
      priceId,
      transactionPrefix: `${line.itemId}: `,
    };
  });
  return { lines, orderOfLine: Int32Array.from(lines, (facts) => facts.order), prices, exactPrices: prices.map(exactRate) };
}
