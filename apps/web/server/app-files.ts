import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { withTargetMeta } from './index-page.js';

/** The server's own compiled code sits in dist/server/, beside the app it serves, and is never served. */
const isServerCode = (path: string) => path === '/server' || path.startsWith('/server/');

/**
 * Serves the built app: index.html (at `/` too) with the target's meta element, the rest of `distFolder` as static
 * files. Fails at once, saying what to run, when there is no built app.
 */
export async function registerAppFiles(app: FastifyInstance, { distFolder, target }: { distFolder: string; target: string }): Promise<void> {
  const indexFile = join(distFolder, 'index.html');
  await access(indexFile).catch(() => {
    throw new Error(`No built app: ${indexFile} is missing. Run \`npm run build -w @beeper-setup/web\` first.`);
  });
  // Read at each request, so that a rebuild shows without a restart.
  const sendIndex = async (_: unknown, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(withTargetMeta(await readFile(indexFile, 'utf8'), target));
  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);
  await app.register(fastifyStatic, { root: distFolder, index: false, allowedPath: (path) => !isServerCode(path) });
}
