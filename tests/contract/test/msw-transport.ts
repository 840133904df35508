// The MSW handlers of @beeper-setup/msw over an in-process simulator, intercepting the global fetch.
import { setupServer } from 'msw/node';
import { simulatorHandlers } from '@beeper-setup/msw';
import { simulatorControl } from '@beeper-setup/simulator';
import { conformingFetch } from '@beeper-setup/testing-kit';
import type { Transport } from './transport.js';
import { validatorVerdict } from './validator-verdict.js';

const baseUrl = 'http://simulator.msw.test';

export const mswTransport: Transport = {
  name: 'MSW handlers',
  async connect(clock) {
    const { handlers, simulator } = simulatorHandlers({ baseUrl, initializingMs: 0, firstSyncMs: 0, clock });
    const server = setupServer(...handlers);
    // Only this transport's origin must be answered by the handlers; other servers of the same test pass.
    server.listen({ onUnhandledRequest: (request, print) => (new URL(request.url).origin === baseUrl ? print.error() : undefined) });
    return {
      baseUrl,
      fetch: (request) => fetch(request),
      judge: validatorVerdict,
      control: simulatorControl(baseUrl, simulator.controlToken, conformingFetch()),
      close: async () => server.close(),
    };
  },
};
