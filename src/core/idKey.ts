/**
 * The one key under which ids (and names used as ids: customers, categories, groups) are
 * compared everywhere: trimmed and lower-cased, as the workbook contract says.
 */
export function idKey(id: string): string {
  return id.trim().toLowerCase();
}
