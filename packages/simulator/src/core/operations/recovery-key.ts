import type { ConfirmRecoveryKeyResetRequest, RecoveryKeyResetResponse, ResetRecoveryKeyRequest, SessionResponse, VerifyRecoveryKeyRequest } from '@beeper-setup/contract';
import type { Session } from '../model/records.js';
import { ProblemError } from '../problems.js';
import { digestOfRecoveryKey, newRecoveryKey, recoveryKeyMatches } from '../rules/recovery-key-format.js';
import { assertNotLockedOut, forgetWrongAttempts, recordWrongAttempt } from '../rules/wrong-attempts.js';
import { assertSetupState, currentSetupState, type SimulatorContext } from './context.js';

export function verifyRecoveryKey(context: SimulatorContext, session: Session, { recoveryKey }: VerifyRecoveryKeyRequest): SessionResponse {
  assertSetupState(context, session, ['needs-verification', 'needs-secrets']);
  checkRecoveryKey(context, session, recoveryKey);
  session.verified = true;
  session.secretsReceivedAt ??= context.now();
  return { session: currentSetupState(context, session) };
}

export function resetRecoveryKey(context: SimulatorContext, session: Session, request: ResetRecoveryKeyRequest = {}): RecoveryKeyResetResponse {
  assertSetupState(context, session, ['needs-cross-signing-setup', 'needs-verification', 'needs-secrets', 'needs-first-sync', 'ready']);
  if (request.existingRecoveryKey !== undefined) checkRecoveryKey(context, session, request.existingRecoveryKey);
  const recoveryKey = newRecoveryKey();
  session.pendingRecoveryKeyDigest = digestOfRecoveryKey(recoveryKey);
  return { recoveryKey, session: currentSetupState(context, session) };
}

export function confirmRecoveryKeyReset(context: SimulatorContext, session: Session, { recoveryKey }: ConfirmRecoveryKeyResetRequest): SessionResponse {
  const pending = session.pendingRecoveryKeyDigest;
  if (pending === undefined) {
    throw new ProblemError('invalid_state', 'No new recovery key is waiting for confirmation. Create one with POST /v1/app/setup/verification/recovery-key/reset.');
  }
  if (!recoveryKeyMatches(recoveryKey, pending)) {
    throw new ProblemError('recovery_key_mismatch', 'The key differs from the new recovery key. Type it exactly as shown.');
  }
  context.world.accountOf(session).recoveryKey = { digest: pending, generatedAt: context.now() };
  delete session.pendingRecoveryKeyDigest;
  session.verified = true;
  session.secretsReceivedAt ??= context.now();
  return { session: currentSetupState(context, session) };
}

/** Compares the key with the account's; wrong keys count towards the session's lockout and the account's. */
function checkRecoveryKey(context: SimulatorContext, session: Session, recoveryKey: string): void {
  assertNotLockedOut(session.recoveryKeyAttempts, context.now());
  context.wrongAttempts.recoveryKeys.assertUnderLimit(session.userID, context.now());
  const expected = context.world.accountOf(session).recoveryKey;
  if (!expected || !recoveryKeyMatches(recoveryKey, expected.digest)) {
    recordWrongAttempt(session.recoveryKeyAttempts, context.now());
    context.wrongAttempts.recoveryKeys.record(session.userID, context.now());
    throw new ProblemError('invalid_recovery_key', 'The recovery key is wrong. Check it and try again.');
  }
  forgetWrongAttempts(session.recoveryKeyAttempts);
}
