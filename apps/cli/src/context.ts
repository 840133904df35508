import { createSetupClient, type SetupClient } from '@beeper-setup/client';
import { credentialsStore, type Credentials } from './credentials.js';
import { createInput, type Input } from './input.js';
import { createOutput, type Output } from './output.js';

export interface GlobalOptions {
  baseUrl?: string;
  stdin?: boolean;
  debug?: boolean;
  waitTimeout?: number;
}

/** Everything a command needs: the client, where answers come from, where messages go, the saved sign-in. */
export interface Context {
  readonly client: SetupClient;
  readonly baseUrl: string;
  readonly input: Input;
  readonly output: Output;
  readonly waitTimeoutMs: number;
  /** Uses the account's access token from now on, and saves it for the next runs. */
  signedIn(accessToken: string): Promise<void>;
  /** Stops using a token the server no longer accepts and, unless $BEEPER_ACCESS_TOKEN gave it, deletes it from the saved ones. */
  forgetToken(): Promise<void>;
  readonly hasToken: boolean;
}

export async function createContext(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): Promise<Context> {
  const input = createInput({ fromStdin: Boolean(options.stdin) });
  const output = createOutput({ styled: input.interactive && Boolean(process.stdout.isTTY) });
  const client = createSetupClient({
    baseUrl: options.baseUrl,
    logger: options.debug ? { debug: (line) => process.stderr.write(`[debug] ${line}\n`) } : undefined,
  });
  const credentials: Credentials = credentialsStore(env);
  let token = env.BEEPER_ACCESS_TOKEN || (await credentials.token(client.baseUrl));
  client.setAccessToken(() => token);
  return {
    client,
    baseUrl: client.baseUrl,
    input,
    output,
    waitTimeoutMs: (options.waitTimeout ?? 300) * 1000,
    async signedIn(accessToken) {
      token = accessToken;
      await credentials.save(client.baseUrl, accessToken);
    },
    async forgetToken() {
      if (token !== env.BEEPER_ACCESS_TOKEN) await credentials.forget(client.baseUrl);
      token = undefined;
    },
    get hasToken() {
      return Boolean(token);
    },
  };
}
