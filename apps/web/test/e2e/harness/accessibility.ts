// axe-core on the page as it stands: a serious or critical violation fails, named with where it is.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const failing = new Set(['serious', 'critical']);

// Several flows pass through the same screens (every one starts with "Sign in"), and axe takes about a second a
// screen. A screen is skipped only when one of the same name showing the same has passed before in this test file:
// the same visible elements, with the same roles, classes and ARIA attributes. The same heading with something more
// or less (an alert or banner, the incoming request's region, the notice that a verification stopped, another state
// in the status panel) is checked again. Text and typed values are left out (the name covers the words), so that a
// sign-in code or a user ID does not make a screen new.
const passed = new Set<string>();

export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const shown = `${screen}\n${await visibleStructure(page)}`;
  if (passed.has(shown)) return;
  const { violations } = await new AxeBuilder({ page }).analyze();
  const described = violations
    .filter((violation) => failing.has(violation.impact ?? ''))
    .map(({ id, impact, help, nodes }) =>
      [`${impact}: ${id}: ${help}`, ...nodes.map((node) => `  at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)].join('\n'),
    );
  expect(described, `axe on the screen "${screen}"`).toEqual([]);
  passed.add(shown);
}

/** Every visible element of the body, by tag and attributes (bar those that carry data, not structure), in order. */
function visibleStructure(page: Page): Promise<string> {
  return page.evaluate(() => {
    const dataAttributes = new Set(['value', 'src', 'href', 'style']);
    const lines: string[] = [];
    const walk = (element: Element, depth: number) => {
      if (!element.checkVisibility()) return;
      const attributes = [...element.attributes]
        .filter(({ name }) => !dataAttributes.has(name))
        .map(({ name, value }) => `${name}=${JSON.stringify(value)}`)
        .sort();
      lines.push(`${' '.repeat(depth)}${element.tagName.toLowerCase()} ${attributes.join(' ')}`);
      for (const child of element.children) walk(child, depth + 1);
    };
    walk(document.body, 0);
    return lines.join('\n');
  });
}
