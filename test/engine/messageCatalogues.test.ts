/**
 * One voice for messages (docs/billing-engine.md, "Messages"): every sentence a user reads comes
 * from one catalogue per kind, keyed by its reason code. These tests walk each catalogue: every
 * code has a sentence (the samples below must name one set of facts per code, or this file does
 * not compile), every sentence names the facts it is given and writes hours as decimals, and
 * every code is picked somewhere in src (a code nothing picks is a sentence no user can read).
 */
import { Decimal } from '../../src/core/money';
import { dayFromIso, type Day } from '../../src/core/day';
import { exceptionSentences } from '../../src/engine/exceptionMessages';
import { ledgerSentences } from '../../src/engine/ledger/ledgerMessages';
import { entryChangePhrases, warningSentences, WARNING_CODE } from '../../src/engine/warningMessages';
import { orderStatusPhrases } from '../../src/engine/orders/orderStatusReasons';
import { projectIssueSentences } from '../../src/engine/projects/projectMessages';
import { creditRefusalSentences } from '../../src/engine/creditMessages';
import { adviceSentences } from '../../src/engine/adviceMessages';
import { invoiceRowTexts } from '../../src/engine/invoiceRowTexts';
import { sentences as inputIssueSentences } from '../../src/schema/issueCatalogue';
import type { ExceptionReason } from '../../src/engine/billingResult';
import { workbook } from '../builders/workbook';
import { describeCatalogues, property, quoted, walk, type Catalogue, type Walk } from '../builders/catalogueWalk';

const day = (iso: string): Day => dayFromIso(iso)!;
const agreement = workbook().agreement('AGR-7', { start: '2025-01-01', end: '2025-12-31', hours: 10, rate: '100' }).build().agreements[0];
const cancelled = { ...agreement, status: 'Cancelled' as const };

