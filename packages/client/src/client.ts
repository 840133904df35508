import createClient, { type Client } from 'openapi-fetch';
import { defaultServerUrl, type paths } from '@beeper-setup/contract';
import type { Fetch } from './attempt.js';
import { authenticate, checkedToken } from './authenticate.js';
import { checkedNumber } from './checked.js';
import { SetupRequest } from './request.js';
import { resilientFetch, type Logger } from './resilient-fetch.js';

/** Beeper Desktop's address, the first of the contract's servers. */
export const defaultBaseUrl = defaultServerUrl;

export type AccessToken = string | (() => string | undefined | Promise<string | undefined>);

export interface SetupClientOptions {
  /** Default: `BEEPER_DESKTOP_BASE_URL`, else Beeper Desktop's `http://localhost:23373`. */
  baseUrl?: string | undefined;
  /** Sent only to operations that take a token. Default: `BEEPER_ACCESS_TOKEN`. */
  accessToken?: AccessToken | undefined;
  /** Per attempt, until the whole response has arrived. Default 30 000. */
  timeoutMs?: number | undefined;
  /**
   * For the whole call, every attempt and every wait between them included; one call can set its own
   * (`client.GET(path, { deadlineMs })`). Default: none.
   */
  deadlineMs?: number | undefined;
  /** Extra attempts for failures that are safe to retry. Default 2. */
  maxRetries?: number | undefined;
  /** Default: the global `fetch`. */
  fetch?: Fetch | undefined;
  userAgent?: string | undefined;
  /** Receives one line per attempt and retry, never a header or a body. Default: stderr when `BEEPER_DESKTOP_LOG=debug`. */
  logger?: Logger | undefined;
}

/** The openapi-fetch client for the contract's `paths`, plus the access token it sends. */
export type SetupClient = Client<paths> & {
  readonly baseUrl: string;
  /** Use the `matrix.accessToken` from sign-in for the calls that follow. */
  setAccessToken(token: AccessToken | undefined): void;
};

export function createSetupClient(options: SetupClientOptions = {}): SetupClient {
  const env = typeof process === 'undefined' ? {} : process.env;
  const baseUrl = checkedBaseUrl(options.baseUrl ?? env.BEEPER_DESKTOP_BASE_URL ?? defaultBaseUrl);
  const timeoutMs = checkedNumber('timeoutMs', options.timeoutMs ?? 30_000, 1);
  const deadlineMs = options.deadlineMs === undefined ? undefined : checkedNumber('deadlineMs', options.deadlineMs, 1);
  const maxRetries = checkedNumber('maxRetries', options.maxRetries ?? 2, 0);
  // A token given as a string is checked now; one from a function, on each call.
  let accessToken: AccessToken | undefined = checkedToken(options.accessToken ?? env.BEEPER_ACCESS_TOKEN, options.accessToken === undefined ? 'BEEPER_ACCESS_TOKEN' : 'accessToken');

  const client = createClient<paths>({
    baseUrl,
    Request: SetupRequest,
    fetch: resilientFetch({
      baseUrl,
      fetch: options.fetch ?? ((request, init) => globalThis.fetch(request, init)),
      timeoutMs,
      deadlineMs,
      maxRetries,
      logger: options.logger ?? (env.BEEPER_DESKTOP_LOG === 'debug' ? { debug: (line) => console.error(`[beeper-setup] ${line}`) } : undefined),
    }),
  });
  client.use(authenticate(() => (typeof accessToken === 'function' ? accessToken() : accessToken), options.userAgent));
  return Object.assign(client, {
    baseUrl,
    setAccessToken(token: AccessToken | undefined) {
      accessToken = checkedToken(token, 'setAccessToken');
    },
  });
}

function checkedBaseUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  // The value is not quoted: it may hold a password.
  if (!/^https?:$/.test(url?.protocol ?? '')) throw new TypeError(`baseUrl must be an absolute http or https URL, such as ${defaultBaseUrl}.`);
  if (url?.username || url?.password) throw new TypeError('baseUrl must not hold a user name or password.');
  return value.replace(/\/+$/, '');
}
