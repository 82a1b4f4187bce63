/**
 * Bad input is data: every problem the schema finds becomes one InputIssue naming the
 * table, the cell, the value found and what to do. Sentences are built in one place
 * (issueCatalogue.ts) so they read alike everywhere.
 */
export type IssueCode =
  | 'MISSING_TABLE'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'LOOKALIKE_COLUMN'
  | 'REQUIRED'
  | 'BAD_DATE'
  | 'BAD_DURATION'
  | 'BAD_MONEY'
  | 'BAD_PERCENT'
  | 'BAD_BOOLEAN'
  | 'BAD_ENUM'
  | 'BAD_NUMBER'
  | 'BAD_PERIOD'
  | 'NOT_POSITIVE'
  | 'NEGATIVE'
  | 'TOO_LARGE'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_REFERENCE'
  | 'TREE_CYCLE'
  | 'RENEWAL_CYCLE'
  | 'CELL_ERROR'
  | 'INCONSISTENT'
  | 'BAD_SETTING'
  /** The invoice template: an unknown placeholder, or `{Row.…}` placeholders on two rows. */
  | 'BAD_PLACEHOLDER';

export interface InputIssue {
  code: IssueCode;
  /** Table name as the contract spells it (`TimeEntries`). */
  table: string;
  /** Worksheet holding the table, when the table exists. */
  sheet?: string;
  /** Excel address of the offending cell (`TimeEntries!D14`), or of the table's header for table-level issues. */
  cell?: string;
  /** 1-based sheet row. */
  sheetRow?: number;
  /** 1-based index of the data row inside the table. */
  tableRow?: number;
  /** Column header as the contract names it. */
  column?: string;
  /** The value found, as read. */
  value?: unknown;
  /** Id of the row (entry E3, order O-100), when the row has one. */
  rowId?: string;
  /** One sentence a finance user understands, saying what is wrong and what is expected. */
  message: string;
}
