// The simulator's records: plain data, so that accounts and sessions can be saved to the state file as they are.
import type { Verification } from '@beeper-setup/contract';

/** Wrong sign-in codes of a setup request, or wrong recovery keys of a session. */
export interface WrongAttempts {
  count: number;
  /** Set once the limit is reached: until then every attempt answers 429. */
  lockedUntil?: number;
}

export const noWrongAttempts = (): WrongAttempts => ({ count: 0 });

export interface Account {
  email: string;
  username: string;
  userID: string;
  /** The account has a cross-signing identity exactly when it has a recovery key: both come from the same reset. */
  recoveryKey?: { digest: string; generatedAt: number };
}

/** A signed-in device, selected by its bearer token. */
export interface Session {
  tokenDigest: string;
  deviceID: string;
  userID: string;
  signedInAt: number;
  /** The device is trusted (by a verification, the recovery key or a new key). */
  verified: boolean;
  /** When the device received the encryption secrets; the first sync runs from then. */
  secretsReceivedAt?: number;
  /** A key from `resetRecoveryKey`, waiting for `confirmRecoveryKeyReset`. */
  pendingRecoveryKeyDigest?: string;
  recoveryKeyAttempts: WrongAttempts;
  /** Whether the simulated other device hands over the secrets when a verification is done. */
  otherDeviceSharesSecrets: boolean;
}

export type Side = 'this-device' | 'other-device';

export interface VerificationRecord {
  id: string;
  direction: Verification['direction'];
  methods: Verification['methods'];
  purpose: Verification['purpose'];
  state: Verification['state'];
  /** QR payloads, when `methods` has `qr`: the one this device shows, and the one the other device shows. */
  qrCodes?: { shownHere: string; shownThere: string };
  sas?: NonNullable<Verification['sas']>;
  sasConfirmedBy: Side[];
  error?: NonNullable<Verification['error']>;
}

export type SetupRequestStep =
  | { name: 'awaiting-email' }
  | { name: 'awaiting-code'; email: string; codeDigest: string }
  | { name: 'awaiting-registration'; email: string; leadTokenDigest: string }
  | { name: 'signed-in' };

export interface SetupRequest {
  id: string;
  expiresAt: number;
  step: SetupRequestStep;
  codeAttempts: WrongAttempts;
}
