// API Extractor's report of each typed entry point of one workspace, read from the declarations its build wrote.
// One TypeScript program serves all of a workspace's entry points. The reports are of names and types: TSDoc
// findings and missing release tags (this project writes JSDoc and tags nothing @public) are left out of them.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CompilerState, Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { root } from '../paths.mjs';
import { readManifest, reportFile, typedEntries } from './entries.mjs';

const quiet = { logLevel: 'none', addToApiReportFile: false };

// The compiler options the workspace builds with; its inputs are the declarations alone, not its sources.
function extractorConfig(folder, types, allTypes, out) {
  const tsconfig = ['tsconfig.build.json', 'tsconfig.json'].map((file) => join(folder, file)).find(existsSync);
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: folder,
      newlineKind: 'lf',
      mainEntryPointFilePath: join(folder, types),
      compiler: { overrideTsconfig: { extends: tsconfig, files: allTypes, include: [] } },
      apiReport: { enabled: true, reportFolder: out, reportTempFolder: out, reportFileName: 'entry' },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        extractorMessageReporting: { 'ae-missing-release-tag': quiet },
        tsdocMessageReporting: { default: quiet },
      },
    },
    packageJsonFullPath: join(folder, 'package.json'),
  });
}

/**
 * `Map<report, text>` for the workspace's entry points (report relative to the workspace). Throws naming the entry
 * point when its declarations are missing (not built) or API Extractor reports an error.
 */
export async function extractReports(workspace) {
  const folder = join(root, workspace);
  const name = readManifest(workspace).name;
  const entries = typedEntries(workspace);
  for (const { entry, types } of entries) {
    if (!existsSync(join(folder, types))) throw new Error(`${name} ${entry}: ${workspace}/${types} is missing; build the package first.`);
  }
  const out = await mkdtemp(join(tmpdir(), 'beeper-setup-api-report-'));
  try {
    const allTypes = entries.map(({ types }) => types);
    const configs = entries.map(({ types }) => extractorConfig(folder, types, allTypes, out));
    const compilerState = CompilerState.create(configs[0]);
    const reports = new Map();
    for (const [index, { entry }] of entries.entries()) {
      const problems = [];
      const result = Extractor.invoke(configs[index], {
        localBuild: true,
        compilerState,
        messageCallback(message) {
          if (message.logLevel === 'error') problems.push(message.text);
          message.handled = true;
        },
      });
      if (!result.succeeded) throw new Error(`${name} ${entry}: API Extractor failed${problems.length ? `: ${problems.join('; ')}` : ''}.`);
      reports.set(reportFile(entry), await readFile(join(out, 'entry.api.md'), 'utf8'));
      await rm(join(out, 'entry.api.md'));
    }
    return reports;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
