import type { OutboxMessage, Scenario } from '@beeper-setup/simulator';
import { controlToken } from './simulator-worker.js';

async function readControlApi<Body>(path: string): Promise<Body> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${await controlToken()}` } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as Body;
}

/** The newest sign-in code the simulator "emailed", to any address. */
export async function latestSignInCode(): Promise<OutboxMessage | undefined> {
  return (await readControlApi<{ messages: OutboxMessage[] }>('/_sim/outbox')).messages[0];
}

export async function seededScenarios(): Promise<Scenario[]> {
  return (await readControlApi<{ scenarios: Scenario[] }>('/_sim/scenarios')).scenarios;
}
