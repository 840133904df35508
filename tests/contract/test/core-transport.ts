// The simulator's transport-free core, called directly: no server, no socket, no interception.
import { createSimulator, simulatorControl } from '@beeper-setup/simulator';
import { conformingFetch } from '@beeper-setup/testing-kit';
import type { Transport } from './transport.js';
import { validatorVerdict } from './validator-verdict.js';

const baseUrl = 'http://simulator.core.test';

export const coreTransport: Transport = {
  name: "the core's fetch",
  async connect(clock) {
    const simulator = createSimulator({ initializingMs: 0, firstSyncMs: 0, clock });
    return {
      baseUrl,
      fetch: simulator.fetch,
      judge: validatorVerdict,
      control: simulatorControl(baseUrl, simulator.controlToken, conformingFetch(simulator.fetch)),
      close: async () => {},
    };
  },
};
