import type { SetupRegistrationRequiredResponse, SetupState, Verification } from '@beeper-setup/client';
import { hasEnded, nextStep, verificationStep } from '@beeper-setup/client/flow';

/** Where the sign-in has got to on this page (the server keeps no such state before sign-in). */
export type SignInProgress =
  | { step: 'email' }
  | { step: 'code'; email: string; setupRequestID: string }
  | { step: 'register'; offer: SetupRegistrationRequiredResponse };

/** A new recovery key, between `reset` and `reset/confirm`: shown once, then typed back. */
export type NewKeyProgress = { step: 'save'; recoveryKey: string } | { step: 'confirm' };

export interface WizardState {
  /** `undefined` until the first read of the setup state. */
  session: SetupState | undefined;
  signIn: SignInProgress;
  newKey: NewKeyProgress | undefined;
  /** The verification this page follows, as last read. */
  verification: Verification | undefined;
}

export type Screen =
  | { name: 'loading' }
  | { name: 'sign-in-email' }
  | { name: 'sign-in-code'; email: string }
  | { name: 'registration'; offer: SetupRegistrationRequiredResponse }
  | { name: 'waiting'; until: 'initialized' | 'first-sync-done' }
  | { name: 'create-recovery-key' }
  | { name: 'save-recovery-key'; recoveryKey: string }
  | { name: 'confirm-recovery-key' }
  /**
   * `stopped` is a verification that ended without verifying, to say why; `incoming` a request another device sent,
   * waiting for this device to accept or decline (a banner above this step, not a step of its own).
   */
  | { name: 'verify-device'; withOtherDevice: boolean; stopped: Verification | undefined; incoming: Verification | undefined }
  | { name: 'waiting-for-other-device'; verification: Verification }
  | { name: 'choose-method'; verification: Verification }
  | { name: 'compare-emojis'; verification: Verification }
  | { name: 'qr-scanned'; verification: Verification }
  | { name: 'done' };

/** The step to show for the setup state and what this page has under way. */
export function screenOf({ session, signIn, newKey, verification }: WizardState): Screen {
  if (!session) return { name: 'loading' };
  if (newKey && session.state !== 'ready') return newKey.step === 'save' ? { name: 'save-recovery-key', recoveryKey: newKey.recoveryKey } : { name: 'confirm-recovery-key' };
  const step = nextStep(session);
  switch (step.step) {
    case 'sign-in':
      return signInScreen(signIn);
    case 'wait':
      return { name: 'waiting', until: step.until };
    case 'create-recovery-key':
      return { name: 'create-recovery-key' };
    case 'enter-recovery-key':
      return { name: 'verify-device', withOtherDevice: false, stopped: undefined, incoming: undefined };
    case 'verify-device':
      return verificationScreen(verification ?? session.verification);
    case 'done':
      return { name: 'done' };
  }
}

function signInScreen(signIn: SignInProgress): Screen {
  switch (signIn.step) {
    case 'email':
      return { name: 'sign-in-email' };
    case 'code':
      return { name: 'sign-in-code', email: signIn.email };
    case 'register':
      return { name: 'registration', offer: signIn.offer };
  }
}

/** An incoming request waiting for an answer stays on the verify step, as its `incoming`. */
function verificationScreen(verification: Verification | undefined): Screen {
  const step = verification && verificationStep(verification);
  if (!verification || !step || step.action === 'accept') {
    const stopped = verification && hasEnded(verification) && verification.state !== 'done' ? verification : undefined;
    return { name: 'verify-device', withOtherDevice: true, stopped, incoming: step?.action === 'accept' ? verification : undefined };
  }
  switch (step.action) {
    case 'wait':
      return { name: 'waiting-for-other-device', verification };
    case 'sas.start':
      return { name: 'choose-method', verification };
    case 'sas.confirm':
      return { name: 'compare-emojis', verification };
    case 'qr.confirmScanned':
      return { name: 'qr-scanned', verification };
  }
}
