/**
 * Why a file that failed to load is not a workbook this tool can read, in a finance user's
 * words: the end of "Cannot open book.xlsx: ___". Never the file library's own message,
 * which names zip internals or JavaScript properties.
 */
import JSZip from 'jszip';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export async function unreadableReason(bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) return 'the file is empty';
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    return 'it is a password-protected workbook or an old .xls file; save it from Excel as an .xlsx workbook without a password';
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return 'it is not an Excel workbook (.xlsx)';
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return 'the file is damaged (cut short or corrupted); open it in Excel to repair it, or use a backup';
  }
  const mimetype = zip.file('mimetype');
  if (mimetype && (await mimetype.async('string')).includes('opendocument')) {
    return 'it is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx)';
  }
  if (zip.file('xl/workbook.bin')) return 'it is a binary workbook (.xlsb); save it as an Excel workbook (.xlsx)';
  if (!zip.file('xl/workbook.xml')) return 'it is not an Excel workbook (.xlsx)';
  return 'the workbook is damaged or written in a form this tool cannot read; open it in Excel and save it again';
}
