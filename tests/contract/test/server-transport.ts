// The simulator's Node server, reached over HTTP with nothing in front of it.
import { startTestSimulator } from '@beeper-setup/simulator/testing';
import type { Transport } from './transport.js';
import { validatorVerdict } from './validator-verdict.js';

export const serverTransport: Transport = {
  name: "the simulator's Node server",
  async connect(clock) {
    const simulator = await startTestSimulator({ clock });
    return {
      baseUrl: simulator.url,
      fetch: (request) => fetch(request),
      judge: validatorVerdict,
      control: simulator.control,
      close: () => simulator.close(),
    };
  },
};
