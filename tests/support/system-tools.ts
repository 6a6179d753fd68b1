/**
 * Tests that need a system tool (nginx, rsync) skip on a developer's machine without it, but in
 * CI, where .ci/run installs the tools, a missing one is a failure, never a silent skip.
 */
import { describe, it } from 'vitest';

/** Registers a failing test in CI, or warns elsewhere, when `tool` was not `found`. */
export function requireTool(found: string | undefined, tool: string, tests: string): void {
  if (found) return;
  if (process.env['CI']) {
    describe(tests, () => {
      it(`needs ${tool}, which .ci/run installs`, () => {
        throw new Error(`${tool} is not installed, so ${tests} cannot run: apt-get install ${tool}`);
      });
    });
  } else {
    console.warn(`${tool} is not installed (apt-get install ${tool}, as .ci/run does): ${tests} are skipped here.`);
  }
}
