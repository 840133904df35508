import type { SetupState } from '@beeper-setup/client';

type E2ee = SetupState['e2ee'];
type Flag = Exclude<keyof E2ee, 'secrets' | 'recoveryKeyGeneratedAt'>;
type Secret = keyof E2ee['secrets'];

// Records, so that a flag added to the contract fails to compile until it has a label.
const flagLabels: Record<Flag, string> = {
  initialized: 'Encryption started',
  crossSigning: 'Cross-signing',
  secretStorage: 'Secret storage',
  keyBackup: 'Message key backup',
  hasBackedUpRecoveryKey: 'Recovery key saved',
  verified: 'This device verified',
  firstSyncDone: 'First encrypted sync',
};
const secretLabels: Record<Secret, string> = {
  masterKey: 'Master key on this device',
  selfSigningKey: 'Self-signing key on this device',
  userSigningKey: 'User-signing key on this device',
  megolmBackupKey: 'Backup key on this device',
  recoveryKey: 'Recovery key on this device',
};

export interface ChecklistItem {
  /** "<label>: yes" or "<label>: no". */
  text: string;
  done: boolean;
}

/** One item per `e2ee` boolean. */
export function e2eeChecklist(e2ee: E2ee): ChecklistItem[] {
  const line = (label: string, done: boolean) => ({ text: `${label}: ${done ? 'yes' : 'no'}`, done });
  return [
    ...Object.entries(flagLabels).map(([flag, label]) => line(label, e2ee[flag as Flag])),
    ...Object.entries(secretLabels).map(([secret, label]) => line(label, e2ee.secrets[secret as Secret])),
  ];
}
