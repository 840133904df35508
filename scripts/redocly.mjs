// Runs the Redocly CLI with the project's redocly.yaml, quietly: its output is returned, not printed.
import { execFile } from 'node:child_process';
import { installedCommand, root } from './paths.mjs';

const bin = installedCommand('redocly');
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

/** Resolves with { code, stdout, stderr }; never rejects on a non-zero exit. */
export function redocly(args) {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { cwd: root, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}
