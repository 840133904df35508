import type { Problem } from '@beeper-setup/contract';
import { problem } from './problem.js';

/** What the operator allows beyond loopback: the hosts a request may name, the web origins that may call. */
export interface RequestPolicy {
  /** Host names (any port), or `name:port` for one port only. */
  allowedHosts?: readonly string[] | undefined;
  /** Origins as browsers send them, such as `http://localhost:5173`. */
  allowedOrigins?: readonly string[] | undefined;
}

/** The headers the checks read, as Node reports them (lower-case names, `undefined` when absent). */
export interface CheckedHeaders {
  host?: string | undefined;
  origin?: string | undefined;
  'content-type'?: string | undefined;
  'content-length'?: string | undefined;
  'transfer-encoding'?: string | undefined;
}

/**
 * The problem to answer a request that a web page or a DNS-rebinding attack could have sent, or `undefined` to
 * let it through: a missing `Host` (400), a `Host` that is neither loopback nor allowed (421), an `Origin` not
 * allowed (403), a body that is not JSON (415). Pure, so that every server here applies the same rules.
 */
export function refusedRequest(headers: CheckedHeaders, policy: RequestPolicy = {}): Problem | undefined {
  const { host, origin } = headers;
  if (host === undefined || host === '') return problem('invalid_request', 'The request has no Host header.');
  if (!isAllowedHost(host, policy.allowedHosts ?? [])) {
    return problem('misdirected_request', 'This server answers only for localhost and the hosts its operator allowed.');
  }
  if (origin !== undefined && !(policy.allowedOrigins ?? []).some((allowed) => allowed.toLowerCase() === origin.toLowerCase())) {
    return problem('origin_not_allowed', 'Web pages from this origin may not call this API.');
  }
  if (hasBody(headers) && !isJson(headers['content-type'])) return unsupportedMediaType();
  return undefined;
}

/** The 415 for a body that is not `application/json`. */
export const unsupportedMediaType = (): Problem => problem('unsupported_media_type', 'The request body must be application/json.');

/** `localhost`, `*.localhost`, `127.0.0.0/8` or `::1`, with or without the brackets of a `Host` header. */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost') || name === '::1' || name === '[::1]') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255);
}

function isAllowedHost(host: string, allowedHosts: readonly string[]): boolean {
  const lowerHost = host.toLowerCase();
  const hostname = hostnameOf(lowerHost);
  return isLoopbackHostname(hostname) || allowedHosts.some((allowed) => [hostname, lowerHost].includes(allowed.toLowerCase()));
}

/** The `Host` header without its port; an IPv6 address keeps its brackets. */
function hostnameOf(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}

function hasBody(headers: CheckedHeaders): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) !== 0);
}

const isJson = (contentType: string | undefined) => contentType !== undefined && /^application\/json\s*(;|$)/i.test(contentType.trim());

/**
 * The token of an `Authorization: Bearer <token>` header; `undefined` without the header, and an empty string when it
 * holds some other credential (which matches no session).
 */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  return /^Bearer +(\S+) *$/i.exec(authorization)?.[1] ?? '';
}
