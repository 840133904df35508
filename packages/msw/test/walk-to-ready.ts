import { unwrap, verificationActionPaths, type SetupClient, type SetupState, type Verification } from '@beeper-setup/client';
import { nextStep, type VerificationStep } from '@beeper-setup/client/flow';

/** How the person at this device answers the steps that need them. */
export interface Person {
  /** Typed when asked for the recovery key; without one, the device is verified from the other device. */
  recoveryKey?: string | undefined;
  /** Plays the other device while this one waits on it; by default it only lets time pass. */
  otherDevice?: ((verification: Verification) => Promise<void>) | undefined;
}

export interface Walk {
  session: SetupState;
  /** Each step `nextStep` gave, with the verification action when there was one. */
  steps: string[];
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 10));

/** Follows `nextStep` from `session` until `done`, as an app's setup screen would. */
export async function walkToReady(client: SetupClient, session: SetupState, person: Person, maxSteps = 50): Promise<Walk> {
  const steps: string[] = [];
  while (steps.length < maxSteps) {
    const next = nextStep(session);
    steps.push(next.step === 'verify-device' && next.verification ? `verify-device: ${next.verification.action}` : next.step);
    switch (next.step) {
      case 'done':
        return { session, steps };
      case 'sign-in':
        throw new Error('The device was signed out.');
      case 'wait':
        await pause();
        session = await unwrap(client.GET('/v1/app/setup'));
        break;
      case 'create-recovery-key': {
        const { recoveryKey } = await unwrap(client.POST('/v1/app/setup/verification/recovery-key/reset', { body: {} }));
        session = (await unwrap(client.POST('/v1/app/setup/verification/recovery-key/reset/confirm', { body: { recoveryKey } }))).session;
        break;
      }
      case 'enter-recovery-key':
        session = await enterRecoveryKey(client, person);
        break;
      case 'verify-device':
        session = person.recoveryKey === undefined ? await verifyFromOtherDevice(client, next.verification, person) : await enterRecoveryKey(client, person);
        break;
    }
  }
  throw new Error(`Not ready after ${maxSteps} steps: ${steps.join(', ')}`);
}

async function enterRecoveryKey(client: SetupClient, { recoveryKey }: Person): Promise<SetupState> {
  if (recoveryKey === undefined) throw new Error('The recovery key is needed, and this person has none.');
  return (await unwrap(client.POST('/v1/app/setup/verification/recovery-key', { body: { recoveryKey } }))).session;
}

async function verifyFromOtherDevice(client: SetupClient, step: VerificationStep | undefined, { otherDevice = pause }: Person): Promise<SetupState> {
  if (!step) return (await unwrap(client.POST('/v1/app/setup/verifications', { body: { purpose: 'login' } }))).session;
  const { verification, action } = step;
  if (action === 'wait') {
    await otherDevice(verification);
    return unwrap(client.GET('/v1/app/setup'));
  }
  return (await unwrap(client.POST(verificationActionPaths[action], { params: { path: { verificationID: verification.id } } }))).session;
}
