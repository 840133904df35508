// Draws the flows from openapi/workflows/ and the bundled contracts into docs/flows.md, where GitHub renders Mermaid:
// one sequence diagram per workflow (the app, the server, and the mailbox or the other device where the simulator's
// control API stands in for them), and the state diagrams of session.state and verification.state (every state the
// contract lists, each move a workflow makes between two of them). Generated: `npm run generate` writes it and
// check:generated fails when it differs.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTwoFilesPatch } from 'diff';
import { apiNamed, bundleFile } from './apis.mjs';
import { root } from './paths.mjs';
import { calledWorkflow, reference, workflowDocuments } from './workflows/documents.mjs';

export const flowDiagramsFile = join(root, 'docs', 'flows.md');

const bundles = { setup: bundleFile(apiNamed('setup@v1')), control: bundleFile(apiNamed('control@v1')) };

/** Each operation's method, path and API. */
function operations() {
  const table = new Map();
  for (const [source, file] of Object.entries(bundles)) {
    for (const [path, item] of Object.entries(JSON.parse(readFileSync(file, 'utf8')).paths)) {
      for (const [method, operation] of Object.entries(item)) if (operation?.operationId) table.set(operation.operationId, { source, method: method.toUpperCase(), path });
    }
  }
  return table;
}

/** Who stands where: the app calls the server; the control API plays the mailbox or the other device. */
const actorOf = (operation) => (operation.source === 'setup' ? 'App' : operation.path === '/_sim/outbox' ? 'Mailbox' : 'OtherDevice');

/** A success criterion in a reader's words: `200`, `state = ready`, `matrix.accessToken present`. */
function expectation({ condition, context, type }) {
  if (type === 'regex') return `${context.replace(/^\$response\.header\./, '')} matches ${condition}`;
  const status = /^\$statusCode == (\d+)$/.exec(condition);
  if (status) return status[1];
  const field = /^\$response\.body#\/(\S+) (==|!=) (.+)$/.exec(condition);
  if (!field) return condition;
  const [, pointer, operator, value] = field;
  const name = pointer.split('/').join('.');
  if (value === 'null') return operator === '!=' ? `${name} present` : `no ${name}`;
  return `${name} ${operator === '==' ? '=' : '≠'} ${value.replace(/^'(.*)'$/, '$1').replace(/^\$inputs\.(.+)$/, 'the $1 given')}`;
}

/** The states a step shows of `field` (`state`, `verification/state`): those it retries through, then those it expects. */
function statesSeen(step, fields) {
  const equal = (criteria = []) => criteria.map(({ condition }) => new RegExp(`^\\$response\\.body#/(${fields.join('|')}) == '([^']+)'$`).exec(condition ?? '')?.[2]).filter(Boolean);
  return { passedThrough: equal(step.onFailure?.flatMap((action) => action.criteria ?? [])), reached: equal(step.successCriteria) };
}

/** A workflow's steps with the workflows it calls expanded in place: `{ step, depth, calls? }` in order. */
function expanded(documents, document, workflow, depth = 0) {
  return workflow.steps.flatMap((step) => {
    if (!step.workflowId) return [{ step, depth }];
    const called = calledWorkflow(documents, document, step);
    return [{ step, depth, calls: called.workflow.workflowId }, ...expanded(documents, called.document, called.workflow, depth + 1), { step, depth, ends: called.workflow.workflowId }];
  });
}

