// Every flow of openapi/workflows/, run by Redocly Respect: against a fresh simulator each, and the ones that need no
// state against the Prism mock too. Respect checks each step's status, content type and body against the contract;
// a failure names the workflow, the step and the check.
import { aliceRecoveryKey } from '@beeper-setup/simulator';
import { startTestSimulator } from '@beeper-setup/simulator/testing';
import { describe, expect, inject, it } from 'vitest';
import { calledWorkflow, requiredInputs, workflowDocuments } from '../../../scripts/workflows/documents.mjs';
import { failuresOf, runRespect, workflowsOf } from '../../../scripts/workflows/respect.mjs';
import { kitWorkflows } from '../../../scripts/check-server.mjs';

const documents = workflowDocuments();
const workflows = documents.flatMap(({ path, file, document }) => document.workflows.map((workflow: Workflow) => ({ path, file, document, workflow })));

interface Workflow {
  workflowId: string;
  'x-stateless'?: boolean;
  inputs?: { required?: string[] };
  steps: { workflowId?: string }[];
}

/** What a test gives a workflow. One that requires anything else is a building block, run inside the flows. */
const given = ['controlToken', 'recoveryKey'];
const flows = workflows.filter(({ workflow }) => requiredInputs(workflow).every((input: string) => given.includes(input)));

/** Initializing and the first sync last a little, so the workflows' retry actions wait through them. */
const phaseMs = 200;

/**
 * Runs Respect once more, from the start, when its HTTP client found a kept-alive connection closed under it
 * (UND_ERR_SOCKET): on a busy machine Respect's own work (loading a called document's sources) can stall it past the
 * server's keep-alive timeout, and Respect does not retry a request. Any other failure, of a check or of the
 * network, stands.
 */
async function respectRetryingDroppedConnections<Run extends Awaited<ReturnType<typeof runRespect>>>(run: () => Promise<Run>): Promise<Run> {
  const first = await run();
  const dropped = failuresOf(first.report).some((failure: string) => failure.includes('failed network request') && failure.includes('UND_ERR_SOCKET'));
  return dropped ? run() : first;
}

describe.concurrent('against a fresh simulator', () => {
  for (const { path, file, workflow } of flows) {
    it(`${file}: ${workflow.workflowId}`, async ({ expect, onTestFinished }) => {
      const { code, output, report, inputs } = await respectRetryingDroppedConnections(async () => {
        const simulator = await startTestSimulator({ initializingMs: phaseMs, firstSyncMs: phaseMs });
        onTestFinished(() => simulator.close());
        const inputs = { controlToken: simulator.controlToken, recoveryKey: aliceRecoveryKey };
        return { ...(await runRespect({ file: path, workflows: [workflow.workflowId], servers: { setup: simulator.url, control: simulator.url }, inputs })), inputs };
      });

      expect(failuresOf(report), output).toEqual([]);
      expect(workflowsOf(report)).toEqual([{ workflowId: workflow.workflowId, passed: true }]);
      expect(code, output).toBe(0);
      for (const secret of Object.values(inputs)) {
        expect(output).not.toContain(secret);
        expect(JSON.stringify(report)).not.toContain(secret);
      }
    });
  }
});

describe.concurrent('against the Prism mock, the workflows that need no state', () => {
  const stateless = flows.filter(({ workflow }) => workflow['x-stateless']);

  it('are some of each family that has any', () => {
    expect(stateless.map(({ workflow }) => workflow.workflowId)).toEqual(expect.arrayContaining(['checkSetupState', 'requestSignInCode', 'wrongSignInCode', 'signInLockout', 'refusedToken']));
  });

  for (const { path, file, workflow } of stateless) {
    it(`${file}: ${workflow.workflowId}`, async ({ expect }) => {
      const mockUrl = inject('mockUrl');
      const { code, output, report } = await respectRetryingDroppedConnections(() => runRespect({ file: path, workflows: [workflow.workflowId], servers: { setup: mockUrl, control: mockUrl } }));
      expect(failuresOf(report), output).toEqual([]);
      expect(code, output).toBe(0);
    });
  }
});

it('runs every workflow: each building block is called by a flow, or run by check:server (check-server.test.ts)', () => {
  const reached = new Set<Workflow>();
  const visit = (document: unknown, workflow: Workflow) => {
    for (const step of workflow.steps.filter((each) => each.workflowId)) {
      const called = calledWorkflow(documents, document, step);
      if (!reached.has(called.workflow)) {
        reached.add(called.workflow);
        visit(called.document, called.workflow);
      }
    }
  };
  for (const { document, workflow } of flows) visit(document, workflow);
  const byKit = [...kitWorkflows.start, ...kitWorkflows.finish];
  const unreached = workflows.filter(({ workflow }) => !flows.some((flow) => flow.workflow === workflow) && !reached.has(workflow) && !byKit.includes(workflow.workflowId));
  expect(unreached.map(({ workflow }) => workflow.workflowId)).toEqual([]);
  expect(flows.length).toBeGreaterThanOrEqual(14);
});
