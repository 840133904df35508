// The change list, as plain lines for the terminal or as Markdown for a CI job summary.

const placeOf = (change) => (change.operations.length > 0 ? change.operations.join(', ') : '(no operation)');

/** One line per change: kind, operation(s), JSON pointer, what changed. */
export const textLines = (changes) =>
  changes.map((change) => `${change.kind.padEnd(12)} ${placeOf(change)}  ${change.pointer}  ${change.description}`);

/** One Markdown table row per change under a heading that names the comparison. */
export function markdownLines(title, changes) {
  const escape = (text) => text.replaceAll('|', '\\|');
  return [
    `### ${title}`,
    '',
    ...(changes.length === 0
      ? ['No changes.']
      : [
          '| Kind | Operation(s) | Pointer | Change |',
          '|---|---|---|---|',
          ...changes.map((c) => `| ${c.kind} | ${escape(placeOf(c))} | \`${c.pointer}\` | ${escape(c.description)} |`),
        ]),
    '',
  ];
}
