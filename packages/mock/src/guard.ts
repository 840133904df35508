import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import type { Problem } from '@beeper-setup/contract';
import { openapiDocument } from '@beeper-setup/contract/document';
import { problem, refusedRequest, type RequestPolicy } from '@beeper-setup/validator';
import { answerClientError, refuseConnect } from '@beeper-setup/validator/node';
import { allowedMethods } from './allowed-methods.js';
import { nestsDeeperThan } from './json-depth.js';
import { contractAnswerFor, retryAfterSeconds, type ContractAnswer } from './prism-answers.js';
import type { RunningServer } from './prism.js';

// The document the validator has loaded already, not openapi.json read a second time.
const contract = openapiDocument as { components: { examples: Record<string, { value: Problem }> } };
/** The contract's own problem bodies, so the guard answers exactly as the contract documents. */
const problems = {
  malformedJson: contract.components.examples.ProblemMalformedJson!.value,
  payloadTooLarge: contract.components.examples.ProblemPayloadTooLarge!.value,
};
const maxBodyBytes = 64 * 1024;
const maxHeaderBytes = 16 * 1024;
/** Far beyond any body of the contract; a few thousand levels make Prism throw and die. */
const maxJsonDepth = 64;

export interface GuardOptions extends RequestPolicy {
  /** Where Prism listens now; `undefined` while it restarts. */
  prismUrl(): string | undefined;
  /** Where malformed JSON goes instead (the server being proven); without it the guard answers it itself. */
  malformedTarget?: string | undefined;
  host: string;
  port: number;
}

/**
 * The only door to Prism. It keeps out what Prism cannot take (bodies over 64 KiB, deep JSON, requests for
 * other hosts or origins, targets that are not a path of the contract), forwards the rest to Prism alone with the
 * path as given, and turns every answer that Prism or Node would give outside the contract into a contract problem.
 */
export async function startGuard({ prismUrl, malformedTarget, host, port, allowedHosts, allowedOrigins }: GuardOptions): Promise<RunningServer> {
  const policy = { allowedHosts, allowedOrigins };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => answer(res, unavailable()));
  };
  // The contract's limit, whatever --max-http-header-size Node runs with.
  const server = createServer({ maxHeaderSize: maxHeaderBytes }, onRequest);
  // A client that waits for `100 Continue` before sending a body over the cap learns at once that it is too large.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (Number(req.headers['content-length']) > maxBodyBytes) return answer(res, problems.payloadTooLarge);
    res.writeContinue();
    onRequest(req, res);
  });
  // Requests Node rejects before routing (not HTTP, headers over the cap) and CONNECT still get a contract problem.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => answerClientError(error, socket));
  server.on('connect', (_, socket) => refuseConnect(socket));

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const refusal = refusedTarget(req) ?? refusedRequest(req.headers, policy);
    if (refusal) return answer(res, refusal);
    const body = await readBody(req);
    if (body === 'too-large') return answer(res, problems.payloadTooLarge);
    if (nestsDeeperThan(body, maxJsonDepth)) return answer(res, problem('invalid_request', `The JSON body nests deeper than ${maxJsonDepth} levels.`));
    if (isMalformedJson(body)) {
      return malformedTarget ? forward(req, body, malformedTarget).then((upstream) => relay(upstream, res)) : answer(res, problems.malformedJson);
    }
    const target = prismUrl();
    if (!target) return answer(res, unavailable());
    return relay(await forward(req, body, target), res, contractAnswerFor);
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

/** Only a path of the contract reaches Prism: an absolute-form target or `//host/...` would name another server. */
function refusedTarget(req: IncomingMessage): Problem | ContractAnswer | undefined {
  const target = req.url ?? '';
  if (!target.startsWith('/')) return problem('invalid_request', 'The request target must be a path: this server is not a proxy.');
  const allowed = allowedMethods(target.split('?')[0]!);
  if (allowed.length === 0) return problem('not_found', 'No operation of the contract has this path.');
  if (!allowed.includes(req.method ?? '')) {
    return { problem: problem('method_not_allowed', `This path accepts ${allowed.join(', ')}.`), headers: { allow: allowed.join(', ') } };
  }
  return undefined;
}

const unavailable = (): ContractAnswer => ({
  problem: problem('service_unavailable', 'The mock cannot reach the server behind it right now; try again shortly.'),
  headers: { 'retry-after': String(retryAfterSeconds) },
});

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

/** Bodies reach this point only as JSON: `refusedRequest` answers any other content type. */
function isMalformedJson(body: Buffer): boolean {
  if (body.length === 0) return false;
  try {
    JSON.parse(body.toString('utf8'));
    return false;
  } catch {
    return true;
  }
}

function answer(res: ServerResponse, what: Problem | ContractAnswer) {
  const { problem: body, headers } = 'problem' in what ? what : { problem: what, headers: {} };
  if (res.headersSent) return void res.destroy();
  const text = JSON.stringify(body);
  res.writeHead(body.status, { ...headers, 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(text), connection: 'close' });
  res.end(text);
}

/** Headers about this connection alone; the body goes on whole, with its length. */
const hopByHop = ['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect', 'proxy-connection'];

/** Sends the request to `target`'s host and port only, with the method (HEAD as GET: Node drops the body) and path as given. */
function forward(req: IncomingMessage, body: Buffer, target: string): Promise<IncomingMessage> {
  const { hostname, port } = new URL(target);
  const headers: OutgoingHttpHeaders = { ...req.headers, 'content-length': String(body.length) };
  for (const name of hopByHop) delete headers[name];
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, method: req.method === 'HEAD' ? 'GET' : req.method, path: req.url, headers }, resolve);
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

type Remap = (status: number, body: unknown, violations: string | undefined) => ContractAnswer | undefined;

/** Passes an upstream answer on; with `remap`, an error answer that is no contract problem is replaced by one. */
async function relay(upstream: IncomingMessage, res: ServerResponse, remap?: Remap): Promise<void> {
  const status = upstream.statusCode ?? 500;
  if (remap && status >= 400) {
    const body = await text(upstream);
    const replacement = remap(status, parsedOrText(body), headerValue(upstream.headers['sl-violations']));
    if (replacement) return answer(res, replacement);
    res.writeHead(status, upstream.headers);
    return void res.end(body);
  }
  res.writeHead(status, upstream.headers);
  upstream.pipe(res);
  await once(upstream, 'end');
}

const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : value);

function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
