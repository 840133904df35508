import { defaultServerUrl } from '@beeper-setup/contract';

/** Beeper Desktop's address, the first of the contract's servers, which `@beeper-setup/client` calls unless told otherwise. */
export const defaultBaseUrl = defaultServerUrl;

/**
 * The origin of a base URL. The simulator answers the contract's paths from its root, so a base URL with a path
 * below it would only ever be answered 404: it is refused here instead.
 */
export function originOf(baseUrl: string): string {
  const url = URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  // The value is not quoted: it may hold a password.
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
    throw new TypeError(`baseUrl must be an origin the app calls, an absolute http or https URL with no path, such as ${defaultBaseUrl}.`);
  }
  return url.origin;
}