const walks: Walk<Catalogue>[] = [
  walk({
    kind: 'BillingExceptions', file: 'src/engine/exceptionMessages.ts', sentences: exceptionSentences, picked: quoted,
    samples: {
      NoLineItem: ['N-12', 5400],
      OverLimit: [5400],
      UnknownNode: ['N-99'],
      UnknownAgreement: ['AGR-404'],
      AgreementInactive: [cancelled, day('2025-03-01'), 5400, 5400],
      ExcludedCategory: [agreement, 'Travel', 600, 1800],
      Overrun: [agreement, 5400, 5400, 5400],
      OrderBilled: ['O-100', 5400],
    },
  }),
  walk({
    kind: 'OrderStatus reasons', file: 'src/engine/orders/orderStatusReasons.ts', sentences: orderStatusPhrases, picked: quoted,
    samples: {
      OrderClosed: [], NoProject: [], BillNowNotSet: [], NoInstallments: [], AllInstallmentsInvoiced: [],
      InstallmentNotDue: [day('2025-04-01')],
      NoLineItems: [],
      LineWaits: ['20', ['status Open, required Done']],
      SubprojectWaits: ['Phase 2', ['progress 40 % < 80 %']],
      ProgressBelow: [new Decimal('0.405'), new Decimal('0.8')],
      StatusNotReached: ['Open', 'Done'],
      NoDockingNode: ['Done'],
      BeforeBillFrom: [day('2025-03-01'), day('2025-04-01')],
      BeforeEarliest: [day('2025-03-01'), day('2025-04-01')],
      BelowMinimum: [new Decimal('80'), new Decimal('100')],
      NoCharge: [3],
    },
  }),
  walk({
    kind: 'ledger check', file: 'src/engine/ledger/ledgerMessages.ts', sentences: ledgerSentences, picked: quoted,
    samples: {
      EntryListLost: ['INV-00007', 2],
      InvoiceNotInRegister: ['INV-00007'],
      InvoiceSheetGone: ['INV-00007', 'INV-00007'],
      InvoiceLinesGone: ['INV-00007', true],
      MarkColumnGone: ['AgreementAdditions', 'addition', 3, { rowId: 'E5', invoiceNo: 'INV-00007' }],
      MarkBlank: ['installment', { invoiceNo: 'INV-00007', cell: 'InvoiceLines!C9' }],
      CoveredMarkBlank: [{ invoiceNo: 'AGR-7', cell: 'InvoiceEntries!B4' }],
      CoveredAndBilled: [{ invoiceNo: 'AGR-7', cell: 'InvoiceEntries!B4' }, { invoiceNo: 'INV-00007', cell: 'InvoiceEntries!B9' }],
      BilledTwice: [{ invoiceNo: 'INV-00006', cell: 'InvoiceEntries!B4' }, { invoiceNo: 'INV-00007', cell: 'InvoiceEntries!B9' }],
      MarkNamesOtherInvoice: ['INV-00005', { invoiceNo: 'INV-00007', cell: 'InvoiceEntries!B9' }],
    },
  }),
  walk({
    kind: 'run warnings', file: 'src/engine/warningMessages.ts', sentences: warningSentences, picked: quoted,
    samples: {
      EntryChanged: ['E5', 'INV-00007', ['Hours 1.50 became 2.00']],
      NoSellerName: [2], NoSellerAddress: [1], NoSellerVatId: [2],
      UnknownBuyers: [['Nordlicht GmbH']],
      BuyersWithoutAddress: [['Alpenblick AG', 'Praxis Dr. Sommer', 'Stadtwerke Kiel']],
      EInvoiceTermBlank: ['BG-8 Buyer postal address', 'Customers!C19', ['INV-00002'], 'EN 16931 BR-10'],
    },
  }),
  walk({
    kind: 'entry changes', file: 'src/engine/warningMessages.ts', sentences: entryChangePhrases, picked: property('entryChangePhrases'),
    samples: { Hours: [5400, 7200], Date: [day('2025-03-01'), day('2025-03-02')], NodeId: ['N-1', undefined], Billable: [] },
  }),
  walk({
    kind: 'Create project issues', file: 'src/engine/projects/projectMessages.ts', sentences: projectIssueSentences, picked: quoted,
    samples: {
      UNKNOWN_ORDER: ['O-404'],
      PROJECT_EXISTS: ['O-100', 'P-O-100', true],
      PARENT_NODE_REQUIRED: ['O-100', 'Subproject'],
      UNKNOWN_PARENT_NODE: ['O-100', 'N-404'],
      TEMPLATE_REQUIRED: ['O-100/20'],
      UNKNOWN_TEMPLATE: ['O-100/20', 'Rollout'],
    },
  }),
  walk({
    kind: 'credit refusals', file: 'src/engine/creditMessages.ts', sentences: creditRefusalSentences, picked: quoted,
    samples: {
      NotIssued: ['INV-00404'], IsCreditNote: ['INV-00008'], AlreadyCredited: ['INV-00007', 'Credited'],
      NoLines: ['INV-00007'], Backdated: ['INV-00009'],
    },
  }),
  walk({
    kind: 'ticket-or-project advice', file: 'src/engine/adviceMessages.ts', sentences: adviceSentences, picked: quoted,
    samples: {
      BadDuration: ['soon'], BadPeople: [0], BadContacts: [-1], BadProgressBilling: ['maybe'], BadBillingPeriod: [0.5],
      LongerThanPeriod: [45, 30], SeveralPeople: [3], SeveralContacts: [2], ProgressBilling: [],
      FitsPeriod: [5, 30], People: [1], Contacts: [0], BilledOnce: [],
    },
  }),
  walk({
    kind: 'invoice row texts', file: 'src/engine/invoiceRowTexts.ts', sentences: invoiceRowTexts, picked: property('invoiceRowTexts'),
    samples: { PrepaidBlock: ['AGR-7'], Addition: ['AGR-7'], Overrun: ['AGR-7'], ExcludedWork: ['Travel'], Installment: [day('2025-04-01')] },
  }),
  walk({
    kind: 'input issues', file: 'src/schema/issueCatalogue.ts', sentences: inputIssueSentences, picked: property('sentences'),
    samples: {
      badCountry: ['Deutschland'],
      missingTable: ['People'],
      missingOrdersOrAgreements: [],
      missingColumn: ['TimeEntries', 'Hours'],
      missingEitherColumn: ['TimeEntries', 'NodeId', 'Agreement'],
      duplicateColumn: ['TimeEntries', 'Hours'],
      lookalikeColumn: ['Hours worked', 'Hours'],
      required: ['Hours'],
      badCell: ['BAD_DATE', 'Date', 'yesterday', 'date'],
      badEnum: ['Status', 'Finished', ['Open', 'Done']],
      timeCell: ['Hours', new Date(Date.UTC(1899, 11, 30, 1, 30))],
      cellError: ['Hours', '#REF!'],
      notPositive: ['Hours', 0],
      negative: ['Rate', -5],
      percentRange: ['Percent', 1.5],
      tooManyHours: ['Hours', 1_000_000, 100_000],
      tooMuchMoney: ['Rate', 1e13],
      numberTooLarge: ['Line', 1e9, 1_000_000],
      hoursPerEntry: [30, '24'],
      settingTooLarge: ['InvoiceNumberWidth', 40, '20'],
      invoiceSheetNameTooLong: ['INVOICE-OF-THE-FIRM-', 20, 31],
      invoicePrefixCharacters: ['INV/'],
      duplicateId: ['EntryId', 'E5', 7, 9],
      duplicateLine: ['O-100', '20', 7, 9],
      unknownReference: ['NodeId', 'N-404', 'ProjectTree', 'NodeId'],
      unknownLineItem: ['LineItem', 'O-100/99'],
      treeCycle: [['N-1', 'N-2', 'N-1']],
      renewalCycle: [['AGR-1', 'AGR-2', 'AGR-1']],
      renewedTwiceWithRollover: ['AGR-1', 7, 9],
      nodeOrAgreement: [], notBothNodeAndAgreement: [],
      parentNodeRequired: ['Subproject'],
      prepaidNeedsRate: [], amountOrPercent: [], notBothAmountAndPercent: [],
      endBeforeStart: ['End', '2025-01-01', 'Start', '2025-02-01'],
      periodWithoutCap: ['month'],
      templateRequired: [], createAtStatusRequired: [],
      badSetting: ['BillingDate', 'soon', 'date'],
      badSettingEnum: ['Basis', 'Maybe', ['Actual', 'AsBudgeted']],
      settingNotPositive: ['BillingPeriodDays', 0],
      settingNegative: ['RoundUpMinutes', -15],
      settingPercentRange: ['TaxRate', 2],
      unknownPlaceholder: ['{Invoice.Nmber}', '{Invoice.Number}'],
      rowPlaceholderOffRow: ['{Row.Amount}', 14, 12],
      percentsOver100: ['O-100', '110'],
      unknownSetting: ['TaxRat', ['TaxRate', 'Currency']],
    },
  }),
];

