import type { Person, PersonKey } from './model';
import { IdIndex } from './idIndex';
import { keyOf, type TableReader } from './tableReader';

/** People: `Person` (id), `CostPerHour`. Optional table. */
export function readPeople(reader: TableReader | undefined): Person[] {
  if (!reader) return [];
  const cPerson = reader.column('Person', true);
  const cCost = reader.column('CostPerHour');
  const seen = new IdIndex(reader.rowCount);
  const people = reader.readRows<Person>((row, r) => {
    const id = reader.rowIdentity(row, r, cPerson, seen);
    const costPerHour = reader.money(row, r, cCost);
    if (id === undefined) return undefined;
    return { key: keyOf<PersonKey>(id), id, costPerHour, source: reader.source(r) };
  });
  return people;
}
