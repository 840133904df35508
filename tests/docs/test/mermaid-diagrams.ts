// Mermaid diagrams in a Markdown file, rendered by the real mermaid.js in a page of Chromium, as GitHub renders them.
import { createRequire } from 'node:module';
import type { Mermaid } from 'mermaid';
import type { Page } from 'playwright-core';

declare global {
  var mermaid: Mermaid;
}

export interface Diagram {
  /** The heading the diagram stands under, as a reader finds it: `` `sasStartedHere` ``. */
  heading: string;
  text: string;
}

export interface Rendering {
  heading: string;
  /** The root element's tag and its `aria-roledescription` (the diagram type mermaid drew), when it rendered. */
  element?: string | undefined;
  drawn?: string | null | undefined;
  width?: number;
  error?: string;
}

// The browser build (an IIFE setting `globalThis.mermaid`), read from node_modules: nothing is fetched.
const mermaidScript = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

/** Every ```mermaid fence of `markdown`, named by the nearest heading above it. */
export function mermaidDiagrams(markdown: string): Diagram[] {
  const diagrams: Diagram[] = [];
  let heading = '(before any heading)';
  let fence: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (fence) {
      if (line.trim() === '```') {
        diagrams.push({ heading, text: fence.join('\n') });
        fence = undefined;
      } else fence.push(line);
    } else if (line.trim() === '```mermaid') fence = [];
    else if (/^#{1,6} /.test(line)) heading = line.replace(/^#+ /, '').trim();
  }
  if (fence) throw new Error(`The mermaid fence under "${heading}" is never closed.`);
  return diagrams;
}

/** Loads mermaid.js into a blank page; `mermaid.render` is then called by `renderDiagrams`, never on load. */
export async function loadMermaid(page: Page): Promise<void> {
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ path: mermaidScript });
  await page.evaluate(() => globalThis.mermaid.initialize({ startOnLoad: false, suppressErrorRendering: true }));
}

/** Renders each diagram with `mermaid.render` and puts its SVG on the page, measured: one result per diagram, in order. */
export function renderDiagrams(page: Page, diagrams: Diagram[]): Promise<Rendering[]> {
  return page.evaluate(async (all) => {
    const results: Rendering[] = [];
    for (const { heading, text } of all) {
      try {
        // An id no diagram on the page has yet: mermaid.render replaces the element of the id it is given, and scopes
        // the diagram's styles by it.
        const { svg } = await globalThis.mermaid.render(`diagram-${document.body.childElementCount}`, text);
        const holder = document.createElement('div');
        holder.innerHTML = svg;
        document.body.append(holder);
        const root = holder.firstElementChild;
        results.push({ heading, element: root?.tagName, drawn: root?.getAttribute('aria-roledescription'), width: root?.getBoundingClientRect().width ?? 0 });
      } catch (error) {
        results.push({ heading, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return results;
  }, diagrams);
}

// What mermaid's `aria-roledescription` calls the diagram types the docs use.
const drawnAs: Record<string, string> = { sequenceDiagram: 'sequence', 'stateDiagram-v2': 'stateDiagram' };

/** What went wrong with each diagram that did not render as the type its first line declares, naming it by its heading. */
export function problemsOf(diagrams: Diagram[], renderings: Rendering[]): string[] {
  return renderings.flatMap(({ heading, element, drawn, width, error }, index) => {
    if (error) return [`${heading}: ${error}`];
    const declared = diagrams[index]?.text.trim().split(/\s/, 1)[0] ?? '';
    const expected = drawnAs[declared] ?? declared;
    if (element !== 'svg') return [`${heading}: rendered to <${element}>, not <svg>`];
    if (drawn !== expected) return [`${heading}: drawn as ${drawn}, not ${expected}`];
    if (!width) return [`${heading}: the <svg> is empty`];
    return [];
  });
}
