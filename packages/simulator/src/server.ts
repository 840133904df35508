import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Settings, SimulatorContext } from './context.js';
import { takeVerificationStep } from './device-verification.js';
import { controlRoutes } from './http/control-api.js';
import { publicRoutes, type ApiRoute } from './http/public-api.js';
import { problemReply, send, type Reply } from './http/reply.js';
import { splitTarget } from './http/request.js';
import { createRouter } from './http/router.js';
import { autoOtherDevice } from './other-device.js';
import { ProblemError } from './problems.js';
import { readStateFile, stateFileWriter } from './state-file.js';
import { World } from './world.js';

/** Beside Beeper Desktop (23373) and Beeper Server (23374). */
export const defaultPort = 23380;

export interface SimulatorOptions {
  /** Defaults to 127.0.0.1. */
  host?: string | undefined;
  /** Defaults to 23380; 0 picks a free port. */
  port?: number | undefined;
  /** Keep accounts and sessions in this file across restarts. */
  stateFile?: string | undefined;
  /** How long `initializing` lasts after sign-in. Default 2000 ms; 0 in tests. */
  initializingMs?: number | undefined;
  /** How long `needs-first-sync` lasts after the device receives the secrets. Default 3000 ms; 0 in tests. */
  firstSyncMs?: number | undefined;
  /** How long a setup request lives. Default 10 minutes. */
  setupRequestTtlMs?: number | undefined;
  /** The other device accepts this device's requests and confirms the emojis by itself. */
  autoOtherDevice?: boolean | undefined;
  /** How long the automatic other device takes for each step. Default 1500 ms. */
  otherDeviceDelayMs?: number | undefined;
  /** Receives one line per request: method, route, status, duration. Never headers, bodies or secrets. */
  log?: ((line: string) => void) | undefined;
  /** The time in milliseconds since the epoch; tests pass a clock they move. Defaults to `Date.now`. */
  clock?: (() => number) | undefined;
}

export interface RunningSimulator {
  url: string;
  close(): Promise<void>;
}

/** Starts the simulator and resolves once it listens. */
export async function startSimulator({
  host = '127.0.0.1',
  port = defaultPort,
  stateFile,
  initializingMs = 2000,
  firstSyncMs = 3000,
  setupRequestTtlMs = 10 * 60 * 1000,
  autoOtherDevice: otherDeviceActsAlone = false,
  otherDeviceDelayMs = 1500,
  log = () => {},
  clock = Date.now,
}: SimulatorOptions = {}): Promise<RunningSimulator> {
  const saved = stateFile === undefined ? undefined : await readStateFile(stateFile);
  const world = new World(saved);
  const writer = stateFile === undefined ? undefined : stateFileWriter(stateFile, (error) => log(`Could not save the state file: ${error.message}`));
  const save = () => writer?.save(world.snapshot());

  const settings: Settings = { initializingMs, firstSyncMs, setupRequestTtlMs };
  const otherDevice = autoOtherDevice(otherDeviceDelayMs, (session, verification, step) => {
    takeVerificationStep(context, session, verification.id, 'other-device', step);
    save();
  });
  const context: SimulatorContext = {
    world,
    settings,
    now: clock,
    verificationChanged: otherDeviceActsAlone ? otherDevice.react : () => {},
  };
  const reset = () => {
    otherDevice.stop();
    world.reset();
  };
  const route = createRouter<ApiRoute>([...publicRoutes(context), ...controlRoutes(context, reset)]);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = request.method ?? '';
    const match = route(method, splitTarget(request.url ?? '').path);
    const routeName = match?.route.template ?? '(no route)';
    let reply: Reply;
    try {
      reply = match
        ? await match.route.handle(request, match.params)
        : problemReply(new ProblemError('not_found', `No operation has the method ${method} and this path.`));
    } catch (error) {
      if (request.errored) return log(`${method} ${routeName} aborted by the client`);
      if (!(error instanceof ProblemError)) log(`Internal error in ${method} ${routeName}: ${(error as Error).stack ?? String(error)}`);
      reply = problemReply(error instanceof ProblemError ? error : new ProblemError('internal_error', 'The server failed to handle the request. Try again.'));
    }
    save();
    send(response, reply);
    log(`${method} ${routeName} ${reply.status} ${(performance.now() - started).toFixed(1)} ms`);
  }

  const server = createServer((request, response) => {
    // Only a bug gets here (the answer itself failed), after the status may have been sent: close the connection.
    handle(request, response).catch((error: Error) => {
      log(`Internal error answering a ${request.method} request: ${error.stack ?? error.message}`);
      response.destroy();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => answerUnparsableRequest(error, socket, log));

  save();
  server.listen(port, host);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    async close() {
      otherDevice.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await writer?.flushed();
    },
  };
}

/**
 * Node's HTTP parser rejects some requests before any route sees them (bad syntax, headers over 16 KiB);
 * they get a problem body too. Every rejected input answers 400, as the contract decides.
 */
function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Socket, log: (line: string) => void): void {
  // A client that hung up mid-request (its request is logged as aborted) or a failed socket: nobody to answer.
  if (!error.code?.startsWith('HPE_') || error.code === 'HPE_INVALID_EOF_STATE' || !socket.writable) {
    socket.destroy();
    return;
  }
  const detail = error.code === 'HPE_HEADER_OVERFLOW' ? 'The request headers are larger than 16 KiB.' : 'The request is not valid HTTP.';
  const body = JSON.stringify(new ProblemError('invalid_request', detail).toProblem());
  socket.end(
    `HTTP/1.1 400 Bad Request\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
  log(`(unparsable request) 400 ${error.code}`);
}
