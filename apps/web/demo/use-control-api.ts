import type { OutboxMessage, Scenario } from '@beeper-setup/simulator/control';
import { useEffect, useState } from 'preact/hooks';
import { latestSignInCode, seededScenarios } from './control-api.js';

// Reading the outbox this often also keeps the Service Worker, and so the simulator's state, alive: a browser
// stops a worker that gets no event for about 30 seconds.
const outboxReadEveryMs = 1000;

/** The newest sign-in code, read again every second; a failed read keeps the last one until the next. */
export function useLatestSignInCode(): OutboxMessage | undefined {
  const [latest, setLatest] = useState<OutboxMessage | undefined>(undefined);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      await latestSignInCode().then(setLatest, () => undefined);
      timer = setTimeout(read, outboxReadEveryMs);
    };
    void read();
    return () => clearTimeout(timer);
  }, []);
  return latest;
}

/** The seeded scenarios, read once, or why they could not be. */
export function useScenarios(): Scenario[] | Error | undefined {
  const [scenarios, setScenarios] = useState<Scenario[] | Error | undefined>(undefined);
  useEffect(() => {
    seededScenarios().then(setScenarios, (error: unknown) => setScenarios(error instanceof Error ? error : new Error(String(error))));
  }, []);
  return scenarios;
}