const escape = (text) => text.replace(/[#;]/g, ' ').replace(/\s+/g, ' ').trim();

function sequenceDiagram(documents, document, workflow, table) {
  const lines = ['sequenceDiagram', '  participant App as App', '  participant Server as Setup API (Beeper Desktop / Server)'];
  const items = expanded(documents, document, workflow);
  const uses = new Set(items.filter(({ step }) => step.operationId).map(({ step }) => actorOf(table.get(reference(step.operationId).name))));
  if (uses.has('Mailbox')) lines.push('  participant Mailbox as Mailbox (control API outbox)');
  if (uses.has('OtherDevice')) lines.push('  participant OtherDevice as Other device (control API)');
  for (const { step, calls, ends } of items) {
    if (calls) lines.push(`  rect rgba(127, 127, 127, 0.1)`, `  Note over App,Server: ${calls}`);
    if (ends) lines.push('  end');
    if (!step.operationId || calls || ends) continue;
    const operationId = reference(step.operationId).name;
    const operation = table.get(operationId);
    if (!operation) throw new Error(`The step ${step.stepId} names ${step.operationId}, which neither contract has.`);
    const actor = actorOf(operation);
    const [caller, callee] = actor === 'App' ? ['App', 'Server'] : actor === 'Mailbox' ? ['App', 'Mailbox'] : ['OtherDevice', 'Server'];
    const retry = step.onFailure?.find((action) => action.type === 'retry');
    if (retry) lines.push(`  loop while ${escape((retry.criteria ?? []).map(expectation).join(' and ') || 'it fails')}, at most ${retry.retryLimit ?? 0} more times${retry.retryAfter ? ` every ${retry.retryAfter} s` : ''}`);
    lines.push(`  ${caller}->>${callee}: ${escape(`${operationId}: ${operation.method} ${operation.path}`)}`);
    const expected = (step.successCriteria ?? []).map(expectation);
    lines.push(`  ${callee}-->>${caller}: ${escape(expected.join(', ') || 'any answer the contract documents')}`);
    if (retry) lines.push('  end');
  }
  return lines.join('\n');
}

/** Every move between two states of `fields` that some workflow makes, labelled with the operations that make it. */
function stateDiagram(documents, flows, fields, states, start, ended = [], startsAnew = () => false) {
  const moves = new Map();
  for (const { document, workflow } of flows) {
    let current = start;
    let waited = false;
    let actedSinceUnknown = false;
    let lastAction;
    for (const { step } of expanded(documents, document, workflow)) {
      if (!step.operationId) continue;
      const operationId = reference(step.operationId).name;
      const acts = !/^(get|list)/.test(operationId);
      if (acts) {
        lastAction = operationId;
        actedSinceUnknown = true;
      }
      if (startsAnew(step)) current = start;
      const { passedThrough, reached } = statesSeen(step, fields);
      for (const [state, throughRetry] of [...passedThrough.map((state) => [state, true]), ...reached.map((state) => [state, false])]) {
        if (state === current) continue;
        const known = !(waited && actedSinceUnknown);
        if (known && state !== current) {
          const key = `${current} --> ${state}`;
          moves.set(key, new Set([...(moves.get(key) ?? []), waited ? 'in time' : lastAction]));
        }
        current = state;
        waited = throughRetry;
        actedSinceUnknown = false;
      }
      // Waited for a state to end without saying which came next: the next state seen follows it in time, unless the
      // workflow acted first.
      if (passedThrough.length > 0 && reached.length === 0) {
        waited = true;
        actedSinceUnknown = false;
      } else if (acts && reached.length > 0) waited = false;
    }
  }
  const name = (state) => state.replace(/[^A-Za-z0-9]/g, '_');
  return [
    'stateDiagram-v2',
    ...states.map((state) => `  state "${state}" as ${name(state)}`),
    `  [*] --> ${name(start)}`,
    ...ended.map((state) => `  ${name(state)} --> [*]`),
    ...[...moves].map(([key, labels]) => {
      const [from, to] = key.split(' --> ');
      return `  ${name(from)} --> ${name(to)}: ${[...labels].join(' / ')}`;
    }),
  ].join('\n');
}

/** docs/flows.md as the workflows and the contract make it. */
export function renderFlowDiagrams() {
  const documents = workflowDocuments();
  const table = operations();
  const setup = JSON.parse(readFileSync(bundles.setup, 'utf8'));
  const sessionStates = setup.components.schemas.SetupStateName.enum;
  const { enum: verificationStates, 'x-ended-states': endedVerificationStates } = setup.components.schemas.Verification.properties.state;
  const all = documents.flatMap(({ file, document }) => document.workflows.map((workflow) => ({ file, document, workflow })));
  // The states move through the flows; the building blocks they call start nowhere in particular.
  const called = new Set(all.flatMap(({ document, workflow }) => workflow.steps.filter((step) => step.workflowId).map((step) => calledWorkflow(documents, document, step).workflow)));
  const flows = all.filter(({ workflow }) => !called.has(workflow));
  const fence = (diagram) => `\`\`\`mermaid\n${diagram}\n\`\`\``;
  const sections = documents.map(({ file, document }) => [
    `## ${document.info.title.replace(/^.* - /, '')} ([\`${file}\`](../openapi/workflows/${file}))`,
    document.info.description.trim(),
    ...document.workflows.map((workflow) => [`### \`${workflow.workflowId}\``, `${workflow.summary}${workflow.description ? ` ${workflow.description}` : ''}`, fence(sequenceDiagram(documents, document, workflow, table))].join('\n\n')),
  ].join('\n\n'));
  return `<!-- GENERATED by scripts/flow-diagrams.mjs from openapi/workflows/ and the bundled contracts. Do not edit by hand: change them and run \`npm run generate\`. -->
# The flows at a glance

Drawn from the Arazzo workflows in [\`openapi/workflows/\`](../openapi/workflows/), which \`npm test\` runs with Redocly
Respect against the simulator (and the stateless ones against the Prism mock), and \`npm run check:server\` against a
real server. Each step names its operation; each answer shows what the workflow expects of it. Where the simulator's
control API stands in for the person's mailbox or the account's other device, they appear as participants of their
own. A grey box is a workflow that another calls.

## \`session.state\`

Every state of \`SetupStateName\`, and each move a workflow makes between two of them, labelled with the operation
that makes it (or *in time*, where the app asks again until it happens).

${fence(stateDiagram(documents, flows, ['state', 'session/state'], sessionStates, 'needs-login'))}

## \`verification.state\`

Every state of \`Verification.state\`, and each move a workflow makes.

${fence(stateDiagram(documents, flows, ['verification/state'], verificationStates, 'requested', endedVerificationStates, (step) => 'verificationID' in (step.outputs ?? {})))}

${sections.join('\n\n')}
`;
}

/** The unified diff between the committed docs/flows.md and what it should be; empty when they match. */
export function flowDiagramsDrift() {
  const name = relative(root, flowDiagramsFile);
  let committed = '';
  try {
    committed = readFileSync(flowDiagramsFile, 'utf8');
  } catch {}
  const fresh = renderFlowDiagrams();
  return committed === fresh ? '' : createTwoFilesPatch(`${name} (committed)`, `${name} (from openapi/workflows/)`, committed, fresh, undefined, undefined, { context: 3 });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(flowDiagramsFile, renderFlowDiagrams());
  console.log(`Flow diagrams: ${relative(root, flowDiagramsFile)}`);
}
