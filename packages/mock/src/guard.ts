import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { operationTable, routeOperation, type OperationId } from '@beeper-setup/contract';
import { bearerToken, parseJsonBody, payloadTooLarge, problem, problemAnswer, refusedRequest, refusedRoute, type ProblemAnswer, type RequestPolicy } from '@beeper-setup/edge';
import { answerClientError, continueIfItFits, readBody, refuseConnect, sendProblem, serverOptions } from '@beeper-setup/edge/node';
import { validateRequestBody } from '@beeper-setup/validator';
import { contractAnswerFor, invalidBodyAnswer, retryAfterSeconds } from './prism-answers.js';
import type { RunningServer } from './prism.js';

export interface GuardOptions extends RequestPolicy {
  /** Where Prism listens now; `undefined` while it restarts. */
  prismUrl(): string | undefined;
  /** In proxy mode, the server being proven: a body Prism could not parse as JSON goes there instead. */
  upstream?: string | undefined;
  /** Whether Prism judges requests (mock mode, or proxy mode validating them): then the guard judges bodies in its place. */
  validateRequests: boolean;
  host: string;
  port: number;
}

/**
 * The only door to Prism. It keeps out what Prism cannot take (bodies over the contract's limit, deep JSON, requests
 * for other hosts or origins, targets that are not a path of the contract), answers a body that breaks its schema
 * with the fields that break it (Prism would answer the contract's first 400 example), forwards the rest to Prism
 * alone with the path as given, and turns every answer that Prism or Node would give outside the contract into a
 * contract problem.
 */
export async function startGuard({ prismUrl, upstream, validateRequests, host, port, allowedHosts, allowedOrigins }: GuardOptions): Promise<RunningServer> {
  const policy = { allowedHosts, allowedOrigins };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => sendProblem(res, unavailable()));
  };
  const server = createServer(serverOptions, onRequest);
  // A client that waits for `100 Continue` before sending a body over the cap learns at once that it is too large.
  server.on('checkContinue', continueIfItFits(onRequest));
  // Requests Node rejects before routing (not HTTP, headers over the cap) and CONNECT still get a contract problem.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => answerClientError(error, socket));
  server.on('connect', (_, socket) => refuseConnect(socket));

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const target = req.url ?? '';
    // Only a path of the contract reaches Prism: an absolute-form target would name another server.
    if (!target.startsWith('/')) return sendProblem(res, problem('invalid_request', 'The request target must be a path: this server is not a proxy.'));
    const routed = routeOperation(req.method ?? '', target.split('?')[0]!);
    if (!routed || !('operation' in routed)) return sendProblem(res, refusedRoute(routed));
    const refusal = refusedRequest(req.headers, policy);
    if (refusal) return sendProblem(res, refusal);
    const body = await readBody(req);
    if (body === 'too-large') return sendProblem(res, payloadTooLarge());
    const parsed = parseJsonBody(body.length === 0 ? undefined : body.toString('utf8'));
    if ('problem' in parsed) return upstream ? relay(await forward(req, body, upstream), res) : sendProblem(res, parsed.problem);
    const invalid = validateRequests ? invalidBody(routed.operation, req.headers.authorization, parsed.value) : undefined;
    if (invalid) return sendProblem(res, invalid);
    const prism = prismUrl();
    if (!prism) return sendProblem(res, unavailable());
    return relay(await forward(req, body, prism), res, contractAnswerFor);
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

/**
 * The answer to a body that breaks the operation's schema, judged as Prism judges it, or `undefined`. An operation
 * whose token is missing is left to Prism, which answers 401 before it looks at the body, as the simulator does.
 */
function invalidBody(operation: OperationId, authorization: string | undefined, body: unknown): ProblemAnswer | undefined {
  if (operationTable[operation].auth === 'required' && !bearerToken(authorization)) return undefined;
  const validation = validateRequestBody(operation, body);
  return validation.valid ? undefined : invalidBodyAnswer(validation.errors);
}

const unavailable = (): ProblemAnswer =>
  problemAnswer(problem('service_unavailable', 'The mock cannot reach the server behind it right now; try again shortly.'), { retryAfterSeconds });

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

type Remap = (status: number, body: unknown, violations: string | undefined) => ProblemAnswer | undefined;

/** Passes an upstream answer on; with `remap`, an error answer that is no contract problem is replaced by one. */
async function relay(upstream: IncomingMessage, res: ServerResponse, remap?: Remap): Promise<void> {
  const status = upstream.statusCode ?? 500;
  if (remap && status >= 400) {
    const body = await text(upstream);
    const replacement = remap(status, parsedOrText(body), headerValue(upstream.headers['sl-violations']));
    if (replacement) return sendProblem(res, replacement);
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
