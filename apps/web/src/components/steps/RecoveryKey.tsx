import { useState } from 'preact/hooks';
import type { WizardActions } from '../../use-wizard.js';
import { Field } from '../Field.js';
import { StepHeading } from '../StepHeading.js';
import { submitted } from '../submitted.js';

export function CreateRecoveryKey({ actions }: { actions: WizardActions }) {
  return (
    <section>
      <StepHeading>Create a recovery key</StepHeading>
      <p>Your account has no recovery key yet. The recovery key unlocks your encrypted messages on new devices.</p>
      <button type="button" onClick={actions.createRecoveryKey}>
        Create recovery key
      </button>
    </section>
  );
}

export function SaveRecoveryKey({ recoveryKey, actions }: { recoveryKey: string; actions: WizardActions }) {
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopied('Copied to the clipboard.');
    } catch {
      // No clipboard outside a secure context, or the permission was refused.
      setCopied('Copying is not available here: select the key and copy it yourself.');
    }
  };
  return (
    <section>
      <StepHeading>Save your recovery key</StepHeading>
      <p>Save it now, in a password manager for example: it is shown only this once.</p>
      <p>
        <code class="recovery-key">{recoveryKey}</code>
      </p>
      <div class="actions">
        <button type="button" class="secondary" onClick={copy}>
          Copy to clipboard
        </button>
        <button type="button" onClick={actions.savedRecoveryKey}>
          I saved it
        </button>
      </div>
      <p aria-live="polite">{copied}</p>
    </section>
  );
}

export function ConfirmRecoveryKey({ actions }: { actions: WizardActions }) {
  const [typed, setTyped] = useState('');
  return (
    <section>
      <StepHeading>Confirm your recovery key</StepHeading>
      <p>Type the recovery key you saved, to show that you have it.</p>
      <form onSubmit={submitted(() => actions.confirmRecoveryKey(typed.trim()))}>
        <RecoveryKeyField value={typed} onValue={setTyped} />
        <button type="submit">Confirm recovery key</button>
      </form>
    </section>
  );
}

export function RecoveryKeyField({ value, onValue }: { value: string; onValue: (value: string) => void }) {
  return <Field label="Recovery key" type="password" autocomplete="off" required maxLength={256} value={value} onValue={onValue} />;
}
