// The client's own cost per call, side by side with raw fetch, bare openapi-fetch, openapi-fetch given the per-call
// timeout signal every real caller needs, and the Stainless SDK's core (@beeper/desktop-api, retries off), on a
// stubbed fetch that answers at once, so that the network is not what is measured. tinybench times each variant;
// the variants run in interleaved rounds and each figure is the median over the rounds, so machine noise hits them
// all alike. Timings are noisy: this is not part of `npm test`. It ends non-zero when a goal is missed.
import BeeperDesktop from '@beeper/desktop-api';
import createClient from 'openapi-fetch';
import { Bench } from 'tinybench';
import { createSetupClient } from '../dist/index.js';

const rounds = Number(process.env.ROUNDS ?? 15);
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

const cases = {
  [`GET ${setupPath}`]: {
    'raw fetch': () => stubFetch(`${baseUrl}${setupPath}`, { headers: auth }).then((response) => response.json()),
    'bare openapi-fetch': () => bare.GET(setupPath, { headers: auth }),
    'openapi-fetch + timeout': () => bare.GET(setupPath, { headers: auth, signal: AbortSignal.timeout(30_000) }),
    'Stainless core': () => stainless.get(setupPath),
    '@beeper-setup/client': () => client.GET(setupPath),
  },
  [`POST ${recoveryKeyPath}`]: {
    'raw fetch': () => stubFetch(`${baseUrl}${recoveryKeyPath}`, { method: 'POST', headers: auth, body: JSON.stringify(body) }).then((response) => response.json()),
    'bare openapi-fetch': () => bare.POST(recoveryKeyPath, { body, headers: auth }),
    'openapi-fetch + timeout': () => bare.POST(recoveryKeyPath, { body, headers: auth, signal: AbortSignal.timeout(30_000) }),
    'Stainless core': () => stainless.post(recoveryKeyPath, { body }),
    '@beeper-setup/client': () => client.POST(recoveryKeyPath, { body }),
  },
};

/** The client's goals: at least this many times the throughput of each. */
const goals = { 'bare openapi-fetch': 0.85, 'openapi-fetch + timeout': 1.5, 'Stainless core': 2 };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let missed = 0;

for (const [operation, variants] of Object.entries(cases)) {
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(variants)) {
      const bench = new Bench({ time: 150, warmupTime: 30 });
      bench.add(name, run);
      await bench.run();
      samples[name].push(bench.tasks[0].result.throughput.mean);
    }
  }
  const ops = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
  const ours = ops['@beeper-setup/client'];
  console.log(`\n${operation} (median of ${rounds} interleaved rounds)`);
  for (const [name, value] of Object.entries(ops)) {
    const vsBare = `${(value / ops['bare openapi-fetch']).toFixed(2)}× bare openapi-fetch`;
    console.log(`  ${name.padEnd(23)} ${Math.round(value).toLocaleString('en').padStart(8)} ops/s  ${vsBare}  the client at ${(ours / value).toFixed(2)}×`);
  }
  for (const [name, goal] of Object.entries(goals)) {
    const ratio = ours / ops[name];
    if (ratio < goal) missed++;
    console.log(`  goal: ≥ ${goal.toFixed(2)}× ${name}: ${ratio.toFixed(2)}× ${ratio >= goal ? 'met' : 'MISSED'}`);
  }
}
if (missed > 0) process.exitCode = 1;
