import { once } from 'node:events';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestPolicy } from '@beeper-setup/edge';
import { serverOptions } from '@beeper-setup/edge/node';
import type { WorldHandover } from '../core/model/world.js';
import { simulatorCore, type SimulatorCore, type SimulatorCoreOptions } from '../core/simulator.js';
import { answerUnparsableRequest, continueIfItFits, refuseConnect } from './before-routing.js';
import { simulatorRequestOf } from './node-request.js';
import { sendReply } from './send-reply.js';
import { openStateFile } from './state-file.js';

/** Beside Beeper Desktop (23373) and Beeper Server (23374). */
export const defaultPort = 23380;

export interface SimulatorOptions extends SimulatorCoreOptions {
  /** Defaults to 127.0.0.1. */
  host?: string | undefined;
  /** Defaults to 23380; 0 picks a free port. */
  port?: number | undefined;
  /** Keep accounts and sessions in this file across restarts. */
  stateFile?: string | undefined;
  /** Start from another simulator's whole world (its `handover()`) instead of the state file's or the seeded one. */
  world?: WorldHandover | undefined;
  /** Host names (any port) or `name:port` that requests may name besides loopback ones; others answer 421. */
  allowedHosts?: readonly string[] | undefined;
}

export interface RunningSimulator {
  url: string;
  /** What the control API (`/_sim/`) needs as `Authorization: Bearer <controlToken>`. */
  controlToken: string;
  close(): Promise<void>;
  /** Closes, then resolves with everything the simulator knew, for one that takes its place (`world`). */
  handover(): Promise<WorldHandover>;
}

/** Starts the simulator as an HTTP server and resolves once it listens. */
export async function startSimulator({ host = '127.0.0.1', port = defaultPort, stateFile, world, allowedHosts, ...options }: SimulatorOptions = {}): Promise<RunningSimulator> {
  const log = options.log ?? (() => {});
  // A lost save is reported on stderr even without a log: otherwise a quiet simulator would lose every change silently.
  const opened = stateFile === undefined ? undefined : await openStateFile(stateFile, (error) => console.error(error.message));
  const writer = opened?.writer;
  const save = () => writer?.save(core.snapshot());
  const core = simulatorCore(options, { saved: world ?? opened?.saved, afterChange: save });

  const handler = requestListener(core, { allowedHosts, allowedOrigins: options.allowedOrigins }, log);
  const server = createServer(serverOptions, handler);
  server.on('checkContinue', continueIfItFits(handler, log));
  server.on('connect', (request, socket) => refuseConnect(request, socket, log));
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => answerUnparsableRequest(error, socket, log));

  save();
  server.listen(port, host);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const close = async () => {
    core.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await writer?.flushed();
  };
  return {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    controlToken: core.controlToken,
    close,
    async handover() {
      await close();
      return core.handover();
    },
  };
}

function requestListener(core: SimulatorCore, policy: RequestPolicy, log: (line: string) => void): RequestListener {
  return (request, response) => {
    core
      .handle(simulatorRequestOf(request), policy)
      .then((reply) => reply && sendReply(response, reply))
      // Only a bug gets here (the answer itself failed), after the status may have been sent: close the connection.
      .catch((error: Error) => {
        log(`Internal error answering a ${request.method} request: ${error.stack ?? error.message}`);
        response.destroy();
      });
  };
}
