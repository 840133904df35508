// Redocly in this process (@redocly/openapi-core): redocly.yaml's rules, each API's and each Arazzo document's lint
// findings, and each API's bundle.
import { bundle, getLineColLocation, lint, loadConfig } from '@redocly/openapi-core';
import { join, relative } from 'node:path';
import { root } from '../paths.mjs';

export const redoclyConfig = () => loadConfig({ configPath: join(root, 'redocly.yaml') });

/** Each problem Redocly finds in the API: `{ linter, severity ('error' or 'warn'), file, line, rule, message }`. */
export const redoclyFindings = (config, api) => findings(config.forAlias(api.name), api.root);

/** The same for an Arazzo document, with redocly.yaml's root rules (its `arazzo1Rules`): it is no API of its own. */
export const redoclyWorkflowFindings = (config, path) => findings(config, path);

async function findings(config, ref) {
  const problems = await lint({ ref, config });
  return problems.map((problem) => {
    const [location] = problem.location;
    const at = location && getLineColLocation(location);
    return {
      linter: 'redocly',
      severity: problem.severity,
      file: at ? relative(root, at.source.absoluteRef) : '',
      line: at?.start?.line,
      rule: problem.ruleId,
      message: problem.message,
    };
  });
}

/**
 * The API bundled into one JSON text, as `redocly bundle --ext json` writes it: two-space indents, no final newline,
 * and the top-level keys in the order the CLI sorts them into (its `sortTopLevelKeysForOas`, which the library does
 * not apply), so that the committed bundles stay byte for byte what the CLI wrote.
 */
export async function redoclyBundle(config, api) {
  const { bundle: document, problems } = await bundle({ ref: api.root, config: config.forAlias(api.name) });
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new Error(`Bundling ${api.name} failed: ${errors.map((problem) => problem.message).join('; ')}`);
  return JSON.stringify(inCliOrder(document.parsed), null, 2);
}

const topLevelOrder = ['openapi', 'info', 'jsonSchemaDialect', 'servers', 'security', 'tags', 'externalDocs', 'paths', 'webhooks', 'x-webhooks', 'components'];

function inCliOrder(document) {
  const ordered = {};
  for (const key of topLevelOrder) if (Object.hasOwn(document, key)) ordered[key] = document[key];
  return Object.assign(ordered, document);
}
