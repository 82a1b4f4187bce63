import type { Item, ItemKey } from './model';
import { IdIndex } from './idIndex';
import { keyOf, type TableReader } from './tableReader';

/** Items: `Item` (id), `Group`, `CostPrice`, `ExtraCost`, `RevenueAccount`. Optional table. */
export function readItems(reader: TableReader | undefined): Item[] {
  if (!reader) return [];
  const cItem = reader.column('Item', true);
  const cGroup = reader.column('Group');
  const cCostPrice = reader.column('CostPrice');
  const cExtraCost = reader.column('ExtraCost');
  const cAccount = reader.column('RevenueAccount');
  const seen = new IdIndex(reader.rowCount);
  const items = reader.readRows<Item>((row, r) => {
    const id = reader.rowIdentity(row, r, cItem, seen);
    const group = reader.text(row, r, cGroup);
    const costPrice = reader.money(row, r, cCostPrice);
    const extraCost = reader.money(row, r, cExtraCost);
    const revenueAccount = reader.text(row, r, cAccount);
    if (id === undefined) return undefined;
    return { key: keyOf<ItemKey>(id), id, group, costPrice, extraCost, revenueAccount, source: reader.source(r) };
  });
  return items;
}
