import { setupServer, type SetupServer } from 'msw/node';
import { createSetupClient, type SetupClient, type SetupClientOptions } from '@beeper-setup/client';
import { simulatorControl, type SimulatorControl } from '@beeper-setup/simulator';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { defaultBaseUrl, simulatorHandlers, type SimulatorHandlersOptions } from '../src/index.js';
import { watchContractViolations, type ContractViolations } from './contract-check.js';

export interface SimulatorServer {
  server: SetupServer;
  /** The simulator's control API, called through the same handlers: the outbox, the other device. */
  control: SimulatorControl;
  /** A client of the app under test, as it would be created in production, for the handlers' base URL. */
  client(options?: Omit<SetupClientOptions, 'baseUrl'>): SetupClient;
  /** Every response the contract does not describe; a test that expects one takes it, so that it does not fail. */
  violations: ContractViolations;
}

/**
 * One MSW server for the test file, answering from an in-process simulator with no waits unless the options set
 * some. After each test: the test fails if a response broke the contract, and the overrides and the simulator's
 * state are dropped.
 */
export function useSimulatorServer(options: SimulatorHandlersOptions = {}): SimulatorServer {
  const { handlers, simulator } = simulatorHandlers({ initializingMs: 0, firstSyncMs: 0, ...options });
  const server = setupServer(...handlers);
  const violations = watchContractViolations(server);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(async () => {
    server.resetHandlers();
    simulator.reset();
    expect(await violations.take()).toEqual([]);
  });
  afterAll(() => server.close());
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  return { server, violations, control: simulatorControl(baseUrl, simulator.controlToken), client: (clientOptions) => createSetupClient({ ...clientOptions, baseUrl }) };
}
