import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest test files first, whatever their project: with two workers, a long file started
 * last runs alone at the end while the other core idles. Vitest orders by the durations it cached
 * from the last run, which a clean clone (CI) does not have; there it ordered by file size and
 * project name, and the phone pass (the longest file, a small one) started more than halfway in.
 * The list is what the summary reporter printed as the slowest files of a CI run; keep it current.
 */
const LONGEST_FIRST = [
  'tests/e2e/notebooks-on-a-phone.test.ts',
  'tests/e2e/present.test.ts',
  'tests/e2e/notebook.test.ts',
  'tests/e2e/keyboard.test.ts',
  'tests/e2e/persistence.test.ts',
  'tests/e2e/control-dock.test.ts',
  'tests/e2e/two-tabs.test.ts',
  'tests/e2e/rendering.test.ts',
  'tests/e2e/typecheck.test.ts',
  'tests/e2e/kernel-errors.test.ts',
  'tests/e2e/teaching.test.ts',
  'tests/e2e/sharing.test.ts',
  'tests/e2e/narrow.test.ts',
  'tests/notebooks/type-check-every-notebook.test.ts',
  'tests/cli/cli.test.ts',
];

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.findIndex((path) => file.moduleId.endsWith(path));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    // Array.prototype.sort is stable: the files not listed keep vitest's order after the listed ones.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
