import { createSetupClient, defaultBaseUrl, type SetupClient, type SetupClientOptions } from '@beeper-setup/client';
import { credentialsStore, type Credentials } from './credentials.js';
import { UsageError } from './failures.js';
import { createInput, type Input } from './input.js';
import { createOutput, printError, type Output } from './output.js';

export interface GlobalOptions {
  baseUrl?: string;
  stdin?: boolean;
  debug?: boolean;
  waitTimeout?: number;
  requestTimeout?: number;
}

/** Everything a command needs: the client, where answers come from, where messages go, the saved sign-in. */
export interface Context {
  readonly client: SetupClient;
  readonly baseUrl: string;
  readonly input: Input;
  readonly output: Output;
  readonly waitTimeoutMs: number;
  /** How long each request may take, retries included. */
  readonly requestTimeoutMs: number;
  /** Uses the account's access token from now on, and saves it for the next runs. */
  signedIn(accessToken: string): Promise<void>;
  /** Stops using a token the server no longer accepts and, unless $BEEPER_ACCESS_TOKEN gave it, deletes it from the saved ones. */
  forgetToken(): Promise<void>;
  /** Fails now, before anything is sent, when a token from sign-in could not be saved. */
  ensureTokenCanBeSaved(): Promise<void>;
  readonly hasToken: boolean;
}

export async function createContext(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): Promise<Context> {
  const fromEnvironment = env.BEEPER_ACCESS_TOKEN || undefined;
  const requestTimeoutMs = (options.requestTimeout ?? 30) * 1000;
  const client = configuredClient(
    {
      baseUrl: options.baseUrl ?? env.BEEPER_DESKTOP_BASE_URL ?? defaultBaseUrl,
      accessToken: fromEnvironment,
      // One deadline for each call, its retries included, so that "did not answer within 30 s" means 30 s; each
      // attempt may take what is left of it.
      deadlineMs: requestTimeoutMs,
      timeoutMs: requestTimeoutMs,
      logger: options.debug ? { debug: (line) => printError(`[debug] ${line}`) } : undefined,
    },
    { baseUrl: options.baseUrl !== undefined ? '--base-url' : '$BEEPER_DESKTOP_BASE_URL', accessToken: '$BEEPER_ACCESS_TOKEN' },
  );
  const credentials: Credentials = credentialsStore(env);
  let token = fromEnvironment ?? checkedSavedToken(client, await credentials.token(client.baseUrl));
  client.setAccessToken(() => token);
  // Last: once it reads standard input, the process lives until the command closes it.
  const input = createInput({ fromStdin: Boolean(options.stdin) });
  const output = createOutput({ styled: input.interactive && Boolean(process.stdout.isTTY) });
  return {
    client,
    baseUrl: client.baseUrl,
    input,
    output,
    waitTimeoutMs: (options.waitTimeout ?? 300) * 1000,
    requestTimeoutMs,
    async signedIn(accessToken) {
      token = accessToken;
      await credentials.save(client.baseUrl, accessToken);
    },
    async forgetToken() {
      if (token !== fromEnvironment) await credentials.forget(client.baseUrl);
      token = undefined;
    },
    ensureTokenCanBeSaved: () => credentials.ensureWritable(),
    get hasToken() {
      return Boolean(token);
    },
  };
}

/**
 * A saved token the client can send, or a usage error that says so without quoting it: the client checks a token given
 * as a string at once, and one from a function only when a request needs it, too late to say where it came from.
 */
function checkedSavedToken(client: SetupClient, saved: string | undefined): string | undefined {
  try {
    client.setAccessToken(saved);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new UsageError(`The access token saved for ${client.baseUrl} is not a valid bearer token. Run \`beeper-setup login\` to replace it.`);
  }
  return saved;
}

/**
 * The client, or a usage error naming the flag or variable that gave a bad option. The client names the option
 * and never quotes its value (a base URL may hold a password); this says where the person set it.
 */
function configuredClient(options: SetupClientOptions, sourceOf: Record<'baseUrl' | 'accessToken', string>): SetupClient {
  try {
    return createSetupClient(options);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const option = (Object.keys(sourceOf) as (keyof typeof sourceOf)[]).find((name) => error.message.startsWith(`${name} `));
    const message = option ? `${sourceOf[option]}${error.message.slice(option.length)}` : error.message;
    throw new UsageError(message.replace(/\.?$/, '.'));
  }
}
