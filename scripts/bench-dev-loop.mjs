// npm run bench:dev-loop: the API owner's loop, measured (a benchmark: it prints figures, it fails nothing).
// - Cold `npm run generate` (a fresh process: lint, bundle, derived files, references), against the floor of the
//   same run: `redocly bundle` plus openapi-typescript's CLI, each alone, one API.
// - With `npm run dev` running: a save that changes a text the mock answers (a problem example's detail) until the
//   mock answers the new text; a save that changes Email's maxLength until the simulator judges by it; and each
//   save until its lint verdict is printed. Medians of 10 saves each; the dev loop's own per-step times too.
// Everything runs in a scratch copy of the repository: openapi/ here is never edited.
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startNodeProcess } from '@beeper-setup/testing-kit';
import { devScratchCopy } from './dev/scratch-copy.mjs';
import { installedCommand } from './paths.mjs';

const saves = 10;
const targets = { generateMs: 4000, mockMs: 1000, simulatorMs: 1000, lintMs: 2000 };
const run = promisify(execFile);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const timed = async (action) => {
  const started = performance.now();
  await action();
  return performance.now() - started;
};
const ms = (value) => `${Math.round(value)} ms`;
const verdict = (value, target) => (value <= target ? `met (at most ${ms(target)})` : `missed (at most ${ms(target)})`);

const scratch = await devScratchCopy();
try {
  const cwd = scratch.root;
  const generate = [];
  const floor = [];
  for (let round = 0; round < 3; round++) {
    generate.push(await timed(() => run(process.execPath, [join(cwd, 'scripts', 'generate.mjs')], { cwd })));
    const bundled = join(tmpdir(), `beeper-setup-bench-${process.pid}.json`);
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    const bundle = await timed(() => run(installedCommand('redocly'), ['bundle', 'openapi/openapi.yaml', '--ext', 'json', '--output', bundled], { cwd, env }));
    // Outside the copy: in a folder with redocly.yaml, openapi-typescript's CLI generates what its apis say instead.
    const types = await timed(() => run(installedCommand('openapi-typescript'), [bundled, '--output', `${bundled}.d.ts`], { cwd: tmpdir() }));
    floor.push({ bundle, types });
    await Promise.all([rm(bundled, { force: true }), rm(`${bundled}.d.ts`, { force: true })]);
  }
  const generateMs = median(generate);
  const floorBundle = median(floor.map((each) => each.bundle));
  const floorTypes = median(floor.map((each) => each.types));

  const ports = ['simulator', 'mock', 'wizard', 'docs'].flatMap((name) => [`--${name}-port`, '0']);
  const dev = startNodeProcess(join(cwd, 'scripts', 'dev.mjs'), ['--skip-build', ...ports], { cwd });
  let handled = 0;
  let lintLines = 0;
  try {
    await dev.waitFor(/^Watching openapi\//m);
    const urlOf = (label) => new RegExp(`^${label}\\s+(http://127\\.0\\.0\\.1:\\d+)`, 'm').exec(dev.output())[1];
    const [mockUrl, simulatorUrl] = [urlOf('Mock'), urlOf('Simulator')];

    /** Writes the file, then resolves with the times to `served()` answering true and to the save's lint line. */
    async function save(file, text, served) {
      const path = join(cwd, 'openapi', file);
      const started = performance.now();
      let lintAt;
      const lint = dev.waitFor(countOf('  lint ', ++lintLines)).then(() => (lintAt = performance.now() - started));
      await writeFile(path, text);
      let servedAt;
      while (servedAt === undefined) {
        if (performance.now() - started > 180_000) throw new Error(`A save of ${file} was not served within 180 s:\n${dev.output().slice(-3000)}`);
        if (await served().catch(() => false)) servedAt = performance.now() - started;
        else await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await lint;
      await dev.waitFor(countOf('  serving    ', ++handled));
      return { servedAt, lintAt };
    }

    const example = 'components/examples/ProblemInternalError.yaml';
    const exampleText = await readFile(join(cwd, 'openapi', example), 'utf8');
    const mockDetail = async () => (await (await fetch(`${mockUrl}/v1/app/setup`, { headers: { prefer: 'code=500' } })).json()).detail;
    const mockSaves = [];
    for (let n = 1; n <= saves; n++) {
      const detail = `The server failed to handle the request (bench save ${n}). Try again.`;
      mockSaves.push(await save(example, exampleText.replace(/detail: ".*"/, `detail: "${detail}"`), async () => (await mockDetail()) === detail));
    }

    const email = 'components/schemas/Email.yaml';
    const emailText = await readFile(join(cwd, 'openapi', email), 'utf8');
    const { setupRequestID } = await (await fetch(`${simulatorUrl}/v1/app/setup/start`, { method: 'POST' })).json();
    // 254 characters, and valid as an email in every other way (a local part and domain labels within their limits).
    const longest = `a@${['b', 'c', 'd'].map((letter) => letter.repeat(63)).join('.')}.${'e'.repeat(56)}.com`;
    const rejectsLongest = async () => {
      const answer = await fetch(`${simulatorUrl}/v1/app/setup/email`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: longest, setupRequestID }) });
      return answer.status === 400 && (await answer.text()).includes('/email');
    };
    const simulatorSaves = [];
    for (let n = 1; n <= saves; n++) {
      const limit = n % 2 ? 253 : 254;
      simulatorSaves.push(await save(email, emailText.replace('maxLength: 254', `maxLength: ${limit}`), async () => (await rejectsLongest()) === (limit === 253)));
    }

    const steps = stepMedians(dev.output());
    const mockMs = median(mockSaves.map((each) => each.servedAt));
    const simulatorMs = median(simulatorSaves.map((each) => each.servedAt));
    const lintMs = median([...mockSaves, ...simulatorSaves].map((each) => each.lintAt));
    console.log(`npm run bench:dev-loop (${saves} saves each; medians)

Cold npm run generate            ${ms(generateMs)} (of ${generate.map(ms).join(', ')}): ${(generateMs / (floorBundle + floorTypes)).toFixed(2)}x the floor of ${ms(floorBundle + floorTypes)} (redocly bundle ${ms(floorBundle)} + openapi-typescript ${ms(floorTypes)}, each alone, one API): ${verdict(generateMs, targets.generateMs)}
Save to mock serving new text    ${ms(mockMs)}: ${verdict(mockMs, targets.mockMs)}
Save to simulator's new maxLength ${ms(simulatorMs)}: ${verdict(simulatorMs, targets.simulatorMs)}
Save to lint verdict             ${ms(lintMs)}: ${verdict(lintMs, targets.lintMs)}

Where a save's time goes (the dev loop's own figures, from the save's start, after the watcher's 25 ms quiet):
${Object.entries(steps).map(([step, value]) => `  ${step.padEnd(10)} +${ms(value)}`).join('\n')}`);
  } finally {
    dev.kill();
    await dev.exited;
  }
} finally {
  await scratch.remove();
}

function countOf(text, count) {
  return new RegExp(`(?:[\\s\\S]*?^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}){${count}}`, 'm');
}

/** The median of each step's `(+N ms)` over every block of the output. */
function stepMedians(output) {
  const times = {};
  for (const [, step, value] of output.matchAll(/^ {2}(\w+) +.*\(\+(\d+) ms\)$/gm)) (times[step] ??= []).push(Number(value));
  return Object.fromEntries(Object.entries(times).map(([step, values]) => [step, median(values)]));
}
