import type { TestProject } from 'vitest/node';
import { startMock } from '@beeper-setup/mock';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

/** The Prism contract mock for the contract tests, on a free loopback port; stopped even when tests fail. */
export default async function setup(project: TestProject) {
  const mock = await startMock();
  project.provide('mockUrl', mock.url);
  return () => mock.close();
}
