// Release versions: reading `major.minor.patch` and ordering them.

/** The numeric parts of a `major.minor.patch` version (a pre-release tag is ignored). */
export function versionParts(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`"${version}" is not a major.minor.patch version`);
  return match.slice(1).map(Number);
}

/** Negative, zero or positive as `a` is below, equal to or above `b`. */
export function compareVersions(a, b) {
  const [pa, pb] = [versionParts(a), versionParts(b)];
  return pa.map((part, i) => part - pb[i]).find((difference) => difference !== 0) ?? 0;
}

export const majorOf = (version) => versionParts(version)[0];
