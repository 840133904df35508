import { controlApi } from './api/control-api.js';
import { requestHandler, type RequestHandler } from './api/handle-request.js';
import { publicApi } from './api/public-api.js';
import { World, type SavedWorld, type WorldHandover } from './model/world.js';
import type { SimulatorContext } from './operations/context.js';
import { actOnVerification } from './operations/verifications.js';
import { wrongAttemptsPerWindow } from './rules/attempt-window.js';
import { autoOtherDevice } from './rules/other-device.js';
import { seededAccounts } from './scenarios.js';
import { newControlToken } from './security/secrets.js';

/** The time in milliseconds since the epoch. */
export type Clock = () => number;

/** What the simulator does, whichever transport carries its requests. */
export interface SimulatorCoreOptions {
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
  /** Tests pass a clock they move. Defaults to `Date.now`. */
  clock?: Clock | undefined;
  /** Web origins that may call, such as the web wizard's `http://localhost:5173`; other origins answer 403. */
  allowedOrigins?: readonly string[] | undefined;
  /** The bearer token of the control API (`/_sim/`). Defaults to a random one. */
  controlToken?: string | undefined;
}

export interface SimulatorCore {
  handle: RequestHandler;
  controlToken: string;
  /** Back to the seeded scenarios. */
  reset(): void;
  /** What a state file keeps. */
  snapshot(): SavedWorld;
  /** Everything the simulator knows, for one that takes its place (`saved`). */
  handover(): WorldHandover;
  /** Stops the automatic other device's timers. */
  stop(): void;
}

/**
 * The simulator without a transport: its world, its rules and both APIs. `saved` starts it from a state file's
 * records, or from another simulator's handover (whose automatic other device's pending moves this one makes); `afterChange` runs after each request that may change the world (any but a `GET`) and each move of the
 * automatic other device.
 */
export function simulatorCore(
  {
    initializingMs = 2000,
    firstSyncMs = 3000,
    setupRequestTtlMs = 10 * 60 * 1000,
    autoOtherDevice: otherDeviceActsAlone = false,
    otherDeviceDelayMs = 1500,
    log = () => {},
    clock = Date.now,
    controlToken = newControlToken(),
  }: SimulatorCoreOptions,
  { saved, afterChange = () => {} }: { saved?: SavedWorld | WorldHandover | undefined; afterChange?: () => void } = {},
): SimulatorCore {
  const world = new World(seededAccounts, saved);
  const otherDevice = otherDeviceActsAlone
    ? autoOtherDevice(otherDeviceDelayMs, (session, verification, action) => {
        actOnVerification(context, session, verification.id, 'other-device', action);
        afterChange();
      })
    : undefined;
  const context: SimulatorContext = {
    world,
    wrongAttempts: { signInCodes: wrongAttemptsPerWindow(), recoveryKeys: wrongAttemptsPerWindow() },
    settings: { initializingMs, firstSyncMs, setupRequestTtlMs },
    now: clock,
    verificationChanged: otherDevice?.react ?? (() => {}),
  };
  const reset = () => {
    otherDevice?.stop();
    world.reset();
    context.wrongAttempts.signInCodes.clear();
    context.wrongAttempts.recoveryKeys.clear();
  };
  for (const [session, verifications] of world.sessionVerifications()) for (const verification of verifications) context.verificationChanged(session, verification);
  const routes = { ...publicApi(context), ...controlApi(context, reset, controlToken) };
  const handle = requestHandler({ routes, log, afterChange });
  return { handle, controlToken, reset, snapshot: () => world.snapshot(), handover: () => world.handover(), stop: () => otherDevice?.stop() };
}
