// `npm run dev` as its tests run it: in a scratch copy of the repository (never the repository's own openapi/), every
// server on a free port, its output waited on; and the processes it started, to prove that it stops them.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startNodeProcess, type RunningProcess } from '@beeper-setup/testing-kit';
import { devScratchCopy } from '../../../scripts/dev/scratch-copy.mjs';

export interface DevLoop {
  root: string;
  process: RunningProcess;
  urls: { simulator: string; mock: string; wizard: string; docs: string };
  controlToken: string;
  /** Resolves once the output holds `count` lines that start with `text` (a save's block ends with one). */
  printed(text: string, count: number): Promise<void>;
  /** Replaces `from` with `to` in a file of the copy's openapi/ (which must hold `from`). */
  edit(file: string, from: string, to: string): Promise<void>;
  /** Stops the loop (SIGTERM) and deletes the copy. */
  remove(): Promise<void>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function startDevLoop(): Promise<DevLoop> {
  const scratch = await devScratchCopy();
  const ports = ['simulator', 'mock', 'wizard', 'docs'].flatMap((name) => [`--${name}-port`, '0']);
  const dev = startNodeProcess(join(scratch.root, 'scripts', 'dev.mjs'), ['--skip-build', ...ports], { cwd: scratch.root });
  const url = async (label: string) => (await dev.waitFor(new RegExp(`^${label}\\s+(http://127\\.0\\.0\\.1:\\d+)`, 'm')))[1]!;
  const remove = async () => {
    dev.kill('SIGTERM');
    await dev.exited;
    await scratch.remove();
  };
  try {
    await dev.waitFor(/^Watching openapi\//m);
    return {
      root: scratch.root,
      process: dev,
      urls: { simulator: await url('Simulator'), mock: await url('Mock'), wizard: await url('Wizard'), docs: await url('Reference') },
      controlToken: (await dev.waitFor(/control token:\s+(\S+)/))[1]!,
      printed: async (text, count) => void (await dev.waitFor(new RegExp(`(?:[\\s\\S]*?^${escape(text)}){${count}}`, 'm'))),
      async edit(file, from, to) {
        const path = join(scratch.root, 'openapi', file);
        const text = await readFile(path, 'utf8');
        if (!text.includes(from)) throw new Error(`${file} does not hold ${JSON.stringify(from)}`);
        await writeFile(path, text.replace(from, to));
      },
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Every process below `pid`, read from /proc. */
export async function descendantsOf(pid: number): Promise<number[]> {
  const parents = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // The parent's pid is the second field after the command, which is in parentheses and may hold spaces.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
  }
  const below = (of: number): number[] => (parents.get(of) ?? []).flatMap((child) => [child, ...below(child)]);
  return below(pid);
}

/** Whether the process still runs (a zombie, ended but not yet reaped, does not). */
export async function isRunning(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return stat !== undefined && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}
