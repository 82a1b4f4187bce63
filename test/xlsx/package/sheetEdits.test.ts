/** The rows a sheet's edits touch come out in order, each once, however the edits were made. */
import fc from 'fast-check';
import { SheetEdits } from '../../../src/xlsx/package/sheetEdits';

test('edited rows are every row given a value, a style or a kept cell, in order, each once', () => {
  const edit = fc.record({ row: fc.integer({ min: 1, max: 60 }), column: fc.integer({ min: 1, max: 4 }), styled: fc.boolean() });
  fc.assert(
    fc.property(fc.array(edit, { maxLength: 80 }), (made) => {
      const edits = new SheetEdits();
      for (const { row, column, styled } of made) {
        if (styled) edits.setStyle(row, column, 3);
        else edits.setValue(row, column, `INV-${row}`);
      }
      const expected = [...new Set(made.map((m) => m.row))].sort((a, b) => a - b);
      expect(Array.from(edits.editedRows())).toEqual(expected);
    }),
    { numRuns: 500 },
  );
});
