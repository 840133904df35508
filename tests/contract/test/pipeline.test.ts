import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot, runScript, scratchCopy } from './repo.js';

let scratch: Awaited<ReturnType<typeof scratchCopy>> | undefined;
afterEach(async () => {
  await scratch?.remove();
  scratch = undefined;
});

async function editIn(root: string, file: string, from: string, to: string) {
  const path = join(root, file);
  const text = await readFile(path, 'utf8');
  expect(text).toContain(from);
  await writeFile(path, text.replace(from, to));
}

const edit = (file: string, from: string, to: string) => editIn(scratch!.root, file, from, to);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `script` fails on a scratch copy with one edit, printing `expected`. */
async function failsAfter({ file, from, to }: { file: string; from: string; to: string }, script: string, expected: string) {
  scratch = await scratchCopy();
  await edit(file, from, to);
  const { code, output } = await runScript(scratch.root, script);
  expect(code).toBe(1);
  expect(output).toContain(expected);
}

describe('lint:spec', () => {
  it('passes both APIs with 0 errors and 0 warnings', async () => {
    const { code, output } = await runScript(repoRoot, 'lint-spec.mjs');
    expect(output).toContain('redocly lint setup@v1: 0 error(s), 0 warning(s)');
    expect(output).toContain('redocly lint control@v1: 0 error(s), 0 warning(s)');
    expect(output).toContain('redocly lint: 0 error(s), 0 warning(s)');
    expect(output).toContain('spectral lint (OWASP): 0 error(s), 0 warning(s)');
    expect(output).toContain('redocly lint workflows (3 Arazzo documents): 0 error(s), 0 warning(s)');
    expect(code).toBe(0);
  });

  // `at`: where the finding is reported, when not in the file edited (Redocly reports a path's name in the path's file).
  const breakages: [string, { file: string; from: string; to: string; rule: string; at?: string }][] = [
    ['an operationId not in camelCase', { file: 'openapi/paths/setup-start.yaml', from: 'operationId: startSetup', to: 'operationId: start_setup', rule: 'rule/operationId-camel-case' }],
    ['an error response that is not problem+json', { file: 'openapi/components/responses/InternalError.yaml', from: 'application/problem+json', to: 'application/json', rule: 'rule/errors-are-problem-json' }],
    ['a 429 without Retry-After', { file: 'openapi/components/responses/TooManyRequests.yaml', from: 'Retry-After:', to: 'X-Wait:', rule: 'response-contains-header' }],
    ['an example that violates its schema', { file: 'openapi/paths/setup-start.yaml', from: 'setupRequestID: sr_01JBX2M7K4', to: 'setupRequestID: 42', rule: 'no-invalid-media-type-examples' }],
    ['a path that is not kebab-case', { file: 'openapi/openapi.yaml', from: '/v1/app/setup/start:', to: '/v1/app/setup/startNow:', rule: 'paths-kebab-case', at: 'openapi/paths/setup-start.yaml' }],
    ['a tag without a description', { file: 'openapi/openapi.yaml', from: '    description: Create a new recovery key and confirm the user saved it.\n', to: '', rule: 'tag-description' }],
    // The OWASP ruleset (.spectral.yaml): a string without a length limit, and a protected write made public.
    ['a string without maxLength', { file: 'openapi/components/schemas/Email.yaml', from: 'maxLength: 254\n', to: '', rule: 'owasp:api4:2023-string-limit' }],
    ['a write operation without security', { file: 'openapi/paths/recovery-key.yaml', from: '  operationId: verifyRecoveryKey\n', to: '  operationId: verifyRecoveryKey\n  security: []\n', rule: 'owasp:api2:2023-write-restricted' }],
    // The control API (openapi/control/), held to the same rules.
    ['a control path that is not kebab-case after /_sim/', { file: 'openapi/control/openapi.yaml', from: '/_sim/sessions/{deviceID}/other-device:', to: '/_sim/sessions/{deviceID}/otherDevice:', rule: 'rule/control-paths-kebab-case' }],
    ['a control 401 without WWW-Authenticate', { file: 'openapi/control/components/responses/Unauthorized.yaml', from: 'WWW-Authenticate:', to: 'X-Auth:', rule: 'response-contains-header' }],
    ['a control example that violates its schema', { file: 'openapi/control/paths/session-verifications.yaml', from: 'verificationID: vrf_01JBX3Q4Z8', to: 'verificationID: 42', rule: 'no-invalid-media-type-examples' }],
    // The flows' Arazzo documents (openapi/workflows/), held to Redocly's Arazzo rules.
    ['an Arazzo source description of no known type', { file: 'openapi/workflows/sign-in.arazzo.yaml', from: '    type: openapi\n', to: '    type: swagger\n', rule: 'sourceDescription-type' }],
    ['an Arazzo step id used twice in a workflow', { file: 'openapi/workflows/sign-in.arazzo.yaml', from: '      - stepId: sendCode\n', to: '      - stepId: start\n', rule: 'stepId-unique' }],
    ['a control string without maxLength', { file: 'openapi/control/components/schemas/Scenario.yaml', from: '    maxLength: 1024\n', to: '', rule: 'owasp:api4:2023-string-limit' }],
  ];
  // Every breakage in one scratch copy and one run (each lint loads Redocly and Spectral afresh): each must be found
  // where it was made, `file:line rule`, so no breakage stands in for another.
  let broken: Promise<{ code: number; output: string }> | undefined;
  const lintOfEveryBreakage = () =>
    (broken ??= (async () => {
      const copy = await scratchCopy();
      try {
        for (const [, { file, from, to }] of breakages) await editIn(copy.root, file, from, to);
        return await runScript(copy.root, 'lint-spec.mjs');
      } finally {
        await copy.remove();
      }
    })());

  it.each(breakages)('fails on %s', async (_, { file, rule, at = file }) => {
    const { code, output } = await lintOfEveryBreakage();
    expect(output).toMatch(new RegExp(`^${escapeRegExp(at)}:\\d+ ${escapeRegExp(rule)} `, 'm'));
    expect(code).toBe(1);
  });
});

