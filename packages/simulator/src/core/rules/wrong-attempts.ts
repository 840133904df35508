import type { WrongAttempts } from '../model/records.js';
import { TooManyAttemptsError } from '../problems.js';

export const wrongAttemptLimit = 5;
export const lockoutMs = 30_000;

/** Throws 429 while locked out; once the lockout has passed, the count starts again. */
export function assertNotLockedOut(attempts: WrongAttempts, now: number): void {
  if (attempts.lockedUntil === undefined) return;
  if (now < attempts.lockedUntil) throw new TooManyAttemptsError(Math.ceil((attempts.lockedUntil - now) / 1000));
  attempts.count = 0;
  delete attempts.lockedUntil;
}

export function recordWrongAttempt(attempts: WrongAttempts, now: number): void {
  attempts.count += 1;
  if (attempts.count >= wrongAttemptLimit) attempts.lockedUntil = now + lockoutMs;
}

export function forgetWrongAttempts(attempts: WrongAttempts): void {
  attempts.count = 0;
  delete attempts.lockedUntil;
}
