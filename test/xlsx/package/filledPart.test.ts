/**
 * A part written straight into its pieces (a register sheet, `ZipPackage.setFilled`): texts
 * put in character by character, non-ASCII ones and long ones encoded, numbers written digit
 * by digit, give the bytes the same text joined and encoded would, across many pieces; a cell
 * written this way is the cell valueCellXml gives.
 */
import JSZip from 'jszip';
import { strToU8, zipSync } from 'fflate';
import type { OutputCell } from '../../../src/engine/resultTables';
import { valueCellXml, writeValueCell } from '../../../src/xlsx/package/cellXml';
import { nodeDeflater } from '../../../src/xlsx/package/nodeDeflater';
import { ZipPackage, type Utf8Pieces } from '../../../src/xlsx/package/zipPackage';

async function partText(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  return zip.file(name)!.async('string');
}

const input = zipSync({ 'a.xml': strToU8('<a/>') });
const numbers = [0, 7, 10, 99, 100, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 1e21, 12.5, -3, -0, 0.1 + 0.2, NaN];
const texts = ['plain', '', 'Caf\u00e9 \u20ac5', '\u00e9 first', 'emoji \u{1F600} here', 'x'.repeat(5000), `long ${'\u00fc'.repeat(3000)}`];

test('texts and numbers written into the pieces read back as the same text joined, over several pieces', async () => {
  const rows = 60_000;
  let expected = '';
  const fill = (out: Utf8Pieces): void => {
    expected = '';
    for (let r = 0; r < rows; r++) {
      const n = numbers[r % numbers.length] * (r % 3 === 0 ? 1 : r);
      const t = texts[r % texts.length];
      out.text('<r>');
      out.uint(n);
      out.text(t);
      out.uint(r);
      out.text('</r>');
      expected += `<r>${String(n)}${t}${r}</r>`;
    }
  };
  const pkg = ZipPackage.open(input);
  pkg.setFilled('big.xml', fill);
  const threaded = pkg.toBytes(3, nodeDeflater(3));
  expect(new TextEncoder().encode(expected).length).toBeGreaterThan(3 * (1 << 21));
  expect(await partText(threaded, 'big.xml')).toBe(expected);
  expect(new TextDecoder().decode(pkg.bytes('big.xml'))).toBe(expected);
});

test('a cell written into the pieces is the cell valueCellXml gives', () => {
  const values: OutputCell[] = [null, '', true, false, Infinity, ...numbers, ...texts, 'a & b', ' padded', 'tab\there', '_x0041_'];
  const pkg = ZipPackage.open(input);
  let expected = '';
  pkg.setFilled('cells.xml', (out) => {
    expected = '';
    values.forEach((value, i) => {
      writeValueCell(out, i + 1, (i % 30) + 1, i % 4, value);
      expected += valueCellXml('', i + 1, (i % 30) + 1, i % 4, value);
    });
  });
  expect(new TextDecoder().decode(pkg.bytes('cells.xml'))).toBe(expected);
});
