// The flows as Arazzo documents (openapi/workflows/*.arazzo.yaml): their workflows, and what each step calls.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { root } from '../paths.mjs';

export const workflowsFolder = join(root, 'openapi', 'workflows');

/** Every Arazzo document: `{ file, path, document }`, in file-name order. */
export function workflowDocuments(folder = workflowsFolder) {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.arazzo.yaml'))
    .sort()
    .map((file) => ({ file, path: join(folder, file), document: parse(readFileSync(join(folder, file), 'utf8')) }));
}

/** `$sourceDescriptions.setup.startSetup` → `{ source: 'setup', name: 'startSetup' }`; a local workflow has no source. */
export function reference(value) {
  const match = /^\$sourceDescriptions\.([^.]+)\.(.+)$/.exec(value);
  return match ? { source: match[1], name: match[2] } : { source: undefined, name: value };
}

/** The workflow a step calls, looked up in its document or in the Arazzo document it names. */
export function calledWorkflow(documents, document, step) {
  const { source, name } = reference(step.workflowId);
  const target = source ? documents.find(({ file }) => document.sourceDescriptions.some((each) => each.name === source && each.url === `./${file}`))?.document : document;
  const workflow = target?.workflows.find((each) => each.workflowId === name);
  if (!workflow) throw new Error(`A step calls the workflow ${step.workflowId}, which no document here has.`);
  return { document: target, workflow };
}

/** The names of a workflow's required inputs. */
export const requiredInputs = (workflow) => workflow.inputs?.required ?? [];
