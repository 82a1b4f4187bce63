/**
 * The command line's faster access to the input's parts (nodeZipInput.ts: zlib's inflate, and
 * the parts a run leaves as they were carried over deflated as they are): the billed file
 * holds exactly the parts a run without it writes, and each part the run had no reason to
 * change is the input's own deflated bytes, not a new compression of them.
 */
import AdmZip from 'adm-zip';
import * as fs from 'fs';
import * as path from 'path';
import { dayFromIso } from '../../../src/core/day';
import { checkBillingWorkbook } from '../../../src/engine/checkBillingWorkbook';
import { runBilling } from '../../../src/engine/runBilling';
import { nodeDeflater } from '../../../src/xlsx/package/nodeDeflater';
import { nodeZipInput } from '../../../src/xlsx/package/nodeZipInput';
import { XlsxWorkbook } from '../../../src/xlsx/XlsxWorkbook';

const SAMPLE = path.join(__dirname, '..', '..', 'fixtures', 'other-programs', 'sample-original.xlsx');

async function billed(input: Uint8Array, fast: boolean): Promise<Buffer> {
  const book = await XlsxWorkbook.load(input, fast ? { zipInputFor: nodeZipInput } : {});
  const { workbook } = checkBillingWorkbook(await book.readTables());
  await book.writeResult(runBilling(workbook!, { billingDate: dayFromIso('2026-11-30')!, preview: false }));
  return Buffer.from(book.packageBytes(nodeDeflater(3)));
}

function parts(zip: AdmZip): Map<string, Buffer> {
  return new Map(zip.getEntries().map((e) => [e.entryName, e.getData()]));
}

test('a billed file holds the same parts with and without it; unchanged parts keep their deflated bytes', async () => {
  const input = fs.readFileSync(SAMPLE);
  const withFast = new AdmZip(await billed(input, true));
  const without = new AdmZip(await billed(input, false));
  expect(parts(withFast)).toEqual(parts(without));

  const original = new AdmZip(input);
  const unchanged = original.getEntries().filter((e) => {
    if (e.isDirectory) return false;
    const out = withFast.getEntry(e.entryName);
    return out !== null && out.getData().equals(e.getData());
  });
  // The sample's themes, other sheets and tables the run does not touch.
  expect(unchanged.length).toBeGreaterThan(5);
  for (const e of unchanged) expect([e.entryName, withFast.getEntry(e.entryName)!.getCompressedData().equals(e.getCompressedData())]).toEqual([e.entryName, true]);
  // Without it, the same parts are deflated anew (as the task pane does).
  expect(unchanged.some((e) => !without.getEntry(e.entryName)!.getCompressedData().equals(e.getCompressedData()))).toBe(true);
});

test('a large part inflates to the bytes fflate gives; a part it cannot find is left to fflate', () => {
  const input = fs.readFileSync(SAMPLE);
  const fast = nodeZipInput(input);
  const zip = new AdmZip(input);
  const sheet = zip.getEntries().find((e) => e.entryName.startsWith('xl/worksheets/sheet'))!;
  expect(Buffer.from(fast.inflated(sheet.entryName)!).equals(sheet.getData())).toBe(true);
  expect(fast.inflated('xl/no-such-part.xml')).toBeUndefined();
  expect(nodeZipInput(new Uint8Array([1, 2, 3])).deflated('xl/workbook.xml')).toBeUndefined();
});
