import { ApiError, ConnectionError, InvalidResponseError, RateLimitError, TimeoutError } from '@beeper-setup/client';
import { describe, expect, it } from 'vitest';
import { bannerOf, isUnreachable } from '../../src/view/banner-of.js';
import { problemExample } from './contract-examples.js';

const target = 'http://localhost:23373';
const unreachable = { kind: 'unreachable', text: 'Cannot reach http://localhost:23373: is Beeper Desktop running?' };

describe('bannerOf', () => {
  it('shows a problem by its title and detail', () => {
    const problem = problemExample('ProblemInvalidSignInCode');
    expect(bannerOf(new ApiError(400, problem, 'completeSignIn'), target)).toEqual({ kind: 'problem', title: 'Invalid sign-in code', detail: problem.detail, retry: undefined });
  });

  it('says when to try again after a 429', () => {
    const banner = bannerOf(new RateLimitError(429, problemExample('ProblemTooManyAttempts'), 'completeSignIn', 30_000), target);
    expect(banner).toEqual({ kind: 'problem', title: 'Too many attempts', detail: undefined, retry: 'Try again in 30 seconds.' });
  });

  it('rounds the wait up to whole seconds, at least one', () => {
    expect(bannerOf(new RateLimitError(429, undefined, undefined, 1_200), target)).toMatchObject({ retry: 'Try again in 2 seconds.' });
    expect(bannerOf(new RateLimitError(429, undefined, undefined, 0), target)).toMatchObject({ retry: 'Try again in 1 second.' });
    expect(bannerOf(new RateLimitError(429, undefined, undefined, 60_000), target)).toMatchObject({ retry: 'Try again in 60 seconds.' });
  });

  it.each([
    [61_000, 'Try again later, in about 1 minute.'],
    [50 * 60_000, 'Try again later, in about 50 minutes.'],
    [3_000_000_000, 'Try again later, in about 35 days.'],
    [Number.POSITIVE_INFINITY, 'Try again later.'],
  ])('past a minute, says a rough time instead of counting seconds (%d ms)', (retryAfterMs, retry) => {
    expect(bannerOf(new RateLimitError(429, undefined, undefined, retryAfterMs), target)).toMatchObject({ retry });
  });

  it('keeps the detail of a 429 without Retry-After', () => {
    const problem = problemExample('ProblemTooManyAttempts');
    expect(bannerOf(new RateLimitError(429, problem, undefined, undefined), target)).toMatchObject({ detail: problem.detail, retry: undefined });
  });

  it('names the status of an error without a problem body', () => {
    expect(bannerOf(new ApiError(500, undefined, 'getSetupState'), target)).toMatchObject({ kind: 'problem', title: 'The request failed (HTTP 500).' });
  });

  it.each([
    ['a ConnectionError', new ConnectionError(target, 'getSetupState', 'ECONNREFUSED')],
    ['a TimeoutError', new TimeoutError(15_000, 'getSetupState')],
    ['a 503 service_unavailable', new ApiError(503, problemExample('ProblemServiceUnavailable'), 'getSetupState')],
    ['a gateway error from the proxy', new ApiError(502, undefined, 'getSetupState')],
  ])('asks whether Beeper Desktop runs for %s', (_, error) => {
    expect(isUnreachable(error)).toBe(true);
    expect(bannerOf(error, target)).toEqual(unreachable);
  });

  it('tells other server errors apart from an unreachable API', () => {
    expect(isUnreachable(new ApiError(500, problemExample('ProblemInternalError'), 'getSetupState'))).toBe(false);
    expect(isUnreachable(new ApiError(429, problemExample('ProblemTooManyAttempts'), 'getSetupState'))).toBe(false);
  });

  it("shows the client's own errors by their message", () => {
    expect(bannerOf(new InvalidResponseError(200, 'getSetupState'), target)).toMatchObject({ kind: 'problem', title: 'Something went wrong.', detail: 'getSetupState answered 200 with a body that is not JSON' });
  });
});
