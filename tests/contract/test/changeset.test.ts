import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot, runScript } from './repo.js';
import { commit, git, manifest } from './scratch-git.js';

let folder: string | undefined;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = undefined;
});

/**
 * A scratch repository on `main` with the scripts, a contract and three workspaces (two published, one private),
 * and `files`, committed; the repository's node_modules (changesets' parser, TypeScript) linked in and ignored.
 */
async function scratchRepository(files: Record<string, string> = {}) {
  folder = await mkdtemp(join(tmpdir(), 'beeper-setup-changeset-'));
  const root = join(folder, 'origin');
  await cp(join(repoRoot, 'scripts'), join(root, 'scripts'), { recursive: true });
  await symlink(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  await git(folder, 'init', '-q', '-b', 'main', root);
  await commit(root, {
    '.gitignore': 'node_modules\n',
    'openapi/openapi.yaml': 'info:\n  version: 1.0.0\n',
    'packages/client/package.json': manifest('@beeper-setup/client'),
    'packages/client/src/index.ts': '',
    'packages/mock/package.json': manifest('@beeper-setup/mock'),
    'packages/mock/src/index.ts': '',
    'apps/web/package.json': manifest('@beeper-setup/web'),
    'apps/web/server/bin.ts': '',
    'tests/chromium/package.json': manifest('@beeper-setup/chromium-testing', { private: true }),
    'packages/internal/package.json': manifest('@beeper-setup/internal', { private: true }),
    'packages/internal/src/index.ts': '',
    ...files,
  });
  return root;
}

const changesetNaming = (...names: string[]) => ({
  '.changeset/two-packages.md': `---\n${names.map((name) => `"${name}": patch\n`).join('')}---\n\nA fix.\n`,
});

const contractEdit = { 'openapi/openapi.yaml': 'info:\n  version: 1.0.0\n  title: Changed\n' };
const changeset = { '.changeset/new-title.md': '---\n"@beeper-setup/contract": minor\n---\n\nA title.\n' };

describe('check:changeset', () => {
  it('passes on main itself, where there is nothing to compare', async () => {
    const root = await scratchRepository();
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('check:changeset passed against main itself');
    expect(code).toBe(0);
  });

  const unreleasedChanges: [string, string, Record<string, string>][] = [
    ['openapi/', '@beeper-setup/contract', contractEdit],
    ["a package's src/", '@beeper-setup/client', { 'packages/client/src/index.ts': 'export {};\n' }],
    ["apps/web's server/", '@beeper-setup/web', { 'apps/web/server/bin.ts': 'export {};\n' }],
  ];
  it.each(unreleasedChanges)('fails on a branch that changes %s without a changeset', async (_, name, files) => {
    const root = await scratchRepository();
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, files);
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain(`Changed against where this branch left main, in packages that no changeset names:\n  ${name}\n    ${Object.keys(files)[0]}\n`);
    expect(output).toContain('FAIL Add a changeset for each: run `npx changeset`');
    expect(code).toBe(1);
  });

  it('passes on a branch that changes openapi/ with a changeset', async () => {
    const root = await scratchRepository();
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { ...contractEdit, ...changeset });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain(
      'check:changeset passed against where this branch left main: 1 changed file(s) in 1 package(s) to release, each named in one of 1 changeset(s).',
    );
    expect(code).toBe(0);
  });

  const twoPackages = { 'packages/client/src/index.ts': 'export {};\n', 'packages/mock/src/index.ts': 'export {};\n' };

  it('fails naming the other package when a change to two packages has a changeset naming one', async () => {
    const root = await scratchRepository();
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { ...twoPackages, ...changesetNaming('@beeper-setup/client') });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain(
      'Changed against where this branch left main, in packages that no changeset names:\n  @beeper-setup/mock\n    packages/mock/src/index.ts\nFAIL',
    );
    expect(output).not.toContain('packages/client/src/index.ts');
    expect(code).toBe(1);
  });

  it('passes when the changesets name both packages', async () => {
    const root = await scratchRepository();
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { ...twoPackages, ...changesetNaming('@beeper-setup/client', '@beeper-setup/mock') });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('2 changed file(s) in 2 package(s) to release, each named in one of 1 changeset(s).');
    expect(code).toBe(0);
  });

  it('counts only changesets of the same comparison: one already on main names nothing new', async () => {
    const root = await scratchRepository();
    await commit(root, changesetNaming('@beeper-setup/client'));
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { 'packages/client/src/index.ts': 'export {};\n' });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('in packages that no changeset names:\n  @beeper-setup/client\n');
    expect(code).toBe(1);
  });

  it('needs no changeset for a private package, tests, a package.json or the web demo', async () => {
    const root = await scratchRepository();
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, {
      'packages/internal/src/index.ts': 'export {};\n',
      'tests/chromium/src/index.ts': 'export {};\n',
      'packages/client/test/index.test.ts': '',
      'packages/client/package.json': manifest('@beeper-setup/client', { description: 'A client.' }),
      'apps/web/demo/main.ts': '',
    });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('check:changeset passed against where this branch left main: 0 changed file(s) in 0 package(s)');
    expect(code).toBe(0);
  });

  it('fails on a changeset whose front-matter changesets cannot read', async () => {
    const root = await scratchRepository();
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { '.changeset/broken.md': '---\n"@beeper-setup/client": huge\n---\n\nA fix.\n' });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('Unreadable changeset .changeset/broken.md: could not parse changeset - invalid version type "huge"');
    expect(code).toBe(1);
  });

  it('fails on main for a change since the last release tag without a changeset, and passes with one', async () => {
    const root = await scratchRepository();
    await git(root, 'tag', '@beeper-setup/contract@1.0.0');
    await commit(root, contractEdit);
    const without = await runScript(root, 'check-changeset.mjs');
    expect(without.output).toContain('Changed against the last release, @beeper-setup/contract@1.0.0, in packages that no changeset names:');
    expect(without.code).toBe(1);
    await commit(root, changeset);
    const withOne = await runScript(root, 'check-changeset.mjs');
    expect(withOne.output).toContain('check:changeset passed against the last release, @beeper-setup/contract@1.0.0');
    expect(withOne.code).toBe(0);
  });

  it('works in a shallow clone (--depth 1), with what history it has', async () => {
    const origin = await scratchRepository();
    await commit(origin, contractEdit);
    const clone = join(folder!, 'clone');
    await git(folder!, 'clone', '-q', '--depth', '1', `file://${origin}`, clone);
    const { code, output } = await runScript(clone, 'check-changeset.mjs');
    expect(output).toContain('check:changeset passed against origin/main itself, nothing released yet');
    expect(code).toBe(0);
  });

  it('skips, saying why, in a shallow clone of a branch without main', async () => {
    const origin = await scratchRepository();
    await git(origin, 'switch', '-q', '-c', 'feature');
    await commit(origin, contractEdit);
    const clone = join(folder!, 'clone');
    await git(folder!, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, clone);
    const { code, output } = await runScript(clone, 'check-changeset.mjs');
    expect(output).toContain('check:changeset skipped: no main branch and no release tag in this clone (shallow: git fetch --unshallow --tags origin main).');
    expect(code).toBe(0);
  });
});

