import type { Verification } from '@beeper-setup/client';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { WizardActions } from '../use-wizard.js';

/** "Cancel verification", then an optional reason and the button that sends it. */
export function CancelVerification({ verification, actions }: { verification: Verification; actions: WizardActions }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const reasonField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) reasonField.current?.focus();
  }, [open]);
  return (
    <div class="cancel">
      <button type="button" class="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        Cancel verification
      </button>
      {open && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void actions.cancel(verification, 'm.user', reason.trim() || undefined);
          }}
        >
          <label for="cancel-reason">Reason (optional)</label>
          <input id="cancel-reason" ref={reasonField} value={reason} maxLength={1024} onInput={(event) => setReason(event.currentTarget.value)} />
          <button type="submit">Cancel the verification</button>
        </form>
      )}
    </div>
  );
}
