import type { SetupServer } from 'msw/node';
import { exchangeViolation } from '@beeper-setup/testing-kit';

export interface ContractViolations {
  /** What the responses since the last call broke, one line each; empty when every one followed the contract. */
  take(): Promise<string[]>;
}

/**
 * Checks every response the handlers give (the simulator's and each override's) with the testing kit. The
 * control API (`/_sim/`) is not part of the contract.
 */
export function watchContractViolations(server: SetupServer): ContractViolations {
  const checks: Promise<string | undefined>[] = [];
  server.events.on('response:mocked', ({ request, response }) => {
    if (!new URL(request.url).pathname.startsWith('/_sim/')) checks.push(exchangeViolation(request, response));
  });
  return {
    take: async () => (await Promise.all(checks.splice(0))).filter((violation) => violation !== undefined),
  };
}
