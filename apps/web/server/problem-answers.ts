import type { FastifyError, FastifyReply, RawServerBase, RouteGenericInterface } from 'fastify';
import { payloadTooLarge, problem, problemMediaType, unsupportedMediaType } from '@beeper-setup/edge';

export type Problem = ReturnType<typeof problem>;

/** Any reply: the proxy's hooks type theirs for HTTP/2 as well. */
type AnyReply = FastifyReply<RouteGenericInterface, RawServerBase>;

/** Answers with a contract problem (RFC 9457), never cached. */
export function sendProblem(reply: AnyReply, body: Problem, headers: Record<string, string> = {}): AnyReply {
  return reply
    .code(body.status)
    .headers({ ...headers, 'content-type': problemMediaType, 'cache-control': 'no-store' })
    // A Buffer, so that fastify adds no charset to the contract's media type.
    .send(Buffer.from(JSON.stringify(body)));
}

export const notFound = (): Problem => problem('not_found', 'This server serves the setup wizard and forwards /v1/app/setup only.');

/**
 * What fastify and its plugins throw, as the contract's problems: a path they refuse to serve (a traversal, the
 * server's own code) is simply not found here.
 */
export function problemOfError(error: FastifyError): Problem {
  switch (error.statusCode) {
    case 400:
      return problem('invalid_request', 'The request is not valid: its target or its body cannot be read.');
    case 403:
    case 404:
      return notFound();
    case 413:
      return payloadTooLarge();
    case 415:
      return unsupportedMediaType();
    default:
      return problem('internal_error', 'The wizard server failed to answer this request.');
  }
}
