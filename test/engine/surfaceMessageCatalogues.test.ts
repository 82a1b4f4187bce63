/**
 * One voice for messages, the surfaces' part (docs/billing-engine.md, "Messages"): what the PSA
 * worksheet functions, the command line, the ribbon's buttons and the task pane say, why a file
 * cannot be opened, and why both workbook adapters refuse a write, walked like the engine's
 * catalogues (messageCatalogues.test.ts): every code has a sentence naming its facts, and every
 * code is picked by a call site in src.
 */
import { FAILURE_CODE, functionFailure, functionFailureSentences, functionTexts } from '../../src/functions/functionMessages';
import { cliLines, usageError, usageSentences } from '../../src/cli/cliMessages';
import { dayFromIso, type Day } from '../../src/core/day';
import { writeRefusal, writeRefusalSentences } from '../../src/engine/writeRefusals';
import { WorkbookWriteError } from '../../src/engine/workbookPort';
import { ribbonOutcomes } from '../../src/commands/ribbonMessages';
import { unreadableReasons } from '../../src/xlsx/unreadableReasons';
import { paneMessages } from '../../src/taskpane/paneMessages';
import { describeCatalogues, property, quoted, walk, type Catalogue, type Walk } from '../builders/catalogueWalk';

const day = (iso: string): Day => dayFromIso(iso)!;

/** The ribbon's outcomes as one text each (title, then detail), for the walk. */
const ribbonSaid = Object.fromEntries(
  Object.entries(ribbonOutcomes).map(([code, outcome]) => [code, (...facts: never[]) => {
    const said = (outcome as (...args: never[]) => { title: string; detail: string })(...facts);
    return `${said.title}: ${said.detail}`;
  }]),
) as unknown as { [C in keyof typeof ribbonOutcomes]: (...facts: Parameters<(typeof ribbonOutcomes)[C]>) => string };

