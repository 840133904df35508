import type { TestProject } from 'vitest/node';
import { startMock } from '@beeper-setup/mock';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

/** One Prism mock for the whole run, on a free loopback port; stopped even when tests fail. */
export default async function setup(project: TestProject) {
  const mock = await startMock({ host: '127.0.0.1', port: 0 });
  project.provide('mockUrl', mock.url);
  return () => mock.close();
}
