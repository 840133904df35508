import type { NextStep } from '@beeper-setup/client/flow';

/** `nextStep()` in words a person can act on. */
export function nextStepText(step: NextStep): string {
  switch (step.step) {
    case 'sign-in':
      return 'Sign in with your email.';
    case 'wait':
      return step.until === 'initialized' ? 'Wait while encryption is set up.' : 'Wait for the first encrypted sync.';
    case 'create-recovery-key':
      return 'Create a recovery key.';
    case 'verify-device':
      return step.verification ? 'Finish the verification with your other device.' : 'Verify this device with another device or your recovery key.';
    case 'enter-recovery-key':
      return 'Enter your recovery key.';
    case 'done':
      return 'Nothing: encrypted messaging is ready.';
  }
}
