import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';

const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

export interface SuiteRun {
  /** The exit code, or the signal's name. */
  exit: number | string;
  /** Everything vitest printed, stdout and stderr interleaved. */
  output: string;
}

/**
 * `vitest run` in `cwd` on the Node at `binary`. Its folder goes first on PATH, so every `node` and `npm` the tests
 * start, and every bin script (`#!/usr/bin/env node`), runs on the same line; vitest's workers do already
 * (process.execPath). `timeoutMs` only bounds a hung run: it is many times a run's normal length.
 */
export function runSuite(binary: string, cwd: string, args: string[], timeoutMs = 15 * 60_000): Promise<SuiteRun> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(binary)}${delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' };
    // vitest of the suite under test sets these in its own workers; inherited, they would make the child think it is one.
    for (const name of Object.keys(env)) if (name.startsWith('VITEST') || name === 'TEST' || name === 'FORCE_COLOR') delete env[name];
    const child = spawn(binary, [vitest, 'run', ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs, killSignal: 'SIGKILL' });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ exit: code ?? signal ?? 'unknown', output: Buffer.concat(chunks).toString('utf8') }));
  });
}
