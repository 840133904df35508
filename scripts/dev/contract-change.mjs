// What `npm run dev` does on each save under openapi/, printing one short block: lint, bundle and derived files,
// the mock and the simulator on the new contract, the references rebuilt (open tabs reload), the verdict of
// check:breaking, and which contract is served. A save that does not lint (or does not generate) leaves every server
// on the last good contract.
import { apis } from '../apis.mjs';
import { checkBreaking } from '../breaking/check.mjs';
import { docsPages, findingLines, runContract } from '../contract/pipeline.mjs';

/** check:breaking's verdict on every API against its newest baseline, in one line. */
export function breakingVerdict() {
  const checked = apis.map((api) => ({ api, ...checkBreaking(api) }));
  const counts = checked.map(({ api, changes, breakingCount }) => `${api.name} ${changes.length} change(s), ${breakingCount} breaking`).join('; ');
  const failures = checked.flatMap((each) => each.failures);
  return failures.length === 0 ? `${counts}: passes` : `${counts}: FAIL ${failures.join(' ')}`;
}

/** `{ tools, docs, docsServer, servers, log }` → the handler of one save. */
export function contractChange({ tools, docs, docsServer, servers, log }) {
  return async function onContractChange(changed) {
    const started = performance.now();
    const say = (step, text) => log(`  ${step.padEnd(10)} ${text} (+${Math.round(performance.now() - started)} ms)`);
    log(`${changed ?? 'openapi/'} changed`);
    const { failing, error, written } = await runContract(tools);
    // Each block ends with one `serving` line: which contract the servers serve once the save is handled.
    if (failing.length > 0) {
      say('lint', `${failing.length} finding(s):`);
      for (const line of findingLines(failing)) log(`    ${line}`);
      return say('serving', 'the last good contract: the servers keep it');
    }
    say('lint', 'passes');
    if (error) {
      say('generate', `failed: ${error}`);
      return say('serving', 'the last good contract: the servers keep it');
    }
    if (written.length === 0) return say('serving', 'the same contract: no generated file changed');
    say('generate', `${written.length} file(s) changed: ${written.join(', ')}`);

    const mock = servers.reloadMock();
    const simulator = servers.reloadSimulator();
    await mock.then(() => say('mock', 'serves the new contract'), (reason) => say('mock', `did not restart: ${reason.message}`));
    await simulator.then(() => say('simulator', 'validates and routes with the new contract, its state kept'), (reason) => say('simulator', `did not restart: ${reason.message}`));
    // After the servers, which the two cores serve first.
    await docs.build(docsPages()).then(() => say('docs', `rebuilt; ${docsServer.reload()} open tab(s) reloaded`), (reason) => say('docs', `failed: ${reason.message}`));
    say('breaking', breakingVerdict());
    say('serving', 'the new contract');
  };
}
