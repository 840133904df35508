import { describe, expect, it } from 'vitest';
import { deref, pointerRef, resolvedSegments, valueAt } from '../src/index.js';

const document = {
  components: {
    'a/b': { value: 'slash' },
    'm~n': { value: 'tilde' },
    '~1': { value: 'tilde one' },
    'x y%': { value: 'percent' },
    alias: { $ref: '#/components/a~1b' },
    aliasOfAlias: { $ref: '#/components/alias' },
    loop: { $ref: '#/components/loop' },
  },
  paths: { '/v1/app/setup/{id}': { get: { $ref: '#/components/aliasOfAlias' } } },
};

describe('deref', () => {
  it.each([
    ['#/components/a~1b', 'slash'],
    ['#/components/m~0n', 'tilde'],
    // ~01 is ~1, not /: ~1 is unescaped before ~0.
    ['#/components/~01', 'tilde one'],
    ['#/components/x%20y%25', 'percent'],
    ['#/components/aliasOfAlias', 'slash'],
  ])('follows %s', (ref, value) => {
    expect(deref(document, { $ref: ref })).toEqual({ value });
  });

  it('returns a node without a $ref as it is', () => {
    const node = { value: 1 };
    expect(deref(document, node)).toBe(node);
    expect(deref(document, undefined)).toBeUndefined();
  });

  it('gives undefined for a reference to nothing', () => {
    expect(deref(document, { $ref: '#/components/missing' })).toBeUndefined();
    expect(deref(document, { $ref: '#/components/toString' })).toBeUndefined();
  });

  it('refuses a reference that is not a local JSON Pointer, and a cycle', () => {
    expect(() => deref(document, { $ref: 'other.json#/components/alias' })).toThrow(/Not a local reference/);
    expect(() => deref(document, { $ref: '#components' })).toThrow(/Not a JSON Pointer/);
    expect(() => deref(document, { $ref: '#/components/loop' })).toThrow(/cycle/);
  });
});

describe('resolvedSegments', () => {
  it('follows the chain from a value to the reference tokens of its target', () => {
    expect(resolvedSegments(document, ['paths', '/v1/app/setup/{id}', 'get'])).toEqual(['components', 'a/b']);
    expect(resolvedSegments(document, ['components', 'm~n'])).toEqual(['components', 'm~n']);
  });
});

describe('pointerRef', () => {
  it.each([
    [['paths', '/v1/app/setup/{id}', 'get'], '#/paths/~1v1~1app~1setup~1%7Bid%7D/get'],
    [['components', 'm~n'], '#/components/m~0n'],
    [['components', '~1'], '#/components/~01'],
    [[], '#'],
  ])('names %j as %s, which resolves back to it', (segments, ref) => {
    expect(pointerRef(segments)).toBe(ref);
    expect(deref(document, { $ref: ref })).toBe(deref(document, valueAt(document, segments)));
  });
});
