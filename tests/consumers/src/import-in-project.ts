import { runCommand } from './run-command.js';

/** Imports each specifier in a Node process inside the project; resolves to one sentence per import that failed. */
export async function failedImports(project: string, specifiers: string[]): Promise<string[]> {
  const script = `
    const failures = [];
    for (const specifier of ${JSON.stringify(specifiers)}) {
      await import(specifier).catch((error) => failures.push(\`import('\${specifier}') failed: \${error.message}\`));
    }
    console.log(JSON.stringify(failures));`;
  const { stdout } = await runCommand('Importing the packed packages', process.execPath, ['--input-type=module', '-e', script], { cwd: project });
  return JSON.parse(stdout) as string[];
}
