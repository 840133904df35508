import type { SetupServer } from 'msw/node';
import { exchangeViolation } from '@beeper-setup/testing-kit';

export interface ContractViolations {
  /** What the responses since the last call broke, one line each; empty when every one followed the contract. */
  take(): Promise<string[]>;
}

/**
 * Checks every response the handlers give (the simulator's and each override's) with the testing kit, those of the
 * control API (`/_sim/`) against the control contract.
 */
export function watchContractViolations(server: SetupServer): ContractViolations {
  const checks: Promise<string | undefined>[] = [];
  server.events.on('response:mocked', ({ request, response }) => {
    checks.push(exchangeViolation(request, response));
  });
  return {
    take: async () => (await Promise.all(checks.splice(0))).filter((violation) => violation !== undefined),
  };
}
