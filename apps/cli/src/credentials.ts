import { constants } from 'node:fs';
import { access, mkdir, open, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError, UsageError } from './failures.js';

/**
 * Access tokens saved by `login`, one per server, in $XDG_CONFIG_HOME/beeper-setup/credentials.json
 * (mode 0600). They are never printed.
 */
export interface Credentials {
  token(baseUrl: string): Promise<string | undefined>;
  save(baseUrl: string, token: string): Promise<void>;
  forget(baseUrl: string): Promise<void>;
  /** Creates the folder if need be, and fails, saying what to do, when a token could not be saved there. */
  ensureWritable(): Promise<void>;
}

const whyNotWritable: Record<string, string> = {
  ENOTDIR: 'part of that path is a file, not a folder',
  EEXIST: 'a file is in the way',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/** Nothing saved yet: no file, or no folder where one is expected. */
const absent = new Set(['ENOENT', 'ENOTDIR']);

export function credentialsStore(env: NodeJS.ProcessEnv): Credentials {
  const path = join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'beeper-setup', 'credentials.json');
  const folder = dirname(path);

  async function load(): Promise<Record<string, string>> {
    let text: string;
    try {
      // One open file for the check and the read, so the file checked is the file read.
      const file = await open(path, 'r');
      try {
        const stats = await file.stat();
        if (!stats.isFile()) throw notOurs();
        refuseIfOthersCanAccess(stats.mode);
        text = await file.readFile('utf8');
      } finally {
        await file.close();
      }
    } catch (error) {
      if (error instanceof CliError) throw error;
      if (absent.has((error as NodeJS.ErrnoException).code ?? '')) return {};
      throw new CliError(`Cannot read ${path}: ${(error as Error).message}`);
    }
    try {
      const tokens = JSON.parse(text) as unknown;
      if (tokens && typeof tokens === 'object' && !Array.isArray(tokens)) return tokens as Record<string, string>;
    } catch {
      // reported below
    }
    throw notOurs();
  }

  function notOurs(): CliError {
    return new CliError(`${path} is not a credentials file this tool wrote. Move it away and run \`beeper-setup login\` again.`);
  }

  // As ssh does with a private key, a file others can read is not used: its tokens may be theirs already. Refused
  // rather than warned about, since a warning scrolls by unread in scripts while the token stays exposed.
  function refuseIfOthersCanAccess(mode: number): void {
    if (process.platform === 'win32' || (mode & 0o077) === 0) return;
    throw new UsageError(
      `${path} can be read or changed by other users (mode ${(mode & 0o777).toString(8)}), so it is not used. ` +
        `Run \`chmod 600 ${path}\`; if others may have read it, sign in again with \`beeper-setup login\` and sign out the old session from another device.`,
    );
  }

  async function store(tokens: Record<string, string>): Promise<void> {
    await ensureWritable();
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, path);
    } catch (error) {
      throw cannotSave(error);
    }
  }

  async function ensureWritable(): Promise<void> {
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await access(folder, constants.W_OK);
    } catch (error) {
      throw cannotSave(error);
    }
  }

  function cannotSave(error: unknown): UsageError {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return new UsageError(
      `Cannot save the access token in ${folder}: ${whyNotWritable[code] ?? code}. ` +
        'Make that a folder you can write to, or set $XDG_CONFIG_HOME to one (or pass the token in $BEEPER_ACCESS_TOKEN).',
    );
  }

  return {
    async token(baseUrl) {
      return (await load())[baseUrl];
    },
    async save(baseUrl, token) {
      await store({ ...(await load()), [baseUrl]: token });
    },
    async forget(baseUrl) {
      const { [baseUrl]: forgotten, ...others } = await load();
      if (forgotten !== undefined) await store(others);
    },
    ensureWritable,
  };
}