const walks: Walk<Catalogue>[] = [
  walk({
    kind: 'PSA function failures', file: 'src/functions/functionMessages.ts', sentences: functionFailureSentences, picked: quoted,
    samples: {
      BadDate: ['Date', 'next Friday'], BadId: ['Agreement', 'AGR 7'], BadBoolean: ['Reason', 'yes'], BadNumber: ['Days', 'ten'],
      FromAfterTo: [],
      BadAdvice: [['People must be a whole number, at least 1 (got 0)', 'Contacts must be a whole number, 0 or more (got 1.5)']],
      InputErrors: [2, 'TimeEntries!F7 (entry E3): Hours -1.5 must be above zero'],
      NoAgreement: ['AGR-9'], NoOrder: ['O-9'], NoEntry: ['E9'],
      Starting: [], TablesUnreadable: ['the TimeEntries table is gone'], ComputeFailed: ['out of memory'],
    },
  }),
  walk({
    kind: 'PSA function texts', file: 'src/functions/functionMessages.ts', sentences: functionTexts, picked: property('functionTexts'),
    samples: { CanBill: [], EntryOnAgreement: ['E5', 'AGR-7'], NoLineItemTakes: ['E5', 'N-12'] },
  }),
  walk({
    kind: 'command line usage errors', file: 'src/cli/cliMessages.ts', sentences: usageSentences, picked: quoted,
    samples: {
      NoCommand: [], UnknownCommand: ['bill'], UnknownOption: ['--dry-run'], OptionTwice: ['--out'], FlagTakesNoValue: ['--json'], OptionNeedsValue: ['--date'],
      NoWorkbook: [], NoWorkbookToBill: [], SeveralWorkbooks: [['b.xlsx', 'c.xlsx']],
      OutNeedsName: [], OutWithInPlace: [], OutIsInput: [], OutExtension: ['result.csv', true],
      BadDate: ['31.01.2025'], EInvoicesWithPreview: [], OrderNeedsId: [], NoOrderChosen: [], OrderWithAll: [], NoInvoiceChosen: [],
      UnknownOrder: ['O-404', 'Orders'],
      CannotOpen: ['book.xlsx', 'no such file'], ReadOnlyInPlace: ['book.xlsx'],
      CannotWrite: ['book-billed.xlsx', 'disk full'], CannotMakeFolder: ['einvoices', 'permission denied'],
    },
  }),
  walk({
    kind: 'command line lines', file: 'src/cli/cliMessages.ts', sentences: cliLines, picked: property('cliLines'),
    samples: {
      Reading: ['book.xlsx'], CheckingTables: [], Billing: [false, day('2025-01-31')], Step: ['matching', 5000, 20000],
      CreatingAllProjects: [], CreatingProject: ['O-100'], Writing: ['book-billed.xlsx'], WritingEInvoices: [2, 'einvoices'],
      ErrorsNothingWritten: [3, 'book.xlsx'], ErrorsIn: [1, 'book.xlsx'], NothingWritten: [],
      Backdated: [day('2025-01-31'), 'INV-00009', day('2025-02-15')],
      Unexpected: ['TypeError: x is undefined'],
      RunSummary: [false, ['INV-00010', 'INV-00012'], 3, 1, 'book-billed.xlsx'],
      EInvoicesWritten: [2, 'einvoices'], NoEInvoiceAsked: ['einvoices'], EInvoicesNotWritten: [1],
      ProjectRowsAdded: [4, 'book-projects.xlsx'],
      CreditIssued: ['INV-00013', 'INV-00009', '-1190.00', 'EUR', 5, 1, 'book-credited.xlsx'],
      CreditEInvoiceWritten: ['INV-00013.xml', 'einvoices'], NoCreditEInvoiceAsked: ['Nordlicht GmbH', 'einvoices'],
      Warning: ['Settings CompanyName is blank', 'Settings!B2'],
    },
  }),
  walk({
    kind: 'write refusals', file: 'src/engine/writeRefusals.ts', sentences: writeRefusalSentences, picked: quoted,
    samples: {
      SheetNameTaken: ['INV-00009'], NoSuchTable: ['ProjectTree'], NoHeaderRow: ['Invoices', 'EInvoice'],
      ColumnInTheWay: ['Invoices', 'EInvoice', 'Register!K3'], RowsInTheWay: ['Invoices', 5, 'Register!C5'],
      TemplateSheetGone: ['InvoiceTemplate'], TableChanged: ['TimeEntries'], TableGone: [],
    },
  }),
  walk({
    kind: 'ribbon outcomes', file: 'src/commands/ribbonMessages.ts', sentences: ribbonSaid, picked: quoted,
    samples: {
      InputErrors: [2, 'Input Errors'],
      Previewed: [day('2025-01-31'), 3, 1],
      Billed: [day('2025-01-31'), ['INV-00010', 'INV-00012'], 1, ['Entry E5 changed after INV-00007 billed it'], ['Settings CompanyName is blank']],
      Backdated: [day('2025-01-31'), 'INV-00009', day('2025-02-15')],
      ProjectNotCreated: ['O-100', ['Order O-100 has no line item with a template.']],
      ProjectExists: ['O-100'], ProjectCreated: ['O-100', 4], NoOrderSelected: [],
      WriteRefused: ['A sheet named INV-00009 already exists'], Stopped: ['The connection to Excel was lost.'], PaneOpened: [],
    },
  }),
  walk({
    kind: 'unreadable file', file: 'src/xlsx/unreadableReasons.ts', sentences: unreadableReasons, picked: quoted,
    samples: { Empty: [], EncryptedOrXls: [], NotAWorkbook: [], Damaged: [], OpenDocument: [], BinaryWorkbook: [], PartsUnreadable: [] },
  }),
  walk({
    kind: 'task pane', file: 'src/taskpane/paneMessages.ts', sentences: paneMessages, picked: property('paneMessages'),
    samples: {
      InputErrorsToFix: [2], TablesChangedSincePreview: [], DateChangedSincePreview: [day('2025-01-31'), day('2025-02-28')],
      Backdated: [day('2025-01-31'), 'INV-00009', day('2025-02-15')], BackdatedPreview: [day('2025-01-31'), 'INV-00009', day('2025-02-15')],
      PreviewDiffers: [], CutOffGenerate: [],
      PreviewResult: [day('2025-01-31'), 2, { net: '1,000.00 EUR', gross: '1,190.00 EUR' }],
      NothingToBill: [day('2025-01-31')],
      IssuedResult: [day('2025-01-31'), ['INV-00010', 'INV-00011'], { net: '1,000.00 EUR', gross: '1,190.00 EUR' }],
      PreviewDetail: [true, false], IssuedDetail: [false],
      CreditBlocked: [3], TablesUnreadable: [], ChooseInvoice: [],
      CreditRefused: ['INV-00007 is credited already (Invoices Status Credited).'],
      CreditNotIssued: ['INV-00013'], CreditStopped: ['INV-00013'], CutOffCredit: [],
      CreditNoteWritten: ['INV-00013', day('2025-02-28'), 'Nordlicht GmbH', 'INV-00007', 3, '−1,190.00 EUR', 'INV-00013'],
      OriginalCredited: ['INV-00007'], ReasonPrinted: ['wrong rate'], NothingBillableAgain: ['INV-00007'],
      BillableAgain: [['2 time entries', '1 prepaid block (Agreements)']], EntriesKeepOtherNumbers: [1],
      CreateProjectInputErrors: [1],
    },
  }),
];

