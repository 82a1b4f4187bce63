import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { findTable } from '../../src/schema/rawTable';
import { XlsxWorkbook } from '../../src/xlsx/XlsxWorkbook';
import { placeWorkbook, readBook, cli } from './billingFixture';

type Row = (string | number | boolean | null)[];

interface ProjectBookOptions {
  orders?: Row[];
  lineItems?: Row[];
}

/**
 * Tables away from A1 on their own sheets, plus a Notes sheet:
 * - Orders at B2: O-0 (has project N0, InProgress), O-1 (MainProject, no project yet),
 *   O-2 (Subproject under N0, no project yet);
 * - LineItems at A3: O-0/1 (made), O-0/2 Individual at InProgress (due, not made),
 *   O-1/1 in section Conception, O-1/2, O-2/1;
 * - ProjectTree at C2 (no Section column): N0 and its work package N0-1.
 */
async function projectBook(options: ProjectBookOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').getCell('A1').value = 'Do not touch';
  const table = (sheet: string, name: string, ref: string, headers: string[], rows: Row[]) =>
    wb.addWorksheet(sheet).addTable({ name, ref, columns: headers.map((h) => ({ name: h, filterButton: true })), rows });
  table('Orders', 'Orders', 'B2', ['OrderId', 'Customer', 'ProjectRole', 'ParentNode'], options.orders ?? [
    ['O-0', 'Acme', 'MainProject', null],
    ['O-1', 'Acme', 'MainProject', null],
    ['O-2', 'Acme', 'Subproject', 'N0'],
  ]);
  table('LineItems', 'LineItems', 'A3', ['OrderId', 'Line', 'Section', 'Item', 'Description', 'UnitPrice', 'ProjectCreation', 'CreateAtStatus', 'Template'],
    options.lineItems ?? [
      ['O-0', 1, null, 'Consulting', 'Setup', 100, 'Auto', null, null],
      ['O-0', 2, null, 'Consulting', 'Go-live', 100, 'Individual', 'InProgress', null],
      ['O-1', 1, 'Conception', 'Consulting', 'Workshop', 100, 'Auto', null, null],
      ['O-1', 2, null, 'Consulting', 'Build', 100, 'Auto', null, null],
      ['O-2', 1, null, 'Consulting', 'Extension', 100, 'Auto', null, null],
    ]);
  table('Projects', 'ProjectTree', 'C2', ['NodeId', 'ParentId', 'Name', 'Kind', 'OrderId', 'LineItem', 'Status', 'Progress'], [
    ['N0', null, 'Acme project', 'MainProject', 'O-0', null, 'InProgress', null],
    ['N0-1', 'N0', 'Setup', 'WorkPackage', 'O-0', 'O-0/1', 'Open', null],
  ]);
  table('Time', 'TimeEntries', 'B4', ['EntryId', 'Date', 'Person', 'NodeId', 'Hours'], [['E1', 45658, 'Anna', 'N0-1', 2]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}


/** ProjectTree as read back: each row's given columns joined by "|". */
async function projectTree(file: string, columns = ['NodeId', 'ParentId', 'Kind', 'OrderId', 'LineItem', 'Section']): Promise<string[]> {
  const raw = await (await XlsxWorkbook.load(await fs.readFile(file))).readTables();
  const tree = findTable(raw, 'ProjectTree')!;
  const at = columns.map((c) => tree.headers.indexOf(c));
  return tree.rows.map((row) => at.map((i) => (i < 0 || row[i] === null ? '' : String(row[i]))).join('|'));
}

const exists = (file: string) => fs.access(file).then(() => true, () => false);

describe('psa-billing create-project', () => {
  test('--order appends the order\'s project rows to ProjectTree, adding the Section column it needs', async () => {
    const { dir, file } = await placeWorkbook(await projectBook());
    const run = await cli(['create-project', file, '--order', 'O-1']);
    expect(run.code).toBe(0);
    expect(await projectTree(path.join(dir, 'book-projects.xlsx'))).toEqual([
      'N0||MainProject|O-0||',
      'N0-1|N0|WorkPackage|O-0|O-0/1|',
      'P-O-1||MainProject|O-1||',
      'P-O-1-Conception|P-O-1|Subproject|O-1||Conception',
      'P-O-1-1|P-O-1-Conception|WorkPackage|O-1|O-1/1|',
      'P-O-1-2|P-O-1|WorkPackage|O-1|O-1/2|',
    ]);
  });

  test('grows the table in place on its sheet and leaves the rest of the workbook as it was', async () => {
    const { dir, file } = await placeWorkbook(await projectBook());
    await cli(['create-project', file, '--order', 'O-1']);
    const wb = await readBook(path.join(dir, 'book-projects.xlsx'));
    const projects = wb.getWorksheet('Projects')!;
    expect([projects.getCell('C6').value, projects.getCell('I6').value, projects.getCell('K2').value]).toEqual(['P-O-1-Conception', 'Open', 'Section']);
    expect(wb.getWorksheet('Notes')!.getCell('A1').value).toBe('Do not touch');
  });

  test('leaves the input byte for byte as it was', async () => {
    const bytes = await projectBook();
    const { file } = await placeWorkbook(bytes);
    await cli(['create-project', file, '--order', 'O-1']);
    expect((await fs.readFile(file)).equals(bytes)).toBe(true);
  });

  test('--in-place appends to the workbook itself', async () => {
    const { dir, file } = await placeWorkbook(await projectBook());
    expect((await cli(['create-project', file, '--order', 'O-1', '--in-place'])).code).toBe(0);
    expect(await projectTree(file)).toHaveLength(6);
    expect(await fs.readdir(dir)).toEqual(['book.xlsx']);
  });

  test('a second create-project on the same order is refused with exit 1, naming the Orders cell, and writes nothing', async () => {
    const { dir, file } = await placeWorkbook(await projectBook());
    await cli(['create-project', file, '--order', 'O-1']);
    const out = path.join(dir, 'again.xlsx');
    const run = await cli(['create-project', path.join(dir, 'book-projects.xlsx'), '--order', 'o-1', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Orders!B4 (order O-1): Order O-1 already has its project (node P-O-1)');
    expect(await exists(out)).toBe(false);
  });

  test('--all makes every missing project and the Individual work packages now due, skipping orders that have one', async () => {
    const { dir, file } = await placeWorkbook(await projectBook());
    const run = await cli(['create-project', file, '--all', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).nodes.map((n: { nodeId: string }) => n.nodeId)).toEqual([
      'P-O-0-2', 'P-O-1', 'P-O-1-Conception', 'P-O-1-1', 'P-O-1-2', 'P-O-2', 'P-O-2-1',
    ]);
    expect((await projectTree(path.join(dir, 'book-projects.xlsx'))).slice(2, 3)).toEqual(['P-O-0-2|N0|WorkPackage|O-0|O-0/2|']);
  });

  test('--all on a workbook where everything is made adds nothing and succeeds', async () => {
    const { dir, file } = await placeWorkbook(await projectBook());
    await cli(['create-project', file, '--all']);
    const again = await cli(['create-project', path.join(dir, 'book-projects.xlsx'), '--all', '--json']);
    expect([again.code, JSON.parse(again.stdout).nodes]).toEqual([0, []]);
  });

  test('a Subproject order without ParentNode is an error on its ParentNode cell; nothing is written', async () => {
    const orders: Row[] = [['O-0', 'Acme', 'MainProject', null], ['O-1', 'Acme', 'Subproject', null]];
    const { dir, file } = await placeWorkbook(await projectBook({ orders }));
    const run = await cli(['create-project', file, '--order', 'O-1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Orders!E4 \(order O-1\): /m);
    expect(await exists(path.join(dir, 'book-projects.xlsx'))).toBe(false);
  });

  test('a Template that does not exist is an error on the line\'s Template cell; nothing is written', async () => {
    const lineItems: Row[] = [
      ['O-0', 1, null, 'Consulting', 'Setup', 100, 'Auto', null, null],
      ['O-1', 1, null, 'Consulting', 'Rollout', 100, 'Template', null, 'Standard rollout'],
    ];
    const { dir, file } = await placeWorkbook(await projectBook({ lineItems }));
    const run = await cli(['create-project', file, '--order', 'O-1', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).errors).toEqual([expect.stringMatching(/^LineItems!I5 \(line O-1\/1\): .*Standard rollout/)]);
    expect(await exists(path.join(dir, 'book-projects.xlsx'))).toBe(false);
  });

  test('an order id that is not in Orders is a usage error (exit 2)', async () => {
    const { file } = await placeWorkbook(await projectBook());
    const run = await cli(['create-project', file, '--order', 'O-9']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('there is no order O-9');
  });

  test('--order and --all together is a usage error (exit 2)', async () => {
    const { file } = await placeWorkbook(await projectBook());
    expect((await cli(['create-project', file, '--order', 'O-1', '--all'])).code).toBe(2);
  });
});
