/**
 * One voice for messages, the surfaces' part (docs/billing-engine.md, "Messages"): what the PSA
 * worksheet functions say, walked like the engine's catalogues (messageCatalogues.test.ts): every
 * code has a sentence naming its facts, and every code is picked by a call site in src.
 */
import { FAILURE_CODE, functionFailure, functionFailureSentences, functionTexts } from '../../src/functions/functionMessages';
import { describeCatalogues, property, quoted, walk, type Catalogue, type Walk } from '../builders/catalogueWalk';

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
];

describeCatalogues(walks);

describe('each catalogue holds its kind whole', () => {
  it('every PSA function failure shows #N/A or #VALUE!, as its reason says', () => {
    expect(Object.keys(FAILURE_CODE).sort()).toEqual(Object.keys(functionFailureSentences).sort());
    expect(functionFailure('NoOrder', 'O-9')).toMatchObject({ code: 'notAvailable', message: 'No order O-9 in Orders' });
    expect(functionFailure('BadId', 'EntryId', '')).toMatchObject({ code: 'invalidValue', message: 'EntryId must be an EntryId such as "E1", not blank' });
  });

  it('the workbook\'s input errors are counted and the first is named', () => {
    expect(functionFailureSentences.InputErrors(1, undefined)).toBe('The workbook has 1 input error. Fix the input (Preview lists every error) and the figure returns.');
  });
});
