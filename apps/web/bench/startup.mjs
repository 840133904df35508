// Times beeper-setup-web from spawn to its "open ..." line (it listens then), in interleaved rounds, so that
// builds compared side by side share the machine's load: `node bench/startup.mjs [bin.js ...] [--runs N]`. Without
// a bin.js it times this package's build (dist/server/bin.js). Prints each build's median and spread.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt === -1 ? 15 : Number(args.splice(runsAt, 2)[1]);
const bins = args.length > 0 ? args : [fileURLToPath(new URL('../dist/server/bin.js', import.meta.url))];

/** Milliseconds until the server prints where to open it; it is then stopped. */
function startupMs(bin) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let elapsed;
    // Nothing needs to listen at the target: starting does not reach it.
    const child = spawn(process.execPath, [bin, '--port', '0', '--target', 'http://127.0.0.1:9'], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk) => {
      if (elapsed !== undefined || !String(chunk).includes('open http')) return;
      elapsed = performance.now() - started;
      child.kill('SIGTERM');
    });
    child.once('error', reject);
    child.once('exit', (code) => (elapsed === undefined ? reject(new Error(`${bin} exited (${code}) before listening`)) : resolve(elapsed)));
  });
}

const times = bins.map(() => []);
for (let round = 0; round < runs; round++) {
  for (const [index, bin] of bins.entries()) times[index].push(await startupMs(bin));
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const [index, bin] of bins.entries()) {
  const sorted = [...times[index]].sort((a, b) => a - b);
  console.log(`${bin}: median ${median(sorted).toFixed(0)} ms (min ${sorted[0].toFixed(0)}, max ${sorted.at(-1).toFixed(0)}, ${runs} runs)`);
}
if (bins.length === 2) console.log(`ratio (second / first): ${(median(times[1]) / median(times[0])).toFixed(2)}`);
