// `@beeper-setup/simulator/fetch`: the simulator as a function from `Request` to `Response`, for wherever fetch
// runs (MSW handlers, a Service Worker, a test calling it directly), and the client of its control API. Nothing
// here or below imports `node:*`.
import { isOverBodyLimit, payloadTooLarge, type RequestPolicy } from '@beeper-setup/edge';
import type { Reply } from '../core/api/reply.js';
import type { SimulatorRequest } from '../core/api/request.js';
import { ProblemError } from '../core/problems.js';
import { simulatorCore, type SimulatorCoreOptions } from '../core/simulator.js';

export type { Clock } from '../core/simulator.js';
export { simulatorControl, ControlApiError, type SimulatorControl, type FetchFunction } from '../control/index.js';
export type PortableSimulatorOptions = SimulatorCoreOptions;

export interface PortableSimulator {
  /** Answers the public API and the control API (`/_sim/`) for a request with an absolute URL of any origin. */
  fetch(request: Request): Promise<Response>;
  /** What the control API needs as `Authorization: Bearer <controlToken>`. */
  readonly controlToken: string;
  /** Back to the seeded scenarios: sessions, setup requests, mail and new accounts are gone. */
  reset(): void;
}

/**
 * A simulator in this process. It is same-origin with whoever calls it by construction (an MSW handler or a
 * Service Worker answers for the URL it was asked), so any `Host` is accepted: the request's own. The `Origin`
 * header is checked as the Node server checks it: absent, the request URL's own origin, or one of
 * `allowedOrigins`; any other answers 403.
 */
export function createSimulator(options: PortableSimulatorOptions = {}): PortableSimulator {
  const core = simulatorCore(options);
  const allowedOrigins = options.allowedOrigins ?? [];
  return {
    controlToken: core.controlToken,
    reset: core.reset,
    async fetch(request) {
      const url = new URL(request.url);
      const policy: RequestPolicy = { allowedHosts: [url.host], allowedOrigins: [url.origin, ...allowedOrigins] };
      const reply = await core.handle(await simulatorRequestOf(request, url), policy);
      // Only a client that went away gets no reply; a fetch-shaped caller cannot, as the body was read first.
      return reply ? responseOf(reply, request.method) : Response.error();
    },
  };
}

async function simulatorRequestOf(request: Request, url: URL): Promise<SimulatorRequest> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  const header = (name: string) => request.headers.get(name) ?? undefined;
  return {
    method: request.method,
    target: `${url.pathname}${url.search}`,
    headers: {
      host: url.host,
      origin: header('origin'),
      authorization: header('authorization'),
      'content-type': header('content-type'),
      // A Request built in code often has no Content-Length; the checks need to know whether a body came.
      'content-length': String(bytes.length),
    },
    body: async () => {
      if (isOverBodyLimit(bytes.length)) throw ProblemError.of(payloadTooLarge());
      return bytes.length === 0 ? undefined : new TextDecoder().decode(bytes);
    },
  };
}

function responseOf({ status, body, headers = {} }: Reply, method: string): Response {
  if (body === undefined) return new Response(null, { status, headers });
  return new Response(method === 'HEAD' ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
