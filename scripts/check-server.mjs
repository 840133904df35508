// The conformance kit for a real server (Beeper Desktop, Beeper Server, or anything that claims the setup API): runs
// the workflows of openapi/workflows/sign-in.arazzo.yaml that need no control API with Redocly Respect, prints
// Respect's report and a one-screen summary of the contract's verdict on each step.
//
//   check:server -- --base-url <url>                    the state check, and an unknown token refused
//   check:server -- --base-url <url> --email <address>  also start a setup request and email a code; then stop
//   check:server -- --base-url <url> --code             finish: the code, then the recovery key (empty skips it),
//                                                       read from the terminal without echo, or as two lines on stdin
//
// The setup request ID passes from the first run to the second through a file of mode 0600, removed by the second.
// The code and the key are never arguments (they would stay in the shell's history and show in the process list),
// and Respect masks them, and the access token the server answers, in all it prints.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { workflowsFolder } from './workflows/documents.mjs';
import { failuresOf, lastAttempts, runRespect, stepsOf, whatDiffered } from './workflows/respect.mjs';

const signInFlows = join(workflowsFolder, 'sign-in.arazzo.yaml');

/** The workflows the kit runs: the first run's, and the second's with and without a recovery key. */
export const kitWorkflows = { start: ['checkSetupState', 'refusedToken', 'requestSignInCode'], finish: ['completeSignIn', 'signInAndUnlock'] };

const usage = `usage: npm run check:server -- --base-url <url> [--email <address> | --code] [--state-file <path>]
  --base-url    the server, such as http://localhost:23373 (Beeper Desktop) or http://localhost:23374 (Beeper Server)
  --email       start a sign-in and email a code to this address, then stop
  --code        finish the sign-in started with --email: the code and the recovery key are asked for, never passed`;

class UsageError extends Error {}

function options(argv) {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { 'base-url': { type: 'string' }, email: { type: 'string' }, code: { type: 'boolean' }, 'state-file': { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    throw new UsageError(error.message);
  }
  if (values.help) return { help: true };
  const baseUrl = values['base-url'];
  if (!baseUrl) throw new UsageError('--base-url is required.');
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) throw new UsageError(`--base-url must be an http or https URL: ${JSON.stringify(baseUrl)}`);
  if (values.email !== undefined && values.code) throw new UsageError('--email starts a sign-in and --code finishes it: give one of them.');
  const stateFile = values['state-file'] ?? join(tmpdir(), `beeper-setup-check-server-${createHash('sha256').update(baseUrl).digest('hex').slice(0, 12)}.json`);
  return { baseUrl: baseUrl.replace(/\/+$/, ''), email: values.email, code: values.code === true, stateFile };
}

/** The code and the recovery key: hidden prompts on a terminal, otherwise the first two lines of stdin. */
async function secretsFromPerson(input) {
  if (input.isTTY) {
    const prompts = await import('@clack/prompts');
    const ask = async (message, required) => {
      const value = await prompts.password({ message, validate: (text) => (required && !text?.trim() ? 'Required.' : undefined) });
      if (prompts.isCancel(value)) throw new UsageError('Cancelled.');
      return (value ?? '').trim();
    };
    return { code: await ask('The sign-in code from the email', true), recoveryKey: await ask('The recovery key (leave empty to stop after sign-in)', false) };
  }
  let text = '';
  for await (const chunk of input) text += chunk;
  const [code = '', recoveryKey = ''] = text.split(/\r?\n/).map((line) => line.trim());
  if (!code) throw new UsageError('No sign-in code on stdin: give the code on the first line (and the recovery key, if any, on the second).');
  return { code, recoveryKey };
}

/** Each step with the contract's verdict; on failure, what differed. */
export function summary(report) {
  const steps = lastAttempts(stepsOf(report));
  const lines = steps.map((step) => {
    const failed = step.checks.filter((check) => !check.passed);
    const head = `${failed.length === 0 ? '✓' : '✗'} ${step.workflowId} › ${step.stepId}  ${step.method} ${new URL(step.url || 'http://unknown').pathname} → ${step.status || 'no answer'}`;
    return [head, ...failed.map((check) => `    ${check.name}: ${whatDiffered(check, step)}`)].join('\n');
  });
  const failures = failuresOf(report).length;
  return `${lines.join('\n')}\n${failures === 0 ? `Conforms: ${steps.length} step(s), every check passed.` : `Does not conform: ${failures} check(s) failed.`}`;
}

/** Runs the workflows, prints Respect's report and the summary; resolves with the report when every check passed. */
async function run(workflows, baseUrl, inputs, out) {
  const { output, report } = await runRespect({ file: signInFlows, workflows, servers: { setup: baseUrl, control: baseUrl }, inputs });
  out.write(`${output.trimEnd()}\n\nSummary\n${report ? summary(report) : 'Respect wrote no report: see its output above.'}\n`);
  return report !== undefined && failuresOf(report).length === 0 ? report : undefined;
}

/** Runs the kit; resolves with the exit code (0 conforms, 1 does not, 2 usage). */
export async function checkServer(argv, { input = process.stdin, out = process.stdout, err = process.stderr } = {}) {
  let settings;
  try {
    settings = options(argv);
    if (settings.help) {
      out.write(`${usage}\n`);
      return 0;
    }
    const { baseUrl, email, code, stateFile } = settings;
    if (!code) {
      const report = await run(kitWorkflows.start.slice(0, email === undefined ? 2 : 3), baseUrl, email === undefined ? {} : { email }, out);
      if (!report || email === undefined) return report ? 0 : 1;
      // The setup request ID is no secret: the answer to startSetup in Respect's report.
      const { setupRequestID } = stepsOf(report).find((step) => step.workflowId === 'requestSignInCode' && step.stepId === 'start').body;
      await rm(stateFile, { force: true });
      await writeFile(stateFile, JSON.stringify({ baseUrl, email, setupRequestID }), { mode: 0o600, flag: 'wx' });
      out.write(`\nA sign-in code was sent to ${email}. To finish, run:\n  npm run check:server -- --base-url ${baseUrl} --code\n(the code and then the recovery key are asked for; the setup request is kept in ${stateFile} until then)\n`);
      return 0;
    }
    const state = await readFile(stateFile, 'utf8').then(JSON.parse, () => {
      throw new UsageError(`No sign-in was started for ${baseUrl} (${stateFile} is missing or unreadable): run with --email <address> first.`);
    });
    if (state.baseUrl !== baseUrl) throw new UsageError(`${stateFile} is for ${state.baseUrl}, not ${baseUrl}.`);
    try {
      const { code: signInCode, recoveryKey } = await secretsFromPerson(input);
      const inputs = { setupRequestID: state.setupRequestID, code: signInCode, ...(recoveryKey && { recoveryKey }) };
      return (await run([kitWorkflows.finish[recoveryKey ? 1 : 0]], baseUrl, inputs, out)) ? 0 : 1;
    } finally {
      await rm(stateFile, { force: true });
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`${error.message}\n${settings?.help === undefined ? usage : ''}\n`);
    return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await checkServer(process.argv.slice(2)).catch((error) => {
    console.error(error.message);
    return 1;
  });
}
