/**
 * Opening a workbook file and writing a result beside it, shared by the commands: a file
 * that cannot be opened is a usage error (exit 2); every result goes through a temporary
 * file and a rename, so the target is either the old file or the whole new one.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { describeUnsupportedParts } from '../xlsx/findUnsupportedParts';
import { XlsxWorkbook } from '../xlsx/XlsxWorkbook';
import { UsageError, type CliIo } from './cliIo';

/** `<workbook><suffix>.xlsx` beside the input (`book.xlsx` -> `book-billed.xlsx`). */
export function outputBeside(input: string, suffix: string): string {
  const ext = path.extname(input);
  const base = ext.toLowerCase() === '.xlsx' ? path.basename(input, ext) : path.basename(input);
  return path.join(path.dirname(input), `${base}${suffix}.xlsx`);
}

/** The input and output paths of a command; `--out` naming the input itself is refused. */
export function resolvePaths(workbook: string, out: string | undefined, inPlace: boolean, suffix: string): { input: string; output: string } {
  const input = path.resolve(workbook);
  const output = inPlace ? input : path.resolve(out ?? outputBeside(input, suffix));
  if (!inPlace && output === input) throw new UsageError('--out names the workbook itself; use --in-place to replace it.');
  return { input, output };
}

/**
 * Loads the workbook; refuses --in-place when it holds parts the file library cannot carry
 * through unchanged, and notes them when the result goes to another file.
 */
export async function openWorkbook(label: string, input: string, output: string, inPlace: boolean, io: CliIo): Promise<XlsxWorkbook> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(input);
  } catch (error) {
    throw new UsageError(`Cannot open ${label}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  let book: XlsxWorkbook;
  try {
    book = await XlsxWorkbook.load(bytes);
  } catch (error) {
    throw new UsageError(`Cannot open ${label}: it is not an .xlsx workbook (${(error as Error).message}).`);
  }
  if (book.unsupportedParts.length > 0) {
    const found = describeUnsupportedParts(book.unsupportedParts);
    if (inPlace) {
      throw new UsageError(
        `Refusing --in-place: ${label} holds parts this tool cannot carry through unchanged: ${found}. Write the result to a new file with --out and copy what you need.`,
      );
    }
    io.stderr.write(`Note: ${path.basename(output)} will not carry over these parts of the workbook: ${found}.\n`);
  }
  return book;
}

/** Writes beside the target, then renames over it: the target is either the old file or the whole new one. */
export async function writeAtomically(target: string, bytes: Buffer): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  // A replaced file keeps its permissions.
  const mode = await fs.stat(target).then((s) => s.mode & 0o777, () => undefined);
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx', mode });
    if (mode !== undefined) await fs.chmod(temp, mode);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** The workbook as it now stands, written to `output` through a temporary file. */
export async function saveWorkbook(book: XlsxWorkbook, output: string): Promise<void> {
  const bytes = await book.toBuffer();
  try {
    await writeAtomically(output, bytes);
  } catch (error) {
    throw new UsageError(`Cannot write ${output}: ${(error as Error).message}.`);
  }
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
