import { ApiError } from '@beeper-setup/client';

const firstPollDelayMs = 1_000;
const maxPollDelayMs = 10_000;

export interface PollOutcome {
  /** The last read showed something new: poll soon again. */
  changed: boolean;
  /** The server asked to wait this long (`Retry-After` of a 429 or a 503). */
  retryAfterMs?: number | undefined;
}

/** The wait before the next poll: 1 s after a change, doubling up to 10 s while nothing changes, never under `Retry-After`. */
export function nextPollDelayMs(previousMs: number | undefined, { changed, retryAfterMs }: PollOutcome): number {
  const backedOff = changed || previousMs === undefined ? firstPollDelayMs : Math.min(previousMs * 2, maxPollDelayMs);
  return Math.max(backedOff, retryAfterMs ?? 0);
}

/** What a failed poll asks of the next: wait at least its `Retry-After` (a 429's, or a 503's while the API starts). */
export function outcomeOfError(error: unknown): PollOutcome {
  return { changed: false, retryAfterMs: error instanceof ApiError ? error.retryAfterMs : undefined };
}
