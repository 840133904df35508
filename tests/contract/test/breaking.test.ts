import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot, runScript, scratchCopy } from './repo.js';

type Json = Record<string, any>;

let scratch: Awaited<ReturnType<typeof scratchCopy>> | undefined;
afterEach(async () => {
  await scratch?.remove();
  scratch = undefined;
});

const bundlePath = 'packages/contract/openapi.json';
const schemas = (contract: Json) => contract.components.schemas;

/**
 * A scratch copy of the repository whose bundled contract carries one edit; the changed contract is returned. Its
 * newest baseline is the contract as it stands, so that each case sees its own edit alone, whatever changed since
 * the last release.
 */
async function scratchWith(edit: (contract: Json) => void): Promise<Json> {
  scratch = await scratchCopy();
  const current = await readFile(join(scratch.root, bundlePath), 'utf8');
  await writeFile(join(scratch.root, 'openapi/releases/1.0.0.json'), current);
  const contract = JSON.parse(current);
  edit(contract);
  await writeContract(bundlePath, contract);
  return contract;
}

const writeContract = (file: string, contract: Json) => writeFile(join(scratch!.root, file), JSON.stringify(contract));

const checkBreaking = (args: string[] = []) => runScript(scratch!.root, 'check-breaking.mjs', args);

/** The printed line of the change at `pointer`. */
const lineOf = (output: string, pointer: string) => output.split('\n').find((line) => line.includes(`  ${pointer}  `));

const removeOperation = (contract: Json) => delete contract.paths['/v1/app/setup/verifications'].post;

