// The simulator's process under `npm run dev`. It loads the simulator (and with it the contract as it is now), says
// `ready`, then starts from the world it is sent (the previous simulator's handover, or none: the seeded scenarios)
// on a free port. Asked for a `handover`, it closes and sends everything it knew to the dev loop, which hands it on.
import { pathToFileURL } from 'node:url';
import { builtFile } from '../paths.mjs';

const { startSimulator } = await import(pathToFileURL(builtFile('simulator', 'index.js')).href);
let simulator;
process.on('message', async (message) => {
  if (message.type === 'start') {
    simulator = await startSimulator({ port: 0, autoOtherDevice: true, world: message.world, controlToken: message.controlToken, log: console.log });
    process.send({ type: 'listening', url: simulator.url, controlToken: simulator.controlToken });
  } else if (message.type === 'handover') {
    process.send({ type: 'world', world: await simulator.handover() }, () => process.exit(0));
  }
});
// Ctrl-C reaches the whole process group: the dev loop stops its children itself, with SIGTERM.
process.on('SIGINT', () => {});
process.once('SIGTERM', async () => {
  await simulator?.close();
  process.exit(0);
});
process.send({ type: 'ready' });
