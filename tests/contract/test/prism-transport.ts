// The simulator's Node server behind Prism's conformance proxy (`prism proxy --errors`), which validates every
// request and response against the contract.
import { startMock } from '@beeper-setup/mock';
import { simulatorControl } from '@beeper-setup/simulator';
import { startTestSimulator } from '@beeper-setup/simulator/testing';
import { conformingFetch } from '@beeper-setup/testing-kit';
import type { Judge, Transport } from './transport.js';

/**
 * Prism's verdict on an answer. Prism answers a request that breaks the contract itself, without asking the
 * simulator; the mock's guard turns that answer into a contract problem and keeps Prism's verdict in sl-violations.
 */
export const prismVerdict: Judge = async ({ response }) => {
  const violations = response.headers.get('sl-violations');
  if (violations !== null) return violations;
  return response.status >= 500 ? await response.clone().text() : undefined;
};

export const prismTransport: Transport = {
  name: 'Prism proxy → Node server',
  async connect(clock) {
    const simulator = await startTestSimulator({ clock });
    const proxy = await startMock({ upstream: simulator.url }).catch(async (error: unknown) => {
      await simulator.close();
      throw error;
    });
    return {
      baseUrl: proxy.url,
      fetch: (request) => fetch(request),
      judge: prismVerdict,
      // Prism serves the setup API only: the control API is called directly and held to its own contract.
      control: simulatorControl(simulator.url, simulator.controlToken, conformingFetch()),
      async close() {
        await proxy.close();
        await simulator.close();
      },
    };
  },
};
