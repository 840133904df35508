import type { OperationId } from '@beeper-setup/contract';
import { InvalidResponseError, RedirectError } from './errors.js';
import { redact, redactText } from './redact.js';

/**
 * The `response` of every result of this client. Its body was read in full within the attempt's timeout, and is
 * kept: `text()`, `json()`, `arrayBuffer()`, `blob()` and `body` answer from it, as often as asked, with no second
 * read of a stream. It knows the contract operation it answers, and an error response holds no secret that the
 * request carried, in its body, headers or status text.
 */
export class SetupResponse extends Response {
  readonly #text: string | null;
  /** A success body, parsed once to check it, until the first `json()` (openapi-fetch's) takes it. */
  #parsed: unknown;

  constructor(
    text: string | null,
    init: ResponseInit,
    readonly operation: OperationId | undefined,
    override readonly url: string,
    parsed?: unknown,
  ) {
    super(null, init);
    this.#text = text;
    this.#parsed = parsed;
  }

  /** A fresh stream of the kept body on each read. */
  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    return this.#whole().body;
  }

  /** A plain Response with the kept body, for the readers that need a stream. */
  #whole(): Response {
    return new Response(this.#text, this);
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#text ?? '');
  }

  override json(): Promise<unknown> {
    const parsed = this.#parsed;
    this.#parsed = undefined;
    return parsed === undefined ? this.text().then(JSON.parse) : Promise.resolve(parsed);
  }

  override blob(): Promise<Blob> {
    return this.#whole().blob();
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#whole().arrayBuffer();
  }

  override clone(): SetupResponse {
    return new SetupResponse(this.#text, this, this.operation, this.url);
  }
}

/**
 * The final answer to `request`, or the typed error for an answer the contract never gives: a redirect, which is not
 * followed, or a success whose body is not JSON. `secrets` is asked only where a server could echo them back.
 * The URL is the response's (after redirects), else the request's: a fetch of one's own may leave it empty.
 */
export function setupResponse(request: Request, response: Response, text: string | null, operation: OperationId | undefined, secrets: () => RegExp | undefined): SetupResponse {
  const { ok, status, statusText } = response;
  if (response.type === 'opaqueredirect' || /^30[12378]$/.test(String(status))) throw new RedirectError(locationOf(response, request, secrets()), operation);
  const url = response.url || request.url;
  if (ok) {
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new InvalidResponseError(status, operation);
    }
    const success = new SetupResponse(text, response, operation, url, parsed);
    // openapi-fetch parses a body of unknown length itself, from text(); given its length (the kept body's, which
    // a compressed one's header does not tell), it asks json(), which hands over the value parsed here.
    if (text) success.headers.set('content-length', String(/[^\x00-\x7f]/.test(text) ? new TextEncoder().encode(text).length : text.length));
    return success;
  }
  const hidden = secrets();
  // A value is redacted; a header whose name is a secret is left out (a name cannot hold the mark).
  const headers = [...response.headers].filter(([name]) => name !== 'content-length' && redact(name, hidden) === name).map(([name, value]) => [name, redact(value, hidden)] as [string, string]);
  return new SetupResponse(text && redactText(text, hidden), { status, statusText: redact(statusText, hidden), headers }, operation, url);
}

/** Where a redirect points, absolute, without user name or password, and without any secret of the request. */
function locationOf(response: Response, request: Request, secrets: RegExp | undefined): string | undefined {
  const location = response.headers.get('location');
  if (location === null || !URL.canParse(location, request.url)) return undefined;
  const target = new URL(location, request.url);
  target.username = target.password = '';
  return redact(target.href, secrets);
}