describeCatalogues(walks);

describe('each catalogue holds its kind whole', () => {
  it('BillingExceptions has a sentence for exactly the reason codes of the workbook contract', () => {
    const contract: ExceptionReason[] = ['NoLineItem', 'OverLimit', 'UnknownNode', 'UnknownAgreement', 'AgreementInactive', 'ExcludedCategory', 'Overrun', 'OrderBilled'];
    expect(Object.keys(exceptionSentences).sort()).toEqual([...contract].sort());
  });

  it('every run warning reason is reported under a warning code', () => {
    expect(Object.keys(WARNING_CODE).sort()).toEqual(Object.keys(warningSentences).sort());
  });

  it('a run warning about many customers names three and counts the rest', () => {
    expect(warningSentences.BuyersWithoutAddress(['A', 'B', 'C', 'D', 'E'])).toMatch(/^5 customers A, B, C and 2 more have no Address in Customers/);
  });

  it('an agreement exception on time rounding changed names both in decimal hours', () => {
    expect(exceptionSentences.ExcludedCategory(agreement, 'Travel', 600, 1800)).toMatch(/^0\.50 h \(recorded 0\.17 h, billed as 0\.50 h\) of work type Travel/);
  });

  it('an AgreementInactive sentence says why: cancelled, or outside the agreement\'s dates', () => {
    expect(exceptionSentences.AgreementInactive(cancelled, day('2025-03-01'), 5400, 5400)).toContain('which is cancelled');
    expect(exceptionSentences.AgreementInactive(agreement, day('2026-01-05'), 5400, 5400))
      .toContain('dated 2026-01-05 lies outside agreement AGR-7 (from 2025-01-01 to 2025-12-31)');
  });
});
