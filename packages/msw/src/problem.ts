import { problemTable, type Problem, type ProblemCode } from '@beeper-setup/contract';

/** The contract's problem document for `code`, with the status and title the contract gives that code. */
export function problem(code: ProblemCode, detail: string = problemTable[code].title): Problem {
  const { status, title } = problemTable[code];
  return { type: `urn:beeper:setup:problem:${code}`, title, status, detail, code };
}

/** The headers of a problem response: its media type, and `Retry-After` (in seconds) when given. */
export function problemHeaders({ retryAfterSeconds }: { retryAfterSeconds?: number } = {}): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  return headers;
}
