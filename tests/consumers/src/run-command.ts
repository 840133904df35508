import { execFile } from 'node:child_process';

export interface CommandResult {
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Runs a program to its end; a non-zero exit throws with `what` and everything the program printed. */
export function runCommand(what: string, file: string, args: string[], { cwd, env, timeoutMs = 120_000 }: CommandOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, env: env ?? process.env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${what} failed (${file} ${args.join(' ')}, exit ${error.code ?? error.signal}):\n${stderr}${stdout}`));
      else resolve({ stdout, stderr });
    });
  });
}
