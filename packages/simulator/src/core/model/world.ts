import type { OutboxMessage } from '@beeper-setup/contract/control';
import { digestOf, newAccessToken } from '../security/secrets.js';
import { newDeviceID } from './ids.js';
import { noWrongAttempts, type Account, type Session, type SetupRequest, type VerificationRecord } from './records.js';

/** What the state file keeps: accounts and signed-in sessions. Setup requests, mail and verifications are short-lived. */
export interface SavedWorld {
  accounts: Account[];
  sessions: Session[];
}

/**
 * Everything a simulator knows, for another one that takes its place in the same process tree (`npm run dev` starts
 * a new simulator on each change of the contract): the short-lived records too, which the state file leaves out
 * (the outbox holds sign-in codes in clear).
 */
export interface WorldHandover extends SavedWorld {
  /** The setup requests in flight: each one's step, expiry and wrong code attempts. */
  setupRequests: SetupRequest[];
  /** Each device's verifications, by device ID. */
  verifications: [string, VerificationRecord[]][];
  /** Newest first. */
  outbox: OutboxMessage[];
}

// Bounds, so that a long-running simulator (or a script signing in in a loop) does not grow without end.
/** The outbox keeps the newest messages only. */
const outboxLimit = 1000;
/** An account keeps its newest sessions only: one more signs the oldest out, as its token stops working. */
export const sessionsPerAccount = 100;

/** Everything the simulator knows, with the lookups the operations need. */
export class World {
  /** By user ID. */
  private readonly accounts = new Map<string, Account>();
  /** By the digest of the access token, so a token is looked up without being stored. */
  private readonly sessions = new Map<string, Session>();
  /** By device ID. */
  private readonly verifications = new Map<string, VerificationRecord[]>();
  /** By ID, in the order they expire in: every request lives equally long, so that is the order they were added in. */
  private readonly setupRequests = new Map<string, SetupRequest>();
  /** Newest first. */
  private readonly outbox: OutboxMessage[] = [];
  /**
   * `seed` gives the accounts a fresh (or reset) world starts with; `saved`, a state file's records instead, or
   * another simulator's whole world.
   */
  constructor(
    private readonly seed: () => Account[],
    saved: SavedWorld | WorldHandover = { accounts: seed(), sessions: [] },
  ) {
    this.load(saved);
    if ('outbox' in saved) {
      for (const request of saved.setupRequests) this.setupRequests.set(request.id, request);
      for (const [deviceID, records] of saved.verifications) this.verifications.set(deviceID, records);
      this.outbox.push(...saved.outbox);
    }
  }

  /** Back to the seeded accounts: no sessions, no setup requests, no mail. */
  reset(): void {
    this.accounts.clear();
    this.sessions.clear();
    this.verifications.clear();
    this.setupRequests.clear();
    this.outbox.length = 0;
    this.load({ accounts: this.seed(), sessions: [] });
  }

  private load({ accounts, sessions }: SavedWorld): void {
    for (const account of accounts) this.accounts.set(account.userID, account);
    for (const session of sessions) this.sessions.set(session.tokenDigest, session);
  }

  snapshot(): SavedWorld {
    return { accounts: [...this.accounts.values()], sessions: [...this.sessions.values()] };
  }

  handover(): WorldHandover {
    return { ...this.snapshot(), setupRequests: [...this.setupRequests.values()], verifications: [...this.verifications], outbox: [...this.outbox] };
  }

  /** Every session's verifications. */
  sessionVerifications(): [Session, VerificationRecord[]][] {
    return [...this.sessions.values()].map((session) => [session, this.verifications.get(session.deviceID) ?? []]);
  }

  accountOf(session: Session): Account {
    return this.accounts.get(session.userID)!;
  }

  accountByEmail(email: string): Account | undefined {
    return [...this.accounts.values()].find((account) => account.email === email);
  }

  isUsernameTaken(username: string): boolean {
    return [...this.accounts.values()].some((account) => account.username === username);
  }

  addAccount(account: Account): void {
    this.accounts.set(account.userID, account);
  }

  /** A new device for the account, with a fresh access token (returned here only). */
  addSession(account: Account, now: number): { session: Session; accessToken: string } {
    const accessToken = newAccessToken();
    const session: Session = {
      tokenDigest: digestOf(accessToken),
      deviceID: newDeviceID(),
      userID: account.userID,
      signedInAt: now,
      verified: false,
      recoveryKeyAttempts: noWrongAttempts(),
      otherDeviceSharesSecrets: true,
    };
    this.sessions.set(session.tokenDigest, session);
    this.signOutAllBut(sessionsPerAccount, account);
    return { session, accessToken };
  }

  /** Signs out the account's oldest sessions (the sessions are kept in the order they signed in) but the newest `kept`. */
  private signOutAllBut(kept: number, account: Account): void {
    const ofAccount = [...this.sessions.values()].filter((session) => session.userID === account.userID);
    for (const session of ofAccount.slice(0, Math.max(0, ofAccount.length - kept))) {
      this.sessions.delete(session.tokenDigest);
      this.verifications.delete(session.deviceID);
    }
  }

  sessionByToken(accessToken: string): Session | undefined {
    return this.sessions.get(digestOf(accessToken));
  }

  sessionByDeviceID(deviceID: string): Session | undefined {
    return [...this.sessions.values()].find((session) => session.deviceID === deviceID);
  }

  verificationsOf(session: Session): VerificationRecord[] {
    let verifications = this.verifications.get(session.deviceID);
    if (!verifications) this.verifications.set(session.deviceID, (verifications = []));
    return verifications;
  }

  addSetupRequest(request: SetupRequest): void {
    this.setupRequests.set(request.id, request);
  }

  setupRequest(id: string): SetupRequest | undefined {
    return this.setupRequests.get(id);
  }

  /** The setup requests remembered, expired ones included, oldest first. */
  get setupRequestCount(): number {
    return this.setupRequests.size;
  }

  oldestSetupRequest(): SetupRequest | undefined {
    return this.setupRequests.values().next().value;
  }

  /** Forgets the setup requests that expired at or before `time`; only the oldest need looking at. */
  forgetSetupRequestsExpiredBy(time: number): void {
    for (const [id, request] of this.setupRequests) {
      if (request.expiresAt > time) return;
      this.setupRequests.delete(id);
    }
  }

  send(message: OutboxMessage): void {
    this.outbox.unshift(message);
    this.outbox.length = Math.min(this.outbox.length, outboxLimit);
  }

  /** Newest first; all messages, or those sent to one address. */
  messagesTo(email?: string): OutboxMessage[] {
    return email === undefined ? [...this.outbox] : this.outbox.filter((message) => message.email === email.toLowerCase());
  }
}
