/**
 * The yardstick of the command line's time (issue 9 item 4): a bare exceljs read of the same
 * file, nothing else. Run by `npm run bench` in its own process: `node readWithExcelJs.js <file>`.
 */
import ExcelJS from 'exceljs';

async function main(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(process.argv[2]);
  process.stderr.write(`read ${workbook.worksheets.length} sheets\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
