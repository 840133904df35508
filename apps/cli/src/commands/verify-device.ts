import { unwrap, verificationActionPaths, type Verification } from '@beeper-setup/client';
import { hasEnded, verificationStep, type VerificationStep } from '@beeper-setup/client/flow';
import type { Context } from '../context.js';
import { CliError } from '../failures.js';
import type { Question } from '../input.js';
import { pollUntil } from '../wait.js';

export interface VerifyDeviceOptions {
  start?: boolean;
  accept?: boolean;
  method?: 'sas' | 'qr';
  emojisMatch?: boolean;
  qrScanned?: boolean;
  scan?: boolean;
  cancel?: string;
  reason?: string;
}

const byID = (verificationID: string) => ({ params: { path: { verificationID } } });

/** Verifies this device from another signed-in device: starts or accepts a verification and follows it to the end. */
export async function verifyDevice(context: Context, options: VerifyDeviceOptions): Promise<void> {
  const { client, input, output } = context;
  if (options.cancel) {
    const body = { code: 'm.user', ...(options.reason && { reason: options.reason }) };
    await unwrap(client.POST(verificationActionPaths.cancel, { ...byID(options.cancel), body }));
    return output.success(`Verification ${options.cancel} cancelled.`);
  }
  if (options.scan) {
    const data = await input.secret({ message: 'The QR code payload you scanned from your other device', name: 'the scanned QR payload' });
    const { verification } = await unwrap(client.POST('/v1/app/setup/verifications/qr/scan', { body: { data } }));
    return follow(context, started(verification), options);
  }
  const { items } = await unwrap(client.GET('/v1/app/setup/verifications'));
  const inProgress = items.find((verification) => !hasEnded(verification));
  if (inProgress) return follow(context, inProgress, options);

  const start = await input.confirm({ message: 'Ask your other signed-in devices to verify this one?', flag: '--start', given: options.start });
  if (!start) throw new CliError('No verification started.');
  const { verification } = await unwrap(client.POST('/v1/app/setup/verifications', { body: { purpose: 'login' } }));
  output.step('Open Beeper on your other device and accept the verification request.');
  return follow(context, started(verification), options);
}

/** Takes each action the verification asks for, waiting for the other device in between, until it ends. */
async function follow(context: Context, verification: Verification, options: VerifyDeviceOptions): Promise<void> {
  for (;;) {
    const step = verificationStep(verification);
    if (!step) return finished(context, verification);
    if (step.action === 'wait') {
      verification = await waitForOtherDevice(context, verification);
    } else if (step.action === 'sas.start' && verification.qr && (await chooseMethod(context, options)) === 'qr') {
      context.output.note(verification.qr.data, 'Scan this QR code payload with your other device');
      verification = await waitForOtherDevice(context, verification);
    } else {
      await agreeTo(context, verification, step.action, options);
      const { verification: after } = await unwrap(context.client.POST(verificationActionPaths[step.action], byID(verification.id)));
      verification = after ?? (await read(context, verification));
    }
  }
}

/** Asks the person before each action that vouches for the other device; a no cancels the verification. */
async function agreeTo(context: Context, verification: Verification, action: Exclude<VerificationStep['action'], 'wait'>, options: VerifyDeviceOptions): Promise<void> {
  switch (action) {
    case 'accept': {
      const device = verification.otherDevice?.name ?? verification.otherDevice?.id ?? 'another device';
      const question = { message: `Accept the verification request from ${device}?`, flag: '--accept', given: options.accept };
      return confirmOrCancel(context, verification, question, 'm.user', 'Declined on this device.');
    }
    case 'sas.confirm': {
      if (!verification.sas) throw new CliError('The server asked to confirm the emojis but sent none to compare. Nothing was verified.');
      const { emojis, decimals } = verification.sas;
      context.output.note(decimals ? `${emojis}\n\nor the numbers ${decimals}` : emojis, 'Compare with your other device');
      const question = { message: 'Do they match, in the same order?', flag: '--emojis-match', given: options.emojisMatch };
      return confirmOrCancel(context, verification, question, 'm.mismatched_sas', 'The emojis did not match.');
    }
    case 'qr.confirmScanned': {
      const question = { message: 'Did your other device scan the code and show it was verified?', flag: '--qr-scanned', given: options.qrScanned };
      return confirmOrCancel(context, verification, question, 'm.user', 'The QR code scan was not confirmed.');
    }
    case 'sas.start':
      return;
  }
}

async function confirmOrCancel(context: Context, verification: Verification, question: Question<boolean>, code: string, reason: string): Promise<void> {
  if (!(await context.input.confirm(question))) await cancel(context, verification, code, reason);
}

/** Emojis or QR code, once this device can show a QR code. */
function chooseMethod(context: Context, options: VerifyDeviceOptions): Promise<'sas' | 'qr'> {
  return context.input.choose({
    message: 'How do you want to verify?',
    flag: '--method',
    given: options.method,
    options: [
      { value: 'sas', label: 'Compare emojis' },
      { value: 'qr', label: 'Scan a QR code with the other device' },
    ],
  });
}

/** The verification a start or a scan answered with; the contract lets a server leave it out. */
function started(verification: Verification | undefined): Verification {
  if (!verification) throw new CliError('The server did not say which verification it started. Run `beeper-setup verify-device` to list them.');
  return verification;
}

/** The verification as the server sees it now. */
async function read(context: Context, verification: Verification): Promise<Verification> {
  const { verification: now } = await unwrap(context.client.GET('/v1/app/setup/verifications/{verificationID}', byID(verification.id)));
  if (!now) throw new CliError(`The server no longer shows the verification ${verification.id}. Run \`beeper-setup verify-device\` to list the active ones.`);
  return now;
}

function waitForOtherDevice(context: Context, verification: Verification): Promise<Verification> {
  const before = `${verification.state} ${verification.availableActions.join()}`;
  return pollUntil(context, 'Waiting for your other device', () => read(context, verification), (now) => `${now.state} ${now.availableActions.join()}` !== before);
}

async function cancel(context: Context, verification: Verification, code: string, reason: string): Promise<never> {
  await unwrap(context.client.POST(verificationActionPaths.cancel, { ...byID(verification.id), body: { code, reason } }));
  throw new CliError(`Verification cancelled: ${reason} Nothing was verified.`);
}

function finished(context: Context, verification: Verification): void {
  if (verification.state === 'done') return context.output.success('This device is verified.');
  throw new CliError(`The verification ended (${verification.state})${verification.error ? `: ${verification.error.reason}` : '.'}`);
}
