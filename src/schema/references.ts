/**
 * References inside the master data (ParentId, LineItems.OrderId, ParentNode, RenewalOf,
 * ...) are collected while the tables are read and checked once every table is in, because
 * Orders and ProjectTree point at each other.
 */
import { sentences } from './issueCatalogue';
import type { TableReader } from './tableReader';

export type ReferenceTarget = 'Orders' | 'ProjectTree' | 'LineItems' | 'Agreements';

const TARGET_COLUMN: Record<ReferenceTarget, string> = {
  Orders: 'OrderId',
  ProjectTree: 'NodeId',
  LineItems: 'OrderId/Line',
  Agreements: 'AgreementId',
};

interface PendingReference {
  reader: TableReader;
  index: number;
  column: number;
  rowId: string | undefined;
  key: string;
  target: ReferenceTarget;
}

export class ReferenceList {
  private readonly pending: PendingReference[] = [];

  /** Notes that the cell at (index, column) must name an existing row of `target` by `key`. */
  add(reader: TableReader, index: number, column: number, key: string, target: ReferenceTarget): void {
    this.pending.push({ reader, index, column, rowId: reader.rowId, key, target });
  }

  /**
   * Reports every reference whose key is not among its target's keys. A target given as
   * undefined is a missing table, already reported once as MISSING_TABLE.
   */
  resolve(keys: Record<ReferenceTarget, ReadonlySet<string> | undefined>): void {
    for (const ref of this.pending) {
      const known = keys[ref.target];
      if (known === undefined || known.has(ref.key)) continue;
      const { reader, index, column } = ref;
      const value = reader.valueAt(index, column);
      const name = reader.columnName(column);
      const sentence = ref.target === 'LineItems'
        ? sentences.unknownLineItem(name, value)
        : sentences.unknownReference(name, value, ref.target, TARGET_COLUMN[ref.target]);
      reader.report(sentence, index, column, value, ref.rowId);
    }
  }
}
