// Runs the built beeper-setup against a simulator, as a script or a person would, and keeps every byte it
// printed so the tests can check that no secret ever appears.
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSetupClient, type SetupClient } from '@beeper-setup/client';
import { startTestSimulator } from '@beeper-setup/simulator/testing';

export const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Everything any run printed, for the leak check. */
export const transcripts: string[] = [];

export interface Running {
  /** Resolves once the output so far matches; rejects when the process ends first. */
  waitFor(pattern: RegExp): Promise<string>;
  writeLine(line: string): void;
  endInput(): void;
  finished: Promise<Finished>;
  output(): string;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (text: string) => void; reject: (error: Error) => void }[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(stdout + stderr);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match[0]);
      }
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    check();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
    check();
  });
  const finished = new Promise<Finished>((resolve) => {
    child.on('close', (code) => {
      transcripts.push(stdout, stderr);
      for (const waiter of waiters.splice(0)) waiter.reject(new Error(`beeper-setup ${args.join(' ')} ended (${code}) before printing ${waiter.pattern}:\n${stdout}\n${stderr}`));
      resolve({ code, stdout, stderr });
    });
  });
  return {
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve, reject });
        check();
      }),
    writeLine: (line) => child.stdin.write(`${line}\n`),
    endInput: () => child.stdin.end(),
    finished: finished.then((result) => {
      child.stdin.destroy();
      return result;
    }),
    output: () => stdout + stderr,
  };
}

/** Runs to the end with the given standard input, which then closes. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, stdinLines: string[] = []): Promise<Finished> {
  const running = startCli(args, env);
  for (const line of stdinLines) running.writeLine(line);
  running.endInput();
  return running.finished;
}

/** Where beeper-setup keeps the access tokens it saved under this environment's config folder. */
export const credentialsFile = (env: NodeJS.ProcessEnv): string => join(env.XDG_CONFIG_HOME!, 'beeper-setup', 'credentials.json');

/**
 * Saves a token for the environment's base URL as `login` would (folder 0700, file 0600), or with another file
 * mode, set exactly whatever the umask.
 */
export async function saveToken(env: NodeJS.ProcessEnv, token: string, mode = 0o600): Promise<void> {
  const path = credentialsFile(env);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, JSON.stringify({ [env.BEEPER_DESKTOP_BASE_URL!]: token }), { mode });
  await chmod(path, mode);
}

/** A simulator, its control API, and a fresh config folder per test so each starts signed out. */
export async function world() {
  const simulator = await startTestSimulator();
  const folders: string[] = [];
  const secrets = new Set<string>();
  return {
    control: simulator.control,
    /** Every secret the tests saw, to look for in the transcripts. */
    secrets,
    async env(extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
      const config = await mkdtemp(join(tmpdir(), 'beeper-setup-cli-'));
      folders.push(config);
      const { BEEPER_ACCESS_TOKEN: _ignored, ...inherited } = process.env;
      return { ...inherited, XDG_CONFIG_HOME: config, BEEPER_DESKTOP_BASE_URL: simulator.url, NO_COLOR: '1', ...extra };
    },
    /** The latest sign-in code sent to the address. */
    async code(email: string): Promise<string> {
      const code = await simulator.latestSignInCode(email);
      secrets.add(code);
      return code;
    },
    /** Once the CLI says the code is on its way, types the code sent to the address. */
    async typeCode(cli: Running, email: string) {
      await cli.waitFor(/code is on its way/);
      cli.writeLine(await this.code(email));
    },
    /** Runs `login --stdin` for an existing account, answering with the emailed code; then as signedInClient. */
    async signIn(email: string, env: NodeJS.ProcessEnv) {
      const login = startCli(['login', '--email', email, '--stdin'], env);
      await this.typeCode(login, email);
      const { code, stderr } = await login.finished;
      if (code !== 0) throw new Error(`login failed (${code}): ${stderr}`);
      return this.signedInClient(env);
    },
    /** The access token `login` saved, and a client that uses it. */
    async signedInClient(env: NodeJS.ProcessEnv): Promise<{ token: string; client: SetupClient }> {
      const saved = JSON.parse(await readFile(credentialsFile(env), 'utf8')) as Record<string, string>;
      const token = saved[simulator.url]!;
      secrets.add(token);
      return { token, client: createSetupClient({ baseUrl: simulator.url, accessToken: token }) };
    },
    async close() {
      await simulator.close();
      await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
    },
  };
}
