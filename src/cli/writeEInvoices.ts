/**
 * `--einvoices <dir>`: the run's e-invoices as files (`INV-00009.xml`), each written
 * through a temporary file and a rename like every other output, into a folder made when
 * missing. docs/command-line.md, "E-invoices".
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { EInvoiceFile } from '../einvoice/buildEInvoices';
import { usageError } from './cliMessages';
import { writeAtomically } from './workbookFile';

/** Writes every file into `dir`; returns their paths. A folder that cannot be made or written is a usage error. */
export async function writeEInvoiceFiles(dir: string, files: readonly EInvoiceFile[]): Promise<string[]> {
  const folder = path.resolve(dir);
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (error) {
    throw usageError('CannotMakeFolder', dir, (error as Error).message);
  }
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(folder, file.name);
    try {
      await writeAtomically(target, Buffer.from(file.xml, 'utf8'));
    } catch (error) {
      throw usageError('CannotWrite', target, (error as Error).message);
    }
    written.push(target);
  }
  return written;
}
