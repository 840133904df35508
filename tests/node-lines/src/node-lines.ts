/**
 * The Node LTS lines the packages are tested on besides the one running `npm test`: the newest release of each that
 * the registry's `node` package installs (`npx -y node@24`), so every platform has its binary package.
 */
export const nodeLines = ['22.23.3', '24.21.0'] as const;

export const majorOf = (version: string): number => Number(version.replace(/^v/, '').split('.')[0]);

/** The lines to run here: a line that is the current Node's already runs the whole `npm test`. */
export const otherLines = (current = process.version): string[] => nodeLines.filter((line) => majorOf(line) !== majorOf(current));
