/**
 * Tells the add-in when the workbook's tables change, so the custom functions' cache can drop
 * its snapshot. Registers `tables.onChanged` (any cell of any table), `tables.onAdded` and
 * `tables.onDeleted` on the workbook; returns the function that removes the three handlers.
 *
 * Office.js removes a handler only through the context that added it (the documented way is
 * `Excel.run(result.context, ...)`, which the ExcelRun seam does not offer). So the batch that
 * registers stays open, waiting, and the returned function lets it go on to remove the
 * handlers and sync. An event that arrives while removal is under way is ignored.
 *
 * Every table change invalidates, output tables included: the event names a table only by
 * its id (learning the name costs a round trip per event), and two of the add-in's outputs
 * (Invoices, InvoiceLines) are read back as input by the next run anyway.
 */
import type { ExcelRun } from './excelRun';

export async function watchTables(run: ExcelRun, onChange: () => void): Promise<() => Promise<void>> {
  let watching = true;
  const handler = async () => {
    if (watching) onChange();
  };
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let registered: () => void = () => undefined;
  const isRegistered = new Promise<void>((resolve) => (registered = resolve));

  const session = run(async (context) => {
    const tables = context.workbook.tables;
    const results = [tables.onChanged.add(handler), tables.onAdded.add(handler), tables.onDeleted.add(handler)];
    await context.sync();
    registered();
    await stopped;
    for (const result of results) result.remove();
    await context.sync();
  });
  // A registration that fails rejects here; afterwards the session only ends when asked to.
  await Promise.race([isRegistered, session]);

  return async () => {
    watching = false;
    stop();
    await session;
  };
}
