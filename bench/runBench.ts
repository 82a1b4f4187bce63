/**
 * `npm run bench`: times validation, matching and invoice building on synthetic workbooks of
 * 10k, 100k and 1M time entries, each size in its own child process so its peak memory
 * (maxRSS) is its own, then the command line end to end on a 100k-entry .xlsx file.
 * Prints medians beside the targets (docs/performance.md). Never part of `npm test`.
 *
 *   npm run bench                       every size, then the command line
 *   npm run bench -- --sizes 10000      chosen sizes only
 *   npm run bench -- --no-cli           skip the command line
 *   npm run bench -- --cli-only         the command line only
 *   npm run bench -- --cli-only --cli-entries 100000,1000000
 *                                       the command line (beside a bare exceljs read) on these sizes
 *
 * Profiling one size without the runBilling cross-check (after `npm run bench` has compiled it):
 *   node --cpu-prof --expose-gc out/tools/bench/runBench.js --child 1000000 1 --phases-only
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { readBillingWorkbook } from '../src/schema/readBillingWorkbook';
import { matchTimeEntries } from '../src/engine/matchTimeEntries';
import { buildOrderInvoices } from '../src/engine/buildOrderInvoices';
import { billAgreements } from '../src/engine/agreements/billAgreements';
import { numberInvoices } from '../src/engine/numberInvoices';
import { runBilling } from '../src/engine/runBilling';
import { dayFromIso } from '../src/core/day';
import type { BillingOptions } from '../src/engine/billingResult';
import type { RawWorkbook } from '../src/schema/rawTable';
import { BENCH_BILLING_DATE, syntheticWorkbook } from './syntheticWorkbook';
import { writeRawWorkbookXlsx } from './writeRawWorkbookXlsx';
import { writeBenchWorkbook } from './writeBenchWorkbook';

const REPO = path.resolve(__dirname, '..', '..', '..');
const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
const CLI_ENTRIES = 100_000;
const CLI_RUNS = 3;
const TARGET_1M_MS = 3000;
const TARGET_1M_MB = 1536;
const TARGET_SCALING = 12;

interface PhaseTimes {
  validate: number;
  match: number;
  invoice: number;
  /** runBilling as a whole (matching + every billing part + numbering), for a cross-check. */
  runBilling: number;
}

interface SizeReport {
  entries: number;
  runs: PhaseTimes[];
  issues: number;
  invoices: number;
  rows: number;
  exceptions: number;
  generateMs: number;
  inputRssMb: number;
  maxRssMb: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

const rssMb = (): number => process.memoryUsage().rss / 1048576;
const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

interface PipelineRun {
  times: Omit<PhaseTimes, 'runBilling'>;
  issues: number;
  invoices: number;
  rows: number;
  exceptions: number;
}

/** Validation, matching and invoicing once, through the engine's phases. Nothing it makes outlives it. */
function runPipeline(raw: RawWorkbook, options: BillingOptions): PipelineRun {
  const t0 = performance.now();
  const read = readBillingWorkbook(raw);
  const t1 = performance.now();
  if (!read.workbook) throw new Error(`the synthetic workbook has ${read.issues.length} input issues, first: ${read.issues[0]?.message}`);
  const book = read.workbook;
  const matched = matchTimeEntries(book, options);
  const t2 = performance.now();
  const orders = buildOrderInvoices(book, matched, options);
  const agreements = billAgreements(book, options);
  const numbered = numberInvoices([...orders.drafts, ...agreements.drafts], book.issuedInvoices, book.settings, options.preview);
  const t3 = performance.now();
  return {
    times: { validate: t1 - t0, match: t2 - t1, invoice: t3 - t2 },
    issues: read.issues.length,
    invoices: numbered.invoices.length,
    rows: numbered.invoices.reduce((sum, invoice) => sum + invoice.rows.length, 0),
    exceptions: matched.exceptions.length + agreements.exceptions.length,
  };
}

/** runBilling as a whole on a freshly validated workbook: a cross-check that the phases are all there is. */
function timeRunBilling(raw: RawWorkbook, options: BillingOptions): number {
  const book = readBillingWorkbook(raw).workbook;
  if (!book) throw new Error('the synthetic workbook has input issues');
  const t = performance.now();
  runBilling(book, options);
  return performance.now() - t;
}

/** One size, in this (child) process: prints a SizeReport as JSON on the last stdout line. */
function measureSize(entries: number, runs: number, crossCheck: boolean): SizeReport {
  const t = performance.now();
  const raw = syntheticWorkbook({ entries });
  const generateMs = performance.now() - t;
  collectGarbage();
  const inputRssMb = rssMb();
  const options: BillingOptions = { billingDate: dayFromIso(BENCH_BILLING_DATE) as number, preview: false };
  const times: PhaseTimes[] = [];
  let last: PipelineRun | undefined;
  // Peak memory is taken after the first pipeline, before any cross-check: one run as a user makes it.
  let peakMb = 0;
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    last = runPipeline(raw, options);
    if (run === 0) peakMb = maxRssMb();
    collectGarbage();
    times.push({ ...last.times, runBilling: crossCheck ? timeRunBilling(raw, options) : Number.NaN });
  }
  return {
    entries, runs: times, issues: last?.issues ?? 0, invoices: last?.invoices ?? 0, rows: last?.rows ?? 0, exceptions: last?.exceptions ?? 0,
    generateMs, inputRssMb, maxRssMb: peakMb,
  };
}

