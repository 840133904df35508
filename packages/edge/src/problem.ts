import { problemTable, type Problem, type ProblemCode } from '@beeper-setup/contract';

/** A contract problem and the headers its answer needs. */
export interface ProblemAnswer {
  problem: Problem;
  headers: Record<string, string>;
}

/** The media type of every problem answer (RFC 9457). */
export const problemMediaType = 'application/problem+json';

/** The contract's problem document for a code. */
export function problem(code: ProblemCode, detail: string): Problem {
  const { status, title } = problemTable[code];
  return { type: `urn:beeper:setup:problem:${code}`, title, status, detail, code };
}

/** What a problem answer says in its headers: when to try again, which methods the path accepts. */
export interface ProblemHeaderValues {
  retryAfterSeconds?: number | undefined;
  allow?: readonly string[] | undefined;
}

/**
 * The headers the contract requires on a problem answer: its media type, `WWW-Authenticate` on a 401, `Retry-After`
 * (which a 429 must carry) and `Allow` (which a 405 must carry).
 */
export function problemHeaders(code: ProblemCode, { retryAfterSeconds, allow }: ProblemHeaderValues = {}): Record<string, string> {
  if (code === 'too_many_attempts' && retryAfterSeconds === undefined) throw new TypeError('A too_many_attempts problem needs retryAfterSeconds.');
  if (code === 'method_not_allowed' && allow === undefined) throw new TypeError('A method_not_allowed problem needs allow.');
  const headers: Record<string, string> = { 'content-type': problemMediaType };
  if (code === 'unauthorized') headers['www-authenticate'] = 'Bearer';
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  if (allow !== undefined) headers.allow = allow.join(', ');
  return headers;
}

/** A problem with the headers the contract requires of it. */
export function problemAnswer(body: Problem, values?: ProblemHeaderValues): ProblemAnswer {
  return { problem: body, headers: problemHeaders(body.code, values) };
}
