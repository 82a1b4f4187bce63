/** A billing result crosses the Worker boundary (structured clone) and comes back the same. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { dayFromIso } from '../../src/core/day';
import { Decimal } from '../../src/core/money';
import { runBilling } from '../../src/engine/runBilling';
import { readBillingWorkbook } from '../../src/schema/readBillingWorkbook';
import { decimalsFromText, decimalsToText } from '../../src/taskpane/billing/transferDecimals';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';

test('the sample\'s result survives a structured clone with every Decimal exact and a Decimal again', async () => {
  const raw = await (await XlsxWorkbook.load(await fs.readFile(path.join(__dirname, '..', '..', 'assets', 'sample.xlsx')))).readTables();
  const { workbook } = readBillingWorkbook(raw);
  const result = runBilling(workbook!, { billingDate: dayFromIso('2026-11-30')!, preview: true });
  const back = decimalsFromText(structuredClone(decimalsToText(result))) as typeof result;
  // Compared as text: jest's realm and Node's structuredClone make typed arrays of different realms.
  expect(JSON.stringify(decimalsToText(back))).toBe(JSON.stringify(decimalsToText(result)));
  expect(back.invoices[0].gross).toBeInstanceOf(Decimal);
  expect(back.invoices[0].gross.plus(1).minus(1).toFixed(2)).toBe(result.invoices[0].gross.toFixed(2));
});

test('digits beyond a double\'s precision come back exactly', () => {
  const value = new Decimal('12345678901234567890.123456789');
  expect((decimalsFromText(structuredClone(decimalsToText({ value }))) as { value: Decimal }).value.toString()).toBe(value.toString());
});
