import { nextStep } from '@beeper-setup/client/flow';
import type { Context } from '../context.js';
import { CliError } from '../failures.js';
import { readSetupState, readSetupStateOrSignedOut } from '../session.js';
import { pollUntil } from '../wait.js';
import { signIn, type LoginOptions } from './login.js';
import { resetRecoveryKey, verifyRecoveryKey } from './recovery-key.js';
import { verifyDevice, type VerifyDeviceOptions } from './verify-device.js';

export type SetupOptions = LoginOptions & VerifyDeviceOptions & { verifyWith?: 'device' | 'recovery-key' };

const waiting = { initialized: 'Waiting while encryption is set up', 'first-sync-done': 'Waiting for the first encrypted sync' };

/** More steps than any real setup takes: past this, the server is not moving and looping would hide it. */
const maxSteps = 20;

/** Does whatever the setup state asks for next, until encrypted messaging is ready. */
export async function setup(context: Context, options: SetupOptions): Promise<void> {
  let session = (await readSetupStateOrSignedOut(context)) ?? (await signIn(context, options));
  for (let steps = 0; steps < maxSteps; steps++) {
    const step = nextStep(session);
    switch (step.step) {
      case 'sign-in':
        session = await signIn(context, options);
        continue;
      case 'wait':
        session = await pollUntil(context, waiting[step.until], () => readSetupState(context), (now) => now.state !== session.state);
        continue;
      case 'create-recovery-key':
        await resetRecoveryKey(context);
        break;
      case 'enter-recovery-key':
        await verifyRecoveryKey(context);
        break;
      case 'verify-device': {
        const how = step.verification
          ? 'device'
          : await context.input.choose({
              message: 'How do you want to verify this device?',
              flag: '--verify-with',
              given: options.verifyWith,
              options: [
                { value: 'device', label: 'With another signed-in device', hint: 'compare emojis or scan a QR code' },
                { value: 'recovery-key', label: 'With my recovery key' },
              ],
            });
        if (how === 'device') await verifyDevice(context, { ...options, start: true });
        else await verifyRecoveryKey(context);
        break;
      }
      case 'done':
        return context.output.success('Encrypted messaging is ready on this device.');
    }
    session = await readSetupState(context);
  }
  throw new CliError(`Setup is not moving (still ${session.state}). Run \`beeper-setup status\` to see where it stands.`);
}

