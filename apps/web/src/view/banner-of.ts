import { ApiError, ConnectionError, isProblem, RateLimitError, TimeoutError } from '@beeper-setup/client';

export type Banner =
  /** The API did not answer (or its proxy could not reach it): offer to try again. */
  | { kind: 'unreachable'; text: string }
  | { kind: 'problem'; title: string; detail: string | undefined; retry: string | undefined };

/** The one alert shown for an error. */
export function bannerOf(error: unknown, target: string): Banner {
  if (isUnreachable(error)) return { kind: 'unreachable', text: `Cannot reach ${target}: is Beeper Desktop running?` };
  if (error instanceof ApiError) {
    const title = error.problem?.title ?? `The request failed (HTTP ${error.status}).`;
    // A 429's own detail tends to say when, in words this page cannot keep in step with the Retry-After it shows.
    const retry = error instanceof RateLimitError ? tryAgainIn(error.retryAfterMs) : undefined;
    return { kind: 'problem', title, detail: retry ? undefined : error.problem?.detail, retry };
  }
  // The client's own errors (a redirect, a body that is not JSON) say what happened without any secret.
  return { kind: 'problem', title: 'Something went wrong.', detail: error instanceof Error ? error.message : undefined, retry: undefined };
}

/** No answer, or one from a gateway in between that could not reach the API (the proxy while the target is down). */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof ConnectionError || error instanceof TimeoutError) return true;
  if (!(error instanceof ApiError)) return false;
  return isProblem(error, 'service_unavailable') || (error.problem === undefined && [502, 503, 504].includes(error.status));
}

/** A wait the page counts in seconds; past it, a rough time is more use than an exact count. */
const maxSecondsShown = 60;
const units: [name: string, seconds: number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

function tryAgainIn(retryAfterMs: number | undefined): string | undefined {
  if (retryAfterMs === undefined) return undefined;
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  if (seconds <= maxSecondsShown) return `Try again in ${counted(seconds, 'second')}.`;
  if (!Number.isFinite(seconds)) return 'Try again later.';
  const [unit, size] = units.find(([, size]) => seconds >= size)!;
  return `Try again later, in about ${counted(Math.round(seconds / size), unit)}.`;
}

const counted = (count: number, unit: string) => `${count} ${count === 1 ? unit : `${unit}s`}`;
