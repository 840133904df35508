import { problemTable, type FieldError, type Problem, type ProblemCode } from '@beeper-setup/contract';
import { invalidRequest as invalidRequestProblem, problem } from '@beeper-setup/edge';

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

  /** The problem the edge built, thrown. */
  static of({ code, detail, errors }: Problem): ProblemError {
    return new ProblemError(code, detail, errors);
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

/** A 400 `invalid_request` naming the offending fields, worded by the edge as every server here words it. */
export const invalidRequest = (fieldErrors: FieldError[]): ProblemError => ProblemError.of(invalidRequestProblem(fieldErrors));
