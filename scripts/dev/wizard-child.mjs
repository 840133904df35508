// The setup wizard's process under `npm run dev`: beeper-setup-web on a free port, in front of the simulator's door.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../paths.mjs';

const distFolder = join(root, 'apps', 'web', 'dist');
const { startWebServer } = await import(pathToFileURL(join(distFolder, 'server', 'serve.js')).href);
const wizard = await startWebServer({ target: process.env.BEEPER_SETUP_DEV_SIMULATOR, port: 0, distFolder, log: console.log });
process.send({ type: 'listening', url: wizard.url });
// Ctrl-C reaches the whole process group: the dev loop stops its children itself, with SIGTERM.
process.on('SIGINT', () => {});
process.once('SIGTERM', async () => {
  await wizard.close();
  process.exit(0);
});
