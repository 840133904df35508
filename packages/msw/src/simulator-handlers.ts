import { http, type HttpHandler } from 'msw';
import { createSimulator, type PortableSimulator, type PortableSimulatorOptions } from '@beeper-setup/simulator/fetch';
import { defaultBaseUrl, originOf } from './base-url.js';

export interface SimulatorHandlersOptions extends PortableSimulatorOptions {
  /** The origin where the app under test calls the setup API. Default: `http://localhost:23373`, the client's default. */
  baseUrl?: string | undefined;
}

export interface SimulatorHandlers {
  /** For `setupServer(...handlers)` or `setupWorker(...handlers)`. */
  handlers: HttpHandler[];
  /** The in-process simulator behind the handlers: its `controlToken` for the control API, `reset()` between tests. */
  simulator: PortableSimulator;
}

/**
 * MSW handlers that answer the setup API (`/v1/app/setup` and below) and the simulator's control API (`/_sim/` and
 * below) under `baseUrl` from one stateful simulator in this process. Other requests are left to other handlers.
 */
export function simulatorHandlers({ baseUrl = defaultBaseUrl, ...options }: SimulatorHandlersOptions = {}): SimulatorHandlers {
  const base = originOf(baseUrl);
  const simulator = createSimulator(options);
  const answer = ({ request }: { request: Request }) => simulator.fetch(request);
  // MSW's `*` needs the slash before it, so the API's root is a path of its own.
  const handlers = [`${base}/v1/app/setup`, `${base}/v1/app/setup/*`, `${base}/_sim/*`].map((path) => http.all(path, answer));
  return { handlers, simulator };
}
