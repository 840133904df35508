// `@beeper-setup/mock/vitest-global-setup`: one Prism mock for a whole Vitest run; tests read its address with
// `inject('mockUrl')`.
// Brings 'vitest' into the program: TypeScript augments only a module that is in it.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startMock } from './index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

/** Starts the mock on a free 127.0.0.1 port before the tests; the returned teardown stops it, also when tests fail. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock({ host: '127.0.0.1', port: 0 });
  project.provide('mockUrl', mock.url);
  return () => mock.close();
}
