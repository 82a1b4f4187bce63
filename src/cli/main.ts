#!/usr/bin/env node
import { spawnSync } from 'child_process';

/**
 * A larger young generation than V8's default: a run writes millions of short-lived cell texts,
 * and with the default young generation most of them outlive a collection and are copied into
 * the old one (a million entries: 3.06 → 2.14 GB peak memory, 84 → 77 s of CPU; see
 * docs/performance.md). V8 takes it only at startup, so the command starts itself once more
 * with it, unless it was given (or PSA_BILLING_NO_RESTART=1). `--expose-gc` lets `generate`
 * collect the tables and the billing result once they are no longer needed, before the file
 * is written (collectGarbage in generateCommand.ts).
 */
const YOUNG_GENERATION = '--max-semi-space-size=64';
const EXPOSE_GC = '--expose-gc';

const given = process.execArgv.some((arg) => arg.startsWith('--max-semi-space-size'));
if (given || process.env.PSA_BILLING_NO_RESTART === '1') {
  // Loaded here, not at the top: the process that only starts the other one does not need it (0.15 s).
  void import('./runCli')
    .then(({ runCli }) => runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, now: () => new Date() }))
    .then((code) => (process.exitCode = code));
} else {
  const child = spawnSync(process.execPath, [...process.execArgv, YOUNG_GENERATION, EXPOSE_GC, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = child.status ?? 1;
}
