import type { Person, PersonKey } from './model';
import { IdIndex } from './idIndex';
import type { ReadContext } from './readContext';
import { keyOf, type TableReader } from './tableReader';

/** People: `Person` (id), `CostPerHour`. Optional table. */
export function readPeople(reader: TableReader | undefined, ctx: ReadContext): Person[] {
  if (!reader) return [];
  const cPerson = reader.column('Person', true);
  const cCost = reader.column('CostPerHour');
  const people: Person[] = [];
  const seen = new IdIndex(reader.rowCount);
  const rows = reader.table.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (reader.isBlankRow(row)) continue;
    const before = ctx.issues.length;
    const id = reader.rowIdentity(row, r, cPerson, seen);
    const costPerHour = reader.money(row, r, cCost);
    if (ctx.issues.length !== before || id === undefined) continue;
    people.push({ key: keyOf<PersonKey>(id), id, costPerHour, source: reader.source(r) });
  }
  return people;
}
