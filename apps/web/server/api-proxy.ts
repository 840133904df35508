import type { IncomingHttpHeaders } from 'node:http';
import fastifyHttpProxy from '@fastify/http-proxy';
import type { FastifyInstance } from 'fastify';
import { problem } from '@beeper-setup/edge';
import { sendProblem } from './problem-answers.js';
import { crossSiteRefusal } from './request-rules.js';

/** The only prefix forwarded: this path and those below it, nothing beside it (`/v1/app/setupx`, `/_sim/`). */
const apiPrefix = '/v1/app/setup';

/**
 * What a request of the contract carries, and all the target sees: what the browser says about itself stays here
 * (no `Origin`, `Referer` or cookies, so the target's origin checks keep refusing every other page), and so do the
 * headers about the browser's connection (hop-by-hop ones, those `Connection` names, `Proxy-Authorization`). The
 * target's `Host` is its own.
 */
const forwardedToTarget = ['accept', 'authorization', 'content-length', 'content-type', 'user-agent'];

/**
 * What an answer of the contract carries, and all the browser gets of the target's: a target's cookies, CORS grants,
 * framing rules or redirects elsewhere never reach the page. This server adds its own security headers, and no cache
 * keeps the answers, which carry tokens and the setup state.
 */
const forwardedToBrowser = ['content-length', 'content-type', 'retry-after', 'www-authenticate', 'allow'];

function only(names: readonly string[], headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept: IncomingHttpHeaders = {};
  for (const name of names) if (headers[name] !== undefined) kept[name] = headers[name];
  return kept;
}

/** How long an answer of the target may take, to its last byte: one that trickles does not hold the page's request open. */
export const defaultAnswerDeadlineMs = 30_000;

/** Forwards `/v1/app/setup` to the target; its answers go back as they are, or a 503 when it cannot be reached. */
export async function registerApiProxy(
  app: FastifyInstance,
  { target, log, answerDeadlineMs = defaultAnswerDeadlineMs }: { target: string; log: (line: string) => void; answerDeadlineMs?: number | undefined },
): Promise<void> {
  const unreachable = problem('service_unavailable', `Cannot reach ${target}: is Beeper Desktop running?`);
  await app.register(fastifyHttpProxy, {
    upstream: target,
    prefix: apiPrefix,
    rewritePrefix: apiPrefix,
    // close() ends the keep-alive connections to the target too.
    destroyAgent: true,
    // @fastify/reply-from turns certificate checks off unless told: an https target keeps them.
    // Within the deadline, so that a target that never answers still gets its 503 problem.
    undici: { connectTimeout: 5_000, headersTimeout: answerDeadlineMs / 2, bodyTimeout: answerDeadlineMs / 2, connect: { rejectUnauthorized: true } },
    preHandler: (request, reply, done) => {
      const refusal = crossSiteRefusal(request.headers);
      if (refusal) return void sendProblem(reply, refusal);
      // Past the deadline the answer has begun (the headers have their own, shorter timeout): all that is left is to
      // cut it off.
      const deadline = setTimeout(() => {
        log(`${request.method} ${request.url}: ${target} did not finish its answer within ${answerDeadlineMs} ms`);
        reply.raw.destroy();
      }, answerDeadlineMs);
      reply.raw.once('close', () => clearTimeout(deadline));
      done();
    },
    replyOptions: {
      rewriteRequestHeaders: (_, headers) => only(forwardedToTarget, headers),
      rewriteHeaders: (headers) => ({ ...only(forwardedToBrowser, headers), 'cache-control': 'no-store' }),
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
