/** A small valid workbook a reader can check by hand, written with exceljs; tables sit away from A1. */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { runCli } from '../../src/cli/runCli';

type Row = (string | number | boolean | Date | null)[];

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs psa-billing in this process with captured output; "now" is 2025-01-31 10:00 unless given. */
export async function cli(argv: string[], now = new Date(2025, 0, 31, 10, 0, 0)): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    now: () => now,
  });
  return { code, stdout, stderr };
}

function table(ws: ExcelJS.Worksheet, name: string, ref: string, headers: string[], rows: Row[]): void {
  ws.addTable({ name, ref, columns: headers.map((h) => ({ name: h, filterButton: true })), rows });
}

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export interface FixtureOptions {
  /** Rows of TimeEntries: EntryId, Date, Person, NodeId, Hours, Comment, MyNote. */
  timeEntries?: Row[];
  /** Headers of TimeEntries, in place of the seven above (to misspell or rename one). */
  timeHeaders?: string[];
}

/**
 * Order O-1 for Acme (project node P1), one line O-1/1 at 100 per hour on its work package N1; Anna 2 h and Ben 1.5 h on N1
 * (350.00 net), E3 on a node that does not exist; an Invoices register already holding INV-00007.
 */
export async function billingWorkbook(options: FixtureOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = 'Do not touch';
  notes.getCell('C3').value = 42;

  table(wb.addWorksheet('Orders'), 'Orders', 'B2', ['OrderId', 'Customer', 'BillingMode'], [['O-1', 'Acme', 'Rules']]);
  table(wb.addWorksheet('LineItems'), 'LineItems', 'A3', ['OrderId', 'Line', 'Item', 'Description', 'Quantity', 'UnitPrice'], [
    ['O-1', 1, 'Consulting', 'Consulting', 10, 100],
  ]);
  table(wb.addWorksheet('Projects'), 'ProjectTree', 'C2', ['NodeId', 'ParentId', 'Name', 'Kind', 'OrderId', 'LineItem', 'Status', 'Progress'], [
    ['P1', null, 'Acme project', 'MainProject', 'O-1', null, 'InProgress', 0.5],
    ['N1', 'P1', 'Consulting', 'WorkPackage', 'O-1', 'O-1/1', 'InProgress', 0.5],
  ]);
  table(wb.addWorksheet('Time'), 'TimeEntries', 'B4', options.timeHeaders ?? ['EntryId', 'Date', 'Person', 'NodeId', 'Hours', 'Comment', 'MyNote'],
    options.timeEntries ?? [
      ['E1', utc('2025-01-02'), 'Anna', 'N1', 2, 'analysis', 'mine'],
      ['E2', utc('2025-01-03'), 'Ben', 'N1', 1.5, 'workshop', null],
      ['E3', utc('2025-01-04'), 'Anna', 'N9', 1, 'lost', null],
    ]);
  table(wb.addWorksheet('Register'), 'Invoices', 'A3', ['InvoiceNo', 'Date', 'Customer', 'Source', 'Kind', 'Net', 'Tax', 'Gross', 'Currency'], [
    ['INV-00007', utc('2024-12-31'), 'Acme', 'O-1', 'Order', 10, 0, 10, 'EUR'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A fresh temporary folder holding `name` with these bytes. */
export async function placeWorkbook(bytes: Buffer, name = 'book.xlsx'): Promise<{ dir: string; file: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'psa-cli-'));
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return { dir, file };
}

/** Adds a part exceljs cannot carry (a chart, a pivot cache, a macro project) to the file's zip. */
export async function withPart(bytes: Buffer, partPath: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(partPath, '<?xml version="1.0"?><x/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
