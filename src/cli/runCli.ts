/**
 * The `psa-billing` command line as a function, so tests run it in-process. Each
 * subcommand is one entry of COMMANDS.
 */
import { EXIT_DONE, EXIT_USAGE, EXIT_WORKBOOK_ERRORS, UsageError, type CliIo } from './cliIo';
import { cliLines, usageError } from './cliMessages';
import { runCreateProject } from './createProjectCommand';
import { runCredit } from './creditCommand';
import { runGenerate } from './generateCommand';
import { CREATE_PROJECT_USAGE } from './parseCreateProjectArgs';
import { CREDIT_USAGE } from './parseCreditArgs';
import { GENERATE_USAGE } from './parseGenerateArgs';

interface Command {
  usage: string;
  summary: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  generate: { usage: GENERATE_USAGE, summary: 'bill a workbook file', run: runGenerate },
  'create-project': { usage: CREATE_PROJECT_USAGE, summary: "append an order's project (or every missing one) to ProjectTree", run: runCreateProject },
  credit: { usage: CREDIT_USAGE, summary: 'cancel an issued invoice with a credit note; what it billed bills again on the next run', run: runCredit },
};

function usageText(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `Usage:\n${lines.join('\n')}\n`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usageText());
    return EXIT_DONE;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  try {
    if (!command) {
      throw name === undefined ? usageError('NoCommand') : usageError('UnknownCommand', name);
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`Usage: ${command.usage}\n`);
      return EXIT_DONE;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`psa-billing: ${error.message}\n`);
      if (error.showUsage) io.stderr.write(command ? `Usage: ${command.usage}\n` : usageText());
      return EXIT_USAGE;
    }
    io.stderr.write(`psa-billing: ${cliLines.Unexpected(error instanceof Error ? error.stack ?? error.message : String(error))}\n`);
    return EXIT_WORKBOOK_ERRORS;
  }
}