/** An API report as API Extractor writes one, around `code`. */
const report = (code: string) =>
  `## API Report File for "@beeper-setup/client"\n\n> Do not edit this file. It is a report generated by [API Extractor](https://api-extractor.com/).\n\n\`\`\`ts\n\n${code}\n// (No @packageDocumentation comment for this package)\n\n\`\`\`\n`;

const clientEntries = (...entries: string[]) =>
  manifest('@beeper-setup/client', { exports: Object.fromEntries(entries.map((entry) => [entry, { types: `./dist/${entry === '.' ? 'index' : entry.slice(2)}.d.ts` }])) });

const options = (members: string) => `// @public (undocumented)\nexport interface SetupClientOptions {\n${members}}\n\n`;
const createClient = '// @public (undocumented)\nexport function createSetupClient(options?: SetupClientOptions): SetupClient;\n\n';
const clientType = '// @public\nexport type SetupClient = {\n    readonly baseUrl: string;\n};\n\n';
const baseApi = options('    timeoutMs?: number | undefined;\n    maxRetries?: number | undefined;\n') + createClient + clientType;
const bumpTo = (type: string) => ({ '.changeset/api.md': `---\n"@beeper-setup/client": ${type}\n---\n\nThe API.\n` });

// [what, the report on the branch, the lines check:changeset prints, the bump it needs, one too small]
const apiChanges: [string, string, string[], string, string][] = [
  ['an export removed', options('    timeoutMs?: number | undefined;\n    maxRetries?: number | undefined;\n') + clientType,
    ['removed  .  createSetupClient  (was: export function createSetupClient(options?: SetupClientOptions): SetupClient;)'], 'major', 'minor'],
  ["an export's signature changed", baseApi.replace('(options?: SetupClientOptions)', '(options: SetupClientOptions)'),
    ['changed  .  createSetupClient: export function createSetupClient(options?: SetupClientOptions): SetupClient;  →  export function createSetupClient(options: SetupClientOptions): SetupClient;'], 'major', 'minor'],
  ["a member's type changed", baseApi.replace('timeoutMs?: number | undefined', 'timeoutMs?: string'),
    ['changed  .  SetupClientOptions.timeoutMs: timeoutMs?: number | undefined;  →  timeoutMs?: string;'], 'major', 'minor'],
  ['a member removed', baseApi.replace('    maxRetries?: number | undefined;\n', ''),
    ['removed  .  SetupClientOptions.maxRetries  (was: maxRetries?: number | undefined;)'], 'major', 'minor'],
  ['an export renamed', baseApi.replace('export type SetupClient =', 'export type Client =').replace(': SetupClient;', ': Client;'),
    ['removed  .  SetupClient  (was: export type SetupClient = { … })', 'changed  .  createSetupClient: ', 'added    .  Client  (export type Client = { … })'], 'major', 'minor'],
  ['an export added', `${baseApi}// @public\nexport const defaultBaseUrl: "http://localhost:23373";\n\n`,
    ['added    .  defaultBaseUrl  (defaultBaseUrl: "http://localhost:23373")'], 'minor', 'patch'],
  ['a member added', baseApi.replace('    maxRetries?', '    deadlineMs?: number | undefined;\n    maxRetries?'),
    ['added    .  SetupClientOptions.deadlineMs  (deadlineMs?: number | undefined;)'], 'minor', 'patch'],
  ['an export no longer exported (still declared, for the exports that use it)', baseApi.replace('export type SetupClient', 'type SetupClient'),
    ['removed  .  SetupClient'], 'major', 'minor'],
];

