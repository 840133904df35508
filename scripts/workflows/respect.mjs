// Runs Arazzo workflows with Redocly Respect (`redocly respect`) and reads its JSON report. Inputs go to Respect
// through REDOCLY_CLI_RESPECT_INPUT, never argv, where the secrets among them would show in the process list; Respect
// masks those declared `format: password` in everything it prints and writes.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installedCommand, root } from '../paths.mjs';

/**
 * Runs `workflows` of the Arazzo document at `file` against `servers` (`{ setup: url, control: url }`, one per
 * source description) and resolves with `{ code, output, report }`: Respect's exit code, what it printed, and its
 * JSON report (`undefined` when it wrote none). The report's temporary folder is removed.
 */
export async function runRespect({ file, workflows, servers, inputs = {}, timeoutMs = 120_000 }) {
  const folder = await mkdtemp(join(tmpdir(), 'beeper-setup-respect-'));
  const reportFile = join(folder, 'report.json');
  const args = ['respect', file, ...workflows.flatMap((id) => ['--workflow', id]), ...Object.entries(servers).flatMap(([name, url]) => ['--server', `${name}=${url}`]), '--json-output', reportFile];
  const env = { ...process.env, REDOCLY_CLI_RESPECT_INPUT: JSON.stringify(inputs), REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
  try {
    const { code, output } = await new Promise((resolve, reject) => {
      execFile(installedCommand('redocly'), args, { cwd: root, env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: error ? error.code : 0, output: withoutNodeNotice(stdout + stderr) });
      });
    });
    const report = await readFile(reportFile, 'utf8').then(JSON.parse, () => undefined);
    return { code, output, report };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Redocly CLI's boxed Node.js 20 deprecation notice, which says nothing about the run. */
const withoutNodeNotice = (text) => text.replace(/^\s*[╔║╚].*\n/gm, '').replace(/^.*JSON logs saved in.*\n/gm, '').replace(/^\n+/, '');

/**
 * Every step Respect ran, sub-workflows' steps included, in order: `{ workflowId, stepId, method, url, status,
 * body, checks }` (the body as Respect reports it, its secrets masked), where `checks` are `{ name, passed, condition, message }`. A step that was retried appears once per attempt.
 */
export function stepsOf(report) {
  const steps = [];
  const walk = (executed) => {
    for (const item of executed) {
      if (item.type === 'workflow') walk(item.executedSteps);
      else steps.push({ workflowId: item.workflowId, stepId: item.stepId, method: item.request?.method?.toUpperCase() ?? '', url: item.request?.url ?? '', status: item.response?.statusCode ?? 0, body: item.response?.body, checks: item.checks.map(({ name, passed, message, condition }) => ({ name, passed, condition, message: plain(message ?? '') })) });
    }
  };
  for (const file of Object.values(report?.files ?? {})) walk(file.executedWorkflows);
  return steps;
}

/** Each workflow's verdict: `{ workflowId, passed }`, top-level workflows only. */
export function workflowsOf(report) {
  return Object.values(report?.files ?? {}).flatMap((file) => file.executedWorkflows.map(({ workflowId, status }) => ({ workflowId, passed: status === 'success' })));
}

/** The steps without the attempts that a retry replaced. */
export const lastAttempts = (steps) => steps.filter((step, index) => !steps.slice(index + 1).some((later) => later.workflowId === step.workflowId && later.stepId === step.stepId));

/**
 * The checks that failed, one line each: `workflow › step › check: what differed`. A retried attempt that failed
 * is not a failure when a later attempt of the same step passed.
 */
export function failuresOf(report) {
  return lastAttempts(stepsOf(report)).flatMap((step) => step.checks.filter((check) => !check.passed).map((check) => `${step.workflowId} › ${step.stepId} › ${check.name}: ${whatDiffered(check, step)}`));
}

/**
 * A failed check's message in one line. Respect explains a schema check with a code frame of the body; the line
 * it points at names the field (`"initialized"`), and is replaced by that name so no value is quoted.
 */
export function whatDiffered({ name, message, condition }, { status }) {
  if (name === 'success criteria check' && condition) return `${condition} did not hold (status ${status})`;
  const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
  if (name === 'schema check') {
    const pointed = lines.find((line) => line.startsWith('>'));
    const field = pointed && /"([^"]+)"\s*:/.exec(pointed)?.[1];
    const [verdict = 'the body does not match the schema'] = lines;
    return field ? `${verdict} (field "${field}")` : verdict;
  }
  return lines.filter((line) => !line.startsWith('List of valid')).join(' ').replace(/\s+/g, ' ');
}

/** Without terminal colours. */
const plain = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');
