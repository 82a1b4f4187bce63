/**
 * exceljs always declares the workbook part as a plain workbook
 * (`spreadsheetml.sheet.main+xml`); Excel refuses to open an `.xlsm` file declared so ("the
 * file format or extension is not valid"). A result written as `.xlsm` gets the macro-enabled
 * type, which Excel opens with or without a VBA project inside.
 */
import JSZip from 'jszip';

const PLAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const MACRO_ENABLED = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

export async function asMacroWorkbook(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const types = zip.file('[Content_Types].xml');
  if (!types) return bytes;
  const xml = await types.async('string');
  if (!xml.includes(PLAIN)) return bytes;
  zip.file('[Content_Types].xml', xml.split(PLAIN).join(MACRO_ENABLED));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
