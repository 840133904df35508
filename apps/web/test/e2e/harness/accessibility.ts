// axe-core on the page as it stands: a serious or critical violation fails, named with where it is.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const failing = new Set(['serious', 'critical']);

// Several flows pass through the same screens (every one starts with "Sign in"), and axe takes about a second a
// screen: each screen, by name, is checked until it has passed once in this test file.
const passed = new Set<string>();

export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  if (passed.has(screen)) return;
  const { violations } = await new AxeBuilder({ page }).analyze();
  const described = violations
    .filter((violation) => failing.has(violation.impact ?? ''))
    .map(({ id, impact, help, nodes }) =>
      [`${impact}: ${id}: ${help}`, ...nodes.map((node) => `  at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)].join('\n'),
    );
  expect(described, `axe on the screen "${screen}"`).toEqual([]);
  passed.add(screen);
}