describe('check:breaking', () => {
  it('passes each API against its newest release, 1.0.0', async () => {
    const { code, output } = await runScript(repoRoot, 'check-breaking.mjs');
    const lines = output.trim().split('\n');
    expect({ code, first: lines[0], last: lines.at(-1) }).toEqual({
      code: 0,
      first: expect.stringMatching(/^Contract 1\.0\.0 against openapi\/releases\/1\.0\.0\.json \(1\.0\.0\): \d+ change\(s\), 0 breaking$/),
      last: 'check:breaking passed.',
    });
    expect(lines).toContain('Control API contract 1.0.0 against openapi/releases/control-1.0.0.json (1.0.0): 0 change(s), 0 breaking');
    // What changed since the release, none of it breaking.
    expect(lines.slice(1, -1).filter((line) => !/^(non-breaking|deprecation) /.test(line) && !line.startsWith('Control API contract'))).toEqual([]);
  });

  const fixtures: [string, { edit: (contract: Json) => void; code: number; kind: string; operations: string[]; pointer: string; change: string }][] = [
    ['remove an operation', { edit: removeOperation, code: 1, kind: 'breaking', operations: ['POST /v1/app/setup/verifications'], pointer: '/paths/~1v1~1app~1setup~1verifications/post', change: '[Removed] operation POST /v1/app/setup/verifications' }],
    ['remove a response field', { edit: (c) => { delete schemas(c).SetupStartResponse.properties.signInMethods; schemas(c).SetupStartResponse.required = ['setupRequestID']; }, code: 1, kind: 'breaking', operations: ['POST /v1/app/setup/start'], pointer: '/components/schemas/SetupStartResponse/properties/signInMethods', change: '[Removed] property `signInMethods` in Response 200 content (application/json)' }],
    ['add a required request field', { edit: (c) => { schemas(c).SendSignInCodeRequest.properties.locale = { type: 'string', maxLength: 35 }; schemas(c).SendSignInCodeRequest.required.push('locale'); }, code: 1, kind: 'breaking', operations: ['POST /v1/app/setup/email'], pointer: '/components/schemas/SendSignInCodeRequest/required/2', change: '[Added] required status to `locale` in Request Body content (application/json)' }],
    ['narrow a request enum', { edit: (c) => { schemas(c).VerificationPurpose.enum = ['login']; }, code: 1, kind: 'breaking', operations: ['POST /v1/app/setup/verifications', 'GET /v1/app/setup/verifications'], pointer: '/components/schemas/VerificationPurpose/enum/1', change: '[Replaced] possible values of `purpose` in Request Body content (application/json)' }],
    ['widen a response enum', { edit: (c) => { schemas(c).SetupStateName.enum.push('suspended'); }, code: 1, kind: 'breaking', operations: ['GET /v1/app/setup', 'POST /v1/app/setup/response'], pointer: '/components/schemas/SetupStateName/enum/7', change: '[Replaced] possible values of `state` in Response 200 content (application/json)' }],
    ['change a type', { edit: (c) => { schemas(c).E2EEStatus.properties.recoveryKeyGeneratedAt.type = 'string'; }, code: 1, kind: 'breaking', operations: ['GET /v1/app/setup', 'POST /v1/app/setup/verification/recovery-key'], pointer: '/components/schemas/E2EEStatus/properties/recoveryKeyGeneratedAt/type', change: '[Replaced] "number" with "string"' }],
    ['remove a response status', { edit: (c) => { delete c.paths['/v1/app/setup/start'].post.responses['409']; }, code: 1, kind: 'breaking', operations: ['POST /v1/app/setup/start'], pointer: '/paths/~1v1~1app~1setup~1start/post/responses/409', change: '[Removed] Response 409' }],
    ['add an optional request field', { edit: (c) => { schemas(c).StartVerificationRequest.properties.note = { type: 'string', maxLength: 64 }; }, code: 0, kind: 'non-breaking', operations: ['POST /v1/app/setup/verifications'], pointer: '/components/schemas/StartVerificationRequest/properties/note', change: '[Added] property `note` in Request Body content (application/json)' }],
    ['add a response field', { edit: (c) => { schemas(c).SetupStartResponse.properties.expiresAt = { type: 'integer', minimum: 0 }; }, code: 0, kind: 'non-breaking', operations: ['POST /v1/app/setup/start'], pointer: '/components/schemas/SetupStartResponse/properties/expiresAt', change: '[Added] property `expiresAt` in Response 200 content (application/json)' }],
    ['add an operation', { edit: (c) => { c.paths['/v1/app/setup/ping'] = { get: { ...c.paths['/v1/app/setup'].get, operationId: 'ping' } }; }, code: 0, kind: 'non-breaking', operations: ['GET /v1/app/setup/ping'], pointer: '/paths/~1v1~1app~1setup~1ping/get', change: '[Added] operation GET /v1/app/setup/ping' }],
    ['describe a shared response anew', { edit: (c) => { c.components.responses.TooManyRequests.description = 'Too many attempts: wait for Retry-After seconds.'; }, code: 0, kind: 'non-breaking', operations: ['GET /v1/app/setup', 'POST /v1/app/setup/start'], pointer: '/components/responses/TooManyRequests/description', change: '[Replaced] annotation (description) of Response 429' }],
    ['deprecate an operation', { edit: (c) => { c.paths['/v1/app/setup'].get.deprecated = true; }, code: 0, kind: 'deprecation', operations: ['GET /v1/app/setup'], pointer: '/paths/~1v1~1app~1setup/get/deprecated', change: '[Added] deprecated status' }],
  ];
  it.each(fixtures)('classifies: %s', async (_, { edit, code: expectedCode, kind, operations, pointer, change }) => {
    await scratchWith(edit);
    const { code, output } = await checkBreaking();
    const line = lineOf(output, pointer);
    expect(line).toMatch(new RegExp(`^${kind} +[A-Z]+ /`));
    for (const operation of operations) expect(line).toContain(operation);
    expect(line!.endsWith(`  ${pointer}  ${change}`)).toBe(true);
    expect(output).toContain(expectedCode === 0 ? 'check:breaking passed.' : 'breaking change(s) need a major version above 1.0.0');
    expect(code).toBe(expectedCode);
  });

  it('lists a change to a shared schema once, with every operation it reaches', async () => {
    await scratchWith((c) => { schemas(c).SetupStateName.enum.push('suspended'); });
    const { output } = await checkBreaking();
    expect(output).toContain('1 change(s), 1 breaking');
    expect(lineOf(output, '/components/schemas/SetupStateName/enum/7')!.split(', ').length).toBeGreaterThan(5);
  });

  it('keeps removing a deprecated operation breaking', async () => {
    const deprecated = await scratchWith((c) => { c.paths['/v1/app/setup/verifications'].post.deprecated = true; });
    await writeContract('deprecated.json', deprecated);
    removeOperation(deprecated);
    await writeContract(bundlePath, deprecated);
    const { code, output } = await checkBreaking(['--api', 'setup@v1', '--base', 'deprecated.json']);
    expect(lineOf(output, '/paths/~1v1~1app~1setup~1verifications/post')).toMatch(/^breaking +POST \/v1\/app\/setup\/verifications/);
    expect(code).toBe(1);
  });
});

