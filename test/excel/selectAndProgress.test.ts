/**
 * The two adapter pieces the task pane needs besides billing: selecting the cell an input
 * error names, and telling how many rows the read has got through.
 */
import { ExcelWorkbook } from '../../src/excel/ExcelWorkbook';
import { FakeExcel } from '../fakeExcel/FakeExcel';

function fakeWithEntries(rows: number): FakeExcel {
  return FakeExcel.fromTables([
    { name: 'TimeEntries', sheet: 'Time entries', headerRow: 3, firstColumn: 2, headers: ['EntryId', 'Hours'], rows: Array.from({ length: rows }, (_, i) => [`E${i + 1}`, 1]) },
    { name: 'Orders', sheet: 'Orders', headerRow: 1, firstColumn: 1, headers: ['OrderId'], rows: [['O-1'], ['O-2']] },
  ]);
}

test('selects the cell an input error names, on its own sheet, quoted sheet names included', async () => {
  const fake = fakeWithEntries(3);
  await new ExcelWorkbook(fake.run).selectCell("'Time entries'!C5");
  expect(fake.selection).toEqual({ sheet: 'Time entries', address: 'C5' });
  await new ExcelWorkbook(fake.run).selectCell('Orders!A3');
  expect(fake.selection).toEqual({ sheet: 'Orders', address: 'A3' });
});

test('selects a whole table when the error names the table alone', async () => {
  const fake = fakeWithEntries(2);
  await new ExcelWorkbook(fake.run).selectCell('Orders');
  expect(fake.selection).toEqual({ sheet: 'Orders', address: 'A1:A3' });
});

test('reports rows read of all data rows, ending at the total', async () => {
  const fake = fakeWithEntries(40);
  const seen: [number, number][] = [];
  await new ExcelWorkbook(fake.run, { onReadProgress: (done, total) => seen.push([done, total]) }).readTables();
  expect(seen[0]).toEqual([0, 42]);
  expect(seen[seen.length - 1]).toEqual([42, 42]);
  expect(seen.every(([done], i) => i === 0 || done >= seen[i - 1][0])).toBe(true);
});
