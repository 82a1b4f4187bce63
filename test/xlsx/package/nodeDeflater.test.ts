/**
 * The command line's deflate (zlib in a second thread, nodeDeflater.ts): a part streamed in many
 * pieces comes out as one valid zip entry, its text and CRC-32 as written, beside parts deflated
 * on the spot; the same package with fflate's deflate holds the same parts.
 */
import JSZip from 'jszip';
import { strToU8, zipSync } from 'fflate';
import { nodeDeflater } from '../../../src/xlsx/package/nodeDeflater';
import { ZipPackage } from '../../../src/xlsx/package/zipPackage';

function bigSheet(rows: number): string[] {
  const out: string[] = ['<sheetData>'];
  for (let r = 1; r <= rows; r++) out.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Entry ${r} \u00e9\u20ac</t></is></c><c r="B${r}"><v>${r * 0.25}</v></c></row>`);
  out.push('</sheetData>');
  return out;
}

async function partsOf(bytes: Uint8Array): Promise<Record<string, string>> {
  // checkCRC32: a CRC that does not match the data is an error.
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) out[name] = await zip.file(name)!.async('string');
  return out;
}

test('a part of many pieces, deflated in the second thread, reads back whole with its CRC; small parts beside it too', async () => {
  const input = zipSync({ 'a.xml': strToU8('<a>kept</a>'), 'b.xml': strToU8('<b/>') });
  const texts = bigSheet(120_000);
  const make = (): ZipPackage => {
    const pkg = ZipPackage.open(input);
    pkg.setStream('xl/worksheets/sheet1.xml', (push) => texts.forEach((t) => push(t)));
    pkg.set('c.xml', '<c>new</c>');
    return pkg;
  };
  const expected = texts.join('');
  expect(new TextEncoder().encode(expected).length).toBeGreaterThan(3 * (1 << 21));

  const threaded = await partsOf(make().toBytes(3, nodeDeflater(3)));
  expect(threaded['xl/worksheets/sheet1.xml']).toBe(expected);
  expect(threaded['a.xml']).toBe('<a>kept</a>');
  expect(threaded['c.xml']).toBe('<c>new</c>');
  expect(await partsOf(make().toBytes(3))).toEqual(threaded);
});
