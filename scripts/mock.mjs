// `npm run mock`: the Prism contract mock on 127.0.0.1:4010, in the foreground.
// `npm run mock -- --daemon`: the same in the background; returns once it answers (for scripts and CI).
// `npm run mock -- --stop`: stops the background mock.
import { spawn } from 'node:child_process';
import { openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { builtFile, root } from './paths.mjs';
import { turbo } from './turbo.mjs';

const bin = builtFile('mock', 'bin.js');
const pidFile = join(root, '.mock.pid');
const logFile = join(root, 'mock.log');
const args = process.argv.slice(2);
const daemon = args.includes('--daemon');
const passOn = args.filter((arg) => arg !== '--daemon' && arg !== '--stop');

if (args.includes('--stop')) {
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGTERM');
    console.log('Stopped the mock.');
  } catch {
    console.log('No background mock is running.');
  }
  rmSync(pidFile, { force: true });
  process.exit(0);
}

turbo(['build', '--filter=@beeper-setup/mock...']);

if (!daemon) {
  const child = spawn(process.execPath, [bin, ...passOn], { stdio: 'inherit' });
  process.on('SIGINT', () => child.kill('SIGINT'));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [bin, ...passOn], { detached: true, stdio: ['ignore', log, log] });
  child.unref();
  writeFileSync(pidFile, String(child.pid));
  for (let waited = 0; waited < 30_000; waited += 200) {
    const output = readFileSync(logFile, 'utf8');
    const ready = /listening on (\S+)/.exec(output);
    if (ready) {
      console.log(`Mock running at ${ready[1]} (pid ${child.pid}, log ${logFile}). Stop it with: npm run mock -- --stop`);
      process.exit(0);
    }
    if (child.exitCode !== null || /Could not start/.test(output)) break;
    await sleep(200);
  }
  console.error(`The mock did not start:\n${readFileSync(logFile, 'utf8')}`);
  process.exit(1);
}
