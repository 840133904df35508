/**
 * What runs again on each other Node line: the published packages' unit tests, the contract suite's runtime checks and
 * the consumer install check. Left out: the type tests and the contract suite's tooling checks (lint, generate,
 * breaking, changeset, release: TypeScript and the repository's scripts, whose line is the one `npm test` runs on),
 * the browser tests (Chromium's, not Node's) and the apps' own suites, whose packed commands the consumer check runs.
 */
export interface Suite {
  /** The workspace folder, from the repository's root. */
  workspace: string;
  /** vitest's arguments after `run`: test files, or an option. */
  args: string[];
}

export const suites: Suite[] = [
  { workspace: 'packages/contract', args: [] },
  { workspace: 'packages/validator', args: [] },
  { workspace: 'packages/edge', args: [] },
  { workspace: 'packages/client', args: [] },
  { workspace: 'packages/msw', args: ['--typecheck.enabled=false'] },
  { workspace: 'packages/mock', args: [] },
  { workspace: 'packages/simulator', args: [] },
  { workspace: 'tests/react', args: [] },
  { workspace: 'tests/contract', args: ['test/mock.test.ts', 'test/invalid-bodies.test.ts', 'test/simulator-flows.test.ts', 'test/simulator-errors.test.ts'] },
  { workspace: 'tests/consumers', args: [] },
];
