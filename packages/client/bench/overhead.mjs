// The client's own cost per call, side by side with bare openapi-fetch and raw fetch, on a stubbed fetch that
// answers at once (so the network is not what is measured). tinybench times each variant; the variants run in
// interleaved rounds and each figure is the median over the rounds, so machine noise hits them all alike.
// The budget: @beeper-setup/client at least as fast as "openapi-fetch + timeout", bare openapi-fetch given the
// per-call AbortSignal.timeout every real caller needs (equal features); the run ends non-zero when it is slower.
import createClient from 'openapi-fetch';
import { Bench } from 'tinybench';
import { createSetupClient } from '../dist/index.js';

const rounds = Number(process.env.ROUNDS ?? 15);
const baseUrl = 'http://desktop.test:23373';
const sessionBody = JSON.stringify({ session: { state: 'ready', e2ee: { crossSigning: true, firstSyncDone: true } } });
const stubFetch = async () => new Response(sessionBody, { status: 200, headers: { 'content-type': 'application/json' } });
const auth = { authorization: 'Bearer token' };
const body = { recoveryKey: 'EsTc 5rr1 4Jhp Uc18 hwCn 2b9T LSvj 5h4T TkP8 bdeK JG2Y URTJ' };
const bare = createClient({ baseUrl, fetch: stubFetch });
const client = createSetupClient({ baseUrl, fetch: stubFetch, accessToken: 'token' });
const recoveryKeyUrl = `${baseUrl}/v1/app/setup/verification/recovery-key`;

const cases = {
  'GET /v1/app/setup': {
    'raw fetch': () => stubFetch(`${baseUrl}/v1/app/setup`, { headers: auth }).then((response) => response.json()),
    'bare openapi-fetch': () => bare.GET('/v1/app/setup', { headers: auth }),
    'openapi-fetch + timeout': () => bare.GET('/v1/app/setup', { headers: auth, signal: AbortSignal.timeout(30_000) }),
    '@beeper-setup/client': () => client.GET('/v1/app/setup'),
  },
  'POST /v1/app/setup/verification/recovery-key': {
    'raw fetch': () => stubFetch(recoveryKeyUrl, { method: 'POST', headers: auth, body: JSON.stringify(body) }).then((response) => response.json()),
    'bare openapi-fetch': () => bare.POST('/v1/app/setup/verification/recovery-key', { body, headers: auth }),
    'openapi-fetch + timeout': () => bare.POST('/v1/app/setup/verification/recovery-key', { body, headers: auth, signal: AbortSignal.timeout(30_000) }),
    '@beeper-setup/client': () => client.POST('/v1/app/setup/verification/recovery-key', { body }),
  },
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let withinBudget = true;

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
  const bareOps = ops['bare openapi-fetch'];
  const budgetOps = ops['openapi-fetch + timeout'];
  console.log(`\n${operation} (median of ${rounds} interleaved rounds)`);
  for (const [name, value] of Object.entries(ops)) {
    console.log(
      `  ${name.padEnd(23)} ${Math.round(value).toLocaleString('en').padStart(8)} ops/s  ${(value / bareOps).toFixed(2)}× bare openapi-fetch  ${(value / budgetOps).toFixed(2)}× openapi-fetch + timeout`,
    );
  }
  const ratio = ops['@beeper-setup/client'] / budgetOps;
  if (ratio < 1) withinBudget = false;
  console.log(`  budget: @beeper-setup/client ≥ 1.00× openapi-fetch + timeout: ${ratio.toFixed(2)}× ${ratio >= 1 ? 'met' : 'MISSED'}`);
}
if (!withinBudget) process.exitCode = 1;
