export interface ManualClock {
  /** Pass as the simulator's `clock`. */
  now(): number;
  advance(ms: number): void;
}

/** A clock that stands still until the test moves it, for expiry, lockouts and timings. */
export function manualClock(start = Date.UTC(2026, 5, 1)): ManualClock {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
}
