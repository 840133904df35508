// What `npm run dev` does when a package's or an app's sources change: turbo rebuilds it and what depends on it
// (cached tasks are skipped), then every server restarts, the simulator with its state.
import { spawn } from 'node:child_process';
import { installedCommand, root } from '../paths.mjs';

function turboBuild(filter) {
  return new Promise((resolve, reject) => {
    const child = spawn(installedCommand('turbo'), ['run', 'build', `--filter=${filter}`, '--output-logs=errors-only'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`turbo run build --filter=${filter} exited with code ${code}`))));
  });
}

/** `{ servers, log }` and the package's name → the handler of a change to its sources. */
export function packageChange({ servers, log }, name, folder) {
  return async function onPackageChange(changed) {
    const started = performance.now();
    const say = (step, text) => log(`  ${step.padEnd(10)} ${text} (+${Math.round(performance.now() - started)} ms)`);
    log(`${folder}/${changed ?? ''} changed`);
    try {
      await turboBuild(`...${name}`);
    } catch (error) {
      return say('build', `failed, the servers keep running the last build: ${error.message}`);
    }
    say('build', `${name} and its dependents built`);
    await servers.restartAll();
    say('servers', 'restarted, the simulator with its state');
  };
}
