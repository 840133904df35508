import type { components } from '@beeper-setup/contract';

export type Problem = components['schemas']['Problem'];
export type ProblemCode = components['schemas']['ProblemCode'];
export type FieldError = NonNullable<Problem['errors']>[number];

/** The status and title of every problem code, as the contract's `ProblemCode` table and examples give them. */
export const problemTypes: Readonly<Record<ProblemCode, { status: number; title: string }>> = {
  invalid_request: { status: 400, title: 'Invalid request' },
  invalid_sign_in_code: { status: 400, title: 'Invalid sign-in code' },
  invalid_lead_token: { status: 400, title: 'Invalid lead token' },
  invalid_recovery_key: { status: 400, title: 'Invalid recovery key' },
  recovery_key_mismatch: { status: 400, title: 'Recovery key mismatch' },
  invalid_qr_code: { status: 400, title: 'Invalid QR code' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  setup_request_not_found: { status: 404, title: 'Setup request not found' },
  setup_request_expired: { status: 404, title: 'Setup request expired' },
  verification_not_found: { status: 404, title: 'Verification not found' },
  not_found: { status: 404, title: 'Not found' },
  invalid_state: { status: 409, title: 'Not valid in the current state' },
  action_not_available: { status: 409, title: 'Action not available' },
  username_taken: { status: 409, title: 'Username taken' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  too_many_attempts: { status: 429, title: 'Too many attempts' },
  internal_error: { status: 500, title: 'Internal error' },
};

/** A request the simulator rejects, as the contract documents it. Thrown by any layer; answered by the server. */
export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly fieldErrors?: FieldError[],
  ) {
    // A problem is an expected answer, not a bug: its stack trace would cost more than the rest of the reply.
    const { stackTraceLimit } = Error;
    Error.stackTraceLimit = 0;
    super(detail);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'ProblemError';
  }

  get status(): number {
    return problemTypes[this.code].status;
  }

  toProblem(): Problem {
    const { status, title } = problemTypes[this.code];
    const problem: Problem = { type: `urn:beeper:setup:problem:${this.code}`, title, status, detail: this.detail, code: this.code };
    if (this.fieldErrors) problem.errors = this.fieldErrors;
    return problem;
  }
}

/** A 429 that tells the client how long to wait. */
export class TooManyAttemptsError extends ProblemError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_attempts', `Too many wrong attempts. Try again in ${retryAfterSeconds} seconds.`);
  }
}

/** A 400 `invalid_request` naming the offending fields. */
export function invalidRequest(fieldErrors: FieldError[]): ProblemError {
  const described = fieldErrors.map(({ pointer, detail }) => `${pointer || 'the body'} ${detail}`).join('; ');
  return new ProblemError('invalid_request', `The request body is invalid: ${described}.`, fieldErrors);
}
