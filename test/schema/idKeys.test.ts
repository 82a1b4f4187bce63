import fc from 'fast-check';
import { IdIndex } from '../../src/schema/idIndex';
import { readBillingWorkbook } from '../../src/schema/readBillingWorkbook';
import { validRecords, workbookWith } from '../builders/rawWorkbook';

/** The same id as a user might retype it: any letter's case flipped, spaces around it. */
const retyped = (id: string) =>
  fc.tuple(fc.array(fc.boolean(), { minLength: id.length, maxLength: id.length }), fc.constantFrom('', ' ', '  ', '\u00a0'), fc.constantFrom('', ' ', ' \u00a0'))
    .map(([flips, before, after]) => before + [...id].map((ch, i) => (flips[i] ? ch.toUpperCase() : ch.toLowerCase())).join('') + after);

const id = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,8}$/);
/** An id and a retyped copy of it. */
const withRetyped = id.chain((original) => fc.tuple(fc.constant(original), retyped(original)));

describe('ids are compared trimmed and case-insensitively', () => {
  it('resolves a ParentId and a LineItem written in another case and spacing', () => {
    fc.assert(
      fc.property(withRetyped, withRetyped, ([nodeId, parentRef], [orderId, orderRef]) => {
        const tree = validRecords().ProjectTree;
        const { issues, workbook } = readBillingWorkbook(workbookWith({
          Orders: [{ OrderId: orderId, Customer: 'ACME' }],
          LineItems: [{ OrderId: orderRef, Line: 10, Item: 'Consulting', UnitPrice: 100 }],
          ProjectTree: [
            { ...tree[0], NodeId: nodeId, OrderId: orderRef },
            // A space in the child's id keeps it apart from any generated id.
            { ...tree[1], NodeId: 'work package', ParentId: parentRef, OrderId: orderId, LineItem: `${orderRef}/10` },
          ],
        }));
        expect(issues).toEqual([]);
        expect(workbook?.nodes[1].parent).toBe(workbook?.nodes[0].key);
      }),
      { numRuns: 200 },
    );
  });

  it('finds a duplicate that differs only in case and spacing', () => {
    fc.assert(
      fc.property(withRetyped, ([entryId, again]) => {
        const index = new IdIndex();
        index.add(entryId, 0);
        expect(index.add(again.trim(), 1)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('tells different ids apart', () => {
    const index = new IdIndex(2);
    const added = ['E1', 'E2', 'e10', 'E01', 'É1', 'e1'].map((entryId, row) => index.add(entryId, row));
    expect(added).toEqual([-1, -1, -1, -1, -1, 0]);
  });

  it('compares ids with letters beyond ASCII case-insensitively too', () => {
    const index = new IdIndex();
    index.add('Ärger-1', 0);
    expect(index.add('ärger-1', 1)).toBe(0);
  });

  it('keeps finding duplicates after growing past its first size', () => {
    const index = new IdIndex(1);
    for (let row = 0; row < 1000; row++) index.add(`E${row}`, row);
    expect([index.add('e999', 1000), index.add('e0', 1001), index.add('E1000', 1002)]).toEqual([999, 0, -1]);
  });
});
