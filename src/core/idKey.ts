/**
 * The one key under which ids (and names used as ids: customers, categories, groups) are
 * compared everywhere: trimmed and lower-cased, as the workbook contract says.
 */
export function idKey(id: string): string {
  return id.trim().toLowerCase();
}

/** `idKey` of a cell that may be blank: `''` when there is none. */
export function idKeyOrBlank(id: string | undefined): string {
  return id === undefined ? '' : idKey(id);
}
