/**
 * Why a file that failed to load is not a workbook this tool can read, in a finance user's
 * words: the end of "Cannot open book.xlsx: ___" (the command line's CannotOpen). Never the
 * file library's own message, which names zip internals or JavaScript properties. The reason
 * is told from the file's first bytes and parts; its phrase comes from unreadableReasons.ts.
 */
import JSZip from 'jszip';
import { unreadableReasons, type UnreadableReason } from './unreadableReasons';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** What the bytes show the file to be, when it is not a workbook this tool reads. */
async function whyUnreadable(bytes: Uint8Array): Promise<UnreadableReason> {
  if (bytes.length === 0) return 'Empty';
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) return 'EncryptedOrXls';
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return 'NotAWorkbook';
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return 'Damaged';
  }
  const mimetype = zip.file('mimetype');
  if (mimetype && (await mimetype.async('string')).includes('opendocument')) return 'OpenDocument';
  if (zip.file('xl/workbook.bin')) return 'BinaryWorkbook';
  if (!zip.file('xl/workbook.xml')) return 'NotAWorkbook';
  return 'PartsUnreadable';
}

/** The phrase of why a file that failed to load cannot be read. */
export async function unreadableReason(bytes: Uint8Array): Promise<string> {
  return unreadableReasons[await whyUnreadable(bytes)]();
}
