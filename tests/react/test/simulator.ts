import { setupServer } from 'msw/node';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { defaultBaseUrl, simulatorHandlers } from '@beeper-setup/msw';
import { simulatorControl } from '@beeper-setup/simulator/control';

/**
 * One in-process simulator for the file, answering the client's default base URL through MSW, with its control API
 * (the mailbox and the other device). After each test: the components unmounted, the overrides dropped, the seeded
 * accounts back. `firstSyncMs` keeps a verified device in `needs-first-sync` for a while, so reaching `ready` takes a
 * poll that comes after the other device's last step.
 */
export function useSimulator() {
  const { handlers, simulator } = simulatorHandlers({ initializingMs: 0, firstSyncMs: 200 });
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    cleanup();
    server.resetHandlers();
    simulator.reset();
  });
  afterAll(() => server.close());
  return { server, control: simulatorControl(defaultBaseUrl, simulator.controlToken) };
}
