/**
 * Preloaded into the timed command line (`node --require`): on exit it writes the process's
 * peak memory (maxRSS, MB) to the file named by BENCH_MAXRSS_FILE, or keeps the figure already
 * there when it is larger (the command line starts itself once more, and that process, which
 * does the work, exits first). The bench removes the file before each run.
 */
import * as fs from 'fs';

const target = process.env.BENCH_MAXRSS_FILE;
if (target) {
  process.on('exit', () => {
    const own = process.resourceUsage().maxRSS / 1024;
    const earlier = fs.existsSync(target) ? Number(fs.readFileSync(target, 'utf8')) || 0 : 0;
    fs.writeFileSync(target, String(Math.max(own, earlier)));
  });
}
