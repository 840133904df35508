import type { OutboxMessage, Scenario } from '@beeper-setup/simulator/control';
import { useLatestSignInCode, useScenarios } from './use-control-api.js';

/** What the simulator would otherwise keep to itself: the emailed codes, and the accounts with their keys. */
export function SimulatorPanel() {
  return (
    <section class="simulator" aria-label="Simulator">
      <h2>Simulator (demo)</h2>
      <p>
        No server is involved: a simulator of the API runs in this browser, in a Service Worker, and answers the wizard
        below. Nothing is emailed, and the other device is simulated too: it accepts a verification request and
        confirms the emojis by itself.
      </p>
      <h3>Latest sign-in code</h3>
      <LatestSignInCode message={useLatestSignInCode()} />
      <h3>Accounts to try</h3>
      <Scenarios scenarios={useScenarios()} />
    </section>
  );
}

function LatestSignInCode({ message }: { message: OutboxMessage | undefined }) {
  if (!message) return <p>None yet: a code shows here once the wizard sends one.</p>;
  return (
    <p>
      Sign-in code for {message.email}: <code>{message.code}</code>
    </p>
  );
}

function Scenarios({ scenarios }: { scenarios: Scenario[] | Error | undefined }) {
  if (scenarios instanceof Error) return <p>The simulator did not list its accounts: {scenarios.message}</p>;
  return (
    <ul>
      {scenarios?.map(({ email, exercises, recoveryKey }) => (
        <li key={email}>
          <strong>{email}</strong>: {exercises}
          {recoveryKey && (
            <>
              {' '}
              Recovery key: <code>{recoveryKey}</code>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
