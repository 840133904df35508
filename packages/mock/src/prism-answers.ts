import type { FieldError, ProblemCode } from '@beeper-setup/contract';
import { invalidRequest, problem, problemHeaders, type ProblemAnswer } from '@beeper-setup/edge';

const contractProblemType = 'urn:beeper:setup:problem:';
/** How long a client should wait for Prism to be back, or for the upstream to answer again. */
export const retryAfterSeconds = 5;

/** Prism's own error kinds (the fragment of its `type`, or the bare `type` of a failed upstream fetch). */
const codeOfPrismError: Record<string, ProblemCode> = {
  NOT_FOUND: 'invalid_request', // a Prefer naming no documented example or status
  NOT_ACCEPTABLE: 'invalid_request',
  UNPROCESSABLE_ENTITY: 'invalid_request',
  UNAUTHORIZED: 'unauthorized',
  INVALID_CONTENT_TYPE: 'unsupported_media_type',
  FetchError: 'service_unavailable',
};

/**
 * The contract's answer in place of an error answer Prism wrote itself (problem documents of its own types, or
 * none at all), or `undefined` when the body already is a contract problem. Prism's title and detail stay in
 * `sl-violations`, which the conformance proxy's users read to tell Prism's verdict from the upstream's answer.
 */
export function contractAnswerFor(status: number, body: unknown, violations: string | undefined): ProblemAnswer | undefined {
  const { type, title, detail } = (typeof body === 'object' && body !== null ? body : {}) as { type?: unknown; title?: unknown; detail?: unknown };
  if (typeof type === 'string' && type.startsWith(contractProblemType)) return undefined;
  const kind = typeof type === 'string' ? type.slice(type.indexOf('#') + 1) : '';
  const code = codeOfPrismError[kind] ?? (status < 500 ? 'invalid_request' : 'internal_error');
  const said = [title, detail].filter((part) => typeof part === 'string' && part !== '').join(': ');
  const headers = {
    ...problemHeaders(code, { retryAfterSeconds: code === 'service_unavailable' ? retryAfterSeconds : undefined }),
    'sl-violations': violations ?? asciiJson([{ severity: 'Error', code: kind, message: said }]),
  };
  return { problem: problem(code, detailFor(code, said)), headers };
}

/** How much of a verdict `sl-violations` carries: the body's `errors` has all of it. */
const violationsLength = 4096;

/**
 * The guard's 400 for a body that breaks its operation's schema, in Prism's place: the edge's problem naming each
 * field, and the verdict in `sl-violations` as Prism lists a request's violations, so that a conformance check that
 * reads the header still sees that the request broke the contract.
 */
export function invalidBodyAnswer(fieldErrors: FieldError[]): ProblemAnswer {
  const violations: { location: string[]; severity: 'Error'; message: string }[] = [];
  for (const { pointer, detail } of fieldErrors) {
    violations.push({ location: ['request', 'body'], severity: 'Error', message: `${pointer || 'the body'} ${detail}` });
    if (violations.length > 1 && asciiJson(violations).length > violationsLength) {
      violations.pop();
      break;
    }
  }
  return { problem: invalidRequest(fieldErrors), headers: { ...problemHeaders('invalid_request'), 'sl-violations': asciiJson(violations) } };
}

/** JSON that is safe as a header value: a character Node would refuse there (Prism may quote the request) as `\uXXXX`. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function detailFor(code: ProblemCode, said: string): string {
  switch (code) {
    case 'service_unavailable':
      return 'The server behind this conformance proxy does not answer.';
    case 'internal_error':
      return 'The mock could not produce an answer within the contract; see the sl-violations header.';
    default:
      return said || 'The request breaks the contract; see the sl-violations header.';
  }
}
