import type { Item, ItemKey } from './model';
import { IdIndex } from './idIndex';
import type { ReadContext } from './readContext';
import { keyOf, type TableReader } from './tableReader';

/** Items: `Item` (id), `Group`, `CostPrice`, `ExtraCost`, `RevenueAccount`. Optional table. */
export function readItems(reader: TableReader | undefined, ctx: ReadContext): Item[] {
  if (!reader) return [];
  const cItem = reader.column('Item', true);
  const cGroup = reader.column('Group');
  const cCostPrice = reader.column('CostPrice');
  const cExtraCost = reader.column('ExtraCost');
  const cAccount = reader.column('RevenueAccount');
  const items: Item[] = [];
  const seen = new IdIndex(reader.rowCount);
  const rows = reader.table.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (reader.isBlankRow(row)) continue;
    const before = ctx.issues.length;
    const id = reader.rowIdentity(row, r, cItem, seen);
    const group = reader.text(row, r, cGroup);
    const costPrice = reader.money(row, r, cCostPrice);
    const extraCost = reader.money(row, r, cExtraCost);
    const revenueAccount = reader.text(row, r, cAccount);
    if (ctx.issues.length !== before || id === undefined) continue;
    items.push({ key: keyOf<ItemKey>(id), id, group, costPrice, extraCost, revenueAccount, source: reader.source(r) });
  }
  return items;
}
