// The Prism mock's process under `npm run dev`: the mock on a free port, on the contract as it is when it starts.
import { pathToFileURL } from 'node:url';
import { builtFile } from '../paths.mjs';

const { startMock } = await import(pathToFileURL(builtFile('mock', 'index.js')).href);
const mock = await startMock({ port: 0 });
process.send({ type: 'listening', url: mock.url });
// Ctrl-C reaches the whole process group: the dev loop stops its children itself, with SIGTERM.
process.on('SIGINT', () => {});
process.once('SIGTERM', async () => {
  await mock.close();
  process.exit(0);
});
