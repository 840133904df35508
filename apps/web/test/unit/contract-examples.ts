// The contract's own examples as fixtures, so these tests follow the contract when it changes.
import type { Problem, SetupState, Verification } from '@beeper-setup/client';
import { example } from '@beeper-setup/testing-kit';

export const stateExample = (name: string): SetupState => example(name);
export const problemExample = (name: string): Problem => example(name);
export const verificationExample = (name: string): Verification => example(name).verification;
