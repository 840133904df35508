// The calls the bench compares, on a stubbed fetch that answers at once, so that the network is not what is
// measured: the same GET and POST through raw fetch, bare openapi-fetch, openapi-fetch given the per-call timeout
// signal every real caller needs, the Stainless SDK's core (@beeper/desktop-api, retries off) and this client.
import BeeperDesktop from '@beeper/desktop-api';
import createClient from 'openapi-fetch';
import { createSetupClient } from '../dist/index.js';

const baseUrl = 'http://desktop.test:23373';
const sessionBody = JSON.stringify({ session: { state: 'ready', e2ee: { crossSigning: true, firstSyncDone: true } } });
const stubFetch = async () => new Response(sessionBody, { status: 200, headers: { 'content-type': 'application/json' } });
const token = 'token';
const auth = { authorization: `Bearer ${token}` };
const body = { recoveryKey: 'EsTc 5rr1 4Jhp Uc18 hwCn 2b9T LSvj 5h4T TkP8 bdeK JG2Y URTJ' };
const bare = createClient({ baseUrl, fetch: stubFetch });
const stainless = new BeeperDesktop({ baseURL: baseUrl, accessToken: token, fetch: stubFetch, maxRetries: 0, logLevel: 'off' });
const client = createSetupClient({ baseUrl, fetch: stubFetch, accessToken: token });
const setupPath = '/v1/app/setup';
const recoveryKeyPath = '/v1/app/setup/verification/recovery-key';

/** Each operation's variants by name; `@beeper-setup/client` is the one the goals are about. */
export const operations = {
  GET: {
    title: `GET ${setupPath}`,
    variants: {
      'raw fetch': () => stubFetch(`${baseUrl}${setupPath}`, { headers: auth }).then((response) => response.json()),
      'bare openapi-fetch': () => bare.GET(setupPath, { headers: auth }),
      'openapi-fetch + timeout': () => bare.GET(setupPath, { headers: auth, signal: AbortSignal.timeout(30_000) }),
      'Stainless core': () => stainless.get(setupPath),
      '@beeper-setup/client': () => client.GET(setupPath),
    },
  },
  POST: {
    title: `POST ${recoveryKeyPath}`,
    variants: {
      'raw fetch': () => stubFetch(`${baseUrl}${recoveryKeyPath}`, { method: 'POST', headers: auth, body: JSON.stringify(body) }).then((response) => response.json()),
      'bare openapi-fetch': () => bare.POST(recoveryKeyPath, { body, headers: auth }),
      'openapi-fetch + timeout': () => bare.POST(recoveryKeyPath, { body, headers: auth, signal: AbortSignal.timeout(30_000) }),
      'Stainless core': () => stainless.post(recoveryKeyPath, { body }),
      '@beeper-setup/client': () => client.POST(recoveryKeyPath, { body }),
    },
  },
};
