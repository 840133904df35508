import { startGuard } from './guard.js';
import { startPrism, type RunningServer } from './prism.js';

export { startPrism, type PrismOptions, type RunningServer } from './prism.js';

/** The port of `beeper-setup-mock` and `npm start`: Prism's own default. */
export const defaultPort = 4010;

export interface MockOptions {
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

/** Starts the contract mock (or conformance proxy): Prism behind a guard that keeps malformed input within the contract. */
export async function startMock({ host = '127.0.0.1', port = 0, upstream, validateRequests, onLog }: MockOptions = {}): Promise<RunningServer> {
  // Prism's start-up lines name its internal port; people only need its request log.
  let started = false;
  const prism = await startPrism({ upstream, validateRequests, onLog: onLog && ((line) => started && onLog(line)) });
  started = true;
  try {
    const guard = await startGuard({ target: prism.url, malformedTarget: upstream, host, port });
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
