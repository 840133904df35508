import { TooManyAttemptsError } from '../problems.js';

/**
 * Wrong attempts per key (an email, an account) in a sliding window, across setup requests and sessions: a new
 * setup request or a new sign-in starts its own count, so without this each one would give fresh guesses.
 */
export class AttemptWindow {
  /** The times of the wrong attempts still in the window, oldest first, by key. */
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Throws 429 while the key has used up its attempts, until the oldest of them leaves the window. */
  assertUnderLimit(key: string, now: number): void {
    const recent = this.recent(key, now);
    if (recent.length >= this.limit) throw new TooManyAttemptsError(Math.ceil((recent[0]! + this.windowMs - now) / 1000));
  }

  record(key: string, now: number): void {
    this.attempts.set(key, [...this.recent(key, now), now]);
  }

  clear(): void {
    this.attempts.clear();
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.attempts.get(key) ?? []).filter((time) => time > now - this.windowMs);
    if (recent.length === 0) this.attempts.delete(key);
    return recent;
  }
}

const fifteenMinutes = 15 * 60 * 1000;
/** As the contract decides for sign-in codes per email; the same for recovery keys per account. */
export const wrongAttemptsPerWindow = () => new AttemptWindow(10, fifteenMinutes);