function runsFor(entries: number): number {
  return entries >= 1_000_000 ? 3 : 5;
}

function runChild(entries: number): SizeReport {
  const child = spawnSync(process.execPath, ['--expose-gc', __filename, '--child', String(entries), String(runsFor(entries))], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`benchmark of ${entries} entries failed (exit ${child.status ?? child.signal})`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as SizeReport;
}

const fmtMs = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)).padStart(8);
const fmtCount = (n: number): string => n.toLocaleString('en-US');

function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 1073741824).toFixed(0)} GB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

function printSizes(reports: SizeReport[]): void {
  console.log('\nEngine phases, median of runs (ms); maxRSS = peak memory of the size\'s own process after its first run, input included');
  console.log('   entries  runs validation matching invoicing    total  runBilling  input RSS   maxRSS  invoices  inv. rows  exceptions');
  for (const r of reports) {
    const v = median(r.runs.map((x) => x.validate));
    const m = median(r.runs.map((x) => x.match));
    const i = median(r.runs.map((x) => x.invoice));
    const total = median(r.runs.map((x) => x.validate + x.match + x.invoice));
    const whole = median(r.runs.map((x) => x.runBilling));
    console.log(
      `${fmtCount(r.entries).padStart(10)} ${String(r.runs.length).padStart(5)} ${fmtMs(v).padStart(10)} ${fmtMs(m)} ${fmtMs(i).padStart(9)} ${fmtMs(total)} ${fmtMs(whole).padStart(11)}`
      + ` ${(r.inputRssMb.toFixed(0) + ' MB').padStart(10)} ${(r.maxRssMb.toFixed(0) + ' MB').padStart(8)} ${fmtCount(r.invoices).padStart(9)} ${fmtCount(r.rows).padStart(10)} ${fmtCount(r.exceptions).padStart(11)}`,
    );
    if (r.issues > 0) console.log(`   !! ${r.issues} input issues: the synthetic workbook should validate cleanly`);
  }
  const total = (r: SizeReport): number => median(r.runs.map((x) => x.validate + x.match + x.invoice));
  const big = reports.find((r) => r.entries === 1_000_000);
  const mid = reports.find((r) => r.entries === 100_000);
  console.log('\nTargets');
  if (big) {
    const t = total(big);
    console.log(`  1M entries, validation + matching + invoicing <= ${TARGET_1M_MS} ms: ${t.toFixed(0)} ms  ${t <= TARGET_1M_MS ? 'MET' : 'MISSED'}`);
    console.log(`  1M entries, peak memory <= ${TARGET_1M_MB} MB: ${big.maxRssMb.toFixed(0)} MB  ${big.maxRssMb <= TARGET_1M_MB ? 'MET' : 'MISSED'}`);
    if (mid) {
      const ratio = t / total(mid);
      console.log(`  1M time <= ${TARGET_SCALING} x 100k time: ${ratio.toFixed(1)} x  ${ratio <= TARGET_SCALING ? 'MET' : 'MISSED'}`);
    }
  } else {
    console.log('  (run the 1,000,000 size to check the targets)');
  }
}

interface TimedRun {
  wallMs: number;
  maxRssMb: number;
  /** User + system CPU time of the process (and the one it starts), all threads: what the machine's load does not stretch. */
  cpuMs: number;
}

