/**
 * Preloaded into the timed command line (`node --require`): on exit it writes the process's
 * peak memory (maxRSS, MB) to the file named by BENCH_MAXRSS_FILE.
 */
import * as fs from 'fs';

const target = process.env.BENCH_MAXRSS_FILE;
if (target) {
  process.on('exit', () => {
    fs.writeFileSync(target, String(process.resourceUsage().maxRSS / 1024));
  });
}
