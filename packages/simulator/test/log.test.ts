import { once } from 'node:events';
import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { aliceRecoveryKey } from '../src/index.js';
import { rawRequest, simulatorForTest } from './driver.js';

const requestLine = /^(GET|POST|PUT|DELETE) (\/[\w/{}-]*|\(no route\)) \d{3} \d+\.\d ms$/;

it('writes one line per request: method, route template, status and duration', async () => {
  const lines: string[] = [];
  const simulator = await simulatorForTest({ log: (line) => lines.push(line) });
  await rawRequest(simulator.url, 'GET', '/v1/app/setup');
  await rawRequest(simulator.url, 'POST', '/v1/app/setup/verifications/vrf_01JBX3Q4Z8/accept');
  await rawRequest(simulator.url, 'GET', '/v1/app/setup/nope?token=x');
  await rawRequest(simulator.url, 'GET', '/_sim/outbox?email=alice%40example.com', { accessToken: simulator.controlToken });
  expect(lines).toEqual([
    expect.stringMatching(/^GET \/v1\/app\/setup 200 \d+\.\d ms$/),
    expect.stringMatching(/^POST \/v1\/app\/setup\/verifications\/\{verificationID\}\/accept 401 \d+\.\d ms$/),
    expect.stringMatching(/^GET \(no route\) 404 \d+\.\d ms$/),
    expect.stringMatching(/^GET \/_sim\/outbox 200 \d+\.\d ms$/),
  ]);
});

it('never writes a token, sign-in code, lead token, recovery key or QR code, nor puts one in an error', async () => {
  const lines: string[] = [];
  const simulator = await simulatorForTest({ log: (line) => lines.push(line) });
  const secrets: string[] = [aliceRecoveryKey, simulator.controlToken];
  const errorBodies: string[] = [];
  const keep = (response: { error?: unknown }) => response.error !== undefined && errorBodies.push(JSON.stringify(response.error));

  const alice = await simulator.signIn('alice@example.com');
  secrets.push(alice.accessToken);
  const wrongKey = aliceRecoveryKey.replace('EsTc', 'EsTd');
  secrets.push(wrongKey);
  keep(await alice.api.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: wrongKey } }));
  await alice.api.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey: aliceRecoveryKey } });

  const { setupRequestID, code } = await simulator.requestCode('new.user@example.com');
  const wrongCode = code === '000000' ? '000001' : '000000';
  secrets.push(code, wrongCode);
  keep(await simulator.api.POST('/v1/app/setup/response', { body: { response: wrongCode, setupRequestID } }));
  const { data } = await simulator.api.POST('/v1/app/setup/response', { body: { response: code, setupRequestID } });
  const { leadToken } = data as { leadToken: string };
  secrets.push(leadToken, 'lt_wrong-lead-token');
  keep(await simulator.api.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken: 'lt_wrong-lead-token', setupRequestID, username: 'newuser' } }));
  const registered = await simulator.api.POST('/v1/app/setup/register', { body: { acceptTerms: true, leadToken, setupRequestID, username: 'newuser' } });
  secrets.push(registered.data!.matrix.accessToken);

  const newUser = await simulator.signIn('new.user@example.com');
  secrets.push(newUser.accessToken);
  const { data: reset } = await newUser.api.POST('/v1/app/setup/verification/recovery-key/reset', { body: {} });
  secrets.push(reset!.recoveryKey);
  keep(await newUser.api.POST('/v1/app/setup/verification/recovery-key/reset/confirm', { body: { recoveryKey: wrongKey } }));
  await newUser.api.POST('/v1/app/setup/verification/recovery-key/reset/confirm', { body: { recoveryKey: reset!.recoveryKey } });

  const bob = await simulator.signIn('bob@example.com');
  const verificationID = await simulator.control.otherDevice.requestVerification(bob.deviceID);
  await bob.api.POST('/v1/app/setup/verifications/{verificationID}/accept', { params: { path: { verificationID } } });
  secrets.push(await simulator.control.otherDevice.qrCode(bob.deviceID, verificationID));

  // Secrets where no secret belongs: in the path, in a control API path parameter, in the query, as an unknown
  // token. Every answer is checked, not only the log lines.
  const unknownToken = 'syt_not-a-real-token';
  secrets.push(unknownToken);
  const control = { accessToken: simulator.controlToken };
  const misplaced = [
    await rawRequest(simulator.url, 'GET', `/v1/app/setup/${alice.accessToken}`),
    await rawRequest(simulator.url, 'GET', `/v1/app/setup/verifications/${leadToken}`, { accessToken: alice.accessToken }),
    await rawRequest(simulator.url, 'POST', `/_sim/sessions/${alice.accessToken}/other-device`, { ...control, body: '{"sharesSecrets":false}' }),
    await rawRequest(simulator.url, 'GET', `/_sim/sessions/${bob.deviceID}/verifications/${leadToken}/qr`, control),
    // Filtered to an address that was sent nothing, so that the outbox itself holds no code.
    await rawRequest(simulator.url, 'GET', `/_sim/outbox?email=nobody%40example.com&code=${code}`, control),
    await rawRequest(simulator.url, 'GET', '/v1/app/setup', { accessToken: unknownToken }),
  ];
  expect(misplaced.map(({ status, body }) => [status, body?.code ?? body])).toEqual([
    [404, 'not_found'],
    [404, 'verification_not_found'],
    [404, 'not_found'],
    [404, 'verification_not_found'],
    [200, { messages: [] }],
    [401, 'unauthorized'],
  ]);
  for (const { body } of misplaced) errorBodies.push(JSON.stringify(body));

  expect(lines.length).toBeGreaterThan(20);
  for (const line of lines) expect(line).toMatch(requestLine);
  const written = [...lines, ...errorBodies];
  for (const secret of secrets.flatMap((secret) => [secret, secret.replaceAll(' ', '')])) {
    for (const text of written) expect(text).not.toContain(secret);
  }
});

it('logs a request the client abandoned mid-body as aborted, not as an error', async () => {
  const lines: string[] = [];
  const simulator = await simulatorForTest({ log: (line) => lines.push(line) });
  const socket = connect(Number(new URL(simulator.url).port), '127.0.0.1');
  await once(socket, 'connect');
  const partial = 'POST /v1/app/setup/email HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"email":';
  await new Promise((written) => socket.write(partial, written));
  socket.destroy();
  await expect.poll(() => lines).toEqual(['POST /v1/app/setup/email aborted by the client']);
});