/** Runs a node script in its own process; its wall time and peak memory, or the first lines of its error. */
function timedNode(args: string[], rssFile: string): TimedRun | string {
  const preload = path.join(__dirname, 'reportMaxRss.js');
  fs.rmSync(rssFile, { force: true });
  const t = performance.now();
  const child = spawnSync(process.execPath, ['--require', preload, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, BENCH_MAXRSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - t;
  if (child.status !== 0) return `exit ${child.status}${child.signal ? ` (${child.signal})` : ''}: ${(child.stderr ?? '').split('\n').slice(-6).join(' | ')}`;
  const [maxRssMb, cpuMs] = fs.readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { wallMs, maxRssMb, cpuMs };
}

/** The bench's .xlsx of `entries` entries, made once and kept in bench/ (exceljs writes up to 100k; the file adapter above). */
async function benchFile(entries: number): Promise<string> {
  const input = path.join(REPO, 'bench', `bench-${entries / 1000}k.xlsx`);
  if (fs.existsSync(input)) return input;
  const t = performance.now();
  const book = syntheticWorkbook({ entries });
  if (entries <= CLI_ENTRIES) await writeRawWorkbookXlsx(book, input);
  else await writeBenchWorkbook(book, input);
  console.log(`\nwrote ${path.relative(REPO, input)} (${(fs.statSync(input).size / 1048576).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return input;
}

/**
 * Times `psa-billing generate` on a file of `entries` entries beside a bare exceljs read of the
 * same file (issue 9 item 4), alternating the two, each in its own process.
 */
async function benchCommandLine(entries: number): Promise<void> {
  const cli = path.join(REPO, 'dist', 'cli', 'main.js');
  if (!fs.existsSync(cli)) {
    console.log(`\nCommand line: ${path.relative(REPO, cli)} not built; run npm run build`);
    return;
  }
  const input = await benchFile(entries);
  const outDir = path.join(REPO, 'out', 'bench');
  fs.mkdirSync(outDir, { recursive: true });
  const output = path.join(outDir, `bench-${entries / 1000}k-billed.xlsx`);
  const rssFile = path.join(outDir, 'maxrss.txt');
  const reader = path.join(__dirname, 'readWithExcelJs.js');
  const runs = entries > CLI_ENTRIES ? 1 : CLI_RUNS;
  const cliRuns: TimedRun[] = [];
  const readRuns: TimedRun[] = [];
  let readFailure = '';
  const loadAtStart = os.loadavg()[0];
  for (let run = 0; run < runs; run++) {
    const read = timedNode(['--max-old-space-size=16384', reader, input], rssFile);
    if (typeof read === 'string') readFailure = read;
    else readRuns.push(read);
    fs.rmSync(output, { force: true });
    const billed = timedNode([cli, 'generate', input, '--out', output, '--date', BENCH_BILLING_DATE], rssFile);
    if (typeof billed === 'string') {
      console.log(`\nCommand line failed on ${fmtCount(entries)} entries (${billed})`);
      return;
    }
    cliRuns.push(billed);
  }
  const wall = median(cliRuns.map((r) => r.wallMs));
  console.log(`\nCommand line end to end: psa-billing generate on ${fmtCount(entries)} entries (${(fs.statSync(input).size / 1048576).toFixed(1)} MB .xlsx)`);
  console.log(`  wall time, median of ${runs}: ${(wall / 1000).toFixed(2)} s   (runs: ${cliRuns.map((r) => (r.wallMs / 1000).toFixed(2)).join(', ')} s)`);
  console.log(`  peak memory (maxRSS), median: ${median(cliRuns.map((r) => r.maxRssMb)).toFixed(0)} MB`);
  console.log(`  machine load (1-minute load average) at the start and the end: ${loadAtStart.toFixed(1)}, ${os.loadavg()[0].toFixed(1)} (${os.cpus().length} cores; other jobs stretch wall times)`);
  if (readRuns.length === 0) {
    console.log(`  bare exceljs read of the same file: failed (${readFailure})`);
    return;
  }
  const read = median(readRuns.map((r) => r.wallMs));
  const ratio = wall / read;
  const cpu = median(cliRuns.map((r) => r.cpuMs));
  const readCpu = median(readRuns.map((r) => r.cpuMs));
  console.log(`  bare exceljs read of the same file, median: ${(read / 1000).toFixed(2)} s, ${median(readRuns.map((r) => r.maxRssMb)).toFixed(0)} MB   (runs: ${readRuns.map((r) => (r.wallMs / 1000).toFixed(2)).join(', ')} s)`);
  console.log(`  CPU time (user + system, all threads), median: command line ${(cpu / 1000).toFixed(1)} s, exceljs read ${(readCpu / 1000).toFixed(1)} s, ${(cpu / readCpu).toFixed(2)} x`);
  const limit = entries >= 1_000_000 ? 0.7 : 1;
  console.log(`  command line / exceljs read: ${ratio.toFixed(2)} x (target <= ${limit} x)  ${ratio <= limit ? 'MET' : 'MISSED'}`);
  if (entries >= 1_000_000) {
    const peak = median(cliRuns.map((r) => r.maxRssMb));
    console.log(`  1M entries end to end <= 25 s and 2,048 MB: ${(wall / 1000).toFixed(1)} s, ${peak.toFixed(0)} MB  ${wall <= 25_000 && peak <= 2048 ? 'MET' : 'MISSED'}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const report = measureSize(Number(args[1]), Number(args[2]), !args.includes('--phases-only'));
    process.stdout.write(JSON.stringify(report) + '\n');
    return;
  }
  const sizesAt = args.indexOf('--sizes');
  const sizes = args.includes('--cli-only') ? [] : sizesAt >= 0 ? args[sizesAt + 1].split(',').map(Number) : DEFAULT_SIZES;
  console.log(`Machine: ${machineLine()}`);
  console.log(`Synthetic workbook: 1,000 orders, 20,000 line items, 4-level project trees, caps and collectors; billing date ${BENCH_BILLING_DATE}`);
  const reports: SizeReport[] = [];
  for (const entries of sizes) {
    process.stderr.write(`measuring ${fmtCount(entries)} entries ...\n`);
    reports.push(runChild(entries));
  }
  if (reports.length > 0) printSizes(reports);
  const cliAt = args.indexOf('--cli-entries');
  const cliSizes = cliAt >= 0 ? args[cliAt + 1].split(',').map(Number) : [CLI_ENTRIES];
  if (!args.includes('--no-cli')) for (const entries of cliSizes) await benchCommandLine(entries);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
