import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError } from './failures.js';

/**
 * Access tokens saved by `login`, one per server, in $XDG_CONFIG_HOME/beeper-setup/credentials.json
 * (mode 0600). They are never printed.
 */
export interface Credentials {
  token(baseUrl: string): Promise<string | undefined>;
  save(baseUrl: string, token: string): Promise<void>;
  forget(baseUrl: string): Promise<void>;
}

export function credentialsStore(env: NodeJS.ProcessEnv): Credentials {
  const path = join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'beeper-setup', 'credentials.json');

  async function load(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new CliError(`Cannot read ${path}: ${(error as Error).message}`);
    }
    try {
      const tokens = JSON.parse(text) as unknown;
      if (tokens && typeof tokens === 'object' && !Array.isArray(tokens)) return tokens as Record<string, string>;
    } catch {
      // reported below
    }
    throw new CliError(`${path} is not a credentials file this tool wrote. Move it away and run \`beeper-setup login\` again.`);
  }

  async function store(tokens: Record<string, string>): Promise<void> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, path);
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
  };
}
