/**
 * Custom functions startup in the shared runtime. At load: one workbook cache, the PSA
 * functions over it, and CustomFunctions.associate for each metadata id (Excel may call a
 * function as soon as the file has run). The first read waits for Office.onReady, which
 * also starts watching the tables: any table change invalidates the cache and every live
 * PSA.* cell computes again from one new read (docs/custom-functions.md).
 */
import { ExcelWorkbook, onWorkbookWritten } from '../excel/ExcelWorkbook';
import { watchTables } from '../excel/watchTables';
import { FUNCTION_IDS, installPsaFunctions } from './functions';
import { createPsaFunctions } from './psaFunctions';
import { createWorkbookCache } from './workbookCache';

/** Outside Excel (the pane's file mode in a plain browser, or office.js absent) there are no cells to serve. */
function startFunctions(): void {
  const officeReady = Office.onReady();

  const cache = createWorkbookCache(async () => {
    await officeReady;
    return new ExcelWorkbook(Excel.run).readTables();
  });

  installPsaFunctions(createPsaFunctions(cache));

  // The add-in writes with events off, so its own writes (invoices, marks) reach the cells this way.
  onWorkbookWritten(cache.invalidate);

  for (const [id, implementation] of Object.entries(FUNCTION_IDS)) CustomFunctions.associate(id, implementation);

  void officeReady.then(async (info) => {
    if (info.host !== Office.HostType.Excel) return;
    try {
      await watchTables(Excel.run, cache.invalidate);
    } catch (error) {
      // Without events the values still compute; they refresh when a formula is entered again.
      console.error('PSA Billing: could not watch the tables for changes', error);
    }
  });
}

if (typeof Office !== 'undefined' && typeof CustomFunctions !== 'undefined') startFunctions();
