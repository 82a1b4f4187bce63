/**
 * `npm run sample [-- <path>]`: regenerates the sample workbook (default assets/sample.xlsx).
 */
import * as path from 'path';
import { writeSampleWorkbook } from './sample/writeSampleWorkbook';

async function main(): Promise<void> {
  const target = process.argv[2] ?? path.join(__dirname, '..', '..', '..', 'assets', 'sample.xlsx');
  await writeSampleWorkbook(target);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target) || target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
