import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { columnWidth, MAX_WIDTH, MIN_WIDTH, shownLength } from '../../src/engine/tableColumnWidths';
import { readBillingWorkbook } from '../../src/schema/readBillingWorkbook';
import { runBilling } from '../../src/engine/runBilling';
import { dayFromIso } from '../../src/core/day';
import fc from 'fast-check';
import { DATE_FORMAT, HOURS_FORMAT, MONEY_FORMAT, PERCENT_FORMAT } from '../../src/engine/resultTables';

const SAMPLE = path.join(__dirname, '..', 'fixtures', 'other-programs', 'sample-original.xlsx');

describe('a table the tool creates has columns wide enough for their content', () => {
  it('shows money with its thousands separators and two decimals, dates as ten characters', () => {
    expect(shownLength(26877.34, MONEY_FORMAT)).toBe('26,877.34'.length);
    expect(shownLength(46356, 'yyyy-mm-dd')).toBe(10);
    expect(shownLength('two\nlines, the longer one', undefined)).toBe('lines, the longer one'.length);
  });

  it('is as wide as the header with its filter button or the widest value, within bounds', () => {
    expect(columnWidth('Net', MONEY_FORMAT, [[1234567.5]], 0)).toBe('1,234,567.50'.length + 2);
    expect(columnWidth('BuyerReference', undefined, [[null]], 0)).toBe('BuyerReference'.length + 3 + 2);
    expect(columnWidth('Tax', MONEY_FORMAT, [[0]], 0)).toBe(MIN_WIDTH);
    expect(columnWidth('Description', undefined, [['x'.repeat(500)]], 0)).toBe(MAX_WIDTH);
  });

  it('the Invoices sheet of a billed sample: every header and value fits its column', async () => {
    const book = await XlsxWorkbook.load(fs.readFileSync(SAMPLE));
    const read = readBillingWorkbook(await book.readTables());
    await book.writeResult(runBilling(read.workbook!, { billingDate: dayFromIso('2026-11-30')!, preview: false }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Invoices')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(headers.slice(0, 3)).toEqual(['InvoiceNo', 'Date', 'Customer']);
    headers.forEach((header, i) => {
      const column = sheet.getColumn(i + 1);
      let widest = header.length + 3;
      column.eachCell({ includeEmpty: false }, (cell, row) => {
        if (row === 1) return;
        const v = cell.value;
        const numFmt = cell.numFmt;
        const shown = v instanceof Date ? 10 : shownLength(v as string | number | boolean | null, numFmt);
        widest = Math.max(widest, shown);
      });
      expect([header, column.width! >= Math.min(widest, MAX_WIDTH)]).toEqual([header, true]);
    });
    const customer = headers.indexOf('Customer') + 1;
    // The sample's customers are longer than the 12 characters every column used to get.
    expect(sheet.getColumn(customer).width).toBeGreaterThan(20);
  });
});

describe('a column of a million rows is measured by its largest and smallest numbers', () => {
  /** Every value measured one by one, as the width is defined. */
  function measuredOneByOne(header: string, numFmt: string | undefined, values: (string | number | boolean | null)[]): number {
    let widest = header.length + 3;
    for (const v of values) widest = Math.max(widest, shownLength(v, numFmt));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  }

  it('gives the width measuring every value gives, in every format the tool writes', () => {
    const numbers = fc.oneof(
      fc.integer({ min: -2e9, max: 2e9 }),
      fc.integer({ min: -1e7, max: 1e7 }).map((c) => c / 100),
      fc.double({ min: -1e16, max: 1e16, noNaN: true }),
      fc.constantFrom(-0, 0, 999.995, -999.995, 9.995, 1e15, -1e15, 1e21, Infinity, NaN, 0.004, -0.004, 0.5, -0.5),
    );
    const cell = fc.oneof(numbers, fc.string({ maxLength: 30 }), fc.constantFrom('two\nlines of text', true, false, null));
    const formats = fc.constantFrom(undefined, MONEY_FORMAT, HOURS_FORMAT, DATE_FORMAT, PERCENT_FORMAT, '0.000');
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), formats, (values, numFmt) => {
        expect(columnWidth('Amount', numFmt, values.map((v) => [v]), 0)).toBe(measuredOneByOne('Amount', numFmt, values));
      }),
      { numRuns: 3000 },
    );
  });
});
