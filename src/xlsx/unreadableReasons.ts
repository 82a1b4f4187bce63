/**
 * Why a file is not a workbook this tool reads, one phrase per reason (docs/billing-engine.md,
 * "Messages"): the end of the command line's "Cannot open book.xlsx: ___", picked by
 * unreadableWorkbook.ts from what the file's bytes show.
 */

/** Every reason a file is not a workbook this tool reads, with its phrase. */
export const unreadableReasons = {
  Empty: (): string => 'the file is empty',
  /** An OLE compound file: Excel keeps an encrypted .xlsx in one, and an old .xls is one. */
  EncryptedOrXls: (): string => 'it is a password-protected workbook or an old .xls file; save it from Excel as an .xlsx workbook without a password',
  NotAWorkbook: (): string => 'it is not an Excel workbook (.xlsx)',
  Damaged: (): string => 'the file is damaged (cut short or corrupted); open it in Excel to repair it, or use a backup',
  OpenDocument: (): string => 'it is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx)',
  BinaryWorkbook: (): string => 'it is a binary workbook (.xlsb); save it as an Excel workbook (.xlsx)',
  /** A zip with a workbook part that still fails to load. */
  PartsUnreadable: (): string => 'the workbook is damaged or written in a form this tool cannot read; open it in Excel and save it again',
};

export type UnreadableReason = keyof typeof unreadableReasons;
