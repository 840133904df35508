import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Settings, SimulatorContext } from './context.js';
import { takeVerificationStep } from './device-verification.js';
import { controlRoutes } from './http/control-api.js';
import { answerUnparsableRequest, continueIfItFits, refuseConnect, requestHandler } from './http/handle-request.js';
import { publicRoutes } from './http/public-api.js';
import { autoOtherDevice } from './other-device.js';
import { openStateFile } from './state-file.js';
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
  /** Host names (any port) or `name:port` that requests may name besides loopback ones; others answer 421. */
  allowedHosts?: readonly string[] | undefined;
  /** Web origins that may call, such as the web wizard's `http://localhost:5173`; other origins answer 403. */
  allowedOrigins?: readonly string[] | undefined;
  /** The bearer token of the control API (`/_sim/`). Defaults to a random one, in `RunningSimulator.controlToken`. */
  controlToken?: string | undefined;
}

export interface RunningSimulator {
  url: string;
  /** What the control API (`/_sim/`) needs as `Authorization: Bearer <controlToken>`. */
  controlToken: string;
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
  allowedHosts,
  allowedOrigins,
  controlToken = randomBytes(24).toString('base64url'),
}: SimulatorOptions = {}): Promise<RunningSimulator> {
  // A lost save is reported on stderr even without a log: otherwise a quiet simulator would lose every change silently.
  const opened = stateFile === undefined ? undefined : await openStateFile(stateFile, (error) => console.error(error.message));
  const world = new World(opened?.saved);
  const writer = opened?.writer;
  const save = () => writer?.save(world.snapshot());

  const settings: Settings = { initializingMs, firstSyncMs, setupRequestTtlMs };
  const otherDevice = otherDeviceActsAlone
    ? autoOtherDevice(otherDeviceDelayMs, (session, verification, step) => {
        takeVerificationStep(context, session, verification.id, 'other-device', step);
        save();
      })
    : undefined;
  const context: SimulatorContext = { world, settings, now: clock, verificationChanged: otherDevice?.react ?? (() => {}) };
  const reset = () => {
    otherDevice?.stop();
    world.reset();
  };
  const routes = [...publicRoutes(context), ...controlRoutes(context, reset, controlToken)];
  const handler = requestHandler({ routes, policy: { allowedHosts, allowedOrigins }, log, afterEach: save });
  // Without Host the request reaches the handler, which answers a problem instead of Node's empty 400.
  const server = createServer({ requireHostHeader: false }, handler);
  server.on('checkContinue', continueIfItFits(handler, log));
  server.on('connect', (request, socket) => refuseConnect(request, socket, log));
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => answerUnparsableRequest(error, socket, log));

  save();
  server.listen(port, host);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    controlToken,
    async close() {
      otherDevice?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await writer?.flushed();
    },
  };
}
