// The client's own cost per call, side by side with the variants of ./variants.mjs. tinybench times each variant;
// the variants run in interleaved rounds and each figure is the median over the rounds, so machine noise hits them
// all alike. Timings are noisy: this is not part of `npm test`. It ends non-zero when a goal is missed.
import { Bench } from 'tinybench';
import { operations } from './variants.mjs';

const rounds = Number(process.env.ROUNDS ?? 15);
/** The client's goals: at least this many times the throughput of each. */
const goals = { 'bare openapi-fetch': 0.85, 'openapi-fetch + timeout': 1.5, 'Stainless core': 2 };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let missed = 0;

for (const { title, variants } of Object.values(operations)) {
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
  console.log(`\n${title} (median of ${rounds} interleaved rounds)`);
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
