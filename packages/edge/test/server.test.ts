// The edge inside a Node server: Expect: 100-continue, the body read to the limit, problem answers, the options.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import { requestLimits } from '@beeper-setup/contract';
import { validateResponse } from '@beeper-setup/validator';
import { problem, problemAnswer, refusedRequest, refusedRoute } from '../src/index.js';
import { continueIfItFits, readBody, sendProblem, serverOptions } from '../src/node.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Answers every request by `handler` on a loopback server with the edge's options and `continueIfItFits`. */
async function serve(handler: RequestListener, refused: IncomingMessage[] = []): Promise<string> {
  server = createServer(serverOptions, handler);
  server.on('checkContinue', continueIfItFits(handler, { extraHeaders: { 'X-Frame-Options': 'DENY' }, onRefused: (request) => refused.push(request) }));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The raw answer to raw request bytes; the client sends nothing more and waits for the server to close. */
async function rawAnswer(address: string, request: string): Promise<string> {
  const [host, port] = address.split(':');
  const socket = connect(Number(port), host);
  socket.write(request);
  return text(socket);
}

/** Reads the body and answers its size, or the 413. */
const sizeOrProblem: RequestListener = (request, response) => {
  void readBody(request).then((body) => {
    if (body === 'too-large') return sendProblem(response, problem('payload_too_large', 'Too large.'));
    const size = String(body.length);
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': size.length }).end(size);
  });
};

describe('continueIfItFits', () => {
  it('answers 413 at once, with the extra headers, when the announced body is over the limit', async () => {
    const refused: IncomingMessage[] = [];
    const address = await serve(sizeOrProblem, refused);
    const length = requestLimits.maxBodyBytes + 1;
    const answer = await rawAnswer(address, `POST / HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: ${length}\r\nexpect: 100-continue\r\n\r\n`);
    expect(answer).not.toContain('100 Continue');
    expect(answer).toMatch(/^HTTP\/1\.1 413 Payload Too Large\r\n/);
    expect(answer).toMatch(/\r\nx-frame-options: DENY\r\n/);
    expect(answer).toMatch(/\r\nconnection: close\r\n/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      type: 'urn:beeper:setup:problem:payload_too_large',
      title: 'Payload too large',
      status: 413,
      detail: `The request body is larger than ${requestLimits.maxBodyBytes / 1024} KiB.`,
      code: 'payload_too_large',
    });
    expect(refused).toHaveLength(1);
  });

  it('asks for a body that fits and hands the request on', async () => {
    const address = await serve(sizeOrProblem);
    const answer = await rawAnswer(address, 'POST / HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\ncontent-length: 2\r\nexpect: 100-continue\r\n\r\n{}');
    expect(answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
    expect(answer.endsWith('\r\n\r\n2')).toBe(true);
  });
});

describe('readBody', () => {
  const post = (address: string, body: string) => fetch(`http://${address}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('gives a body up to the limit whole', async () => {
    const address = await serve(sizeOrProblem);
    const response = await post(address, 'x'.repeat(requestLimits.maxBodyBytes));
    expect([response.status, await response.text()]).toEqual([200, String(requestLimits.maxBodyBytes)]);
  });

  it('reads a body over the limit to its end, so the client hears the 413', async () => {
    const address = await serve(sizeOrProblem);
    const response = await post(address, 'x'.repeat(4 * requestLimits.maxBodyBytes));
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
  });

  it('rejects when the client goes away mid-body', async () => {
    let reading: Promise<unknown> | undefined;
    const received = new Promise<void>((resolve) => {
      server = createServer(serverOptions, (request) => {
        reading = readBody(request);
        resolve();
      });
    });
    server!.listen(0, '127.0.0.1');
    await once(server!, 'listening');
    const socket = connect((server!.address() as AddressInfo).port, '127.0.0.1');
    socket.write('POST / HTTP/1.1\r\nhost: localhost\r\ncontent-length: 100\r\n\r\n{"partial":');
    await received;
    socket.destroy();
    await expect(reading).rejects.toThrow();
  });
});

describe('sendProblem', () => {
  /** One answer of `send` to a plain GET. */
  async function answerOf(send: (response: ServerResponse) => void) {
    const address = await serve((_, response) => send(response));
    const response = await fetch(`http://${address}/`);
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  it('sends a problem with the contract headers for its code and closes the connection', async () => {
    const answer = await answerOf((response) => sendProblem(response, problem('unauthorized', 'Sign in.'), { 'Cache-Control': 'no-store', 'content-type': 'text/html' }));
    expect(answer.status).toBe(401);
    expect(Object.fromEntries(answer.headers)).toMatchObject({
      'content-type': 'application/problem+json',
      'www-authenticate': 'Bearer',
      'cache-control': 'no-store',
      connection: 'close',
    });
    expect(validateResponse('getSetupState', answer)).toEqual({ valid: true });
  });

  it('sends the headers of a problem answer, such as Retry-After or Allow', async () => {
    const unavailable = await answerOf((response) => sendProblem(response, problemAnswer(problem('service_unavailable', 'Soon.'), { retryAfterSeconds: 5 })));
    expect([unavailable.status, unavailable.headers.get('retry-after'), unavailable.body.code]).toEqual([503, '5', 'service_unavailable']);
    const wrongMethod = await answerOf((response) => sendProblem(response, refusedRoute({ allowedMethods: ['GET', 'HEAD'] })));
    expect([wrongMethod.status, wrongMethod.headers.get('allow'), wrongMethod.body.code]).toEqual([405, 'GET, HEAD', 'method_not_allowed']);
  });

  it('cuts off a response whose head was already sent', async () => {
    const address = await serve((_, response) => {
      response.writeHead(200, { 'content-length': '10' });
      response.write('12345');
      sendProblem(response, problem('internal_error', 'Failed.'));
    });
    await expect(fetch(`http://${address}/`).then((response) => response.text())).rejects.toThrow();
  });
});

describe('serverOptions', () => {
  it('lets a request without Host reach the handler, which answers with the edge problem', async () => {
    const address = await serve((request, response) => sendProblem(response, refusedRequest(request.headers) ?? problem('internal_error', 'Not refused.')));
    const answer = await rawAnswer(address, 'GET / HTTP/1.1\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('"detail":"The request has no Host header."');
  });
});
