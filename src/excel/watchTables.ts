/**
 * Tells the add-in when the workbook's tables change, so the custom functions' cache can drop
 * its snapshot. Registers `tables.onChanged` (any cell of any table), `tables.onAdded` and
 * `tables.onDeleted` on the workbook; returns the function that removes the three handlers.
 *
 * Every table change invalidates, output tables included: the event names a table only by
 * its id (learning the name costs a round trip per event), and two of the add-in's outputs
 * (Invoices, InvoiceLines) are read back as input by the next run anyway.
 */
import type { ExcelRun } from './excelRun';

export async function watchTables(run: ExcelRun, onChange: () => void): Promise<() => Promise<void>> {
  const handler = async () => {
    onChange();
  };
  const registered = await run(async (context) => {
    const tables = context.workbook.tables;
    const results = [tables.onChanged.add(handler), tables.onAdded.add(handler), tables.onDeleted.add(handler)];
    await context.sync();
    return results;
  });
  return async () => {
    // Handlers are removed in the context they were added in (Office.js requires it).
    for (const result of registered) result.remove();
    await registered[0]?.context.sync();
  };
}