describe('check:generated', () => {
  it('passes: the committed bundle, types and operation table match openapi/', async () => {
    const { code, output } = await runScript(repoRoot, 'check-generated.mjs');
    expect(output).toContain('Generated files match openapi/.');
    expect(code).toBe(0);
  });

  it('fails with a diff naming the change when openapi/ is edited without regenerating', async () => {
    scratch = await scratchCopy();
    await edit('openapi/components/schemas/SetupStartResponse.yaml', 'signInMethods', 'signInOptions');
    const { code, output } = await runScript(scratch.root, 'check-generated.mjs');
    expect(code).toBe(1);
    expect(output).toMatch(/^\+.*"signInOptions"/m);
    expect(output).toMatch(/^-.*"signInMethods"/m);
    expect(output).toContain('packages/contract/src/schema.d.ts (committed)');
    expect(output).toContain('Run `npm run generate`');
  });

  const unmarkedFlow: [string, { file: string; from: string; to: string; error: string }][] = [
    ['an action no operation takes', { file: 'openapi/paths/verification-accept.yaml', from: '  x-verification-action: accept\n', to: '', error: 'No operation has x-verification-action for accept' }],
    ['an action that is not a VerificationAction', { file: 'openapi/paths/verification-accept.yaml', from: 'x-verification-action: accept', to: 'x-verification-action: acept', error: 'x-verification-action of acceptVerification must be a VerificationAction taken by no other operation: "acept"' }],
    ['an action taken by two operations', { file: 'openapi/paths/verification-sas-start.yaml', from: 'x-verification-action: sas.start', to: 'x-verification-action: accept', error: 'must be a VerificationAction taken by no other operation: "accept"' }],
    ['an ended state that is not a state', { file: 'openapi/components/schemas/Verification.yaml', from: 'x-ended-states: [done, cancelled, error]', to: 'x-ended-states: [done, canceled, error]', error: 'Verification.state needs x-ended-states, a list of its enum values: ["done","canceled","error"]' }],
  ];
  it.each(unmarkedFlow)('fails, saying what is wrong, on %s', (_, { error, ...edit }) => failsAfter(edit, 'check-generated.mjs', error));

  const disagreeingLimits: [string, { file: string; from: string; to: string; error: string }][] = [
    ['a limit changed alone', { file: 'openapi/openapi.yaml', from: 'maxBodyBytes: 65536', to: 'maxBodyBytes: 32768', error: "The contract's texts state 64 KiB, which x-request-limits does not" }],
    ['a text changed alone', { file: 'openapi/components/responses/PayloadTooLarge.yaml', from: '(64 KiB)', to: '(128 KiB)', error: "The contract's texts state 128 KiB, which x-request-limits does not" }],
    ['a depth stated that is not the limit', { file: 'openapi/components/schemas/ProblemCode.yaml', from: 'deeper than 64 levels', to: 'deeper than 32 levels', error: "The contract's texts state 32 levels, which x-request-limits does not" }],
  ];
  it.each(disagreeingLimits)('fails when the request limits and a text that states them disagree: %s', (_, { error, ...edit }) => failsAfter(edit, 'check-generated.mjs', error));

  it('fails with a diff when docs/flows.md is edited by hand, or a workflow without regenerating it', async () => {
    scratch = await scratchCopy();
    await edit('docs/flows.md', 'sequenceDiagram', 'flowchart');
    await edit('openapi/workflows/sign-in.arazzo.yaml', 'summary: Start a setup request and have the code emailed.', 'summary: Start, then email the code.');
    const { code, output } = await runScript(scratch.root, 'check-generated.mjs');
    expect(code).toBe(1);
    expect(output).toContain('docs/flows.md (committed)');
    expect(output).toMatch(/^-flowchart/m);
    expect(output).toMatch(/^\+sequenceDiagram/m);
    expect(output).toMatch(/^\+Start, then email the code\./m);
    expect(output).toContain('Run `npm run generate`');
  });

  it('fails the same way for the control API', async () => {
    scratch = await scratchCopy();
    await edit('openapi/control/components/schemas/OtherDeviceSettings.yaml', 'sharesSecrets', 'keepsSecrets');
    const { code, output } = await runScript(scratch.root, 'check-generated.mjs');
    expect(code).toBe(1);
    expect(output).toMatch(/^\+.*keepsSecrets/m);
    expect(output).toContain('packages/contract/control/openapi.json (committed)');
    expect(output).toContain('packages/contract/src/control/schema.d.ts (committed)');
  });
});
