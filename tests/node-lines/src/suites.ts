/**
 * What runs again on each other Node line: the published packages' unit tests, the contract suite's runtime checks and
 * the consumer install check (the packed packages installed, loaded and run). Left out, to keep npm test within its
 * time: the type tests and the consumer's compiles (TypeScript's, the same on every line), and the check that npm
 * publishes each package.json as written (npm's); the contract suite's tooling checks (lint,
 * generate, breaking, changeset, release: the repository's scripts, on the Node that runs npm test); the browser tests
 * (Chromium's); the simulator's property-based fuzz (pure logic, a third of its suite's time); the mock's own suite
 * and the apps' (the contract suite runs every operation against Prism on the line, and the consumer check runs the
 * packed mock, simulator, CLI and web server on it).
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
  { workspace: 'packages/msw', args: [] },
  { workspace: 'packages/simulator', args: ['--exclude', 'test/robustness.test.ts'] },
  { workspace: 'tests/react', args: [] },
  { workspace: 'tests/contract', args: ['test/mock.test.ts', 'test/invalid-bodies.test.ts', 'test/simulator-flows.test.ts', 'test/simulator-errors.test.ts'] },
  { workspace: 'tests/consumers', args: ['--testNamePattern', '^(?!.*(compiles under moduleResolution|publishes its package.json))'] },
];
