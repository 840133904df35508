import type { Verification } from '@beeper-setup/client';
import { useState } from 'preact/hooks';
import type { WizardActions } from '../../use-wizard.js';
import { StepHeading } from '../StepHeading.js';
import { RecoveryKeyField } from './RecoveryKey.js';
import { submitted } from '../submitted.js';

interface VerifyDeviceProps {
  /** `false` in `needs-secrets`: the device is trusted and only the recovery key brings the secrets. */
  withOtherDevice: boolean;
  stopped: Verification | undefined;
  actions: WizardActions;
}

export function VerifyDevice({ withOtherDevice, stopped, actions }: VerifyDeviceProps) {
  const [recoveryKey, setRecoveryKey] = useState('');
  return (
    <section>
      <StepHeading>Verify this device</StepHeading>
      {stopped && <p class="notice">The verification stopped: {stopped.error?.reason ?? stopped.state}</p>}
      <form onSubmit={submitted(() => actions.unlock(recoveryKey.trim()))}>
        <h3>With your recovery key</h3>
        <RecoveryKeyField value={recoveryKey} onValue={setRecoveryKey} />
        <button type="submit">Unlock with recovery key</button>
      </form>
      {withOtherDevice && (
        <>
          <h3>With another device</h3>
          <p>Verify from another device where you are signed in to Beeper: it shows emojis to compare or a QR code.</p>
          <button type="button" onClick={actions.startVerification}>
            Verify with another device
          </button>
        </>
      )}
    </section>
  );
}
