import { expect, it } from 'vitest';
import { example } from '@beeper-setup/testing-kit';
import type { Account, Session } from '../src/core/model/records.js';
import { deriveSetupState, type SignedInDevice } from '../src/core/rules/setup-state.js';

// The contract's state examples show alice's device BDSKTOPX7Q2 with a key generated at 1767225600000.
const now = Date.UTC(2026, 5, 1);
const timings = { initializingMs: 2000, firstSyncMs: 3000 };
const alice: Account = { email: 'alice@example.com', username: 'alice', userID: '@alice:beeper.com', recoveryKey: { digest: 'unused', generatedAt: 1767225600000 } };
const { recoveryKey: _, ...aliceWithoutCrossSigning } = alice;

function device(session: Partial<Session>, account = alice): SignedInDevice {
  const base: Session = {
    tokenDigest: 'unused',
    deviceID: 'BDSKTOPX7Q2',
    userID: account.userID,
    signedInAt: now - 60_000,
    verified: false,
    recoveryKeyAttempts: { count: 0 },
    otherDeviceSharesSecrets: true,
  };
  return { account, session: { ...base, ...session } };
}

const cases: [example: string, device: SignedInDevice | undefined][] = [
  ['StateNeedsLogin', undefined],
  ['StateInitializing', device({ signedInAt: now - timings.initializingMs + 1 })],
  ['StateNeedsCrossSigningSetup', device({}, aliceWithoutCrossSigning)],
  ['StateNeedsVerification', device({})],
  ['StateNeedsVerificationIncoming', { ...device({}), verification: example('StateNeedsVerificationIncoming').verification }],
  ['StateNeedsSecrets', device({ verified: true })],
  ['StateNeedsFirstSync', device({ verified: true, secretsReceivedAt: now - timings.firstSyncMs + 1 })],
  ['StateReady', device({ verified: true, secretsReceivedAt: now - timings.firstSyncMs })],
];

it.each(cases)('derives exactly the contract example %s from the stored facts', (name, signedIn) => {
  expect(deriveSetupState(signedIn, now, timings)).toEqual(example(name));
});

it('leaves initializing exactly when initializingMs has passed', () => {
  const justSignedIn = device({ signedInAt: now });
  expect(deriveSetupState(justSignedIn, now + timings.initializingMs - 1, timings).state).toBe('initializing');
  expect(deriveSetupState(justSignedIn, now + timings.initializingMs, timings).state).toBe('needs-verification');
});
