/** What a command may touch besides files: two text streams and the machine clock. Tests pass their own. */
export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  now(): Date;
}

/** Exit status of the command line (workbook.md, "Command line"). */
export const EXIT_DONE = 0;
export const EXIT_WORKBOOK_ERRORS = 1;
export const EXIT_USAGE = 2;

/**
 * A problem with how the command was called or with a file it cannot open: exit 2. The usage
 * line follows, except for a file problem (`showUsage` false), where it would only distract
 * from the one sentence that says what is wrong with the file.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(message: string, readonly showUsage = true) {
    super(message);
  }
}
