// What the server tests share: a fake built app, requests exactly as given, and a target that records what reaches it.
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebServer, type RunningWebServer, type WebServerOptions } from '../../server/serve.js';

/** Text that only files outside the served folder hold: an answer containing it served what it must not. */
export const secretMarker = 'NEVER-SERVED-7f3a';

export interface FakeApp {
  distFolder: string;
  remove(): Promise<void>;
}

/**
 * A dist/ as vite and tsc leave it (index.html, an asset, the server's own code in server/), inside a folder that
 * also holds a package.json: what a path traversal would reach.
 */
export async function makeFakeApp(): Promise<FakeApp> {
  const folder = await mkdtemp(join(tmpdir(), 'beeper-setup-web-server-'));
  const distFolder = join(folder, 'dist');
  await mkdir(join(distFolder, 'assets'), { recursive: true });
  await mkdir(join(distFolder, 'server'));
  await writeFile(join(folder, 'package.json'), JSON.stringify({ name: secretMarker }));
  await writeFile(join(distFolder, 'server', 'bin.js'), `// ${secretMarker}\n`);
  await writeFile(
    join(distFolder, 'index.html'),
    '<!doctype html>\n<html lang="en">\n  <head>\n    <title>Beeper setup</title>\n    <script type="module" src="/assets/app.js"></script>\n  </head>\n  <body></body>\n</html>\n',
  );
  await writeFile(join(distFolder, 'assets', 'app.js'), 'document.title = "wizard";\n');
  return { distFolder, remove: () => rm(folder, { recursive: true, force: true }) };
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** A request with exactly these headers (`Host` included) and this path, not normalized. */
export function send(baseUrl: string, method: string, path: string, { headers = {}, body }: { headers?: Record<string, string>; body?: string | undefined } = {}): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: hostname, port, method, path, headers, agent: false }, (incoming) => {
      let text = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (text += chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode!, headers: incoming.headers, text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * Bytes written on a socket as they are, for what no HTTP client sends; resolves to the whole answer once the server
 * closes. `halfClose: false` keeps the sending side open, as a client that waits for `100 Continue` does.
 */
export async function sendRaw(baseUrl: string, bytes: string, { halfClose = true } = {}): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  const socket = connect(Number(port), hostname);
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  if (halfClose) socket.end(bytes);
  else socket.write(bytes);
  await once(socket, 'close');
  return text;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface RecordingTarget {
  url: string;
  received: RecordedRequest[];
  /** What the next requests get; by default 200 `{}`. */
  answerWith(answer: (response: ServerResponse) => void): void;
  close(): Promise<void>;
}

/** A tiny upstream that records each request and answers as told. */
export async function startRecordingTarget(): Promise<RecordingTarget> {
  const received: RecordedRequest[] = [];
  let answer: (response: ServerResponse) => void = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  const server = createServer((incoming, response) => {
    received.push({ method: incoming.method!, url: incoming.url!, headers: incoming.headers });
    incoming.resume();
    incoming.on('end', () => answer(response));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    answerWith: (next) => void (answer = next),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface WebServerWithTarget {
  app: FakeApp;
  web: RunningWebServer;
  target: RecordingTarget;
  close(): Promise<void>;
}

/** The web server on a fake app, forwarding to a recording target; `close()` stops both and removes the app. */
export async function startWebServerWithTarget(options: Pick<WebServerOptions, 'answerDeadlineMs'> = {}): Promise<WebServerWithTarget> {
  const app = await makeFakeApp();
  const target = await startRecordingTarget();
  const web = await startWebServer({ target: target.url, port: 0, distFolder: app.distFolder, ...options });
  return {
    app,
    web,
    target,
    async close() {
      await web.close();
      await target.close();
      await app.remove();
    },
  };
}

/** An address where nothing listens (a port just freed). */
export async function addressOfNothing(): Promise<string> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** The content of each `<meta http-equiv="Content-Security-Policy">` of a page, as the browser reads it. */
export function metaPolicies(html: string): string[] {
  return [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/gi)].map(([, content]) =>
    content!.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&'),
  );
}
