import type { Routed } from '@beeper-setup/contract';
import { problem, problemAnswer, type ProblemAnswer } from './problem.js';

/** A router's answer when it found no operation: a known path's methods, or nothing for an unknown path. */
export type Unrouted = Exclude<Routed<string>, { operation: string }>;

/**
 * The answer to a request a router found no operation for: `404 not_found` for an unknown path, `405
 * method_not_allowed` with the path's `Allow` for another method. Neither echoes the request: a method in a
 * fetch-shaped request can be any token, of any length.
 */
export function refusedRoute(routed: Unrouted): ProblemAnswer {
  if (routed === undefined) return problemAnswer(problem('not_found', 'No operation has this path.'));
  const allow = routed.allowedMethods;
  return problemAnswer(problem('method_not_allowed', `This path does not accept this method; it accepts ${allow.join(', ')}.`), { allow });
}
