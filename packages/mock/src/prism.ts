import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const prismPackage = require.resolve('@stoplight/prism-cli/package.json');
const prismBin = join(dirname(prismPackage), (require(prismPackage) as { bin: { prism: string } }).bin.prism);
const contractPath = require.resolve('@beeper-setup/contract/openapi.json');

export interface PrismOptions {
  /** Proxy to this server and validate its traffic against the contract, instead of mocking. */
  upstream?: string | undefined;
  /**
   * In proxy mode, false passes requests that break the contract on to the upstream (whose answers are still
   * validated), to prove how it rejects them. Default true: Prism answers them itself.
   */
  validateRequests?: boolean | undefined;
  host?: string | undefined;
  /** 0 picks a free port. */
  port?: number | undefined;
  /** Receives each line Prism prints once it listens (its request log); its start-up lines name an internal port. */
  onLog?: ((line: string) => void) | undefined;
  startTimeoutMs?: number | undefined;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface RunningPrism extends RunningServer {
  /** Settles when the Prism process ends, whether closed or killed. */
  exited: Promise<void>;
}

const listening = /Prism is listening on (http:\/\/\S+)/;

/** Starts Prism with `--errors` (a contract violation becomes an error response) and resolves once it listens. */
export async function startPrism({ upstream, validateRequests = true, host = '127.0.0.1', port = 0, onLog, startTimeoutMs = 60_000 }: PrismOptions = {}): Promise<RunningPrism> {
  const mode = upstream ? ['proxy', contractPath, upstream, `--validate-request=${validateRequests}`] : ['mock', contractPath];
  // Prism answers every origin with CORS headers by default; the contract declares no CORS, so neither does the mock.
  const child = spawn(process.execPath, [prismBin, ...mode, '--host', host, '--port', String(port), '--errors', '--cors=false'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const stop = () => child.kill('SIGKILL');
  process.once('exit', stop);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      process.off('exit', stop);
      resolve();
    });
  });

  const recent: string[] = [];
  let isListening = false;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Prism did not start within ${startTimeoutMs} ms`)), startTimeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${recent.join('\n')}`));
    };
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        if (isListening) {
          onLog?.(line);
          continue;
        }
        recent.push(line);
        if (recent.length > 20) recent.shift();
        const match = listening.exec(line);
        if (match?.[1]) {
          isListening = true;
          clearTimeout(timer);
          resolve(match[1]);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`Prism exited (${signal ?? `code ${code}`}) before listening`)));
  });

  return {
    url,
    exited,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const forceKill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(forceKill);
    },
  };
}
