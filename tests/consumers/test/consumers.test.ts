import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { binOf, createConsumerProject } from '../src/consumer-project.js';
import { importableSpecifiers, missingEntryPoints, type Manifest } from '../src/entry-points.js';
import { failedImports } from '../src/import-in-project.js';
import { packPackages, type PackedPackage } from '../src/pack-packages.js';
import { startPackedSimulator, type PackedSimulator } from '../src/packed-simulator.js';
import { startPackedWebServer } from '../src/packed-web-server.js';
import { publishablePackages } from '../src/publishable-packages.js';
import { publishCorrections } from '../src/publish-corrections.js';
import { runCommand, type CommandResult } from '../src/run-command.js';
import { missingWebBuild } from '../src/web-build.js';

const repositoryRoot = resolve(import.meta.dirname, '../../..');
const fixture = resolve(import.meta.dirname, '../fixture');

let scratch: string;
let project: string;
let packed: PackedPackage[];
let simulator: PackedSimulator | undefined;

beforeAll(async () => {
  // Outside the workspace, so that Node finds nothing of the monorepo's node_modules from the project.
  scratch = await mkdtemp(join(tmpdir(), 'beeper-setup-consumers-'));
  project = join(scratch, 'consumer');
  packed = await packPackages(repositoryRoot, publishablePackages, scratch);
  await createConsumerProject(fixture, project, packed.map(({ tarball }) => tarball));
});

afterAll(async () => {
  await simulator?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const manifestOf = async (name: string) => JSON.parse(await readFile(join(project, 'node_modules', name, 'package.json'), 'utf8')) as Manifest;

describe('each packed package', () => {
  it('holds every file its types, exports and bin name', async () => {
    const missing = await Promise.all(packed.map(async ({ name, files }) => missingEntryPoints(await manifestOf(name), files)));
    expect(missing.flat()).toEqual([]);
  });

  it('holds the built wizard page and every module of its server', async () => {
    const serverSources = (await readdir(join(repositoryRoot, 'apps/web/server'), { recursive: true })).filter((file) => file.endsWith('.ts'));
    const web = packed.find(({ name }) => name === '@beeper-setup/web');
    expect(missingWebBuild(serverSources, web?.files ?? [])).toEqual([]);
  });

  it('publishes its package.json as written, with nothing for npm to correct', async () => {
    const corrections = await Promise.all(publishablePackages.map((workspace) => publishCorrections(repositoryRoot, workspace)));
    expect(corrections.flat()).toEqual([]);
  });

  it('loads every export in a fresh project, with only its own dependencies', async () => {
    const specifiers = (await Promise.all(packed.map(async ({ name }) => importableSpecifiers(await manifestOf(name))))).flat();
    expect(specifiers).toContain('@beeper-setup/client/flow');
    expect(await failedImports(project, specifiers)).toEqual([]);
  });

  it.each(['beeper-setup', 'beeper-setup-sim', 'beeper-setup-mock', 'beeper-setup-web'])('runs its command %s from the project', async (command) => {
    const { stdout } = await runCommand(`${command} --help`, binOf(project, command), ['--help'], { cwd: project });
    expect(stdout).toContain(`Usage: ${command}`);
  });
});

/** A compile takes about 10 s on a quiet machine and over 50 s with both cores busy: the bound is many times that. */
const compileTimeoutMs = 240_000;

let nodenextCompile: Promise<CommandResult> | undefined;
/**
 * tsc under moduleResolution nodenext, run once whichever test needs it first: it checks the consumer and emits the
 * dist/ that the consumers are run from (tsconfig.nodenext.json has an outDir), so each test still works alone.
 */
const compileNodenext = () =>
  (nodenextCompile ??= runCommand('tsc --strict with moduleResolution nodenext (emitting dist/)', binOf(project, 'tsc'), ['-p', 'tsconfig.nodenext.json'], { cwd: project, timeoutMs: compileTimeoutMs }));

describe('a consumer written with tsc --strict', { timeout: compileTimeoutMs }, () => {
  it.each(['nodenext', 'bundler'])('compiles under moduleResolution %s, the wrong path and body refused', async (resolution) => {
    if (resolution === 'nodenext') await compileNodenext();
    else await runCommand(`tsc --strict with moduleResolution ${resolution}`, binOf(project, 'tsc'), ['-p', `tsconfig.${resolution}.json`], { cwd: project, timeoutMs: compileTimeoutMs });
  });

  it('signs alice in to ready against the packed simulator, and the packed CLI sees it', async () => {
    await compileNodenext();
    simulator = await startPackedSimulator(project);
    const env = { ...process.env, BEEPER_DESKTOP_BASE_URL: simulator.url, XDG_CONFIG_HOME: join(scratch, 'config') };
    const consumer = await runCommand('The consumer', process.execPath, ['dist/consumer.js'], { cwd: project, env: { ...env, SIM_CONTROL_TOKEN: simulator.controlToken } });
    const signedIn = JSON.parse(consumer.stdout) as { state: string; accessToken: string };
    expect(signedIn.state).toBe('ready');

    const status = await runCommand('beeper-setup status --json', binOf(project, 'beeper-setup'), ['status', '--json'], {
      cwd: project,
      env: { ...env, BEEPER_ACCESS_TOKEN: signedIn.accessToken },
    });
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'ready', matrix: { userID: '@alice:beeper.com' } });
  });

  it('answers the packed client from the packed MSW handlers, in process, and lets an override win', async () => {
    await compileNodenext();
    const consumer = await runCommand('The MSW consumer', process.execPath, ['dist/msw-consumer.js'], { cwd: project });
    expect(JSON.parse(consumer.stdout)).toEqual({ state: 'needs-login', overridden: 500 });
  });
});

describe('the packed web wizard', () => {
  it('serves its page and forwards /v1/app/setup to the packed simulator', async () => {
    const target = await startPackedSimulator(project);
    onTestFinished(() => target.stop());
    const web = await startPackedWebServer(project, target.url);
    onTestFinished(() => web.stop());
    const page = await fetch(web.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`<meta name="beeper-setup-target" content="${target.url}">`);
    const setup = await fetch(`${web.url}/v1/app/setup`);
    expect(setup.status).toBe(200);
    expect(await setup.json()).toMatchObject({ state: 'needs-login' });
  });
});
