import type { Scenario } from '@beeper-setup/contract/control';
import type { Account } from './model/records.js';
import { digestOfRecoveryKey } from './rules/recovery-key-format.js';
import { userIDOf } from './rules/usernames.js';
import { otherDevice } from './rules/verification-actions.js';

/** Alice's recovery key: test data, published on purpose (it is also the contract's example key). */
export const aliceRecoveryKey = 'EsTc 5rr1 4Jhp Uc18 hwCn 2b9T LSvj 5h4T TkP8 bdeK JG2Y URTJ';
const aliceRecoveryKeyGeneratedAt = Date.UTC(2026, 0, 1);

/** The accounts every fresh (or reset) simulator starts with. */
export function seededAccounts(): Account[] {
  return [
    { email: 'alice@example.com', username: 'alice', userID: userIDOf('alice'), recoveryKey: { digest: digestOfRecoveryKey(aliceRecoveryKey), generatedAt: aliceRecoveryKeyGeneratedAt } },
    { email: 'bob@example.com', username: 'bob', userID: userIDOf('bob') },
  ];
}

/** The seeded scenarios, as `GET /_sim/scenarios` lists them. */
export const scenarios: Scenario[] = [
  {
    email: 'alice@example.com',
    afterSignIn: 'needs-verification',
    exercises: 'An existing account with cross-signing: verify this device with the recovery key, or from her other device (SAS emojis or QR code).',
    userID: userIDOf('alice'),
    recoveryKey: aliceRecoveryKey,
    otherDevice: { ...otherDevice },
  },
  {
    email: 'bob@example.com',
    afterSignIn: 'needs-cross-signing-setup',
    exercises: 'An existing account without cross-signing: create a recovery key (reset), then confirm it.',
    userID: userIDOf('bob'),
  },
  {
    email: 'new.user@example.com',
    afterSignIn: 'registration-required',
    exercises: 'Any email without an account, such as this one: registration with usernames suggested from the local part (alice and bob are taken), then a new recovery key.',
  },
];
