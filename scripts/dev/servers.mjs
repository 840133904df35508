// The servers `npm run dev` runs, each behind a front door on its fixed port: the simulator, the Prism mock and the
// setup wizard. A reload starts the server's next process and moves the door to it once it serves; the simulator's
// next process starts from the previous one's whole world, so nobody's sign-in, session or mail is lost.
import { startChild } from './child.mjs';
import { startFrontDoor } from './front-door.mjs';

/** The mock: a new process, and the door moves to it once it listens; the old one serves until then. */
async function mockServer(door, log) {
  let current;
  const start = async () => {
    const next = startChild('./mock-child.mjs', 'mock', { log });
    try {
      door.point((await next.next('listening')).url);
    } catch (error) {
      await next.stop();
      throw error;
    }
    const previous = current;
    current = next;
    await previous?.stop();
  };
  await start();
  return { reload: start, stop: () => current?.stop() };
}

/**
 * The simulator: the next process loads the new contract while the old one serves; then the door holds new
 * connections, the old one hands its world over, the next one starts from it, and the door opens onto it.
 */
async function simulatorServer(door, log) {
  let current;
  let controlToken;
  const start = async () => {
    const next = startChild('./simulator-child.mjs', 'simulator', { log });
    try {
      await next.next('ready');
    } catch (error) {
      await next.stop();
      throw error;
    }
    door.hold();
    let world;
    if (current) {
      const handedOver = current.next('world');
      current.send({ type: 'handover' });
      ({ world } = await handedOver);
    }
    next.send({ type: 'start', world, controlToken });
    const listening = await next.next('listening');
    controlToken = listening.controlToken;
    door.point(listening.url);
    current = next;
  };
  await start();
  return { reload: start, stop: () => current?.stop(), controlToken: () => controlToken };
}

/** The wizard, in front of the simulator's door (which never moves). */
async function wizardServer(door, simulatorUrl, log) {
  let current;
  const start = async () => {
    const next = startChild('./wizard-child.mjs', 'wizard', { log, env: { BEEPER_SETUP_DEV_SIMULATOR: simulatorUrl } });
    door.point((await next.next('listening')).url);
    const previous = current;
    current = next;
    await previous?.stop();
  };
  await start();
  return { reload: start, stop: () => current?.stop() };
}

/** Starts the three on `ports` (`{ simulator, mock, wizard }`, 0 for a free one) of 127.0.0.1. */
export async function startServers(ports, log = console.log) {
  const host = '127.0.0.1';
  const doors = {};
  const servers = {};
  const close = async () => {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
    await Promise.all(Object.values(doors).map((door) => door.close()));
  };
  try {
    for (const name of ['simulator', 'mock', 'wizard']) doors[name] = await startFrontDoor({ host, port: ports[name] });
    [servers.simulator, servers.mock] = await Promise.all([simulatorServer(doors.simulator, log), mockServer(doors.mock, log)]);
    servers.wizard = await wizardServer(doors.wizard, doors.simulator.url, log);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    urls: { simulator: doors.simulator.url, mock: doors.mock.url, wizard: doors.wizard.url },
    controlToken: servers.simulator.controlToken,
    reloadMock: servers.mock.reload,
    reloadSimulator: servers.simulator.reload,
    /** After a rebuild of the packages: every server's next process, the simulator's with its world. */
    restartAll: () => Promise.all([servers.simulator.reload(), servers.mock.reload(), servers.wizard.reload()]),
    close,
  };
}
