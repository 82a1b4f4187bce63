/**
 * The .xlsx adapter as the command line and the task pane's file mode use it: the
 * WorkbookPort over a workbook file, through the package adapter (src/xlsx/package), which
 * reads and writes the file as the zip of XML parts it is and keeps every part a run has no
 * reason to change. After a write, the next read or write starts from the written package,
 * so a second run in the pane sees the first one's invoices and marks.
 */
import type { BillingResult } from '../engine/billingResult';
import type { CreditResult } from '../engine/creditInvoice';
import type { OutputCell } from '../engine/resultTables';
import type { WorkbookPort } from '../engine/workbookPort';
import type { RawWorkbook } from '../schema/rawTable';
import { PackageWorkbook, type ReadHelpers } from './package/PackageWorkbook';
import type { Deflater } from './package/zipPackage';

export { EXCEPTION_FILL_ARGB } from './package/PackageWorkbook';

export class XlsxWorkbook implements WorkbookPort {
  /** Written since the package was last opened: the next read or write reopens the result. */
  private changed = false;
  private written: Uint8Array | undefined;

  private constructor(
    private book: PackageWorkbook,
    private readonly helpers: ReadHelpers,
  ) {}

  /**
   * Loads a workbook from the bytes of an .xlsx (or .xlsm) file; throws when they are not
   * one. A Node Buffer is a Uint8Array, so the command line and the browser (an ArrayBuffer
   * from a File) both call this. `helpers` are the platform's faster ways of reading, where it
   * has them (the command line's).
   */
  static async load(data: Uint8Array | ArrayBuffer, helpers: ReadHelpers = {}): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(PackageWorkbook.open(data instanceof Uint8Array ? data : new Uint8Array(data), helpers), helpers);
  }

  /** Names of the sheets, in tab order. */
  sheetNames(): string[] {
    return this.current().sheetNames();
  }

  async readTables(): Promise<RawWorkbook> {
    return this.current().rawTables();
  }

  async writeResult(result: BillingResult): Promise<void> {
    await this.current().writeResult(result);
    this.changed = true;
    this.written = undefined;
  }

  /** Writes a credit note (creditInvoice in src/engine): its register rows and sheet, the original's Status, the cleared marks. */
  async writeCredit(credit: CreditResult): Promise<void> {
    await this.current().writeCredit(credit);
    this.changed = true;
    this.written = undefined;
  }

  appendRows(tableName: string, headers: string[], rows: OutputCell[][]): void {
    this.current().appendRows(tableName, headers, rows);
    this.changed = true;
    this.written = undefined;
  }

  /** Types the result as a macro-enabled workbook (`.xlsm`) or a plain one (`.xlsx`). */
  setMacroEnabled(enabled: boolean): void {
    // Changes the package as it stands, written or not: no need to reopen it first.
    this.book.setMacroEnabled(enabled);
    this.changed = true;
    this.written = undefined;
  }

  /** The file's bytes as the workbook now stands; `deflater` is a faster platform deflate where there is one. */
  packageBytes(deflater?: Deflater): Uint8Array {
    if (!this.written) {
      this.written = this.book.packageBytes(6, deflater);
      this.book = PackageWorkbook.open(this.written, this.helpers);
      this.changed = false;
    }
    return this.written;
  }

  /** The file's bytes as the workbook now stands; in the browser too. */
  async toBytes(): Promise<Uint8Array> {
    return this.packageBytes();
  }

  /** The file's bytes as a Node Buffer (the command line). */
  async toBuffer(): Promise<Buffer> {
    const bytes = this.packageBytes();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The package to read or write: after a write, the written one. */
  private current(): PackageWorkbook {
    if (this.changed) this.packageBytes();
    return this.book;
  }
}
