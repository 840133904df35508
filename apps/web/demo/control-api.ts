import { simulatorControl, type OutboxMessage, type Scenario } from '@beeper-setup/simulator/control';
import { controlToken } from './simulator-worker.js';

// The control client alone (`/control`): the simulator's core stays in the Service Worker, out of this page.
// The token is asked of the worker at each read, as a new worker has a new one; the page's own fetch goes through
// the worker that controls it.
async function control() {
  return simulatorControl(location.origin, await controlToken());
}

/** The newest sign-in code the simulator "emailed", to any address. */
export async function latestSignInCode(): Promise<OutboxMessage | undefined> {
  const [newest] = await (await control()).outbox();
  return newest;
}

export async function seededScenarios(): Promise<Scenario[]> {
  return (await control()).scenarios();
}
