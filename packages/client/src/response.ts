import type { OperationId } from '@beeper-setup/contract';
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
 * The final answer to `request`; `secrets` is asked only for an error response, the one place a server may echo them.
 * The URL is the response's (after redirects), else the request's: a fetch of one's own may leave it empty.
 */
export function setupResponse(request: Request, response: Response, text: string | null, operation: OperationId | undefined, secrets: () => string[]): SetupResponse {
  const { ok, status, statusText } = response;
  const url = response.url || request.url;
  if (ok) return new SetupResponse(text, response, operation, url);
  const hidden = secrets();
  const headers = new Headers();
  for (const [name, value] of response.headers) if (name !== 'content-length') headers.append(name, redact(value, hidden));
  return new SetupResponse(text && redactText(text, hidden), { status, statusText: redact(statusText, hidden), headers }, operation, url);
}
