import type { SetupState } from '@beeper-setup/client';
import type { NextStep } from '@beeper-setup/client/flow';

/** What to run next, in words a person can act on. */
export function describeNextStep(step: NextStep): string {
  switch (step.step) {
    case 'sign-in':
      return 'Sign in: beeper-setup login';
    case 'wait':
      return step.until === 'initialized' ? 'Wait: encryption is being set up.' : 'Wait: the first encrypted sync is running.';
    case 'create-recovery-key':
      return 'Create a recovery key: beeper-setup recovery-key reset';
    case 'verify-device':
      return step.verification
        ? 'Finish the verification in progress: beeper-setup verify-device'
        : 'Verify this device from another one (beeper-setup verify-device) or with your recovery key (beeper-setup recovery-key verify)';
    case 'enter-recovery-key':
      return 'Enter your recovery key: beeper-setup recovery-key verify';
    case 'done':
      return 'Nothing: encrypted messaging is ready.';
  }
}

/** The e2ee checklist `status` prints. */
export function checklist(session: SetupState): string[] {
  const { e2ee } = session;
  const secrets = Object.values(e2ee.secrets);
  const held = secrets.filter(Boolean).length;
  const items: [boolean, string][] = [
    [session.matrix !== undefined, session.matrix ? `Signed in as ${session.matrix.userID} (device ${session.matrix.deviceID})` : 'Signed in'],
    [e2ee.crossSigning, 'Cross-signing set up'],
    [e2ee.verified, 'This device verified'],
    [held === secrets.length, `Encryption secrets on this device (${held} of ${secrets.length})`],
    [e2ee.keyBackup, 'Message key backup'],
    [e2ee.hasBackedUpRecoveryKey, 'Recovery key saved'],
    [e2ee.firstSyncDone, 'First encrypted sync done'],
  ];
  return items.map(([done, label]) => `${done ? '✔' : '✗'} ${label}`);
}
