import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { Duplex } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import { validateSchema } from '@beeper-setup/validator';
import { answerClientError, refuseConnect, serverOptions } from '../src/node.js';

const extraHeaders = { 'X-Frame-Options': 'DENY', 'Content-Type': 'text/html', connection: 'keep-alive' };

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A loopback server that answers Node's rejections with the module, and the raw bytes it sends for `request`. */
async function answerFor(request: string): Promise<{ statusLine: string; headers: Record<string, string>; body: unknown; answered: boolean[] }> {
  const answered: boolean[] = [];
  server = createServer(serverOptions, (_, response) => response.end());
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answered.push(answerClientError(error, socket, extraHeaders)));
  server.on('connect', (_, socket: Duplex) => answered.push(refuseConnect(socket, extraHeaders)));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
  client.end(request);
  const raw = await text(client);
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
  expect(headers['content-length']).toBe(String(Buffer.byteLength(body)));
  return { statusLine, headers, body: JSON.parse(body), answered };
}

/** A socket that keeps what is written to it. */
function fakeSocket(): { socket: Duplex; written: () => string } {
  const chunks: Buffer[] = [];
  const socket = new Duplex({
    read() {},
    write(chunk: Buffer, _, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { socket, written: () => Buffer.concat(chunks).toString() };
}

const parserError = (code: string) => Object.assign(new Error(`Parse Error: ${code}`), { code });

describe('answerClientError', () => {
  it.each([
    ['bytes that are not HTTP', '\u0000\u00ff\u0013 not HTTP at all\r\n\r\n', 'The request is not valid HTTP.'],
    ['a header without a colon', 'GET / HTTP/1.1\r\nhost x\r\n\r\n', 'The request is not valid HTTP.'],
    ['headers over 16 KiB', `GET / HTTP/1.1\r\nhost: localhost\r\nx-big: ${'a'.repeat(17 * 1024)}\r\n\r\n`, 'The request headers are larger than 16 KiB.'],
  ])('answers %s with a 400 invalid_request problem, the contract headers and the extra ones, and closes', async (_, request, detail) => {
    const { statusLine, headers, body, answered } = await answerFor(request);
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(headers).toEqual({
      'x-frame-options': 'DENY',
      'content-type': 'application/problem+json',
      'content-length': expect.any(String),
      connection: 'close',
    });
    expect(validateSchema('Problem', body)).toEqual({ valid: true });
    expect(body).toEqual({ type: 'urn:beeper:setup:problem:invalid_request', title: expect.any(String), status: 400, detail, code: 'invalid_request' });
    expect(answered).toEqual([true]);
  });

  it.each(['ECONNRESET', 'ERR_HTTP_REQUEST_TIMEOUT', 'HPE_INVALID_EOF_STATE', undefined])('does not answer %s: it destroys the socket', (code) => {
    const { socket, written } = fakeSocket();
    expect(answerClientError(Object.assign(new Error('gone'), { code }), socket)).toBe(false);
    expect(socket.destroyed).toBe(true);
    expect(written()).toBe('');
  });

  it('destroys a socket that can no longer be written instead of answering', () => {
    const { socket, written } = fakeSocket();
    socket.end();
    expect(answerClientError(parserError('HPE_INVALID_METHOD'), socket)).toBe(false);
    expect(socket.destroyed).toBe(true);
    expect(written()).toBe('');
  });

  it('answers a parser error on a writable socket without extra headers', async () => {
    const { socket, written } = fakeSocket();
    expect(answerClientError(parserError('HPE_INVALID_METHOD'), socket)).toBe(true);
    await once(socket, 'finish');
    expect(written()).toMatch(/^HTTP\/1\.1 400 Bad Request\r\ncontent-type: application\/problem\+json\r\ncontent-length: \d+\r\nconnection: close\r\n\r\n\{/);
  });
});

describe('refuseConnect', () => {
  it('answers a CONNECT with a 400 invalid_request problem instead of a tunnel', async () => {
    const { statusLine, headers, body, answered } = await answerFor('CONNECT evil.example:443 HTTP/1.1\r\nhost: evil.example:443\r\n\r\n');
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(headers).toMatchObject({ 'x-frame-options': 'DENY', 'content-type': 'application/problem+json', connection: 'close' });
    expect(body).toMatchObject({ status: 400, code: 'invalid_request', detail: 'This server is not a proxy: CONNECT is not supported.' });
    expect(answered).toEqual([true]);
  });

  it('destroys a socket that can no longer be written', () => {
    const { socket } = fakeSocket();
    socket.end();
    expect(refuseConnect(socket)).toBe(false);
    expect(socket.destroyed).toBe(true);
  });
});
