import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the slowest test files (where the suite's time goes, to keep CI well inside its budget),
 * then one plain closing line, `Tests: N passed, N failed` (", N skipped" when any), after
 * vitest's own report: the form CI reads to count a run's tests.
 */
const SLOWEST_SHOWN = 12;

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0, failed = 0, skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that failed to load has no tests but is a failure all the same.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
    }
    const slowest = [...testModules].sort((a, b) => b.diagnostic().duration - a.diagnostic().duration).slice(0, SLOWEST_SHOWN);
    if (testModules.length > SLOWEST_SHOWN) {
      console.log(`\nSlowest files (tests and hooks; files run ${testModules.length > 1 ? 'side by side' : 'alone'}):`);
      for (const module of slowest) console.log(`  ${(module.diagnostic().duration / 1000).toFixed(0).padStart(5)} s  ${module.moduleId.replace(`${process.cwd()}/`, '')}`);
    }
    console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}
