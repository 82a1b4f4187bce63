/**
 * `psa-billing create-project`: "Create project" over a workbook file (docs/billing-rules.md
 * section 1). Reads and checks the tables, makes the project rows of one order (--order) or
 * of every order without a project plus the Individual work packages now due (--all), and
 * appends them to the ProjectTree table. Same safety rules as generate: nothing is written
 * while anything is wrong, and a result reaches its file through a temporary file.
 */
import {
  createAllProjects,
  createProject,
  PROJECT_TREE_COLUMNS,
  projectTreeCells,
  WorkbookWriteError,
  type ProjectIssue,
  type WorkbookPort,
  checkBillingWorkbook,
} from '../engine';
import { rowIdLabel } from '../schema/issueCatalogue';
import { cellAddress, findTable, headerKey, type RawWorkbook } from '../schema/rawTable';
import { formatIssue } from '../schema/readBillingWorkbook';
import { EXIT_DONE, EXIT_WORKBOOK_ERRORS, type CliIo } from './cliIo';
import { cliLines, usageError } from './cliMessages';
import { parseCreateProjectArgs } from './parseCreateProjectArgs';
import { openWorkbook, resolvePaths, saveWorkbook } from './workbookFile';

/**
 * One line per issue, naming the cell from the table's real place on its sheet
 * ("Orders!B4 (order O-1): ..."). A column the table does not have is named by its header.
 */
export function formatProjectIssue(issue: ProjectIssue, raw: RawWorkbook): string {
  const table = findTable(raw, issue.table);
  let where: string = issue.table;
  if (table !== undefined && issue.sheetRow !== undefined) {
    const column = table.headers.findIndex((h) => headerKey(h) === headerKey(issue.column));
    where = column >= 0
      ? cellAddress(table.sheet, issue.sheetRow, table.firstColumn + column)
      : `${cellAddress(table.sheet, issue.sheetRow, table.firstColumn)} (column ${issue.column})`;
  }
  return `${where} (${rowIdLabel[issue.table] ?? 'row'} ${issue.rowId}): ${issue.message}`;
}

export async function runCreateProject(argv: string[], io: CliIo): Promise<number> {
  const args = parseCreateProjectArgs(argv);
  const { input, output } = resolvePaths(args.workbook, args.out, args.inPlace, '-projects');
  const progress = (line: string): void => {
    io.stderr.write(`${line}\n`);
  };
  const fail = (lines: string[]): number => {
    for (const line of lines) io.stderr.write(`${line}\n`);
    io.stderr.write(`${cliLines.ErrorsNothingWritten(lines.length, args.workbook)}\n`);
    if (args.json) io.stdout.write(`${JSON.stringify({ workbook: input, output: null, errors: lines }, null, 2)}\n`);
    return EXIT_WORKBOOK_ERRORS;
  };

  progress(cliLines.Reading(args.workbook));
  const book = await openWorkbook(args.workbook, input, output, args.inPlace, io);
  // Read and written through the workbook port, as generate does; only saving is the file's.
  const port: WorkbookPort = book;

  progress(cliLines.CheckingTables());
  const raw = await port.readTables();
  const { workbook, issues } = checkBillingWorkbook(raw);
  if (!workbook || issues.length > 0) return fail(issues.map(formatIssue));

  progress(args.all ? cliLines.CreatingAllProjects() : cliLines.CreatingProject(args.order!));
  const made = args.all ? createAllProjects(workbook) : createProject(workbook, args.order!);
  const unknown = made.issues.find((i) => i.code === 'UNKNOWN_ORDER');
  if (unknown !== undefined) {
    const orders = findTable(raw, 'Orders');
    throw usageError('UnknownOrder', args.order!, orders?.sheet);
  }
  if (made.issues.length > 0) return fail(made.issues.map((i) => formatProjectIssue(i, raw)));

  progress(cliLines.Writing(output));
  try {
    await port.appendRows('ProjectTree', PROJECT_TREE_COLUMNS, made.nodes.map(projectTreeCells));
  } catch (error) {
    if (!(error instanceof WorkbookWriteError)) throw error;
    return fail([error.message]);
  }
  await saveWorkbook(book, output);

  io.stderr.write(`${cliLines.ProjectRowsAdded(made.nodes.length, output)}\n`);
  if (args.json) {
    const nodes = made.nodes.map((n) => ({
      nodeId: n.nodeId, parentId: n.parentId || null, name: n.name, kind: n.kind, orderId: n.orderId || null,
      lineItem: n.lineItem || null, section: n.section || null, status: n.status,
    }));
    io.stdout.write(`${JSON.stringify({ workbook: input, output, nodes }, null, 2)}\n`);
  }
  return EXIT_DONE;
}
