import { useEffect, useRef } from 'preact/hooks';
import { nextPollDelayMs, type PollOutcome } from './view/backoff.js';

/** Calls `poll` while `active`, with the backoff of `nextPollDelayMs`; one call at a time. */
export function usePolling(active: boolean, poll: () => Promise<PollOutcome>): void {
  const latestPoll = useRef(poll);
  latestPoll.current = poll;
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let delay: number | undefined;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = (outcome: PollOutcome) => {
      delay = nextPollDelayMs(delay, outcome);
      timer = setTimeout(async () => {
        const next = await latestPoll.current();
        if (!stopped) schedule(next);
      }, delay);
    };
    schedule({ changed: true });
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active]);
}
