import type { E2EEStatus, SetupState, Verification } from '@beeper-setup/contract';
import type { Account, Session } from '../model/records.js';

export const homeserver = 'https://matrix.beeper.com';

export interface Timings {
  /** How long `initializing` lasts after sign-in. */
  initializingMs: number;
  /** How long `needs-first-sync` lasts after the device receives the secrets. */
  firstSyncMs: number;
}

export interface SignedInDevice {
  account: Account;
  session: Session;
  /** The verification in progress on this device, if any. */
  verification?: Verification | undefined;
}

/** What is true of a device; each fact needs the one before it. */
interface DeviceFacts {
  initialized: boolean;
  crossSigning: boolean;
  verified: boolean;
  hasSecrets: boolean;
  firstSyncDone: boolean;
  recoveryKeyGeneratedAt?: number | undefined;
}

const nobodySignedIn: DeviceFacts = { initialized: false, crossSigning: false, verified: false, hasSecrets: false, firstSyncDone: false };

/**
 * The setup state, derived from a few stored facts so that `state` and the `e2ee` flags can never disagree.
 * Without a signed-in device it is the state of a device nobody has signed in on.
 */
export function deriveSetupState(device: SignedInDevice | undefined, now: number, timings: Timings): SetupState {
  if (!device) return { state: 'needs-login', e2ee: e2eeStatus(nobodySignedIn) };
  const { account, session, verification } = device;
  const facts = deviceFacts(account, session, now, timings);
  const setupState: SetupState = {
    state: stateName(facts),
    e2ee: e2eeStatus(facts),
    matrix: { deviceID: session.deviceID, homeserver, userID: account.userID },
  };
  if (verification) setupState.verification = verification;
  return setupState;
}

function deviceFacts(account: Account, session: Session, now: number, timings: Timings): DeviceFacts {
  const initialized = now >= session.signedInAt + timings.initializingMs;
  const crossSigning = initialized && account.recoveryKey !== undefined;
  const verified = crossSigning && session.verified;
  const { secretsReceivedAt } = session;
  const hasSecrets = verified && secretsReceivedAt !== undefined;
  const firstSyncDone = hasSecrets && now >= secretsReceivedAt + timings.firstSyncMs;
  return { initialized, crossSigning, verified, hasSecrets, firstSyncDone, recoveryKeyGeneratedAt: crossSigning ? account.recoveryKey?.generatedAt : undefined };
}

function stateName(facts: DeviceFacts): SetupState['state'] {
  if (!facts.initialized) return 'initializing';
  if (!facts.crossSigning) return 'needs-cross-signing-setup';
  if (!facts.verified) return 'needs-verification';
  if (!facts.hasSecrets) return 'needs-secrets';
  if (!facts.firstSyncDone) return 'needs-first-sync';
  return 'ready';
}

function e2eeStatus({ initialized, crossSigning, verified, hasSecrets, firstSyncDone, recoveryKeyGeneratedAt }: DeviceFacts): E2EEStatus {
  const status: E2EEStatus = {
    crossSigning,
    firstSyncDone,
    // Cross-signing is only ever set up together with secret storage, key backup and a confirmed recovery key.
    hasBackedUpRecoveryKey: crossSigning,
    initialized,
    keyBackup: crossSigning,
    secrets: { masterKey: hasSecrets, megolmBackupKey: hasSecrets, recoveryKey: hasSecrets, selfSigningKey: hasSecrets, userSigningKey: hasSecrets },
    secretStorage: crossSigning,
    verified,
  };
  if (recoveryKeyGeneratedAt !== undefined) status.recoveryKeyGeneratedAt = recoveryKeyGeneratedAt;
  return status;
}
