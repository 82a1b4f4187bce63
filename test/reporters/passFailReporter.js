/**
 * Ends the test output with the plain line CI reads: "N passed, N failed".
 * Suites that fail to load count as failures too, so a broken import cannot pass silently.
 */
class PassFailReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed${tail}\n`);
  }
}
module.exports = PassFailReporter;
