import { readBillingWorkbook } from '../../src/schema/readBillingWorkbook';
import { defaultSettings } from '../../src/schema/readSettings';
import { tableOf, workbookOf, workbookWith } from '../builders/rawWorkbook';
import type { CellValue } from '../../src/schema/rawTable';

function withSettings(rows: [CellValue, CellValue][]) {
  const settings = tableOf('Settings', rows.map(([Setting, Value]) => ({ Setting, Value })), { sheet: 'Setup' });
  return readBillingWorkbook(workbookOf(...workbookWith().tables, settings));
}

describe('Settings', () => {
  it('takes the contract defaults when there is no Settings table', () => {
    const s = defaultSettings();
    expect([s.currency, s.invoicePrefix, s.invoiceNumberWidth, s.taxRate.toFixed(), s.timeDescription, s.invoiceTimes, s.basis,
      s.defaultCostPerHour, s.projectRevenueAccount, s.agreementRevenueAccount, s.lowBalanceHours, s.roundUpMinutes,
      s.minimumMinutes, s.billingPeriodDays]).toEqual([
      'EUR', 'INV-', 5, '0', 'Professional services', 'ByItems', 'Actual',
      undefined, 'Professional Services', 'Managed Services', undefined, undefined,
      undefined, 30,
    ]);
  });

  it('reads each setting in its own kind, names matched case- and space-insensitively', () => {
    const { workbook } = withSettings([
      ['Currency', 'chf'], ['invoice prefix', 'R-'], ['TaxRate', '19 %'], ['Invoice Times', 'one row total'],
      ['DefaultCostPerHour', '€ 55.50'], ['LowBalanceHours', '2:30'], ['RoundUpMinutes', 15],
    ]);
    const s = workbook!.settings;
    expect([s.currency, s.invoicePrefix, s.taxRate.toFixed(), s.invoiceTimes, s.defaultCostPerHour?.toFixed(), s.lowBalanceHours, s.roundUpMinutes])
      .toEqual(['CHF', 'R-', '0.19', 'OneRowTotal', '55.5', 9000, 15]);
  });

  it('accepts every setting the contract lists, InvoiceTemplate included', () => {
    const { workbook, issues } = withSettings([['InvoiceTemplate', 'Our invoice'], ['EInvoiceFormat', 'UBL'], ['PaymentTermsDays', 30]]);
    expect(issues).toEqual([]);
    expect(workbook?.settings.invoiceTemplate).toBe('Our invoice');
  });

  it('takes the default for a setting whose Value is blank', () => {
    const { workbook } = withSettings([['InvoiceNumberWidth', null]]);
    expect(workbook?.settings.invoiceNumberWidth).toBe(5);
  });

  it('reports a bad value on its Value cell, naming the setting', () => {
    const [issue] = withSettings([['Currency', 'EUR'], ['InvoiceNumberWidth', 'five']]).issues;
    expect([issue.code, issue.cell, issue.rowId, issue.message]).toEqual([
      'BAD_SETTING', 'Setup!C5', 'InvoiceNumberWidth', 'Setting InvoiceNumberWidth: "five" is not a whole number',
    ]);
  });

  it('reports a setting the contract does not know, so a typo does not silently take the default', () => {
    const [issue] = withSettings([['TaxRat', 0.19]]).issues;
    expect([issue.code, issue.cell]).toEqual(['BAD_SETTING', 'Setup!B4']);
  });

  it('reports a setting given twice', () => {
    const [issue] = withSettings([['TaxRate', 0.19], ['Tax Rate', 0.2]]).issues;
    expect([issue.code, issue.cell, issue.message]).toEqual([
      'DUPLICATE_ID', 'Setup!B5', 'Setting TaxRate is used twice, in sheet rows 4 and 5; each Setting must be unique',
    ]);
  });

  it('refuses a tax rate above 100 %', () => {
    const [issue] = withSettings([['TaxRate', '150 %']]).issues;
    expect([issue.code, issue.message]).toEqual(['BAD_SETTING', 'Setting TaxRate: "150 %" must be between 0 % and 100 %']);
  });
});
