import { DEFAULT_MAX_HOURS_PER_ENTRY } from './bounds';
import { excelNumber } from './cellParsers';
import { sentences } from './issueCatalogue';
import { KeyCache } from './keyCache';
import type { AgreementKey, NodeKey, PersonKey, TimeEntry } from './model';
import { IdIndex } from './idIndex';
import type { ReadContext } from './readContext';
import type { TableReader } from './tableReader';

/**
 * TimeEntries, the one table that can hold a million rows: columns are resolved once, each
 * cell goes through its kind's hand-written parser, and a row object is built only for a
 * row without issues. NodeId and Agreement are kept as written with their keys even when
 * they name nothing: the engine reports those as UnknownNode / UnknownAgreement exceptions.
 */
export function readTimeEntries(reader: TableReader | undefined, ctx: ReadContext, maxSecondsPerEntry = DEFAULT_MAX_HOURS_PER_ENTRY * 3600): TimeEntry[] {
  if (!reader) return [];
  const maxHours = String(excelNumber(maxSecondsPerEntry / 3600));
  const cId = reader.column('EntryId', true);
  const cDate = reader.column('Date', true);
  const cPerson = reader.column('Person', true);
  const cNode = reader.column('NodeId');
  const cAgreement = reader.column('Agreement');
  const cHours = reader.column('Hours', true);
  const cCategory = reader.column('Category');
  const cComment = reader.column('Comment');
  const cBillable = reader.column('Billable');
  const cSeparate = reader.column('SeparateRow');
  const cInvoiceNo = reader.column('InvoiceNo');
  if (cNode < 0 && cAgreement < 0) {
    reader.tableIssue(sentences.missingEitherColumn('TimeEntries', 'NodeId', 'Agreement'), 'NodeId');
  }
  const personKeys = new KeyCache<PersonKey>();
  const nodeKeys = new KeyCache<NodeKey>();
  const agreementKeys = new KeyCache<AgreementKey>();
  const seen = new IdIndex(reader.rowCount);
  return reader.readRows<TimeEntry>((row, r) => {
    const before = ctx.issues.length;
    const id = reader.rowIdentity(row, r, cId, seen);
    const date = reader.date(row, r, cDate, true);
    const personName = reader.text(row, r, cPerson, true);
    const nodeId = reader.text(row, r, cNode);
    const agreementId = reader.text(row, r, cAgreement);
    if (nodeId !== undefined && agreementId !== undefined) {
      reader.report(sentences.notBothNodeAndAgreement(), r, cAgreement);
    } else if (nodeId === undefined && agreementId === undefined && reader.isBlankCell(r, cNode) && reader.isBlankCell(r, cAgreement) && (cNode >= 0 || cAgreement >= 0)) {
      reader.report(sentences.nodeOrAgreement(), r, cNode >= 0 ? cNode : cAgreement);
    }
    let seconds = reader.duration(row, r, cHours, true, 'positive');
    if (seconds !== undefined && seconds > maxSecondsPerEntry) {
      reader.report(sentences.hoursPerEntry(row[cHours], maxHours), r, cHours);
      seconds = undefined;
    }
    const category = reader.text(row, r, cCategory);
    const comment = reader.text(row, r, cComment);
    const billable = reader.boolean(row, r, cBillable, true);
    const separateRow = reader.boolean(row, r, cSeparate, false);
    const invoiceNo = reader.text(row, r, cInvoiceNo);
    // A row with an issue is dropped by readRows; building its entry would only make garbage.
    if (ctx.issues.length !== before) return undefined;
    return {
      id: id!,
      date: date!,
      person: personKeys.key(personName!),
      personName: personName!,
      nodeId,
      node: nodeId === undefined ? undefined : nodeKeys.key(nodeId),
      agreementId,
      agreement: agreementId === undefined ? undefined : agreementKeys.key(agreementId),
      seconds: seconds!,
      category,
      comment,
      billable,
      separateRow,
      invoiceNo,
      source: { index: r, sheetRow: reader.table.headerRow + 1 + r },
    };
  });
}
