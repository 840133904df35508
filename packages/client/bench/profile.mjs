// Where the client's time goes beyond bare openapi-fetch's: each runs the same calls under `node --cpu-prof`
// (bench/calls.mjs), and the self time of every profiled function is summed by what it belongs to, per call; the
// two run in turn RUNS times, and each figure is the median, so that the machine's noise hits both alike.
// Usage: npm run bench:profile -w @beeper-setup/client   (COUNT calls a run, 100 000 by default; RUNS 5)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const count = Number(process.env.COUNT ?? 100_000);
const runs = Number(process.env.RUNS ?? 5);
const compared = ['bare openapi-fetch', '@beeper-setup/client'];

/** What a profiled function belongs to, by its name and its script. */
const parts = [
  ['AbortSignals (the attempt\'s, and the one in every Request)', (name, url) => /abort_controller|js_transferable/.test(url) || name === 'JSTransferable'],
  ['timers', (name, url) => /timers/.test(url)],
  ['Requests, Responses and Headers (undici)', (name, url) => /undici/.test(url)],
  ['streams (each body read once)', (name, url) => /webstreams|streams|encoding/.test(url)],
  ['JSON.parse', (name) => name === 'parse'],
  ['openapi-fetch', (name, url) => url.includes('openapi-fetch')],
  ['the client\'s own code', (name, url) => url.includes('/packages/client/dist/') || url.includes('/packages/contract/src/')],
  ['garbage collection', (name) => name === '(garbage collector)'],
];
const other = 'everything else (microtasks, the stub, Node internals)';

/** µs per call by part, from one profile of `count` calls. */
function profileOf(operation, variant) {
  const dir = mkdtempSync(join(tmpdir(), 'client-profile-'));
  try {
    execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, new URL('calls.mjs', import.meta.url).pathname, operation, variant, String(count)]);
    const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    const perCall = new Map([...parts.map(([part]) => [part, 0]), [other, 0]]);
    profile.samples.forEach((id, i) => {
      const { functionName, url } = frames.get(id);
      const part = parts.find(([, belongs]) => belongs(functionName, url))?.[0] ?? other;
      perCall.set(part, perCall.get(part) + (profile.timeDeltas[i] ?? 0) / count);
    });
    return perCall;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Each variant's µs per call by part, the median of `runs` profiles taken in turn. */
function medianProfiles(operation) {
  const taken = compared.map(() => []);
  for (let run = 0; run < runs; run++) compared.forEach((variant, i) => taken[i].push(profileOf(operation, variant)));
  return taken.map((profiles) => new Map([...profiles[0].keys()].map((part) => [part, median(profiles.map((perCall) => perCall.get(part)))])));
}

for (const operation of ['GET', 'POST']) {
  const [bare, ours] = medianProfiles(operation);
  const total = (perCall) => [...perCall.values()].reduce((sum, value) => sum + value, 0);
  console.log(`\n${operation}: ${total(bare).toFixed(1)} µs per call bare, ${total(ours).toFixed(1)} µs through the client (medians of ${runs} profiles of ${count.toLocaleString('en')} calls each)`);
  for (const [part, value] of [...ours].sort(([a], [b]) => (ours.get(b) - bare.get(b)) - (ours.get(a) - bare.get(a)))) {
    const extra = value - bare.get(part);
    console.log(`  ${extra >= 0 ? '+' : '−'}${Math.abs(extra).toFixed(2).padStart(5)} µs  ${part}`);
  }
}
