import type { Verification } from '@beeper-setup/client';
import type { WizardActions } from '../use-wizard.js';

export function IncomingRequest({ verification, actions }: { verification: Verification; actions: WizardActions }) {
  const device = verification.otherDevice?.name ?? verification.otherDevice?.id ?? 'Another device';
  return (
    <section class="banner incoming" aria-label="Verification request">
      <p>{device} wants to verify this device</p>
      <div class="actions">
        <button type="button" onClick={() => actions.accept(verification)}>
          Accept
        </button>
        <button type="button" class="secondary" onClick={() => actions.cancel(verification, 'm.user', undefined)}>
          Decline
        </button>
      </div>
    </section>
  );
}
