import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Problem } from '@beeper-setup/contract';
import type { RunningServer } from './prism.js';

const contract = createRequire(import.meta.url)('@beeper-setup/contract/openapi.json') as {
  components: { examples: Record<string, { value: Problem }> };
};
/** The contract's own problem bodies, so the guard answers exactly as the contract documents. */
const problems = {
  malformedJson: contract.components.examples.ProblemMalformedJson!.value,
  payloadTooLarge: contract.components.examples.ProblemPayloadTooLarge!.value,
};
const maxBodyBytes = 64 * 1024;

export interface GuardOptions {
  /** Where well-formed requests go (Prism). */
  target: string;
  /** Where malformed requests go instead; without it the guard answers them itself. */
  malformedTarget?: string | undefined;
  host: string;
  port: number;
}

/**
 * An HTTP front for Prism. Prism rejects malformed JSON with a body of its own that is not a problem
 * document, and reads bodies of up to 10 MB; the guard gives both the contract's problem responses
 * (or passes them to the upstream server being proven, when there is one).
 */
export async function startGuard({ target, malformedTarget, host, port }: GuardOptions): Promise<RunningServer> {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/problem+json' });
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    if (body === 'too-large') return answer(res, problems.payloadTooLarge);
    if (isMalformedJson(req, body)) {
      return malformedTarget ? forward(req, body, res, malformedTarget) : answer(res, problems.malformedJson);
    }
    return forward(req, body, res, target);
  }

  server.listen(port, host);
  await once(server, 'listening');
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${boundPort}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function isMalformedJson(req: IncomingMessage, body: Buffer): boolean {
  if (body.length === 0 || !/json/i.test(req.headers['content-type'] ?? '')) return false;
  try {
    JSON.parse(body.toString('utf8'));
    return false;
  } catch {
    return true;
  }
}

function answer(res: ServerResponse, problem: Problem) {
  res.writeHead(problem.status, { 'content-type': 'application/problem+json', connection: 'close' });
  res.end(JSON.stringify(problem));
}

function forward(req: IncomingMessage, body: Buffer, res: ServerResponse, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const upstream = request(new URL(req.url ?? '/', target), { method: req.method, headers: { ...req.headers, 'content-length': String(body.length) } }, (response) => {
      res.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(res);
      response.once('end', resolve);
      response.once('error', reject);
    });
    upstream.once('error', reject);
    upstream.end(body);
  });
}
