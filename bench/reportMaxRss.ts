/**
 * Preloaded into the timed command line (`node --require`): on exit it writes the process's
 * peak memory (maxRSS, MB) and its CPU time (user + system, all its threads, ms) to the file
 * named by BENCH_MAXRSS_FILE as `maxRssMb cpuMs`. The command line starts itself once more, and
 * that process, which does the work, exits first: the peak kept is the larger of the two, the
 * CPU time their sum. The bench removes the file before each run.
 */
import * as fs from 'fs';
import { isMainThread } from 'worker_threads';

const target = process.env.BENCH_MAXRSS_FILE;
// Worker threads load it too (they inherit --require); their process's usage is the main thread's to report.
if (target && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const [earlierRss, earlierCpu] = fs.existsSync(target) ? fs.readFileSync(target, 'utf8').split(' ').map((n) => Number(n) || 0) : [0, 0];
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    fs.writeFileSync(target, `${Math.max(usage.maxRSS / 1024, earlierRss)} ${cpuMs + (earlierCpu ?? 0)}`);
  });
}
