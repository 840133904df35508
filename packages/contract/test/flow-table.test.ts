import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defaultServerUrl,
  deref,
  endedVerificationStates,
  findOperation,
  verificationActionOperations,
  verificationActionPaths,
  type OperationId,
  type paths,
  type Verification,
  type VerificationAction,
} from '../src/index.js';
import bundle from '../openapi.json' with { type: 'json' };

const document = bundle as unknown as { servers: { url: string; description: string }[]; components: { examples: Record<string, { value: unknown }> } };

describe('verificationActionOperations and verificationActionPaths', () => {
  it('name every verification action, with literal types that openapi-fetch takes as paths', () => {
    expectTypeOf<keyof typeof verificationActionOperations>().toEqualTypeOf<VerificationAction>();
    expectTypeOf<keyof typeof verificationActionPaths>().toEqualTypeOf<VerificationAction>();
    expectTypeOf<(typeof verificationActionOperations)[VerificationAction]>().toExtend<OperationId>();
    expectTypeOf<(typeof verificationActionPaths)[VerificationAction]>().toExtend<keyof paths>();
    expect(Object.keys(verificationActionPaths).sort()).toEqual(Object.keys(verificationActionOperations).sort());
  });

  it.each(Object.entries(verificationActionPaths))('%s: POST on its path is its operation', (action, path) => {
    expect(findOperation('POST', path)).toBe(verificationActionOperations[action as VerificationAction]);
  });
});

/** Every verification among the contract's shared examples, by example name. */
const verificationExamples = Object.entries(document.components.examples).flatMap(([name, { value }]) => {
  const { verification } = deref(document, value) as { verification?: Verification };
  return verification ? [[name, verification] as const] : [];
});

describe('endedVerificationStates', () => {
  it('are states of a verification', () => {
    expectTypeOf<(typeof endedVerificationStates)[number]>().toExtend<Verification['state']>();
  });

  it('is checked against examples of ended verifications and of others', () => {
    const ended = (verification: Verification) => (endedVerificationStates as readonly string[]).includes(verification.state);
    expect(verificationExamples.filter(([, verification]) => ended(verification)).length).toBeGreaterThanOrEqual(2);
    expect(verificationExamples.filter(([, verification]) => !ended(verification)).length).toBeGreaterThanOrEqual(4);
  });

  it.each(verificationExamples)('%s: no action is available exactly when it has ended', (_, verification) => {
    expect(verification.availableActions.length === 0).toBe((endedVerificationStates as readonly string[]).includes(verification.state));
  });
});

describe('defaultServerUrl', () => {
  it('is the first of the servers, the one described as the default', () => {
    const [first] = document.servers;
    expect(defaultServerUrl).toBe(first!.url);
    expect(first!.description).toContain('(default)');
  });
});
