import { MAX_MINUTES } from './bounds';
import { agreementStatusWords } from './enumWords';
import { sentences } from './issueCatalogue';
import type { Agreement, AgreementKey } from './model';
import { IdIndex } from './idIndex';
import type { ReadContext } from './readContext';
import { keyOf, type TableReader } from './tableReader';

/** Agreements: block-time agreements. RenewalOf is checked, and renewal loops found, once all are read. */
export function readAgreements(reader: TableReader | undefined, ctx: ReadContext): Agreement[] {
  if (!reader) return [];
  const c = {
    agreementId: reader.column('AgreementId', true),
    customer: reader.column('Customer', true),
    start: reader.column('Start', true),
    end: reader.column('End'),
    hours: reader.column('Hours', true),
    rate: reader.column('Rate'),
    overageRate: reader.column('OverageRate'),
    excludedCategories: reader.column('ExcludedCategories'),
    lowBalanceHours: reader.column('LowBalanceHours'),
    prepaid: reader.column('Prepaid'),
    rollover: reader.column('Rollover'),
    renewalOf: reader.column('RenewalOf'),
    status: reader.column('Status'),
    roundUpMinutes: reader.column('RoundUpMinutes'),
    minimumMinutes: reader.column('MinimumMinutes'),
    invoiceNo: reader.column('InvoiceNo'),
  };
  const seen = new IdIndex(reader.rowCount);
  const agreements = reader.readRows<Agreement>((row, r) => {
    const id = reader.rowIdentity(row, r, c.agreementId, seen);
    const start = reader.date(row, r, c.start, true);
    const end = reader.date(row, r, c.end);
    if (start !== undefined && end !== undefined && end < start) {
      reader.report(sentences.endBeforeStart('End', reader.valueAt(r, c.end), 'Start', reader.valueAt(r, c.start)), r, c.end);
    }
    const rate = reader.money(row, r, c.rate);
    const prepaid = reader.boolean(row, r, c.prepaid, true);
    if (prepaid && rate === undefined && reader.isBlankCell(r, c.rate)) {
      reader.report(sentences.prepaidNeedsRate(), r, c.rate >= 0 ? c.rate : c.agreementId);
    }
    const renewalOfId = reader.text(row, r, c.renewalOf);
    const renewalOf = renewalOfId === undefined ? undefined : keyOf<AgreementKey>(renewalOfId);
    if (renewalOf !== undefined) ctx.references.add(reader, r, c.renewalOf, renewalOf, 'Agreements');
    const agreement: Agreement = {
      key: keyOf<AgreementKey>(id ?? ''),
      id: id ?? '',
      customer: reader.text(row, r, c.customer, true) ?? '',
      start: start ?? 0,
      end,
      hours: reader.duration(row, r, c.hours, true) ?? 0,
      rate,
      overageRate: reader.money(row, r, c.overageRate),
      excludedCategories: reader.list(row, r, c.excludedCategories),
      lowBalanceHours: reader.duration(row, r, c.lowBalanceHours),
      prepaid,
      rollover: reader.boolean(row, r, c.rollover, false),
      renewalOf,
      status: reader.enumeration(row, r, c.status, agreementStatusWords) ?? 'Active',
      roundUpMinutes: reader.number(row, r, c.roundUpMinutes, false, 'notNegative', MAX_MINUTES),
      minimumMinutes: reader.number(row, r, c.minimumMinutes, false, 'notNegative', MAX_MINUTES),
      invoiceNo: reader.text(row, r, c.invoiceNo),
      source: reader.source(r),
    };
    return agreement;
  });
  return agreements;
}
