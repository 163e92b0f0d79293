import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the closing `N passed, N failed, N skipped` line CI reads, and says which suites were skipped
 * and why (suites that need PostgreSQL, Redis or Chromium announce their reason in their name).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const skippedSuites = new Set<string>();
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else {
          skipped += 1;
          const suite = test.parent.type === 'suite' ? test.parent.fullName : test.module.moduleId;
          skippedSuites.add(suite);
        }
      }
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed += 1;
    }
    for (const suite of skippedSuites) console.log(`skipped: ${suite}`);
    console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
