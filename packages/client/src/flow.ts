import type { components } from '@beeper-setup/contract';

type Schemas = components['schemas'];
export type SetupState = Schemas['SetupState'];
export type Verification = Schemas['Verification'];
export type VerificationAction = Schemas['VerificationAction'];
export type SignInResult = Schemas['SignInResult'];
export type RegistrationRequired = Schemas['SetupRegistrationRequiredResponse'];

/** `completeSignIn` answered that no account exists yet: register one with `registerAccount`. */
export function isRegistrationRequired(result: SignInResult): result is RegistrationRequired {
  return 'registrationRequired' in result && result.registrationRequired === true;
}

/** What an app should do next to bring the device to `ready`. */
export type NextStep =
  | { step: 'sign-in' }
  | { step: 'wait'; until: 'initialized' | 'first-sync-done' }
  | { step: 'create-recovery-key' }
  /** Verify from another device (`verification` is the one in progress, if any) or with the recovery key. */
  | { step: 'verify-device'; verification: VerificationStep | undefined }
  | { step: 'enter-recovery-key' }
  | { step: 'done' };

export interface VerificationStep {
  verification: Verification;
  /** The action to call now, or `wait` while the other device acts. */
  action: Exclude<VerificationAction, 'cancel'> | 'wait';
}

export function nextStep(session: SetupState): NextStep {
  const { state } = session;
  switch (state) {
    case 'needs-login':
      return { step: 'sign-in' };
    case 'initializing':
      return { step: 'wait', until: 'initialized' };
    case 'needs-cross-signing-setup':
      return { step: 'create-recovery-key' };
    case 'needs-verification':
      return { step: 'verify-device', verification: session.verification && verificationStep(session.verification) };
    case 'needs-secrets':
      return { step: 'enter-recovery-key' };
    case 'needs-first-sync':
      return { step: 'wait', until: 'first-sync-done' };
    case 'ready':
      return { step: 'done' };
    default:
      return unknownState(state);
  }
}

/** Which of a verification's available actions moves it forward; `undefined` once it has ended. */
export function verificationStep(verification: Verification): VerificationStep | undefined {
  const { availableActions: actions } = verification;
  const action = forwardActions.find((candidate) => actions.includes(candidate));
  if (action) return { verification, action };
  return actions.includes('cancel') ? { verification, action: 'wait' } : undefined;
}

/**
 * Every action but `cancel`, by preference: answer the other device first, then confirm, then start the emoji
 * comparison. A Record, so a new action in the contract fails to compile until it is placed here.
 */
const preference: Record<Exclude<VerificationAction, 'cancel'>, number> = { accept: 0, 'sas.confirm': 1, 'qr.confirmScanned': 2, 'sas.start': 3 };
const forwardActions = (Object.keys(preference) as (keyof typeof preference)[]).sort((a, b) => preference[a] - preference[b]);

/** A compile error here means the contract gained a state that `nextStep` does not handle yet. */
function unknownState(state: never): never {
  throw new Error(`Unknown setup state: ${String(state)}`);
}
