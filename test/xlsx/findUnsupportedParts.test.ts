import JSZip from 'jszip';
import { describeUnsupportedParts, findUnsupportedParts } from '../../src/xlsx/findUnsupportedParts';
import { editZip, fixtureWorkbook } from './fixtures';

async function partsOf(bytes: Buffer) {
  return findUnsupportedParts(await JSZip.loadAsync(bytes));
}

describe('parts the file library cannot carry through', () => {
  test('a workbook made of sheets and tables only has none', async () => {
    expect(await partsOf(await fixtureWorkbook())).toEqual([]);
  });

  test('names charts, pivot caches and macros with the parts found', async () => {
    const bytes = await editZip(await fixtureWorkbook(), (zip) => {
      zip.file('xl/charts/chart1.xml', '<c/>');
      zip.file('xl/pivotCache/pivotCacheDefinition1.xml', '<p/>');
      zip.file('xl/vbaProject.bin', 'x');
    });
    expect(describeUnsupportedParts(await partsOf(bytes))).toBe(
      'charts (xl/charts/chart1.xml), pivot caches (xl/pivotCache/pivotCacheDefinition1.xml), macros (VBA project) (xl/vbaProject.bin)',
    );
  });

  test('finds sparklines kept at the end of a worksheet', async () => {
    const bytes = await editZip(await fixtureWorkbook(), async (zip) => {
      const xml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
      zip.file('xl/worksheets/sheet2.xml', xml.replace('</worksheet>', '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"><x14:sparklineGroups/></ext></extLst></worksheet>'));
    });
    expect(await partsOf(bytes)).toEqual([{ kind: 'sparklines', paths: ['xl/worksheets/sheet2.xml'] }]);
  });
});
