// Spectral in this process (@stoplight/spectral-core) with .spectral.yaml: the OWASP API Security ruleset and the
// project's changes to it, loaded once.
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import spectralRefResolver from '@stoplight/spectral-ref-resolver';
import { parse } from 'yaml';
import { root } from '../paths.mjs';

const { Document, Ruleset, Spectral } = spectralCore;
const rulesetFile = join(root, '.spectral.yaml');
// Spectral's severities: 0 error, 1 warning, 2 information, 3 hint.
const severityNames = ['error', 'warn', 'info', 'hint'];

/**
 * .spectral.yaml as Spectral's CLI reads it: `extends` names rulesets installed in node_modules, `rules` and
 * `overrides` (whose file patterns are relative to the ruleset's folder) change them.
 */
async function loadRuleset() {
  const definition = parse(await readFile(rulesetFile, 'utf8'));
  const bases = await Promise.all((definition.extends ?? []).map(async (name) => (await import(name)).default));
  return new Ruleset({ ...definition, extends: bases }, { severity: 'recommended', source: rulesetFile });
}

/** Lints an API's root document (and every file it references) with the project's Spectral ruleset. */
export async function spectralLinter() {
  const ruleset = await loadRuleset();
  return async function spectralFindings(api) {
    // A fresh resolver for each run: one shared across runs answers later $refs from its cache of earlier files,
    // resolved against the wrong folder (stoplightio/spectral#2562).
    const spectral = new Spectral({ resolver: spectralRefResolver.createHttpAndFileResolver() });
    spectral.setRuleset(ruleset);
    const text = await readFile(api.root, 'utf8');
    const results = await spectral.run(new Document(text, spectralParsers.Yaml, api.root));
    return results.map((result) => ({
      linter: 'spectral',
      severity: severityNames[result.severity],
      file: relative(root, result.source ?? api.root),
      line: result.range.start.line + 1,
      rule: result.code,
      message: result.message,
    }));
  };
}
