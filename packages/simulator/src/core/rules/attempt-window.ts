import { TooManyAttemptsError } from '../problems.js';

/**
 * Wrong attempts per key (an email, an account) in a sliding window, across setup requests and sessions: a new
 * setup request or a new sign-in starts its own count, so without this each one would give fresh guesses.
 */
export class AttemptWindow {
  /**
   * The times of the wrong attempts still in the window, oldest first, by key; the keys in the order of their
   * newest attempt, so that the keys whose attempts have all left the window are the first ones.
   */
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Throws 429 while the key has used up its attempts, until the oldest of them leaves the window. */
  assertUnderLimit(key: string, now: number): void {
    this.forgetOutOfWindow(now);
    const recent = this.recent(key, now);
    if (recent.length >= this.limit) throw new TooManyAttemptsError(Math.ceil((recent[0]! + this.windowMs - now) / 1000));
  }

  record(key: string, now: number): void {
    this.forgetOutOfWindow(now);
    const recent = this.recent(key, now);
    this.attempts.delete(key);
    this.attempts.set(key, [...recent, now]);
  }

  /** How many keys are remembered: only those with an attempt still in the window, once one is recorded or checked. */
  get size(): number {
    return this.attempts.size;
  }

  clear(): void {
    this.attempts.clear();
  }

  private recent(key: string, now: number): number[] {
    return (this.attempts.get(key) ?? []).filter((time) => time > now - this.windowMs);
  }

  /** Keys that are never seen again would otherwise stay forever. */
  private forgetOutOfWindow(now: number): void {
    for (const [key, times] of this.attempts) {
      if (times.at(-1)! > now - this.windowMs) return;
      this.attempts.delete(key);
    }
  }
}

const fifteenMinutes = 15 * 60 * 1000;
/** As the contract decides for sign-in codes per email; the same for recovery keys per account. */
export const wrongAttemptsPerWindow = () => new AttemptWindow(10, fifteenMinutes);
