// The client against a hostile server over real sockets: redirects that would carry a secret elsewhere, and a
// success whose body is not JSON.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidResponseError, RedirectError, createSetupClient } from '@beeper-setup/client';

const code = '493817';
const recoveryKey = 'EsTc 5rr1 4Jhp Uc18 hwCn 2b9T LSvj 5h4T TkP8 bdeK JG2Y URTJ';

/** Everything the other host received. */
const received: string[] = [];
let elsewhere: Server;
let desktop: Server;
let baseUrl: string;

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  elsewhere = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk));
    request.on('end', () => {
      received.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''} ${body}`);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"state":"ready"}');
    });
  });
  const target = await listen(elsewhere);
  const redirects: Record<string, number> = { '/v1/app/setup/response': 307, '/v1/app/setup/verification/recovery-key': 308, '/v1/app/setup/start': 302, '/v1/app/setup': 301 };
  desktop = createServer((request, response) => {
    request.resume();
    const status = redirects[request.url ?? ''];
    if (status) response.writeHead(status, { location: `${target}/capture` }).end();
    else response.writeHead(200, { 'content-type': 'application/json' }).end(`<html>your code is ${code}</html>`);
  });
  baseUrl = await listen(desktop);
});

afterAll(async () => {
  await Promise.all([elsewhere, desktop].map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('the client, against a server that redirects', () => {
  const calls = [
    ['a sign-in code, 307', (client: ReturnType<typeof createSetupClient>) => client.POST('/v1/app/setup/response', { body: { response: code, setupRequestID: 'sr_1' } })],
    ['a recovery key, 308', (client: ReturnType<typeof createSetupClient>) => client.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey } })],
    ['a POST that a 302 would turn into a GET', (client: ReturnType<typeof createSetupClient>) => client.POST('/v1/app/setup/start')],
    ['a GET with the token, 301 to another origin', (client: ReturnType<typeof createSetupClient>) => client.GET('/v1/app/setup')],
  ] as const;

  it.each(calls)('never sends %s on to the other host', async (_, call) => {
    const client = createSetupClient({ baseUrl, accessToken: 'syt_secret_token', maxRetries: 0 });
    const error = await call(client).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/capture$/);
    expect(received).toEqual([]);
  });
});

it('a success whose body is not JSON fails typed, with no part of the body in the error', async () => {
  const client = createSetupClient({ baseUrl, maxRetries: 0 });
  const error = await client.POST('/v1/app/setup/email', { body: { email: 'alice@example.com', setupRequestID: 'sr_1' } }).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(InvalidResponseError);
  expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toMatch(new RegExp(`html|${code}`));
});

it('refuses a token that would break a header when the client is made, without quoting it', () => {
  expect(() => createSetupClient({ baseUrl, accessToken: 'syt_secret\r\nx-evil: 1' })).toThrow(new TypeError('accessToken is not a valid bearer token'));
});
