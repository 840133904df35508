// The API references under `npm run dev`, served with a line of script that reloads an open tab when the dev loop
// rebuilds them (server-sent events: the page listens, `reload()` tells it).
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { basename } from 'node:path';

const reloadPath = '/_dev/reload';
const reloadScript = `<script>new EventSource(${JSON.stringify(reloadPath)}).onmessage = () => location.reload();</script>`;

/** Serves each page of `pages` (`{ output }`, the files docs.mjs writes) by its file name; `/` is the first. */
export async function startDocsServer({ host = '127.0.0.1', port, pages }) {
  const files = new Map(pages.map(({ output }, index) => [index === 0 ? '/' : `/${basename(output)}`, output]));
  files.set(`/${basename(pages[0].output)}`, pages[0].output);
  const listeners = new Set();
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === reloadPath) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      response.write(': connected\n\n');
      listeners.add(response);
      request.once('close', () => listeners.delete(response));
      return;
    }
    const file = files.get(path);
    const page = file && (await readFile(file, 'utf8').catch(() => undefined));
    if (page === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(file ? 'Not built yet: the dev loop builds it after the first good contract.\n' : 'Not found\n');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(page.replace('</body>', `${reloadScript}</body>`));
  });
  server.listen(port, host);
  await once(server, 'listening');
  return {
    url: `http://${host}:${server.address().port}`,
    /** Tells every open page to reload; resolves with how many there were. */
    reload() {
      for (const listener of listeners) listener.write('data: reload\n\n');
      return listeners.size;
    },
    async close() {
      for (const listener of listeners) listener.end();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
