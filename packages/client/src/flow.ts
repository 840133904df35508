import type { SetupRegistrationRequiredResponse, SetupState, SignInResult, Verification, VerificationAction } from '@beeper-setup/contract';

/** `completeSignIn` answered that no account exists yet: register one with `registerAccount`. */
export function isRegistrationRequired(result: SignInResult): result is SetupRegistrationRequiredResponse {
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

/**
 * The step for every state but `needs-verification`, which depends on the verification in progress. A Record, so a
 * state added to the contract fails to compile until it is placed here.
 */
const stepOf: Record<Exclude<SetupState['state'], 'needs-verification'>, NextStep> = {
  'needs-login': { step: 'sign-in' },
  initializing: { step: 'wait', until: 'initialized' },
  'needs-cross-signing-setup': { step: 'create-recovery-key' },
  'needs-secrets': { step: 'enter-recovery-key' },
  'needs-first-sync': { step: 'wait', until: 'first-sync-done' },
  ready: { step: 'done' },
};

export function nextStep({ state, verification }: SetupState): NextStep {
  if (state === 'needs-verification') return { step: 'verify-device', verification: verification && verificationStep(verification) };
  if (!Object.hasOwn(stepOf, state)) throw new Error(`Unknown setup state: ${String(state)}`);
  return { ...stepOf[state] };
}

/** Which of a verification's available actions moves it forward; `undefined` once it has ended. */
export function verificationStep(verification: Verification): VerificationStep | undefined {
  const { availableActions: actions } = verification;
  const action = forwardActions.find((candidate) => actions.includes(candidate));
  if (action) return { verification, action };
  return actions.includes('cancel') ? { verification, action: 'wait' } : undefined;
}

/**
 * Every action but `cancel`, by preference (the keys' order): answer the other device first, then confirm, then start
 * the emoji comparison. A Record, so a verification action added to the contract fails to compile until placed here.
 */
const forwardActions = Object.keys({ accept: 0, 'sas.confirm': 0, 'qr.confirmScanned': 0, 'sas.start': 0 } satisfies Record<Exclude<VerificationAction, 'cancel'>, 0>) as Exclude<
  VerificationAction,
  'cancel'
>[];
