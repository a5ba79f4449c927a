import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the slowest test files, each with when it started (where the suite's time goes, and
 * whether a long file started late and ran alone at the end: see longest-first-sequencer.ts),
 * then one plain closing line, `Tests: N passed, N failed` (", N skipped" when any), after
 * vitest's own report: the form CI reads to count a run's tests.
 */
const SLOWEST_SHOWN = 12;

export default class SummaryReporter implements Reporter {
  private readonly startedAt = new Map<string, number>();
  private readonly endedAt = new Map<string, number>();
  private firstStart = Infinity;

  onTestModuleStart(testModule: TestModule): void {
    const now = Date.now();
    this.firstStart = Math.min(this.firstStart, now);
    this.startedAt.set(testModule.moduleId, now);
  }

  onTestModuleEnd(testModule: TestModule): void {
    this.endedAt.set(testModule.moduleId, Date.now());
  }

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
      const seconds = (ms: number) => `${(ms / 1000).toFixed(0).padStart(5)} s`;
      console.log(`\nSlowest files (tests and hooks; files run side by side), and when each started:`);
      for (const module of slowest) {
        const started = this.startedAt.get(module.moduleId);
        const when = started === undefined ? '' : ` (at ${seconds(started - this.firstStart).trim()})`;
        console.log(`  ${seconds(module.diagnostic().duration)}  ${module.moduleId.replace(`${process.cwd()}/`, '')}${when}`);
      }
      const ends = [...this.endedAt.values()].sort((a, b) => b - a);
      if (ends.length > 1) console.log(`  The last file ended ${seconds(ends[0] - this.firstStart).trim()} after the first started; ${seconds(ends[0] - ends[1]).trim()} after the one before it.`);
    }
    console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}
