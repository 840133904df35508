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
  readonly #url: string;

  constructor(
    text: string | null,
    init: ResponseInit,
    readonly operation: OperationId | undefined,
    url: string,
  ) {
    super(null, init);
    this.#text = text;
    this.#url = url;
  }

  static {
    // Response defines these as accessors; a subclass redefines them the same way.
    Object.defineProperties(this.prototype, {
      url: { get: function (this: SetupResponse) { return this.#url; } },
      body: { get: function (this: SetupResponse) { return this.#whole().body; } },
    });
  }

  /** A plain Response with the kept body, for the readers that need a stream. */
  #whole(): Response {
    return new Response(this.#text, this);
  }

  override text(): Promise<string> {
    return Promise.resolve(this.#text ?? '');
  }

  override json(): Promise<unknown> {
    return this.text().then(JSON.parse);
  }

  override blob(): Promise<Blob> {
    return this.#whole().blob();
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#whole().arrayBuffer();
  }

  override clone(): SetupResponse {
    return new SetupResponse(this.#text, this, this.operation, this.#url);
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
    if (text && !isJson(text)) throw new InvalidResponseError(status, operation);
    return new SetupResponse(text, response, operation, url);
  }
  const hidden = secrets();
  const headers = new Headers();
  for (const [name, value] of response.headers) if (name !== 'content-length') headers.append(name, redact(value, hidden));
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

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
