import type { Verification } from '@beeper-setup/client';
import { verificationStep } from '@beeper-setup/client/flow';

function inProgress(verification: Verification | undefined): verification is Verification {
  return verification !== undefined && verificationStep(verification) !== undefined;
}

/**
 * The verification to follow after a read of the setup state, whose `verification` is the newest one in progress:
 * it replaces the followed one when that one ended, or is the same one, newer. One that ended stays, to say how.
 */
export function followedVerification(followed: Verification | undefined, fromSession: Verification | undefined): Verification | undefined {
  if (!fromSession) return followed;
  if (!inProgress(followed) || followed.id === fromSession.id) return fromSession;
  return followed;
}

/** Whether the followed verification must be read on its own: it is in progress but the setup state no longer names it. */
export function needsOwnRead(followed: Verification | undefined, fromSession: Verification | undefined): followed is Verification {
  return inProgress(followed) && followed.id !== fromSession?.id;
}
