import { problemTable, type Problem, type ProblemCode } from '@beeper-setup/contract';
import { problem as problemDocument } from '@beeper-setup/validator';

/** The contract's problem document for `code`, with the status and title the contract gives it; `detail` defaults to the title. */
export function problem(code: ProblemCode, detail: string = problemTable[code].title): Problem {
  return problemDocument(code, detail);
}

/** The headers of a problem response: its media type, and `Retry-After` (in seconds) when given. */
export function problemHeaders({ retryAfterSeconds }: { retryAfterSeconds?: number } = {}): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  return headers;
}
