import { unwrap, type SetupState } from '@beeper-setup/client';
import type { Context } from '../context.js';
import { retryWhileInteractive } from '../retry-while-interactive.js';

/** Unlocks this device with the recovery key the user saved. */
export async function verifyRecoveryKey(context: Context): Promise<SetupState> {
  context.input.ensureSecretsCanBeRead('the recovery key');
  const { session } = await retryWhileInteractive(context, 'invalid_recovery_key', 'That recovery key is not right. Check it and try again.', async () => {
    const recoveryKey = await context.input.secret({ message: 'Your recovery key', name: 'the recovery key' });
    return unwrap(context.client.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey } }));
  });
  context.output.success('This device is unlocked with your recovery key.');
  return session;
}

/** Creates a new recovery key, shows it once, and confirms it once the user typed it back. */
export async function resetRecoveryKey(context: Context): Promise<SetupState> {
  context.input.ensureSecretsCanBeRead('the new recovery key, typed back');
  const { recoveryKey } = await unwrap(context.client.POST('/v1/app/setup/verification/recovery-key/reset', { body: {} }));
  context.output.note(`${recoveryKey}\n\nSave it now, in a password manager for example:\nit is shown only this once.`, 'Your new recovery key');
  const { session } = await retryWhileInteractive(context, 'recovery_key_mismatch', 'That is not the key shown above. Type it exactly as shown.', async () => {
    const typed = await context.input.secret({ message: 'Type the new recovery key to confirm you saved it', name: 'the new recovery key' });
    return unwrap(context.client.POST('/v1/app/setup/verification/recovery-key/reset/confirm', { body: { recoveryKey: typed } }));
  });
  context.output.success('Your new recovery key is in effect.');
  return session;
}
