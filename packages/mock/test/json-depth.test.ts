import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../src/json-depth.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('nestsDeeperThan', () => {
  it.each([
    ['64 levels', nested(64), false],
    ['65 levels', nested(65), true],
    ['65 levels of objects and arrays', `${'{"a":['.repeat(33)}${']}'.repeat(33)}`, true],
    ['many siblings, each shallow', `[${Array.from({ length: 1_000 }, () => nested(3)).join(',')}]`, false],
    ['brackets inside a string', `{"a":"${'['.repeat(100)}"}`, false],
    ['an escaped quote, then brackets still in the string', `{"a":"\\"${'['.repeat(100)}"}`, false],
    ['an escaped backslash ending the string, then real nesting', `{"a":"\\\\",${'"b":'}${nested(65)}}`, true],
    ['malformed text that opens more than it closes', '['.repeat(65), true],
    ['an empty body', '', false],
  ] as const)('%s: %s', (_, text, deeper) => {
    expect(nestsDeeperThan(bytes(text), 64)).toBe(deeper);
  });

  it('counts a megabyte of openers without recursing (a parser would overflow its stack)', () => {
    expect(nestsDeeperThan(bytes('['.repeat(1024 * 1024)), Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});
