// The simulator's transport-free core, called directly: no server, no socket, no interception.
import { createSimulator, simulatorControl, type PortableSimulator } from '@beeper-setup/simulator';
import type { Transport } from './transport.js';
import { validatorVerdict } from './validator-verdict.js';

const baseUrl = 'http://simulator.core.test';

export const coreTransport: Transport = {
  name: "the core's fetch",
  async connect(clock) {
    const simulator = createSimulator({ initializingMs: 0, firstSyncMs: 0, clock });
    const restoreFetch = answerControlCalls(simulator);
    return {
      baseUrl,
      send: (request) => simulator.fetch(request),
      judge: validatorVerdict,
      control: simulatorControl(baseUrl, simulator.controlToken),
      close: async () => restoreFetch(),
    };
  },
};

/**
 * simulatorControl() calls the global fetch and takes no other, so the control API's calls (only those: the setup
 * API goes to `simulator.fetch` itself) are answered by the simulator until `restore()`.
 */
function answerControlCalls(simulator: PortableSimulator): () => void {
  const globalFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    return url.origin === baseUrl && url.pathname.startsWith('/_sim/') ? simulator.fetch(request) : globalFetch(request);
  };
  return () => {
    globalThis.fetch = globalFetch;
  };
}
