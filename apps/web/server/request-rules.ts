import type { IncomingHttpHeaders } from 'node:http';
import { problem, refusedRequest } from '@beeper-setup/edge';
import type { Problem } from './problem-answers.js';

/**
 * The servers' rules (`refusedRequest`), with this server's own origin as the only allowed one: a `Host` that is
 * not loopback answers 421 (DNS rebinding), an `Origin` of any other page 403, a body that is not JSON 415.
 * `Host` is loopback once it passes, so the origin built from it is this server's as the browser sees it.
 */
export function refusalOf(headers: IncomingHttpHeaders): Problem | undefined {
  const ownOrigin = headers.host === undefined ? [] : [`http://${headers.host}`];
  return refusedRequest(headers, { allowedOrigins: ownOrigin });
}

/**
 * A browser marks what a page of another site sent even when it carries no `Origin` (a plain GET from an `img`
 * or a link): such a request is never forwarded to the API. Loading the wizard itself from a link is allowed.
 */
export function crossSiteRefusal(headers: IncomingHttpHeaders): Problem | undefined {
  const site = headers['sec-fetch-site'];
  if (site !== 'cross-site' && site !== 'same-site') return undefined;
  return problem('origin_not_allowed', 'Web pages from other origins may not call this API.');
}
