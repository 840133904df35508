import { problemTable, type Problem, type ProblemCode } from '@beeper-setup/contract';
import { problem, type FieldError } from '@beeper-setup/validator';

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
    return problemTable[this.code].status;
  }

  toProblem(): Problem {
    const body = problem(this.code, this.detail);
    if (this.fieldErrors) body.errors = this.fieldErrors;
    return body;
  }
}

/** A 429 that tells the client how long to wait. */
export class TooManyAttemptsError extends ProblemError {
  constructor(
    readonly retryAfterSeconds: number,
    what = 'Too many wrong attempts.',
  ) {
    super('too_many_attempts', `${what} Try again in ${retryAfterSeconds} seconds.`);
  }
}

/** A 405 that lists the methods the path accepts. */
export class MethodNotAllowedError extends ProblemError {
  constructor(
    method: string,
    readonly allowedMethods: string[],
  ) {
    super('method_not_allowed', `This path does not accept the method ${method}; it accepts ${allowedMethods.join(', ')}.`);
  }
}

/** A 400 `invalid_request` naming the offending fields. */
export function invalidRequest(fieldErrors: FieldError[]): ProblemError {
  const described = fieldErrors.map(({ pointer, detail }) => `${pointer || 'the body'} ${detail}`).join('; ');
  return new ProblemError('invalid_request', `The request body is invalid: ${described}.`, fieldErrors);
}