describe('check:breaking version rules', () => {
  it('lets a breaking change pass with a major bump and its baseline', async () => {
    const released = await scratchWith((c) => { removeOperation(c); c.info.version = '2.0.0'; });
    await writeContract('openapi/releases/2.0.0.json', released);
    const { code, output } = await checkBreaking(['--api', 'setup@v1', '--base', 'openapi/releases/1.0.0.json']);
    expect(output).toMatch(/Contract 2\.0\.0 against openapi\/releases\/1\.0\.0\.json \(1\.0\.0\): \d+ change\(s\), 1 breaking/);
    expect(lineOf(output, '/paths/~1v1~1app~1setup~1verifications/post')).toMatch(/^breaking /);
    expect(output).toContain('check:breaking passed.');
    expect(code).toBe(0);
  });

  it('fails when info.version goes down', async () => {
    await scratchWith((c) => { c.info.version = '0.9.0'; });
    const { code, output } = await checkBreaking();
    expect(output).toContain('FAIL setup@v1: info.version went down: 0.9.0 is below 1.0.0 of openapi/releases/1.0.0.json.');
    expect(code).toBe(1);
  });

  it('fails when info.version changed but no baseline was added', async () => {
    await scratchWith((c) => { c.info.version = '1.1.0'; });
    const { code, output } = await checkBreaking();
    expect(output).toContain('FAIL setup@v1: info.version changed to 1.1.0 without its baseline: a release adds openapi/releases/1.1.0.json.');
    expect(code).toBe(1);
  });

  it('passes a release that added its baseline', async () => {
    const released = await scratchWith((c) => { c.info.version = '1.1.0'; });
    await writeContract('openapi/releases/1.1.0.json', released);
    const { code, output } = await checkBreaking();
    expect(output).toContain('Contract 1.1.0 against openapi/releases/1.1.0.json (1.1.0): 0 change(s)');
    expect(code).toBe(0);
  });

  it('writes a Markdown table for a CI job summary', async () => {
    await scratchWith((c) => { c.paths['/v1/app/setup'].get.deprecated = true; });
    const { output } = await checkBreaking(['--markdown']);
    expect(output).toContain('| deprecation | GET /v1/app/setup | `/paths/~1v1~1app~1setup/get/deprecated` | [Added] deprecated status |');
  });
});

describe('check:breaking on the control API', () => {
  const controlBundle = 'packages/contract/control/openapi.json';

  /** A scratch copy whose control API bundle carries one edit. */
  async function scratchWithControl(edit: (contract: Json) => void) {
    scratch = await scratchCopy();
    const contract = JSON.parse(await readFile(join(scratch.root, controlBundle), 'utf8'));
    edit(contract);
    await writeContract(controlBundle, contract);
  }

  it.each<[string, { edit: (contract: Json) => void; code: number; kind: string; operation: string; pointer: string }]>([
    ['remove an operation', { edit: (c) => { delete c.paths['/_sim/reset'].post; }, code: 1, kind: 'breaking', operation: 'POST /_sim/reset', pointer: '/paths/~1_sim~1reset/post' }],
    ['remove a response field', { edit: (c) => { delete schemas(c).OutboxMessage.properties.sentAt; schemas(c).OutboxMessage.required = ['email', 'code', 'setupRequestID']; }, code: 1, kind: 'breaking', operation: 'GET /_sim/outbox', pointer: '/components/schemas/OutboxMessage/properties/sentAt' }],
    ['add an optional request field', { edit: (c) => { schemas(c).RequestVerificationRequest.properties.purpose = { type: 'string', enum: ['login'] }; }, code: 0, kind: 'non-breaking', operation: 'POST /_sim/sessions/{deviceID}/verifications', pointer: '/components/schemas/RequestVerificationRequest/properties/purpose' }],
  ])('classifies against control-1.0.0.json: %s', async (_, { edit, code: expectedCode, kind, operation, pointer }) => {
    await scratchWithControl(edit);
    const { code, output } = await checkBreaking();
    expect(output).toContain('Control API contract 1.0.0 against openapi/releases/control-1.0.0.json (1.0.0)');
    const line = lineOf(output, pointer);
    expect(line).toMatch(new RegExp(`^${kind} +`));
    expect(line).toContain(operation);
    expect(output).toMatch(expectedCode === 0 ? /check:breaking passed\./ : /FAIL control@v1: \d+ breaking change\(s\) need a major version above 1\.0\.0/);
    expect(code).toBe(expectedCode);
  });

  it('compares one API with another bundle given with --api and --base, and refuses --base alone', async () => {
    await scratchWithControl((c) => { delete c.paths['/_sim/reset'].post; });
    const against = await checkBreaking(['--api', 'control@v1', '--base', 'openapi/releases/control-1.0.0.json']);
    expect(against.output).not.toContain('Contract 1.0.0 against openapi/releases/1.0.0.json');
    expect(lineOf(against.output, '/paths/~1_sim~1reset/post')).toMatch(/^breaking +POST \/_sim\/reset/);
    expect(against.code).toBe(1);
    const alone = await checkBreaking(['--base', 'openapi/releases/control-1.0.0.json']);
    expect(alone.output).toContain('--base <file> is one API\'s bundle: name that API with --api (setup@v1 or control@v1).');
    expect(alone.code).toBe(2);
  });
});
