import {
  ApiError,
  ConnectionError,
  InvalidResponseError,
  RateLimitError,
  RedirectError,
  SetupClientError,
  TimeoutError,
  isProblem,
  type ProblemCode,
} from '@beeper-setup/client';

/** Documented exit codes. */
export const exitCodes = { ok: 0, apiError: 1, usage: 2, unreachable: 3, cancelled: 130 } as const;

/** A failure this CLI words itself, with the exit code it ends with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = exitCodes.apiError,
  ) {
    super(message);
  }
}

/** Input or a setting is missing or malformed: the command cannot go on without the user (exit 2). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, exitCodes.usage);
  }
}

const nextMoves: Partial<Record<ProblemCode, string>> = {
  setup_request_expired: 'Run the command again to start over.',
  setup_request_not_found: 'Run the command again to start over.',
  invalid_state: 'Run `beeper-setup status` to see what this device needs now.',
  action_not_available: 'Run `beeper-setup verify-device` to see where the verification stands.',
  verification_not_found: 'Run `beeper-setup verify-device` to list the active verifications.',
};

/** What a failure message may name: the server, and how long a request may take (once a command has its context). */
export interface FailureContext {
  baseUrl: string;
  requestTimeoutMs?: number;
}

/** One line (or two) for a person, and the exit code; never a stack trace unless asked, never a secret. */
export function describeFailure(error: unknown, { baseUrl, requestTimeoutMs }: FailureContext): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof ConnectionError) {
    return { message: `Cannot reach ${baseUrl}: is Beeper Desktop running? Try --base-url.`, exitCode: exitCodes.unreachable };
  }
  if (error instanceof TimeoutError) {
    const within = requestTimeoutMs === undefined ? '' : ` within ${requestTimeoutMs / 1000} s`;
    return { message: `${baseUrl} did not answer${within}. Try again, or check --base-url (or raise --request-timeout).`, exitCode: exitCodes.unreachable };
  }
  if (error instanceof RedirectError) {
    const target = error.location ? ` to ${error.location}` : '';
    return {
      message: `${baseUrl} redirected the request${target}, which this tool never follows, so that no token, code or key goes elsewhere. If that is the right server, pass it as --base-url.`,
      exitCode: exitCodes.apiError,
    };
  }
  if (error instanceof InvalidResponseError) {
    return { message: `${baseUrl} answered with something that is not the Beeper Desktop API (not JSON). Check --base-url.`, exitCode: exitCodes.apiError };
  }
  if (isProblem(error, 'unauthorized')) {
    return { message: 'Not signed in, or the access token is no longer valid. Run `beeper-setup login`.', exitCode: exitCodes.apiError };
  }
  if (error instanceof ApiError) {
    const said = error.problem ? `${error.problem.title}: ${error.problem.detail}` : `The server answered ${error.status}.`;
    const wait = error instanceof RateLimitError && error.retryAfterMs !== undefined ? `Try again in ${Math.ceil(error.retryAfterMs / 1000)} s.` : undefined;
    const move = wait ?? (error.code && nextMoves[error.code]);
    return { message: move ? `${said}\n${move}` : said, exitCode: exitCodes.apiError };
  }
  // The client's messages never hold a secret (a saved access token it cannot send, say).
  if (error instanceof SetupClientError) return { message: error.message, exitCode: exitCodes.apiError };
  return { message: `Unexpected error: ${error instanceof Error ? error.message : String(error)} (run with --debug for details)`, exitCode: exitCodes.apiError };
}
