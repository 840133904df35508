// What check:changeset compares with. On a branch: where it left main. On main itself (where that is HEAD): the
// last release, tagged by `changeset tag`, so every change since then needs a changeset still waiting to be
// released. Without either (nothing released yet, or a shallow clone that has neither), whatever history exists.
import { git } from './git.mjs';

const mainRefs = ['origin/main', 'main'];
const releaseTagPattern = '@beeper-setup/contract@*';

/** `{ base, reason }`, or `{ skip }` saying why there is nothing to compare with. */
export function comparisonBase() {
  const head = git('rev-parse', 'HEAD');
  if (!head) return { skip: 'not in a git repository with commits' };

  const mainRef = mainRefs.find((ref) => git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`));
  const mergeBase = mainRef && git('merge-base', 'HEAD', mainRef);
  if (mergeBase && mergeBase !== head) return { base: mergeBase, reason: `where this branch left ${mainRef}` };

  const releaseTag = git('describe', '--tags', '--abbrev=0', '--match', releaseTagPattern, 'HEAD');
  if (releaseTag) return { base: releaseTag, reason: `the last release, ${releaseTag}` };

  if (mergeBase) return { base: head, reason: `${mainRef} itself, nothing released yet: uncommitted changes only` };
  const shallow = git('rev-parse', '--is-shallow-repository') === 'true';
  return {
    skip: `no main branch and no release tag in this clone${shallow ? ' (shallow: git fetch --unshallow --tags origin main)' : ''}`,
  };
}
