// Throughput and latency of the simulator against the Prism mock, side by side in one run on this machine.
// Run with `npm run bench -w @beeper-setup/simulator` (it uses the built dist/ of the simulator and the mock).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startPrism } from '@beeper-setup/mock';
import { aliceRecoveryKey, simulatorControl } from '../dist/index.js';
import { signInDriver } from '../dist/testing.js';

const connections = 10;
const durationSeconds = 5;
const warmUpSeconds = 1;
const targetRatio = 10;

/** The simulator as people run it: its own process, without the request log. */
async function startSimulatorProcess() {
  const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
  const child = spawn(process.execPath, [bin, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  while (!/token: (\S+)/.test(output)) {
    if (child.exitCode !== null) throw new Error(`The simulator exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { url: /listening on (\S+)/.exec(output)[1], controlToken: /token: (\S+)/.exec(output)[1], close: async () => (child.kill('SIGTERM'), once(child, 'exit')) };
}

async function measure(url, { method, path, headers, body }, duration) {
  const result = await autocannon({ url: `${url}${path}`, method, headers, body, connections, duration });
  const statuses = Object.entries(result.statusCodeStats).map(([status, { count }]) => `${status} × ${count}`).join(', ');
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, statuses, errors: result.errors };
}

const simulator = await startSimulatorProcess();
// Prism alone, without the mock's guard in front of it, so the guard's hop does not count against Prism.
const prism = await startPrism();
try {
  const alice = await signInDriver({ control: simulatorControl(simulator.url, simulator.controlToken), baseUrl: simulator.url }).signIn('alice@example.com');
  const authorization = `Bearer ${alice.accessToken}`;
  const wrongKey = JSON.stringify({ recoveryKey: aliceRecoveryKey.replace('EsTc', 'EsTd') });
  const cases = [
    {
      name: 'GET /v1/app/setup (with a token)',
      simulator: { method: 'GET', path: '/v1/app/setup', headers: { authorization } },
      prism: { method: 'GET', path: '/v1/app/setup', headers: { authorization } },
    },
    {
      // Both read and validate the body against the contract, check the token and answer a 429 problem:
      // the simulator because the wrong key locks alice's session after 5 attempts, Prism because it is asked to.
      name: 'POST /v1/app/setup/verification/recovery-key (wrong key)',
      simulator: { method: 'POST', path: '/v1/app/setup/verification/recovery-key', headers: { authorization, 'content-type': 'application/json' }, body: wrongKey },
      prism: { method: 'POST', path: '/v1/app/setup/verification/recovery-key', headers: { authorization, 'content-type': 'application/json', prefer: 'code=429' }, body: wrongKey },
    },
  ];

  console.log(`autocannon, ${connections} connections, ${durationSeconds} s per server and operation (after ${warmUpSeconds} s of warm-up), one machine, one run\n`);
  let targetMet = true;
  for (const { name, ...requests } of cases) {
    const results = {};
    for (const [server, url] of [['simulator', simulator.url], ['prism', prism.url]]) {
      await measure(url, requests[server], warmUpSeconds);
      results[server] = await measure(url, requests[server], durationSeconds);
    }
    const ratio = results.simulator.requestsPerSecond / results.prism.requestsPerSecond;
    const lowerP99 = results.simulator.p99 < results.prism.p99;
    targetMet &&= ratio >= targetRatio && lowerP99;
    console.log(name);
    for (const [server, { requestsPerSecond, p50, p99, statuses, errors }] of Object.entries(results)) {
      console.log(`  ${server.padEnd(9)} ${requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${String(p50).padStart(3)} ms   p99 ${String(p99).padStart(3)} ms   ${statuses}${errors ? `, ${errors} errors` : ''}`);
    }
    console.log(`  ratio     ${ratio.toFixed(1)}× the throughput of Prism; p99 ${results.simulator.p99} ms against ${results.prism.p99} ms\n`);
  }
  console.log(targetMet ? `Target met: at least ${targetRatio}× Prism's throughput with a lower p99.` : `Target missed: ${targetRatio}× Prism's throughput with a lower p99.`);
  process.exitCode = targetMet ? 0 : 1;
} finally {
  await prism.close();
  await simulator.close();
}
