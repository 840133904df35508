import { ApiError } from '@beeper-setup/client';

const firstPollDelayMs = 1_000;
const maxPollDelayMs = 10_000;
/** A browser fires a timer set past 2³¹−1 ms (24.8 days), or to `Infinity`, at once: a huge `Retry-After` would poll in a loop. */
export const maxTimerMs = 2 ** 31 - 1;

export interface PollOutcome {
  /** The last read showed something new: poll soon again. */
  changed: boolean;
  /** The server asked to wait this long (`Retry-After` of a 429 or a 503). */
  retryAfterMs?: number | undefined;
}

/**
 * The wait before the next poll: 1 s after a change, doubling up to 10 s while nothing changes, never under
 * `Retry-After`, and never past what a timer can hold.
 */
export function nextPollDelayMs(previousMs: number | undefined, { changed, retryAfterMs }: PollOutcome): number {
  const backedOff = changed || previousMs === undefined ? firstPollDelayMs : Math.min(previousMs * 2, maxPollDelayMs);
  // `> 0` also keeps out NaN, which a timer reads as 0.
  return Math.min(Math.max(backedOff, retryAfterMs !== undefined && retryAfterMs > 0 ? retryAfterMs : 0), maxTimerMs);
}

/** What a failed poll asks of the next: wait at least its `Retry-After` (a 429's, or a 503's while the API starts). */
export function outcomeOfError(error: unknown): PollOutcome {
  return { changed: false, retryAfterMs: error instanceof ApiError ? error.retryAfterMs : undefined };
}