describeCatalogues(walks);

describe('each catalogue holds its kind whole', () => {
  it('every PSA function failure shows #N/A or #VALUE!, as its reason says', () => {
    expect(Object.keys(FAILURE_CODE).sort()).toEqual(Object.keys(functionFailureSentences).sort());
    expect(functionFailure('NoOrder', 'O-9')).toMatchObject({ code: 'notAvailable', message: 'No order O-9 in Orders' });
    expect(functionFailure('BadId', 'EntryId', '')).toMatchObject({ code: 'invalidValue', message: 'EntryId must be an EntryId such as "E1", not blank' });
  });

  it('a usage error is followed by the usage line, a file problem is one sentence alone', () => {
    expect(usageError('UnknownOption', '--dry-run')).toMatchObject({ message: 'Unknown option --dry-run.', showUsage: true });
    for (const file of [usageError('CannotOpen', 'a.xlsx', 'no such file'), usageError('ReadOnlyInPlace', 'a.xlsx'), usageError('CannotWrite', 'a.xlsx', 'disk full'), usageError('CannotMakeFolder', 'e', 'disk full')]) {
      expect(file.showUsage).toBe(false);
    }
  });

  it('a run summary names the first and last invoice number, or the one', () => {
    expect(cliLines.RunSummary(false, ['INV-00010', 'INV-00011', 'INV-00012'], 3, 0, 'out.xlsx')).toBe('Billed 3 invoices (INV-00010 to INV-00012) and 0 exceptions; wrote out.xlsx');
    expect(cliLines.RunSummary(true, [], 1, 1, 'out.xlsx')).toBe('Previewed 1 invoice and 1 exception; wrote out.xlsx');
  });

  it('a write refusal is a WorkbookWriteError with its sentence', () => {
    const refusal = writeRefusal('RowsInTheWay', 'Invoices', 5, 'Register!C5');
    expect(refusal).toBeInstanceOf(WorkbookWriteError);
    expect(refusal.message).toBe('Table Invoices must grow to row 5, but Register!C5 below it is not empty. Move what is below the table.');
  });

  it('a Generate that billed with warnings names the first of each kind and warns', () => {
    const billed = ribbonOutcomes.Billed(day('2025-01-31'), ['INV-00010'], 0, [], ['Settings CompanyName is blank', 'Settings CompanyAddress is blank']);
    expect(billed).toEqual({
      kind: 'warning',
      title: 'Billed 1 invoice (INV-00010) as of 2025-01-31',
      detail: 'Every billable entry found its line item. Invoices and InvoiceLines hold the register. The invoices lack 2 fields the law requires: Settings CompanyName is blank (and 1 more).',
    });
    expect(ribbonOutcomes.Billed(day('2025-01-31'), [], 0, [], []).title).toBe('Nothing to bill as of 2025-01-31');
  });

  it('the pane names an issued run by its first and last invoice number and its money', () => {
    expect(paneMessages.IssuedResult(day('2025-01-31'), ['INV-00010', 'INV-00011', 'INV-00012'], { net: '300.00 EUR', gross: '357.00 EUR' }))
      .toBe('Issued 3 invoices (INV-00010 to INV-00012) as of 2025-01-31, net 300.00 EUR, gross 357.00 EUR.');
  });

  it('the workbook\'s input errors are counted and the first is named', () => {
    expect(functionFailureSentences.InputErrors(1, undefined)).toBe('The workbook has 1 input error. Fix the input (Preview lists every error) and the figure returns.');
  });
});
