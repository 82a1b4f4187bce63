/**
 * Paths of parts inside an .xlsx package, which are always `/`-separated. Node's
 * `path.posix` would do, but the file adapter also runs in the browser (the task pane's
 * file mode), where there is no `path`.
 */

/** The folder of a part path: `xl/worksheets/_rels` of `xl/worksheets/_rels/sheet1.xml.rels`; `.` for a top-level part. */
export function partFolder(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  if (slash < 0) return '.';
  return slash === 0 ? '/' : partPath.slice(0, slash);
}

/** `to` as seen from folder `from`, both package-relative: `../tables/table1.xml` from `xl/worksheets`. */
export function relativePartPath(from: string, to: string): string {
  const a = from.split('/').filter((s) => s !== '' && s !== '.');
  const b = to.split('/').filter((s) => s !== '' && s !== '.');
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  return [...a.slice(same).map(() => '..'), ...b.slice(same)].join('/');
}
