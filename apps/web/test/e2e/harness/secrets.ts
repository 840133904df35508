// Watches a browser context for the secrets a flow handles: the access token the API returns, the sign-in codes
// and recovery keys the test types or reads, and every place the page could have kept or leaked them.
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** What a sign-in or registration returned to the page, once. */
export interface Credentials {
  accessToken: string;
  deviceID: string;
}

const signedInAnswers = /\/v1\/app\/setup\/(response|register)$/;

export type SecretKind = 'sign-in code' | 'recovery key' | 'lead token' | 'access token';

export interface SecretWatch {
  remember(kind: SecretKind, secret: string): void;
  /** What each sign-in or registration so far returned to the page. */
  credentials(): Promise<Credentials[]>;
  /**
   * Fails when storage, cookies, the page's URL, the history (its URLs, `history.state`), a visited URL or the console
   * output holds any secret the flow saw, naming each place that does.
   */
  expectNoneLeaked(page: Page): Promise<void>;
}

export function watchSecrets(context: BrowserContext): SecretWatch {
  const seen: [SecretKind, string][] = [];
  const credentialReads: Promise<Credentials | undefined>[] = [];
  const urls: string[] = [];
  const consoleOutput: string[] = [];

  context.on('request', (request) => urls.push(request.url()));
  context.on('console', (message) => consoleOutput.push(message.text()));
  context.on('weberror', (error) => consoleOutput.push(String(error.error())));
  context.on('page', (page) => page.on('framenavigated', (frame) => urls.push(frame.url())));
  context.on('response', (response) => {
    if (!response.ok() || !signedInAnswers.test(new URL(response.url()).pathname)) return;
    credentialReads.push(
      response.json().then(
        (body: { matrix?: Credentials }) => body.matrix,
        () => undefined,
      ),
    );
  });

  const credentials = async () => (await Promise.all(credentialReads)).filter((signedIn) => signedIn !== undefined);

  return {
    remember: (kind, secret) => void seen.push([kind, secret]),
    credentials,
    async expectNoneLeaked(page) {
      const secrets = [...seen, ...(await credentials()).map(({ accessToken }) => ['access token', accessToken] as const)];
      // Finding nothing proves something only when there was something to find.
      expect(secrets.length, 'secrets this flow saw').toBeGreaterThan(0);
      const places = {
        localStorage: await page.evaluate(() => JSON.stringify({ ...localStorage })),
        sessionStorage: await page.evaluate(() => JSON.stringify({ ...sessionStorage })),
        'document.cookie': await page.evaluate(() => document.cookie),
        'the cookie jar': JSON.stringify(await context.cookies()),
        "the page's URL": decodedURL(page.url()),
        'history.state': await page.evaluate(historyState),
        'the history': (await page.evaluate(historyURLs)).map(decodedURL).join('\n'),
        'the visited URLs': urls.map(decodedURL).join('\n'),
        'the console output': consoleOutput.join('\n'),
      };
      // Every place that holds a secret, not only the first: a leftover test can then name the place it planted in.
      const leaks: string[] = [];
      for (const [kind, secret] of secrets) {
        for (const form of new Set([secret, secret.replace(/\s+/g, '')])) {
          for (const [place, text] of Object.entries(places)) {
            if (text.includes(form)) leaks.push(`the ${kind} in ${place}`);
          }
        }
      }
      const found = [...new Set(leaks)];
      expect(found, `secrets kept or leaked: ${found.join(', ')}`).toEqual([]);
    },
  };
}

function decodedURL(url: string): string {
  try {
    return decodeURIComponent(url.replaceAll('+', ' '));
  } catch {
    return url;
  }
}

/** In the page: what `pushState` and `replaceState` last kept with the current history entry. */
function historyState(): string {
  try {
    return JSON.stringify(history.state) ?? String(history.state);
  } catch {
    return String(history.state);
  }
}

/** In the page: the URL of every entry of its history (Chromium's Navigation API), those navigated past included. */
function historyURLs(): string[] {
  const { navigation } = globalThis as { navigation?: { entries(): { url: string | null }[] } };
  if (!navigation) throw new Error('This browser has no Navigation API to read the history with.');
  return navigation.entries().map(({ url }) => url ?? '');
}
