import type { SetupState, SetupStateName } from '@beeper-setup/contract';
import type { Session, VerificationRecord } from '../model/records.js';
import type { World } from '../model/world.js';
import { ProblemError } from '../problems.js';
import type { AttemptWindow } from '../rules/attempt-window.js';
import { deriveSetupState, type Timings } from '../rules/setup-state.js';
import { isInProgress, toContractVerification } from '../rules/verification-actions.js';

export interface Settings extends Timings {
  setupRequestTtlMs: number;
}

/** What every operation works with. */
export interface SimulatorContext {
  world: World;
  /** Wrong guesses across setup requests and sessions. Not saved: a restart forgets them. */
  wrongAttempts: {
    /** Wrong sign-in codes by email. */
    signInCodes: AttemptWindow;
    /** Wrong recovery keys by user ID. */
    recoveryKeys: AttemptWindow;
  };
  settings: Settings;
  now(): number;
  /** Told of every change to a verification, so that the simulated other device can react to it. */
  verificationChanged(session: Session, verification: VerificationRecord): void;
}

/** The session's setup state as the contract shows it, with the verification in progress (the newest), if any. */
export function currentSetupState(context: SimulatorContext, session: Session | undefined): SetupState {
  if (!session) return deriveSetupState(undefined, context.now(), context.settings);
  const account = context.world.accountOf(session);
  const inProgress = context.world.verificationsOf(session).findLast(isInProgress);
  const verification = inProgress && toContractVerification(inProgress, account.userID);
  return deriveSetupState({ account, session, verification }, context.now(), context.settings);
}

/** Throws 409 `invalid_state` unless the session is in one of `states`. */
export function assertSetupState(context: SimulatorContext, session: Session, states: SetupStateName[]): void {
  const { state } = currentSetupState(context, session);
  if (!states.includes(state)) throw new ProblemError('invalid_state', `This step is not valid while the setup state is ${state}.`);
}
