// Which package each changed file belongs to, for check:changeset, and which packages a changeset names.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../paths.mjs';

// The contract's source; openapi/releases/ is what a release writes, not a change to release.
const contractPackage = '@beeper-setup/contract';
const isContractSource = (file) => file.startsWith('openapi/') && !file.startsWith('openapi/releases/');

// What a workspace publishes is built from (or is) these paths: src/ and the command shims in bin/ for every
// workspace; the web app also builds its page from index.html and its server (dist/server/) from server/. Tests,
// demo/ (a static site, never published), docs, configs and package.json are not: they need no changeset.
const publishedSources = { 'apps/web': ['src/', 'bin/', 'server/', 'index.html'] };
const defaultSources = ['src/', 'bin/'];

/** The workspace's package.json, or undefined when the workspace is gone (nothing of it left to release). */
function manifest(workspace) {
  const file = join(root, workspace, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/**
 * The package a change to `file` must be released in, or undefined: files outside what a package publishes,
 * private workspaces (never published) and workspaces that no longer exist need no changeset.
 */
export function packageToRelease(file) {
  if (isContractSource(file)) return contractPackage;
  const match = /^((?:packages|apps)\/[^/]+)\/(.+)$/.exec(file);
  if (!match) return undefined;
  const [, workspace, path] = match;
  const sources = publishedSources[workspace] ?? defaultSources;
  if (!sources.some((source) => (source.endsWith('/') ? path.startsWith(source) : path === source))) return undefined;
  const pkg = manifest(workspace);
  return pkg && !pkg.private ? pkg.name : undefined;
}

/** `.changeset/*.md` but its README; a changeset that the diff shows deleted has been released already. */
export const isChangeset = (file) =>
  /^\.changeset\/[^/]+\.md$/.test(file) && file !== '.changeset/README.md' && existsSync(join(root, file));

// Changesets' own parser (what `changeset version` reads them with): @changesets/cli → @changesets/read →
// @changesets/parse, resolved along that chain so that it does not depend on npm hoisting it to the root.
function changesetParser() {
  const fromRoot = createRequire(join(root, 'package.json'));
  const fromCli = createRequire(fromRoot.resolve('@changesets/cli'));
  const fromRead = createRequire(fromCli.resolve('@changesets/read'));
  return fromRead('@changesets/parse').default;
}

/**
 * The releases in each changeset's front-matter (`"@beeper-setup/x": patch` → `{ name, type }`) and their package
 * names, or the parser's error for a changeset that `changeset version` would refuse. A package named with `none`
 * counts: its author decided. Loads the parser only when there is a changeset to read (needs `npm install`).
 */
export function namedPackages(changesets) {
  if (changesets.length === 0) return [];
  const parse = changesetParser();
  return changesets.map((file) => {
    try {
      const { releases } = parse(readFileSync(join(root, file), 'utf8'));
      return { file, releases, names: releases.map((release) => release.name) };
    } catch (error) {
      return { file, error: String(error.message ?? error).split('\n')[0] };
    }
  });
}
