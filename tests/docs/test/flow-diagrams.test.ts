// Every Mermaid diagram of docs/flows.md renders with mermaid.js (what GitHub renders them with) in Chromium.
import { readFileSync } from 'node:fs';
import { keepLocal, launchChromium } from '@beeper-setup/chromium-testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { workflowDocuments } from '../../../scripts/workflows/documents.mjs';
import { loadMermaid, mermaidDiagrams, problemsOf, renderDiagrams } from './mermaid-diagrams.js';

const flows = readFileSync(new URL('../../../docs/flows.md', import.meta.url), 'utf8');
const diagrams = mermaidDiagrams(flows);

let browser: Browser;
let page: Page;
let offMachine: string[];
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext();
  offMachine = await keepLocal(context);
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await loadMermaid(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('docs/flows.md in mermaid.js', () => {
  test('has a diagram for each state field and each workflow of openapi/workflows/', () => {
    const workflowIds = workflowDocuments().flatMap(({ document }) => document.workflows.map(({ workflowId }: { workflowId: string }) => `\`${workflowId}\``));
    expect(workflowIds.length).toBeGreaterThan(0);
    expect(diagrams.map(({ heading }) => heading)).toEqual(['`session.state`', '`verification.state`', ...workflowIds]);
  });

  test('renders every diagram to an <svg> of the type it declares', async () => {
    const renderings = await renderDiagrams(page, diagrams);
    expect(renderings).toHaveLength(diagrams.length);
    expect(problemsOf(diagrams, renderings)).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(offMachine).toEqual([]);
  });

  test('reports a diagram with a syntax error, naming it by its heading', async () => {
    const scratch = ['# Scratch', '## `brokenArrow`', '```mermaid', 'sequenceDiagram', '  App-x>>Server: startSetup', '```', '## `fine`', '```mermaid', 'stateDiagram-v2', '  [*] --> ready', '```'].join('\n');
    const scratchDiagrams = mermaidDiagrams(scratch);
    const problems = problemsOf(scratchDiagrams, await renderDiagrams(page, scratchDiagrams));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^`brokenArrow`: Parse error on line 2/);
  });

  test('refuses a mermaid fence that is never closed, naming its heading', () => {
    expect(() => mermaidDiagrams('## `open`\n```mermaid\nsequenceDiagram\n')).toThrow('The mermaid fence under "`open`" is never closed.');
  });
});
