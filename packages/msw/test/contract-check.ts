import type { SetupServer } from 'msw/node';
import { findOperation } from '@beeper-setup/contract';
import { validateResponse } from '@beeper-setup/validator';

export interface ContractViolations {
  /** What the responses since the last call broke, one line each; empty when every one followed the contract. */
  take(): Promise<string[]>;
}

/**
 * Validates every response the handlers give (the simulator's and each override's) against the contract. The
 * control API (`/_sim/`) is not part of the contract.
 */
export function watchContractViolations(server: SetupServer): ContractViolations {
  const checks: Promise<string | undefined>[] = [];
  server.events.on('response:mocked', ({ request, response }) => {
    checks.push(violationOf(request.method, new URL(request.url).pathname, response.clone()));
  });
  return {
    take: async () => (await Promise.all(checks.splice(0))).filter((violation) => violation !== undefined),
  };
}

async function violationOf(method: string, path: string, response: Response): Promise<string | undefined> {
  if (path.startsWith('/_sim/')) return undefined;
  const operation = findOperation(method, path);
  if (!operation) return `${method} ${path} answered ${response.status}, but the contract has no such operation`;
  const text = await response.text();
  const validation = validateResponse(operation, { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined });
  return validation.valid ? undefined : `${operation} answered ${response.status}: ${JSON.stringify(validation.errors)}`;
}
