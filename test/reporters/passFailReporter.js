/**
 * Ends the test output with the plain line CI reads: "N passed, N failed".
 * Suites that fail to load count as failures too, so a broken import cannot pass silently.
 */
class PassFailReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    const line = `\n${results.numPassedTests} passed, ${failed} failed${tail}\n`;
    // Jest's own summary is printed after the reporters run; write ours last, when the process ends.
    process.once('exit', () => process.stdout.write(line));
  }
}
module.exports = PassFailReporter;
