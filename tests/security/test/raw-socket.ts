// Bytes on a socket exactly as given, for what neither fetch nor node:http would send (no Host, a CONNECT, an
// absolute-form target, headers over the limit, garbage), read back into the testing kit's RawResponse.
import { connect } from 'node:net';
import type { RawResponse } from '@beeper-setup/simulator/testing';

export interface RawSocketResponse extends RawResponse {
  /** The status line as sent, such as `HTTP/1.1 400 Bad Request`. */
  statusLine: string;
  /** Everything the server wrote, as received. */
  text: string;
}

/**
 * Writes `bytes` to the server at `baseUrl` and reads its answer until it closes the socket or, given `until`, the
 * text so far matches (send `Connection: close` to a server that would keep the connection open). The socket stays
 * open for writing: Node's server drops a request whose client half-closes before the answer.
 */
export function sendRaw(baseUrl: string, bytes: string, { until }: { until?: RegExp } = {}): Promise<RawSocketResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const finish = () => {
      try {
        resolve(parse(Buffer.concat(chunks)));
      } catch (error) {
        reject(error as Error);
      }
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (!until?.test(Buffer.concat(chunks).toString('utf8'))) return;
      socket.destroy();
      finish();
    });
    socket.on('close', finish);
    socket.on('error', reject);
    socket.write(bytes);
  });
}

/**
 * The first answer's status line, headers and body (JSON, or `undefined` when there is none); a chunked body is
 * joined. An interim answer (1xx, such as `100 Continue`) has no body: what follows it is the next answer.
 */
function parse(answer: Buffer): RawSocketResponse {
  const text = answer.toString('utf8');
  const end = answer.indexOf('\r\n\r\n');
  const [statusLine = '', ...headerLines] = answer.subarray(0, end === -1 ? answer.length : end).toString('utf8').split('\r\n');
  const headers = new Headers();
  for (const line of headerLines) headers.append(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim());
  const status = Number(statusLine.split(' ')[1]);
  const sent = end === -1 || (status >= 100 && status < 200) ? Buffer.alloc(0) : answer.subarray(end + 4);
  const body = (headers.get('transfer-encoding')?.toLowerCase() === 'chunked' ? unchunk(sent) : sent).toString('utf8');
  let parsed: unknown;
  try {
    parsed = body ? JSON.parse(body) : undefined;
  } catch {
    throw new Error(`The answer's body is not JSON:\n${text}`);
  }
  return { status, headers, body: parsed, statusLine, text };
}

/** The bytes of a chunked body, its sizes (in bytes, hexadecimal) and line ends taken out. */
function unchunk(chunked: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = chunked.indexOf('\r\n', at);
    const size = lineEnd === -1 ? 0 : Number.parseInt(chunked.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) return Buffer.concat(parts);
    parts.push(chunked.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