// A few script runs per test, each loading TypeScript: a bound many times their normal few seconds.
describe('check:changeset and the API reports', () => {
  it.each(apiChanges)('classifies %s, and a smaller bump than it needs fails', async (_, after, lines, needs, tooSmall) => {
    const root = await scratchRepository({ 'packages/client/package.json': clientEntries('.'), 'packages/client/api/index.api.md': report(baseApi) });
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { 'packages/client/api/index.api.md': report(after), ...bumpTo(tooSmall) });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain(`API changes against where this branch left main (the API reports):\n  @beeper-setup/client: needs ${needs}, its changesets give ${tooSmall}\n`);
    for (const line of lines) expect(output).toContain(`\n    ${line}`);
    expect(output).toContain(`FAIL @beeper-setup/client: its API changed (above), which needs a ${needs} changeset`);
    expect(code).toBe(1);
  });

  it.each([
    ['a removal and an addition', 'major', options('    timeoutMs?: number | undefined;\n    retries?: number | undefined;\n') + createClient + clientType],
    ['an addition', 'minor', `${baseApi}// @public\nexport const defaultBaseUrl: "http://localhost:23373";\n\n`],
  ])('passes %s with a %s changeset', async (_, bump, after) => {
    const root = await scratchRepository({ 'packages/client/package.json': clientEntries('.'), 'packages/client/api/index.api.md': report(baseApi) });
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { 'packages/client/api/index.api.md': report(after), ...bumpTo(bump) });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain(`  @beeper-setup/client: needs ${bump}, its changesets give ${bump}\n`);
    expect(output).toContain('with a bump that covers its API changes.');
    expect(code).toBe(0);
  });

  it('compares what a non-exported type declares as part of the exports that use it', async () => {
    const hidden = (type: string) => `// @public\nexport function connect(options: ConnectOptions): void;\n\ninterface ConnectOptions {\n    port: ${type};\n}\n\n`;
    const root = await scratchRepository({ 'packages/client/package.json': clientEntries('.'), 'packages/client/api/index.api.md': report(hidden('number')) });
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { 'packages/client/api/index.api.md': report(hidden('string')), ...bumpTo('minor') });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('    changed  .  ConnectOptions.port: port: number;  →  port: string;');
    expect(code).toBe(1);
  });

  it('sees no change in comments, release tags or layout, and needs no bump for them', async () => {
    const root = await scratchRepository({ 'packages/client/package.json': clientEntries('.'), 'packages/client/api/index.api.md': report(baseApi) });
    await git(root, 'switch', '-q', '-c', 'feature');
    const relaid = baseApi.replace('// @public (undocumented)\nexport function', '// @public\nexport function').replace('(options?: SetupClientOptions)', '(\n    options?: SetupClientOptions\n)');
    await commit(root, { 'packages/client/api/index.api.md': report(relaid) });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).not.toContain('API changes');
    expect(code).toBe(0);
  });

  it.each([
    ['an import API Extractor renamed when another of its name joined the report: no change', 'Problem_2', false],
    ['an export that now takes the type of that name from elsewhere: a change', 'Problem', true],
  ])('compares imported types by what they name: %s', async (_, used, changed) => {
    const uses = (type: string) => `// @public\nexport function explain(problem: ${type}): string;\n\n`;
    const before = `import { Problem } from '@beeper-setup/contract';\n\n${uses('Problem')}`;
    const after = `import type { Problem } from '@beeper-setup/contract/control';\nimport { Problem as Problem_2 } from '@beeper-setup/contract';\n\n${uses(used)}`;
    const root = await scratchRepository({ 'packages/client/package.json': clientEntries('.'), 'packages/client/api/index.api.md': report(before) });
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { 'packages/client/api/index.api.md': report(after) });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    if (changed) expect(output).toContain('    changed  .  explain: ');
    else expect(output).not.toContain('API changes');
    expect(code).toBe(changed ? 1 : 0);
  });

  it("counts a new entry point's exports as added, and a report's first commit for an entry point already published as none", async () => {
    const root = await scratchRepository({ 'packages/client/package.json': clientEntries('.') });
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, {
      'packages/client/package.json': clientEntries('.', './flow'),
      'packages/client/api/index.api.md': report(baseApi),
      'packages/client/api/flow.api.md': report('// @public\nexport function nextStep(state: string): string;\n\n'),
      ...bumpTo('patch'),
    });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('  @beeper-setup/client: needs minor, its changesets give patch\n    added    ./flow  nextStep  (export function nextStep(state: string): string;)\nFAIL');
    expect(code).toBe(1);
  });

  it("counts a removed entry point's exports as removed", async () => {
    const root = await scratchRepository({ 'packages/client/package.json': clientEntries('.'), 'packages/client/api/index.api.md': report(baseApi) });
    await git(root, 'switch', '-q', '-c', 'feature');
    await commit(root, { 'packages/client/package.json': clientEntries(), 'packages/client/api/index.api.md': null, ...bumpTo('minor') });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('  @beeper-setup/client: needs major, its changesets give minor\n    removed  .  SetupClientOptions  (was: export interface SetupClientOptions { … })\n');
    expect(output).toContain('    removed  .  createSetupClient');
    expect(code).toBe(1);
  });

  it("fails naming the export when one is removed from the client's real report, with no changeset", async () => {
    const committed = await readFile(join(repoRoot, 'packages/client/api/index.api.md'), 'utf8');
    const root = await scratchRepository({ 'packages/client/package.json': clientEntries('.'), 'packages/client/api/index.api.md': committed });
    await git(root, 'switch', '-q', '-c', 'feature');
    const removed = committed.replace(/\/\/ @public[^\n]*\nexport function createSetupClient\([^\n]*\n\n/, '');
    expect(removed).not.toBe(committed);
    await commit(root, { 'packages/client/api/index.api.md': removed });
    const { code, output } = await runScript(root, 'check-changeset.mjs');
    expect(output).toContain('  @beeper-setup/client: needs major, no changeset names it\n    removed  .  createSetupClient  (was: export function createSetupClient(');
    expect(output).toContain('FAIL @beeper-setup/client: its API changed (above), which needs a major changeset');
    expect(code).toBe(1);
  });
});
