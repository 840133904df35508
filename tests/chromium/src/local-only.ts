// Keeps a page on this machine: every request that is not a file, data, blob or loopback URL is aborted and remembered.
import type { BrowserContext } from 'playwright-core';

const localProtocols = new Set(['file:', 'data:', 'blob:']);
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

const isLocal = (url: URL) => localProtocols.has(url.protocol) || loopbackHosts.has(url.hostname);

/** Resolves with the list that fills with the URLs the pages of this context tried to reach off the machine. */
export async function keepLocal(context: BrowserContext): Promise<string[]> {
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(new URL(url))) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return blocked;
}
