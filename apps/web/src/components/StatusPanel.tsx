import type { SetupState } from '@beeper-setup/client';
import { nextStep } from '@beeper-setup/client/flow';
import { e2eeChecklist } from '../view/e2ee-checklist.js';
import { nextStepText } from '../view/next-step-text.js';
import { setupStates } from '../view/setup-states.js';

export function StatusPanel({ session }: { session: SetupState | undefined }) {
  return (
    <aside aria-label="Setup status">
      <h2>Setup status</h2>
      <ol aria-label="Setup states" class="states">
        {setupStates.map((name) => (
          <li key={name} aria-current={session?.state === name ? 'step' : undefined}>
            {name}
          </li>
        ))}
      </ol>
      {session && (
        <>
          {session.matrix && (
            <p>
              Signed in as {session.matrix.userID} on device {session.matrix.deviceID}
            </p>
          )}
          <h3>Encrypted messaging</h3>
          <ul aria-label="Encrypted messaging" class="checklist">
            {e2eeChecklist(session.e2ee).map(({ text, done }) => (
              <li key={text} class={done ? 'yes' : 'no'}>
                {text}
              </li>
            ))}
          </ul>
          <p>Next step: {nextStepText(nextStep(session))}</p>
        </>
      )}
    </aside>
  );
}
