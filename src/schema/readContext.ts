import type { InputIssue } from './inputIssue';
import type { ReferenceList } from './references';

/** What every table reader shares: the one issue list and the references checked at the end. */
export interface ReadContext {
  issues: InputIssue[];
  references: ReferenceList;
}
