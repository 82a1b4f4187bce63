import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { billingWorkbook, placeWorkbook } from './billingFixture';

/** The compiled bin, as `npm run build` leaves it (npm test builds before jest). */
const bin = path.join(__dirname, '..', '..', 'dist', 'cli', 'main.js');

function requireBuild(): void {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first (npm test does).`);
}

describe('the psa-billing bin as users run it', () => {
  test('starts with a node shebang so the package bin runs without typing node', () => {
    requireBuild();
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  test('node dist/cli/main.js bills a workbook and prints the --json summary', async () => {
    requireBuild();
    const { file } = await placeWorkbook(await billingWorkbook());
    const run = spawnSync(process.execPath, [bin, 'generate', file, '--date', '2025-01-31', '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).totals.net).toBe('350.00');
  });

  test('node dist/cli/main.js exits 2 on an unknown option', () => {
    requireBuild();
    const run = spawnSync(process.execPath, [bin, 'generate', 'x.xlsx', '--bogus'], { encoding: 'utf8' });
    expect([run.status, run.stderr.includes('Usage:')]).toEqual([2, true]);
  });
});
