import { ApiError, ConnectionError, RateLimitError } from '@beeper-setup/client';
import { describe, expect, it } from 'vitest';
import { maxTimerMs, nextPollDelayMs, outcomeOfError } from '../../src/view/backoff.js';

/** The delays of `n` polls in a row that see no change. */
function unchangedDelays(n: number): number[] {
  const delays: number[] = [];
  let delay: number | undefined;
  for (let i = 0; i < n; i++) delays.push((delay = nextPollDelayMs(delay, { changed: false })));
  return delays;
}

describe('nextPollDelayMs', () => {
  it('starts at 1 s and doubles up to 10 s while nothing changes', () => {
    expect(unchangedDelays(7)).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000]);
  });

  it('goes back to 1 s after a change', () => {
    expect(nextPollDelayMs(10_000, { changed: true })).toBe(1_000);
  });

  it('waits at least Retry-After, even right after a change', () => {
    expect(nextPollDelayMs(2_000, { changed: false, retryAfterMs: 30_000 })).toBe(30_000);
    expect(nextPollDelayMs(undefined, { changed: true, retryAfterMs: 5_000 })).toBe(5_000);
  });

  it('keeps its own backoff when Retry-After is shorter', () => {
    expect(nextPollDelayMs(8_000, { changed: false, retryAfterMs: 1_000 })).toBe(10_000);
  });
});

describe('outcomeOfError', () => {
  it("takes a 429's Retry-After", () => {
    expect(outcomeOfError(new RateLimitError(429, undefined, 'getSetupState', 12_000))).toEqual({ changed: false, retryAfterMs: 12_000 });
  });

  it("takes a 503's Retry-After", () => {
    expect(outcomeOfError(new ApiError(503, undefined, 'getSetupState', 5_000))).toEqual({ changed: false, retryAfterMs: 5_000 });
  });

  it('backs off from any other failure', () => {
    expect(outcomeOfError(new ConnectionError('http://localhost:23373', 'getSetupState', 'ECONNREFUSED'))).toEqual({ changed: false, retryAfterMs: undefined });
  });
});

describe('nextPollDelayMs against a hostile Retry-After', () => {
  // A browser fires a longer timer at once, so each of these would poll in a tight loop unclamped.
  it.each([
    ['3,000,000 s', 3_000_000_000],
    ['an HTTP date 30 days ahead', 30 * 86_400_000],
    ['retry-after-ms: Infinity', Number.POSITIVE_INFINITY],
  ])('never asks a timer for more than it can hold: %s', (_, retryAfterMs) => {
    expect(nextPollDelayMs(undefined, { changed: false, retryAfterMs })).toBe(maxTimerMs);
  });

  it('reads NaN as no wait asked for', () => {
    expect(nextPollDelayMs(undefined, { changed: false, retryAfterMs: Number.NaN })).toBe(1_000);
  });
});
