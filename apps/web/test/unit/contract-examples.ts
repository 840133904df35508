// The contract's own examples as fixtures, so these tests follow the contract when it changes.
import type { Problem, SetupState, Verification } from '@beeper-setup/client';
import document from '@beeper-setup/contract/openapi.json' with { type: 'json' };

const examples = document.components.examples as Record<string, { value: unknown }>;

function example(name: string): unknown {
  const found = examples[name];
  if (!found) throw new Error(`The contract has no example ${name}.`);
  return structuredClone(found.value);
}

export const stateExample = (name: string) => example(name) as SetupState;
export const problemExample = (name: string) => example(name) as Problem;
export const verificationExample = (name: string) => (example(name) as { verification: Verification }).verification;
