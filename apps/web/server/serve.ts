import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { serverOptions } from '@beeper-setup/edge/node';
import { registerApiProxy } from './api-proxy.js';
import { registerAppFiles } from './app-files.js';
import { answerClientError, answerOutsideRequests } from './client-errors.js';
import { notFound, problemOfError, sendProblem } from './problem-answers.js';
import { refusalOf } from './request-rules.js';
import { securityHeaders } from './security-headers.js';
import { targetOrigin } from './target.js';

/** Where `beeper-setup-web` (and `npm run dev`, and the repository's `npm start`) serve the wizard. */
export const defaultPort = 5173;

export interface WebServerOptions {
  /** The API to set up, such as `http://localhost:23373`; `/v1/app/setup` is forwarded there. */
  target: string;
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** The built app (vite's output): index.html and its assets. */
  distFolder: string;
  /** What an operator should hear about: the target unreachable, a failure of this server. */
  log?: (line: string) => void;
  /** How long an answer of the target may take to its last byte; 30 s by default. */
  answerDeadlineMs?: number | undefined;
}

export interface RunningWebServer {
  /** Where to open the wizard. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built wizard and forwards `/v1/app/setup` (and nothing else) to the target, on one origin, so that the
 * page calls the API without CORS. Resolves once it listens.
 */
export async function startWebServer({ target, port, host = '127.0.0.1', distFolder, log = () => {}, answerDeadlineMs }: WebServerOptions): Promise<RunningWebServer> {
  const origin = targetOrigin(target);
  // The edge's limits; without Host a request still reaches the rules, which answer a problem instead of Node's empty 400.
  const app = Fastify({
    http: serverOptions,
    clientErrorHandler: answerClientError,
    // What fastify refuses before routing (a target that does not percent-decode, such as `/%ff`) skips the hooks:
    // it gets the same problem, with the security headers, as every other answer.
    frameworkErrors: (error, _, reply) => sendProblem(reply, problemOfError(error), { ...securityHeaders, 'cache-control': 'no-store' }),
    forceCloseConnections: true,
  });
  answerOutsideRequests(app.server, app.routing);
  try {
    answerEveryRequestTheSameWay(app, log);
    await registerAppFiles(app, { distFolder, target: origin });
    await registerApiProxy(app, { target: origin, log, answerDeadlineMs });
    await app.listen({ port, host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  return {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    close: () => app.close(),
  };
}

/** The request rules before routing, the security headers on every answer, problems for errors and unknown paths. */
function answerEveryRequestTheSameWay(app: FastifyInstance, log: (line: string) => void): void {
  app.addHook('onRequest', (request, reply, done) => {
    const refusal = refusalOf(request.headers);
    if (refusal) sendProblem(reply, refusal);
    else done();
  });
  app.addHook('onSend', (_, reply, payload, done) => {
    reply.headers(securityHeaders);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  app.setNotFoundHandler((_, reply) => sendProblem(reply, notFound()));
  app.setErrorHandler<FastifyError>((error, request, reply) => {
    const answer = problemOfError(error);
    if (answer.status >= 500) log(`${request.method} ${request.url}: ${error.message}`);
    sendProblem(reply, answer);
  });
}
