/**
 * The engine as the task pane will load it: bundled by webpack for the browser and run in a
 * sandbox with no Node globals (no require, process or Buffer). Bills a small workbook there.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import vm from 'vm';
import webpack from 'webpack';
import type { CellValue, RawTable } from '../../src/schema/rawTable';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js');

function build(outputPath: string): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    webpack(config({ outputPath }), (error, stats) => (error || !stats ? reject(error) : resolve(stats)));
  });
}

const table = (name: string, headers: string[], rows: CellValue[][]): RawTable => ({ name, sheet: name, headerRow: 1, firstColumn: 1, headers, rows });

test('the browser bundle bills a workbook without any Node global', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'psa-web-'));
  const stats = await build(out);
  expect(stats.hasErrors()).toBe(false);

  const sandbox: Record<string, unknown> = {};
  vm.runInNewContext(`${fs.readFileSync(path.join(out, 'psa-engine.js'), 'utf8')}\nthis.PsaBilling = PsaBilling;`, sandbox);
  const engine = sandbox.PsaBilling as typeof import('../../src/engine/index');

  const raw = {
    tables: [
      table('Orders', ['OrderId', 'Customer'], [['O-1', 'Acme']]),
      table('LineItems', ['OrderId', 'Line', 'Item', 'UnitPrice', 'Link'], [['O-1', '1', 'Consulting', 120, 'MainProject']]),
      table('ProjectTree', ['NodeId', 'ParentId', 'Name', 'Kind', 'OrderId'], [['P1', null, 'Acme project', 'MainProject', 'O-1']]),
      table('TimeEntries', ['EntryId', 'Date', 'Person', 'NodeId', 'Hours'], [['E1', '2025-01-06', 'Anna', 'P1', '1:30']]),
    ],
  };
  const read = engine.checkBillingWorkbook(raw);
  expect(read.issues).toEqual([]);
  const result = engine.runBilling(read.workbook!, { billingDate: engine.dayFromIso('2025-01-31')!, preview: false });
  expect(result.invoices.map((i) => [i.invoiceNo, i.net.toFixed(2)])).toEqual([['INV-00001', '180.00']]);
});
