import { endedVerificationStates, type SetupRegistrationRequiredResponse, type SetupState, type SignInResult, type Verification, type VerificationAction } from '@beeper-setup/contract';

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

/** What to do next to bring the device to `ready`, from its setup state (`GET /v1/app/setup`). */
export function nextStep({ state, verification }: SetupState): NextStep {
  if (state === 'needs-verification') return { step: 'verify-device', verification: verification && verificationStep(verification) };
  if (!Object.hasOwn(stepOf, state)) throw new Error(`Unknown setup state: ${String(state)}`);
  return { ...stepOf[state] };
}

/** Whether the verification has ended (`done`, `cancelled` or `error`, as the contract marks them): nothing is left to do on it. */
export function hasEnded(verification: Pick<Verification, 'state'>): boolean {
  return (endedVerificationStates as readonly string[]).includes(verification.state);
}

/** Which of a verification's available actions moves it forward; `undefined` once it has ended. */
export function verificationStep(verification: Verification): VerificationStep | undefined {
  if (hasEnded(verification)) return undefined;
  // The contract's table of available actions offers at most one besides `cancel` in each state.
  const action = verification.availableActions.find((available) => available !== 'cancel');
  return { verification, action: action ?? 'wait' };
}
