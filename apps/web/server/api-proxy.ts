import type { IncomingHttpHeaders } from 'node:http';
import fastifyHttpProxy from '@fastify/http-proxy';
import type { FastifyInstance } from 'fastify';
import { problem } from '@beeper-setup/validator';
import { sendProblem } from './problem-answers.js';
import { crossSiteRefusal } from './request-rules.js';

/** The only prefix forwarded: this path and those below it, nothing beside it (`/v1/app/setupx`, `/_sim/`). */
const apiPrefix = '/v1/app/setup';

/**
 * What the browser says about itself stays here: the target sees a request from this server (its own `Host`, no
 * `Origin`, `Referer` or cookies), so its origin checks keep refusing every other page.
 */
function withoutBrowserContext(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { origin: _origin, referer: _referer, cookie: _cookie, ...forwarded } = headers;
  return forwarded;
}

/** Headers about the connection to the target alone; Node writes its own for the browser's connection. */
const hopByHop = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade'];

/** The target's answer as it is, but not cached and without the target's connection headers. */
function forBrowser(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const answer: IncomingHttpHeaders = { ...headers, 'cache-control': 'no-store' };
  for (const name of hopByHop) delete answer[name];
  return answer;
}

/** Forwards `/v1/app/setup` to the target; its answers go back as they are, or a 503 when it cannot be reached. */
export async function registerApiProxy(app: FastifyInstance, { target, log }: { target: string; log: (line: string) => void }): Promise<void> {
  const unreachable = problem('service_unavailable', `Cannot reach ${target}: is Beeper Desktop running?`);
  await app.register(fastifyHttpProxy, {
    upstream: target,
    prefix: apiPrefix,
    rewritePrefix: apiPrefix,
    // close() ends the keep-alive connections to the target too.
    destroyAgent: true,
    // @fastify/reply-from turns certificate checks off unless told: an https target keeps them.
    undici: { connectTimeout: 5_000, headersTimeout: 30_000, bodyTimeout: 30_000, connect: { rejectUnauthorized: true } },
    preHandler: (request, reply, done) => {
      const refusal = crossSiteRefusal(request.headers);
      if (refusal) sendProblem(reply, refusal);
      else done();
    },
    replyOptions: {
      rewriteRequestHeaders: (_, headers) => withoutBrowserContext(headers),
      // The answers carry tokens and the setup state: no cache keeps them.
      rewriteHeaders: forBrowser,
      // The page retries (and honours Retry-After); a 503 of the target goes back as it is.
      retryDelay: () => null,
      onError: (reply, { error }) => {
        log(`${reply.request.method} ${reply.request.url}: cannot reach ${target} (${causeOf(error)})`);
        sendProblem(reply, unreachable, { 'retry-after': '1' });
      },
    },
  });
}

const causeOf = (error: Error) => ((error.cause as NodeJS.ErrnoException | undefined)?.code ?? error.message);
