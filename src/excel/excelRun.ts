/**
 * `Excel.run` as the adapter receives it: the real one inside Excel, the fake Excel's in
 * tests. Passing it in keeps every Office.js call behind one seam.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
