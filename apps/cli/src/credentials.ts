import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { access, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
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

/** File owners and modes mean nothing on Windows. */
const checksOwners = process.platform !== 'win32';

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
        await refuseUnsafeFolder();
        refuseIfOthersCanAccess(stats);
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
  // rather than warned about, since a warning scrolls by unread in scripts while the token stays exposed. A file
  // of another user's is refused even with mode 600: its token is one that user chose (a root run would use it).
  function refuseIfOthersCanAccess({ mode, uid }: Stats): void {
    if (!checksOwners) return;
    if (uid !== process.getuid!()) {
      throw new UsageError(`${path} belongs to another user (uid ${uid}), so it is not used. Move it away and run \`beeper-setup login\` again.`);
    }
    if ((mode & 0o077) === 0) return;
    throw new UsageError(
      `${path} can be read or changed by other users (mode ${(mode & 0o777).toString(8)}), so it is not used. ` +
        `Run \`chmod 600 ${path}\`; if others may have read it, sign in again with \`beeper-setup login\` and sign out the old session from another device.`,
    );
  }

  // As ssh does with ~/.ssh: in a folder that another user owns or may write to, that user can swap the credentials
  // file for one of their own, or read the token on its way in.
  async function refuseUnsafeFolder(): Promise<void> {
    if (!checksOwners) return;
    const { mode, uid } = await stat(folder);
    if (uid !== process.getuid!()) {
      throw new UsageError(`${folder} belongs to another user (uid ${uid}), so no token is kept there. Set $XDG_CONFIG_HOME to a folder of your own.`);
    }
    if ((mode & 0o022) !== 0) {
      throw new UsageError(
        `${folder} can be changed by other users (mode ${(mode & 0o777).toString(8)}), so no token is kept there. Run \`chmod 700 ${folder}\`.`,
      );
    }
  }

  /**
   * Writes the file whole or not at all: a new file of a random name, created only if nothing is there (`wx`: no
   * file or link planted under that name is followed or reused), then renamed over the old one.
   */
  async function store(tokens: Record<string, string>): Promise<void> {
    await ensureWritable();
    const temporary = `${path}.${randomBytes(8).toString('hex')}.tmp`;
    try {
      const file = await open(temporary, 'wx', 0o600);
      try {
        await file.writeFile(`${JSON.stringify(tokens, null, 2)}\n`);
      } finally {
        await file.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => {});
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
    await refuseUnsafeFolder();
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
