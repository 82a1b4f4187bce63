import type { AgreementAddition, AgreementKey } from './model';
import type { ReadContext } from './readContext';
import { keyOf, type TableReader } from './tableReader';

/** AgreementAdditions: hours added to an agreement's block. Rows have no id: issues name the agreement. */
export function readAgreementAdditions(reader: TableReader | undefined, ctx: ReadContext): AgreementAddition[] {
  if (!reader) return [];
  const c = {
    agreementId: reader.column('AgreementId', true),
    date: reader.column('Date', true),
    hours: reader.column('Hours', true),
    rate: reader.column('Rate'),
    note: reader.column('Note'),
    invoiceNo: reader.column('InvoiceNo'),
  };
  const additions = reader.readRows<AgreementAddition>((row, r) => {
    reader.rowId = undefined;
    const agreementId = reader.text(row, r, c.agreementId, true);
    const agreement = keyOf<AgreementKey>(agreementId ?? '');
    if (agreementId !== undefined) {
      reader.rowId = agreementId;
      ctx.references.add(reader, r, c.agreementId, agreement, 'Agreements');
    }
    const addition: AgreementAddition = {
      agreement,
      date: reader.date(row, r, c.date, true) ?? 0,
      hours: reader.duration(row, r, c.hours, true, 'positive') ?? 0,
      rate: reader.money(row, r, c.rate),
      note: reader.text(row, r, c.note),
      invoiceNo: reader.text(row, r, c.invoiceNo),
      source: reader.source(r),
    };
    return addition;
  });
  return additions;
}
