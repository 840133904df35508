import { createSetupClient } from '@beeper-setup/client';

/** The API being set up, as the serving proxy names it; the page itself only ever calls its own origin. */
export const target = document.querySelector<HTMLMetaElement>('meta[name="beeper-setup-target"]')?.content || location.origin;

// No retries inside the client: the page polls with its own backoff and offers "Try again", and a retry hidden in
// a call would only hold back the banner that says the API is away.
export const client = createSetupClient({ baseUrl: location.origin, maxRetries: 0, timeoutMs: 15_000 });

// The access token is held by the client alone, in memory: never in storage, a cookie or the URL.
let signedIn = false;

export function holdAccessToken(token: string | undefined): void {
  client.setAccessToken(token);
  signedIn = token !== undefined;
}

export function hasAccessToken(): boolean {
  return signedIn;
}
