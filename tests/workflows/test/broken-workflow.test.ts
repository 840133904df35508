// A workflow broken on purpose, in a scratch copy: an expected status changed. Respect must fail it, and the failure
// must name the workflow, the step and the check.
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSimulator } from '@beeper-setup/simulator/testing';
import { expect, it, onTestFinished } from 'vitest';
import { workflowsFolder } from '../../../scripts/workflows/documents.mjs';
import { failuresOf, runRespect } from '../../../scripts/workflows/respect.mjs';
import { root } from '../../../scripts/paths.mjs';

it('fails a workflow whose step expects another status, naming the workflow, the step and the check', async () => {
  // The copy keeps the documents' relative paths: openapi/workflows/ beside a link to the real packages/.
  const scratch = await mkdtemp(join(tmpdir(), 'beeper-setup-broken-workflow-'));
  onTestFinished(() => rm(scratch, { recursive: true, force: true }));
  await cp(workflowsFolder, join(scratch, 'openapi', 'workflows'), { recursive: true });
  await symlink(join(root, 'packages'), join(scratch, 'packages'), 'dir');
  const file = join(scratch, 'openapi', 'workflows', 'sign-in.arazzo.yaml');
  const text = await readFile(file, 'utf8');
  const expected = '          - condition: $statusCode == 204\n';
  expect(text.split(expected)).toHaveLength(2);
  await writeFile(file, text.replace(expected, '          - condition: $statusCode == 200\n'));

  const simulator = await startTestSimulator();
  onTestFinished(() => simulator.close());
  const { code, report } = await runRespect({ file, workflows: ['requestSignInCode'], servers: { setup: simulator.url, control: simulator.url } });
  expect(failuresOf(report)).toEqual(['requestSignInCode › sendCode › success criteria check: $statusCode == 200 did not hold (status 204)']);
  expect(code).toBe(1);
});
