import type { RequestPolicy } from '@beeper-setup/edge';
import { startGuard } from './guard.js';
import type { RunningServer } from './prism.js';
import { supervisePrism } from './supervised-prism.js';

export { startPrism, type PrismOptions, type RunningPrism, type RunningServer } from './prism.js';

/** The port of `beeper-setup-mock` and `npm start`: Prism's own default. */
export const defaultPort = 4010;

export interface MockOptions extends RequestPolicy {
  host?: string | undefined;
  /** 0 picks a free port. */
  port?: number | undefined;
  /**
   * Prove a server conforms instead of mocking: Prism proxies to it and validates every request and
   * response against the contract (`--errors` turns a violation into an error response).
   */
  upstream?: string | undefined;
  /** In proxy mode, false lets requests that break the contract reach the upstream, to prove how it rejects them. */
  validateRequests?: boolean | undefined;
  onLog?: ((line: string) => void) | undefined;
}

/**
 * Starts the contract mock (or conformance proxy): Prism, restarted whenever it dies, behind a guard that keeps
 * every answer within the contract and applies the same Host, Origin and content-type rules as the simulator.
 */
export async function startMock({ host = '127.0.0.1', port = 0, upstream, validateRequests, onLog, allowedHosts, allowedOrigins }: MockOptions = {}): Promise<RunningServer> {
  const prism = await supervisePrism({
    upstream,
    validateRequests,
    onLog,
    onRestart: onLog && (() => onLog('Prism exited; restarting it (requests answer 503 meanwhile)')),
  });
  try {
    const guard = await startGuard({
      prismUrl: prism.currentUrl,
      upstream,
      validateRequests: upstream === undefined || validateRequests !== false,
      host,
      port,
      allowedHosts,
      allowedOrigins,
    });
    return {
      url: guard.url,
      async close() {
        await guard.close();
        await prism.close();
      },
    };
  } catch (error) {
    await prism.close();
    throw error;
  }
}
